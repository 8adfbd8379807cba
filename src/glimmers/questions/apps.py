from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "glimmers.questions"
    label = "questions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from glimmers.questions import records

        records.register()
