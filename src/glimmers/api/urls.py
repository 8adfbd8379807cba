from django.urls import path

from glimmers.api.api import api

urlpatterns = [
    path("api/v1/", api.urls),
]
