from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "glimmers.conversations"
    label = "conversations"
    default_auto_field = "django.db.models.BigAutoField"
