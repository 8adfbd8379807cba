from django.urls import path

from glimmers.conversations.views import pages

app_name = "conversations"
urlpatterns = [
    path("", pages.conversations, name="list"),
    path("<uuid:conversation_id>/", pages.detail, name="detail"),
    path("<uuid:conversation_id>/edit/", pages.edit, name="edit"),
    path("<uuid:conversation_id>/trash/", pages.trash, name="trash"),
    path("<uuid:conversation_id>/restore/", pages.restore, name="restore"),
]
