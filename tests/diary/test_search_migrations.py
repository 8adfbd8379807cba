"""The search index's migrations go back and forth with glimmers in the diary, and the index
is whole after each step."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.db import connection

from glimmers.accounts.services import create_user
from glimmers.diary.queries import Filters, search
from glimmers.diary.services import EntryInput, add_glimmer


def find(owner, query, limit=None, **filters):
    return search(owner, query, Filters(**filters), limit=limit)


def _raw_matches(owner, word: str) -> int:
    """Glimmers the index finds for one word, asked in the database's own words (so it works
    whatever columns the documents have at this step)."""
    token = f"o{owner.pk}x{word}"
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM diary_search WHERE diary_search MATCH %s", [token])
        else:
            cursor.execute(
                "SELECT count(*) FROM diary_searchdocument"
                " WHERE vector @@ to_tsquery('simple', %s)",
                [token],
            )
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_the_facts_migration_goes_back_and_forth_keeping_the_index_whole():
    owner = create_user("migrating", None)
    when = datetime(2024, 5, 1, tzinfo=UTC)
    add_glimmer(owner, EntryInput("sun on the wall", noticed_at=when, senses=["sight"]))
    add_glimmer(owner, EntryInput("sun and rain", noticed_at=when, senses=["hearing"]))
    try:
        call_command("migrate", "diary", "0005", verbosity=0)
        assert _raw_matches(owner, "sun") == 2  # the words-only index, made again
    finally:
        call_command("migrate", verbosity=0)
    assert _raw_matches(owner, "sun") == 2
    found = find(owner, "sun", sense="hearing", since=when, limit=5)
    assert [glimmer.text for glimmer in found] == ["sun and rain"]
