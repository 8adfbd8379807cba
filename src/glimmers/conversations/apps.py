from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "glimmers.conversations"
    label = "conversations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # A conversation's story is searchable with the glimmers named in it.
        from glimmers.conversations.services import stories
        from glimmers.diary.search import add_text_source

        add_text_source(stories)
