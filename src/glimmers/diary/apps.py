from django.apps import AppConfig


class DiaryConfig(AppConfig):
    name = "glimmers.diary"
    label = "diary"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the `folded` lookup and SQLite's folding function.
        from glimmers.lib import folding  # noqa: F401
