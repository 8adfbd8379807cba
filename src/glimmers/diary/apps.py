from django.apps import AppConfig


class DiaryConfig(AppConfig):
    name = "glimmers.diary"
    label = "diary"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from glimmers.diary import places, records, services

        # Registers the `folded` lookup and SQLite's folding function.
        from glimmers.lib import folding  # noqa: F401
        from glimmers.lib.records import leave_out_of_backups

        places.add_shelf(
            places.Shelf(
                "glimmers",
                "diary/_trash_glimmers.html",
                lambda owner: services.trashed_glimmers(owner).prefetch_related("photos"),
                services.empty_glimmer_trash,
            )
        )
        places.add_shelf(
            places.Shelf(
                "triggers",
                "diary/_trash_triggers.html",
                services.trashed_triggers,
                services.empty_trigger_trash,
            )
        )
        records.register()
        # Rebuilt from the entries after a restore.
        leave_out_of_backups("diary.DayTally", "diary.SearchDocument")
