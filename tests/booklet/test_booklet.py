"""The booklet itself: what goes in, how it reads on paper (rendered to PNG by PDFium)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from glimmers.booklet.services import (
    MAX_SPAN_DAYS,
    BookletOptions,
    Preset,
    booklet_content,
    make_booklet,
    preset_days,
)
from glimmers.booklet.typeset import printable
from glimmers.diary import services
from glimmers.lib.photos import prepare_photo
from tests.booklet import diary, pdfcheck
from tests.web import entries, images


@pytest.fixture(autouse=True)
def kyiv_time():
    # The owner's zone, as the middleware and the CLI activate it.
    with timezone.override("Europe/Kyiv"):
        yield


def last_week() -> BookletOptions:
    since, until = preset_days(Preset.WEEK, timezone.localdate())
    return BookletOptions(since=since, until=until)


def test_a_week_reads_like_a_booklet(owner):
    diary.fill(owner)
    printed = make_booklet(owner, last_week())
    assert printed.glimmers == 4
    pages = pdfcheck.pages(printed.pdf)
    assert len(pages) == printed.pages >= 2
    for page in pages:
        width, height = page.image.size
        assert abs(height / width - pdfcheck.A4_RATIO) < 0.01
        assert pdfcheck.has_ink(page.image)
    cover = " ".join(pages[0].text.split())
    assert "olena" in cover and "4 glimmers" in cover and "on 2 days" in cover
    text = pdfcheck.words(printed.pdf)
    # Cyrillic and German come back out of the PDF as text, not as pictures of text.
    assert "Хліб у печі" in text and "Бабуся" in text and "#дім" in text
    assert "Straßenbahn" in text
    assert "I smelled… свіжий хліб" in text and "The body: плечі опустилися" in text
    assert "A memory" in text and "A conversation" in text
    # Emoji the font cannot draw are left out, with no empty box in their place.
    assert "courtyard wall ☀ and the cat" in text
    # Right-to-left words are shaped and read in their own order, not mirrored.
    assert "שלום" in text and "םולש" not in text and "مرحبا" in text
    # Never the trash, and triggers only when asked.
    assert "thrown away" not in text and "Sirens at night" not in text
    assert pdfcheck.image_count(printed.pdf) == 1


def test_triggers_and_no_photos_when_asked(owner):
    diary.fill(owner)
    options = last_week()
    printed = make_booklet(
        owner, BookletOptions(options.since, options.until, photos=False, triggers=True)
    )
    text = pdfcheck.words(printed.pdf)
    assert "Also noted: harder moments" in text and "Sirens at night — tight chest" in text
    assert pdfcheck.image_count(printed.pdf) == 0


def test_only_the_owners_glimmers_of_the_period(owner, stranger):
    diary.fill(owner)
    entries.glimmer(stranger, "a stranger's quiet morning", ago=timedelta(days=1))
    entries.glimmer(owner, "long ago", ago=timedelta(days=40))
    content = booklet_content(owner, last_week())
    texts = [glimmer.text for glimmer in content.glimmers]
    assert "a stranger's quiet morning" not in texts and "long ago" not in texts
    assert texts[0] == diary.KYIV_TEXT  # oldest first, as one reads a diary


def test_a_month_of_a_long_diary_reads_only_that_month(owner):
    """Queries stay the same however many glimmers lie outside the period."""
    today = timezone.localdate()
    for days in (1, 3):
        entries.glimmer(owner, f"recent {days}", ago=timedelta(days=days))

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            content = booklet_content(owner, BookletOptions(today - timedelta(days=29), today))
        assert len(content.glimmers) == 2
        assert all("noticed_at" in q["sql"] for q in captured.captured_queries[:2])
        return len(captured)

    before = queries()
    for days in range(40, 400, 12):
        entries.glimmer(owner, f"older {days}", ago=timedelta(days=days))
    assert queries() == before


def test_a_period_with_no_glimmers_says_so_kindly(owner):
    entries.glimmer(owner, "today's", ago=timedelta(minutes=1))
    with pytest.raises(ValidationError) as caught:
        make_booklet(owner, BookletOptions(date(2020, 3, 1), date(2020, 3, 31)))
    assert caught.value.messages == [
        "There are no glimmers from 1 March 2020 to 31 March 2020 yet, so there is nothing "
        "to print. Another period may hold some."
    ]


@pytest.mark.parametrize(
    ("since", "until", "message"),
    [
        (date(2024, 5, 2), date(2024, 5, 1), "The period ends before it begins"),
        (date(2000, 1, 1), date(2024, 1, 1), "A booklet covers at most ten years"),
    ],
)
def test_impossible_periods(owner, since, until, message):
    with pytest.raises(ValidationError) as caught:
        make_booklet(owner, BookletOptions(since, until))
    assert len(caught.value.messages) == 1 and caught.value.messages[0].startswith(message)


def test_ten_years_is_the_longest_period(owner):
    entries.glimmer(owner, "within", ago=timedelta(days=1))
    today = timezone.localdate()
    printed = make_booklet(owner, BookletOptions(today - timedelta(days=MAX_SPAN_DAYS - 1), today))
    assert printed.glimmers == 1


def test_presets_end_today():
    today = date(2024, 2, 29)
    assert preset_days(Preset.WEEK, today) == (date(2024, 2, 23), today)
    assert preset_days(Preset.MONTH, today) == (date(2024, 1, 31), today)
    assert preset_days(Preset.YEAR, today) == (date(2023, 3, 1), today)
    assert preset_days(Preset.YEAR, date(2024, 5, 1)) == (date(2023, 5, 2), date(2024, 5, 1))


@pytest.mark.parametrize("lang", ["uk", "de"])
def test_the_booklet_speaks_the_language(owner, lang):
    diary.fill(owner, photo=False)
    with translation.override(lang):
        text = pdfcheck.words(make_booklet(owner, last_week()).pdf)
    expected = {
        "uk": ["4 проблиски", "за 2 дні", "Чую запах… свіжий хліб", "Спогад"],
        "de": [
            "4 Glimmer",
            "an 2 Tagen",
            "Ich roch… свіжий хліб",
            "Eine Erinnerung",
            "Stichwörter: #дім",
        ],
    }[lang]
    missing = [phrase for phrase in expected if phrase not in text]
    assert not missing, text
    if lang == "uk":  # "7 березня", not "7 березень": the month as a date says it
        genitive = (
            "січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня"
        )
        assert re.search(rf"\d ({genitive}) \d{{4}}", text), text
    else:
        assert re.search(r"\d\. \w+ \d{4}", text), text


def test_printable_keeps_words_and_drops_what_cannot_be_drawn():
    assert printable("tea 🍵 with mum") == "tea with mum"
    assert printable("👨‍👩‍👧") == ""
    assert printable("Їжак і Straße") == "Їжак і Straße"
    assert printable("line one\r\nline two\tend") == "line one\nline two end"
    assert printable("שלום") == "שלום"


def test_a_photo_whose_file_is_gone_is_left_out(owner):
    made = diary.fill(owner)
    Path(made["sun"].photos.get().image.path).unlink()
    printed = make_booklet(owner, last_week())
    assert pdfcheck.image_count(printed.pdf) == 0
    assert "courtyard wall" in pdfcheck.words(printed.pdf)


def test_large_photos_are_made_smaller_for_paper_and_small_ones_go_in_as_they_are(owner):
    big = entries.glimmer(owner, "a wide field", ago=timedelta(days=1))
    small = entries.glimmer(owner, "a small cup", ago=timedelta(days=1, hours=1))
    services.save_photos(big, [photo(2400, 1600)])
    services.save_photos(small, [photo(800, 600)])
    printed = make_booklet(owner, last_week())
    assert sorted(pdfcheck.image_sizes(printed.pdf)) == [(800, 600), (1200, 800)]


def photo(width, height):
    return prepare_photo(
        images.jpeg(width, height),
        max_bytes=settings.PHOTO_MAX_BYTES,
        max_pixels=settings.PHOTO_MAX_PIXELS,
        max_side=settings.PHOTO_MAX_SIDE,
    )


def test_a_period_too_full_for_one_booklet_says_so(owner, monkeypatch):
    monkeypatch.setattr("glimmers.booklet.services.MAX_GLIMMERS", 2)
    for hours in (1, 2, 3):
        entries.glimmer(owner, f"moment {hours}", ago=timedelta(hours=hours))
    with pytest.raises(ValidationError) as caught:
        make_booklet(owner, last_week())
    assert caught.value.messages == [
        "That period holds 3 glimmers, more than one booklet can carry (2). "
        "A shorter period will fit."
    ]
