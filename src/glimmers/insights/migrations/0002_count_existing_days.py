"""Count the days of diaries that existed before tallies did."""

from typing import Any

from django.db import migrations


def count_days(apps: Any, schema_editor: Any) -> None:
    from django.contrib.auth import get_user_model

    from glimmers.diary.tallies import rebuild

    for person in get_user_model().objects.all():
        rebuild(person)


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0001_day_tally"),
        ("diary", "0004_entry_version"),
        ("accounts", "0001_initial"),
    ]

    operations = [migrations.RunPython(count_days, migrations.RunPython.noop)]
