from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "glimmers.practice"
    label = "practice"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from glimmers.practice import places, records

        places.fill()
        records.register()
