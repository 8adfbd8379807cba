from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("healthz", healthz),
    path("", include("glimmers.api.urls")),
    path("accounts/", include("glimmers.accounts.urls")),
    path("insights/", include("glimmers.insights.urls")),
    path("questions/", include("glimmers.questions.urls")),
    path("conversations/", include("glimmers.conversations.urls")),
    path("practice/", include("glimmers.practice.urls")),
    path("print/", include("glimmers.booklet.urls")),
    path("", include("glimmers.diary.urls")),
]
