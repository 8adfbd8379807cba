"""Glimmers and triggers made through the real services, for tests of the pages."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from glimmers.diary import services
from glimmers.diary.services import EntryInput


def glimmer(owner, text="light on the kitchen table", *, ago=timedelta(minutes=5), **fields):
    noticed_at = fields.pop("noticed_at", None) or timezone.now() - ago
    return services.add_glimmer(owner, EntryInput(text=text, noticed_at=noticed_at, **fields))


def trigger(owner, text="a door slammed", *, ago=timedelta(minutes=5), **fields):
    return services.add_trigger(
        owner, EntryInput(text=text, noticed_at=timezone.now() - ago, **fields)
    )
