"""The booklet and the bookmarks as a reader sees them: PDF pages turned into PNG.

With GLIMMERS_UPDATE_SCREENS=1 the pictures land in docs/screens for the README; look at
them after any change to the layout.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import time_machine
from django.conf import settings
from django.utils import timezone
from PIL import Image, ImageDraw

from glimmers.booklet.services import BookletOptions, make_booklet, make_bookmarks
from glimmers.diary import services
from glimmers.diary.services import EntryInput
from glimmers.lib.photos import prepare_photo
from tests.booklet import pdfcheck
from tests.web.images import SimpleUploadedFile


def evening_light():
    """A small picture of low sun over a field, drawn on the spot."""
    image = Image.new("RGB", (900, 600))
    draw = ImageDraw.Draw(image)
    for y in range(600):
        t = y / 600
        sky = (int(250 - 60 * t), int(200 - 90 * t), int(140 - 40 * t))
        draw.line([(0, y), (900, y)], fill=sky if y < 400 else (92, 120, 70))
    draw.ellipse([560, 250, 680, 370], fill=(255, 226, 150))
    draw.rectangle([0, 400, 900, 600], fill=(86, 112, 66))
    import io

    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90)
    upload = SimpleUploadedFile("evening.jpg", out.getvalue(), content_type="image/jpeg")
    return prepare_photo(
        upload,
        max_bytes=settings.PHOTO_MAX_BYTES,
        max_pixels=settings.PHOTO_MAX_PIXELS,
        max_side=settings.PHOTO_MAX_SIDE,
    )


def a_week_of_glimmers(owner):
    def at(day, hour, minute=0):
        return datetime(2026, 3, day, hour, minute, tzinfo=timezone.get_current_timezone())

    add = services.add_glimmer
    add(
        owner,
        EntryInput(
            text="The kettle clicked off and the kitchen went quiet for a moment.",
            noticed_at=at(2, 7, 40),
            senses=["hearing", "body"],
            sense_lines={"hearing": "a soft click, then nothing"},
            body="my shoulders came down",
            tags=["morning"],
        ),
    )
    add(
        owner,
        EntryInput(
            text="Бабуся прислала фото пирога і написала: «Чекаю тебе».",
            noticed_at=at(2, 19, 5),
            senses=["sight", "intuition"],
            people=["Бабуся"],
            kind="conversation",
            intensity=5,
            tags=["родина"],
        ),
    )
    sunset = add(
        owner,
        EntryInput(
            text="Low sun over the allotments on the way home; I stopped the bike to look.",
            noticed_at=at(4, 18, 20),
            senses=["sight", "touch"],
            sense_lines={"sight": "gold on every leaf", "touch": "the air still warm"},
            body="slow breath out",
            intensity=4,
            tags=["outside"],
        ),
    )
    services.save_photos(sunset, [evening_light()])
    add(
        owner,
        EntryInput(
            text="Im Treppenhaus roch es nach frischem Brot aus dem zweiten Stock.",
            noticed_at=at(5, 8, 15),
            senses=["smell"],
            kind="moment",
        ),
    )
    add(
        owner,
        EntryInput(
            text="Grandad's hands on the piano, the summer I was nine.",
            noticed_at=at(6, 21, 0),
            senses=["hearing", "sight"],
            kind="memory",
            intensity=5,
            people=["Grandad"],
        ),
    )


@time_machine.travel(datetime(2026, 3, 7, 10, 0, tzinfo=UTC), tick=False)
def test_pictures_of_the_booklet_and_the_bookmarks(owner, screens):
    owner.first_name = "Olena"
    owner.save()
    with timezone.override("Europe/Kyiv"):
        a_week_of_glimmers(owner)
        printed = make_booklet(owner, BookletOptions(date(2026, 3, 1), date(2026, 3, 7)))
        bookmarks = make_bookmarks(owner)
    booklet_pngs = pdfcheck.save_pngs(printed.pdf, screens, "booklet", count=3)
    bookmark_pngs = pdfcheck.save_pngs(bookmarks.pdf, screens, "bookmarks", count=1)
    for path in [*booklet_pngs, *bookmark_pngs]:
        with Image.open(path) as image:
            assert pdfcheck.has_ink(image)
    cover = pdfcheck.pages(printed.pdf, scale=0.3)[0].text
    assert "Olena" in cover and "1 March 2026 – 7 March 2026" in " ".join(cover.split())
    text = pdfcheck.words(bookmarks.pdf)
    # The gentle default: the most recent strong glimmers.
    assert "Grandad's hands" in text and "Low sun" in text and "Бабуся прислала" in text
