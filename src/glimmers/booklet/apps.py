from django.apps import AppConfig


class BookletConfig(AppConfig):
    name = "glimmers.booklet"
    label = "booklet"

    def ready(self) -> None:
        from glimmers.booklet import jobs  # noqa: F401  (its files go with their jobs)
