"""Day tallies stay equal to a full recount after every kind of change."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime

import pytest
from django.db import connection, connections

from glimmers.diary.models import HOUR_FIELDS, KIND_FIELDS, SENSE_FIELDS, DayTally, Glimmer
from glimmers.diary.profile import set_time_zone
from glimmers.diary.services import (
    EntryInput,
    add_glimmer,
    add_trigger,
    count_bean,
    edit_glimmer,
    move_to_trash,
    restore,
)
from glimmers.diary.tallies import rebuild
from glimmers.portability.export import export_json
from glimmers.portability.imports import import_file

# 22:30 UTC is already the next day in Kyiv (UTC+2 in winter).
LATE = datetime(2025, 1, 10, 22, 30, tzinfo=UTC)
NOON = datetime(2025, 1, 10, 10, 0, tzinfo=UTC)


def snapshot(owner):
    """Each day as (day, glimmers, strong, triggers, beans, senses, kinds, hours)."""
    rows = DayTally.objects.filter(owner=owner).order_by("day")
    return [
        (
            t.day,
            t.glimmers,
            t.strong,
            t.triggers,
            t.beans,
            {s: getattr(t, f) for s, f in SENSE_FIELDS.items() if getattr(t, f)},
            {k: getattr(t, f) for k, f in KIND_FIELDS.items() if getattr(t, f)},
            [getattr(t, name) for name in HOUR_FIELDS],
        )
        for t in rows
    ]


def recounted(owner):
    rebuild(owner)
    return snapshot(owner)


def test_each_change_keeps_the_days_right(owner):
    glimmer = add_glimmer(owner, EntryInput("warm bread", noticed_at=NOON, senses=["smell"]))
    add_glimmer(owner, EntryInput("stars", noticed_at=LATE, senses=["sight"], intensity=5))
    add_trigger(owner, EntryInput("a siren", noticed_at=NOON))
    count_bean(owner, counted_at=NOON)
    days = {row[0]: row for row in snapshot(owner)}
    assert set(days) == {date(2025, 1, 10), date(2025, 1, 11)}
    assert days[date(2025, 1, 10)][1:5] == (1, 0, 1, 1)
    assert days[date(2025, 1, 10)][5] == {"smell": 1}
    assert days[date(2025, 1, 10)][7][12] == 1  # noon UTC is 12:00 in Kyiv
    assert days[date(2025, 1, 11)][1:3] == (1, 1)
    assert days[date(2025, 1, 11)][7][0] == 1
    before = snapshot(owner)
    assert recounted(owner) == before

    # Moving a glimmer to another day takes it off the old day.
    edit_glimmer(glimmer, EntryInput("warm bread", noticed_at=LATE, senses=["smell", "taste"]))
    days = {row[0]: row for row in snapshot(owner)}
    assert days[date(2025, 1, 10)][1] == 0 and days[date(2025, 1, 11)][1] == 2
    assert snapshot(owner) == recounted(owner)

    move_to_trash(glimmer)
    assert {row[0]: row[1] for row in snapshot(owner)}[date(2025, 1, 11)] == 1
    assert snapshot(owner) == recounted(owner)
    restore(glimmer)
    assert {row[0]: row[1] for row in snapshot(owner)}[date(2025, 1, 11)] == 2
    assert snapshot(owner) == recounted(owner)


def test_an_emptied_day_disappears(owner):
    glimmer = add_glimmer(owner, EntryInput("rain", noticed_at=NOON))
    move_to_trash(glimmer)
    assert snapshot(owner) == []


def test_a_new_time_zone_counts_the_days_again(owner):
    add_glimmer(owner, EntryInput("stars", noticed_at=LATE))
    assert [row[0] for row in snapshot(owner)] == [date(2025, 1, 11)]
    set_time_zone(owner, "America/New_York")
    assert [row[0] for row in snapshot(owner)] == [date(2025, 1, 10)]


def test_an_import_is_counted(owner, stranger, tmp_path):
    for hour in range(5):
        add_glimmer(owner, EntryInput(f"moment {hour}", noticed_at=NOON.replace(hour=hour)))
    path = tmp_path / "diary.json"
    import json

    path.write_text(json.dumps(export_json(owner)))
    set_time_zone(stranger, "Europe/Kyiv")
    import_file(stranger, path)
    assert snapshot(stranger) == snapshot(owner)
    assert snapshot(stranger)[0][1] == 5


def test_others_days_are_their_own(owner, stranger):
    add_glimmer(owner, EntryInput("mine", noticed_at=NOON))
    assert snapshot(stranger) == []


@pytest.mark.django_db(transaction=True)
def test_captures_on_the_same_day_at_once_are_all_counted(owner):
    # Several people can tap "save" on the same day at the same moment (a phone syncing,
    # the CLI, the web): the day's row is locked while it is recounted.
    if connection.vendor == "sqlite":
        pytest.skip("SQLite writes one transaction at a time anyway")
    errors: list[BaseException] = []

    def capture(number: int) -> None:
        try:
            add_glimmer(owner, EntryInput(f"moment {number}", noticed_at=NOON))
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=capture, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert Glimmer.objects.filter(owner=owner).count() == 8
    assert DayTally.objects.get(owner=owner).glimmers == 8


def test_an_entry_with_its_own_zone_counts_on_its_writers_day_and_hour(owner, tmp_path):
    import json

    # 01:30 on 11 January in Tokyo is 18:30 on 10 January in Kyiv, the diary's zone.
    tokyo_night = {
        "uuid": "9" * 32,
        "creationDate": "2025-01-10T16:30:00Z",
        "timeZone": "Asia/Tokyo",
        "text": "snow under the street lamp",
    }
    path = tmp_path / "Journal.json"
    path.write_text(json.dumps({"metadata": {}, "entries": [tokyo_night]}))
    import_file(owner, path, "dayone")
    add_glimmer(owner, EntryInput("tea at home", noticed_at=NOON))
    days = {row[0]: row for row in snapshot(owner)}
    assert days[date(2025, 1, 11)][1] == 1 and days[date(2025, 1, 11)][7][1] == 1
    assert days[date(2025, 1, 10)][1] == 1  # only the tea
    assert snapshot(owner) == recounted(owner)

    # Changes to it keep its writer's day: moved a day back, to the trash and back.
    glimmer = Glimmer.objects.get(text="snow under the street lamp")
    edit_glimmer(glimmer, EntryInput("snow", noticed_at=datetime(2025, 1, 9, 16, 30, tzinfo=UTC)))
    assert snapshot(owner) == recounted(owner)
    assert {row[0] for row in snapshot(owner)} == {date(2025, 1, 10)}
    move_to_trash(glimmer)
    assert snapshot(owner) == recounted(owner)
    restore(glimmer)
    assert snapshot(owner) == recounted(owner)
    assert {row[0]: row[1] for row in snapshot(owner)} == {date(2025, 1, 10): 2}
