"""The profile, kept edit conflicts and day tallies moved into the diary, device tokens into
accounts: their rows go with them, both ways, on both databases (only the tables' names
change)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.db import connection

from glimmers.accounts.models import DeviceToken
from glimmers.accounts.services import create_user
from glimmers.accounts.tokens import create_token, owner_of
from glimmers.diary.conflicts import edit_or_keep
from glimmers.diary.models import DayTally, EditConflict, Profile
from glimmers.diary.services import EntryInput, add_glimmer, edit_glimmer

OLD_TABLES = ["accounts_profile", "api_devicetoken", "api_editconflict", "insights_daytally"]
NEW_TABLES = ["diary_profile", "accounts_devicetoken", "diary_editconflict", "diary_daytally"]


def _rows(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
        return int(cursor.fetchone()[0])


@pytest.mark.django_db(transaction=True)
def test_the_moved_models_keep_their_rows_back_and_forth():
    owner = create_user("moving", None, time_zone="Europe/Kyiv")
    glimmer = add_glimmer(owner, EntryInput("bread", noticed_at=datetime(2025, 3, 1, tzinfo=UTC)))
    edit_glimmer(glimmer, EntryInput("warm bread", noticed_at=glimmer.noticed_at))
    edit_or_keep(glimmer, 1, EntryInput("bread, fresh", noticed_at=glimmer.noticed_at))
    _record, token = create_token(owner, "phone")
    counts = [1, 1, 1, 1]
    assert [_rows(table) for table in NEW_TABLES] == counts
    try:
        call_command("migrate", "diary", "0006", verbosity=0)
        assert [_rows(table) for table in OLD_TABLES] == counts
        tables = connection.introspection.table_names()
        assert not set(NEW_TABLES) & set(tables)
    finally:
        call_command("migrate", verbosity=0)
    assert [_rows(table) for table in NEW_TABLES] == counts
    assert Profile.objects.get(user=owner).time_zone == "Europe/Kyiv"
    assert DayTally.objects.get(owner=owner).glimmers == 1
    assert EditConflict.objects.get(owner=owner).data["text"] == "bread, fresh"
    assert DeviceToken.objects.get(owner=owner).name == "phone"
    assert owner_of(token) == owner
