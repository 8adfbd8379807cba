"""A small diary made through the real services, with the languages a booklet must carry."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from glimmers.diary import services
from glimmers.diary.services import EntryInput
from glimmers.lib.photos import prepare_photo
from tests.web import images

KYIV_TEXT = "Хліб у печі, і вся кухня пахне теплом"
GERMAN_TEXT = "Die Straßenbahn hielt, und ein Kind winkte mir zu"


def at(day: datetime, hour: int) -> datetime:
    return day.replace(hour=hour, minute=15, second=0, microsecond=0)


def fill(owner, *, photo: bool = True):
    """Glimmers on three days of the last week, one with a photo; a trigger; a trashed one."""
    today = timezone.localtime()
    two_days_ago = today - timedelta(days=2)
    yesterday = today - timedelta(days=1)
    bread = services.add_glimmer(
        owner,
        EntryInput(
            text=KYIV_TEXT,
            noticed_at=at(two_days_ago, 8),
            senses=["smell", "hearing"],
            sense_lines={"smell": "свіжий хліб", "hearing": "бабусина пісня"},
            body="плечі опустилися",
            people=["Бабуся"],
            tags=["дім"],
            intensity=5,
        ),
    )
    sun = services.add_glimmer(
        owner,
        EntryInput(
            text="Sun on the courtyard wall 🌞☀️ and the cat came to sit in it",
            noticed_at=at(two_days_ago, 10),
            senses=["sight", "touch"],
            sense_lines={"touch": "warm fur, warm stone"},
            tags=["home"],
            intensity=4,
        ),
    )
    if photo:
        services.save_photos(
            sun,
            [
                prepare_photo(
                    images.jpeg(1200, 800),
                    max_bytes=settings.PHOTO_MAX_BYTES,
                    max_pixels=settings.PHOTO_MAX_PIXELS,
                    max_side=settings.PHOTO_MAX_SIDE,
                )
            ],
        )
    tram = services.add_glimmer(
        owner,
        EntryInput(text=GERMAN_TEXT, noticed_at=at(yesterday, 9), senses=["sight"], kind="memory"),
    )
    hebrew = services.add_glimmer(
        owner,
        EntryInput(
            text="שלום from a friend, مرحبا from another",
            noticed_at=at(yesterday, 11),
            kind="conversation",
        ),
    )
    services.add_trigger(
        owner, EntryInput(text="Sirens at night", noticed_at=at(yesterday, 2), body="tight chest")
    )
    gone = services.add_glimmer(owner, EntryInput(text="thrown away", noticed_at=at(yesterday, 7)))
    services.move_to_trash(gone)
    return {"bread": bread, "sun": sun, "tram": tram, "hebrew": hebrew, "gone": gone}
