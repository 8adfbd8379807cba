from django.urls import path

from glimmers.api import pwa, views
from glimmers.api.api import api

urlpatterns = [
    path("api/v1/", api.urls),
    path("sw.js", pwa.service_worker, name="service_worker"),
    path("api/tokens/new/", views.token_create, name="token_create"),
    path("api/tokens/<uuid:token_id>/revoke/", views.token_revoke, name="token_revoke"),
    path("api/conflicts/<uuid:conflict_id>/use/", views.conflict_use, name="conflict_use"),
    path("api/conflicts/<uuid:conflict_id>/keep/", views.conflict_keep, name="conflict_keep"),
]
