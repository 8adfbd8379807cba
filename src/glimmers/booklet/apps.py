from django.apps import AppConfig


class BookletConfig(AppConfig):
    name = "glimmers.booklet"
    label = "booklet"

    def ready(self) -> None:
        from glimmers.booklet import jobs  # noqa: F401  (its files go with their jobs)
        from glimmers.lib.records import leave_out_of_backups

        # A booklet is made again on request; a finished one is kept only a day.
        leave_out_of_backups("booklet.BookletJob")
