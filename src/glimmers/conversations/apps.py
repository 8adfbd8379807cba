from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "glimmers.conversations"
    label = "conversations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from glimmers.conversations import records, services
        from glimmers.diary import places
        from glimmers.diary.search import add_text_source

        # A conversation's story is searchable with the glimmers named in it.
        add_text_source(services.stories)
        places.add_shelf(
            places.Shelf(
                "conversations",
                "conversations/_trash.html",
                services.trashed,
                services.empty_trash,
            )
        )
        records.register()
