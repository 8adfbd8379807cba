"""The booklet: a cover with the name and the period, then each day with its glimmers.

Large type, ragged right, a lot of air: the reader may be ninety-four and holding paper.
"""

from __future__ import annotations

import io
import itertools
import math
from collections.abc import Iterable, Iterator
from datetime import date, datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from fpdf import XPos, YPos

from glimmers.booklet.photos import PHOTO_MAX_HEIGHT, photo_bytes_in_order
from glimmers.booklet.services import BookletContent, readable_day
from glimmers.booklet.typeset import (
    ACCENT,
    DETAIL_SIZE,
    FONT,
    MUTED,
    PT,
    TEXT_SIZE,
    Document,
    printable,
)
from glimmers.diary.choices import SENSE_PROMPTS, Kind, Sense
from glimmers.diary.models import Glimmer, Photo, Trigger


def _local(moment: datetime) -> datetime:
    return timezone.localtime(moment)


def _day_heading(day: date) -> str:
    # Translators: a PHP-style date format (Django's `date` filter) for a day heading.
    return formats.date_format(day, pgettext("booklet day heading", "l, j F Y"))


class BookletWriter:
    """Lays out one booklet: a cover, then each day with its glimmers."""

    def __init__(self, content: BookletContent) -> None:
        self.content = content
        options = content.options
        self.period = _("%(since)s – %(until)s") % {
            "since": readable_day(options.since),
            "until": readable_day(options.until),
        }
        self.pdf = Document(options.paper, footer_text=f"{content.owner_name}  ·  {self.period}")
        self.pdf.set_title(_("Glimmers of %(name)s") % {"name": content.owner_name})
        self.pdf.set_author(content.owner_name)
        self.prepared: Iterator[io.BytesIO | None] = iter(())

    def render(self) -> tuple[bytes, int]:
        self.cover()
        days = _by_day(self.content.glimmers, self.content.triggers)
        self.pdf.add_page()
        in_order = [
            photo
            for glimmer in self.content.glimmers
            if self.content.options.photos
            for photo in glimmer.photos.all()
        ]
        with photo_bytes_in_order(in_order) as prepared:
            self.prepared = prepared
            first = True
            for day, (glimmers, triggers) in days:
                self.day(day, glimmers, triggers, first=first)
                first = False
        return bytes(self.pdf.output()), self.pdf.pages_count

    def cover(self) -> None:
        pdf = self.pdf
        content = self.content
        pdf.add_page()
        pdf.sunburst(pdf.w / 2, 62, 12)
        pdf.set_y(88)
        pdf.paragraph(_("Glimmers"), 16, color=ACCENT, align="C", bold=True)
        pdf.ln(4)
        pdf.paragraph(content.owner_name, 32, bold=True, align="C", leading=1.25)
        pdf.ln(6)
        pdf.paragraph(self.period, 19, align="C")
        pdf.ln(10)
        pdf.rule(40, gap=10)
        count = len(content.glimmers)
        day_count = len({timezone.localdate(glimmer.noticed_at) for glimmer in content.glimmers})
        figures = "  ·  ".join(
            [
                ngettext("%(count)d glimmer", "%(count)d glimmers", count) % {"count": count},
                ngettext("on %(count)d day", "on %(count)d days", day_count) % {"count": day_count},
            ]
        )
        pdf.paragraph(figures, 16, align="C")
        pdf.ln(8)
        pdf.paragraph(
            _("Small moments of safety, calm and joy — noticed, written down and kept."),
            15,
            color=MUTED,
            align="C",
        )
        pdf.set_y(pdf.h - 40)
        made = readable_day(timezone.localdate())
        pdf.paragraph(_("Printed on %(date)s") % {"date": made}, 11, color=MUTED, align="C")

    def day(self, day: date, glimmers: list[Glimmer], triggers: list[Trigger], first: bool) -> None:
        pdf = self.pdf
        # Keep a heading with its first glimmer (whole, unless it is longer than a page).
        first_height = self.height_of(glimmers[0]) if glimmers else 20.0
        if not first:
            if pdf.will_page_break(9 + 18 + min(first_height, pdf.eph * 0.6)):
                pdf.add_page()
            else:
                pdf.ln(9)
        pdf.paragraph(_day_heading(day), 19, bold=True, color=ACCENT, leading=1.25)
        pdf.ln(1.5)
        pdf.rule(gap=5)
        for number, glimmer in enumerate(glimmers):
            if number:
                pdf.ln(3)
                pdf.rule(24, gap=5)
            self.glimmer(glimmer)
        if triggers:
            if pdf.will_page_break(25):
                pdf.add_page()
            pdf.ln(5)
            pdf.paragraph(_("Also noted: harder moments"), DETAIL_SIZE, bold=True, color=MUTED)
            pdf.ln(1)
            for trigger in triggers:
                line = f"{_local(trigger.noticed_at):%H:%M}  {trigger.text}"
                if trigger.body:
                    line += f" — {trigger.body}"
                pdf.paragraph(line, DETAIL_SIZE, color=MUTED, indent=4)

    def glimmer(self, glimmer: Glimmer) -> None:
        pdf = self.pdf
        needed = self.height_of(glimmer)
        # Start a glimmer on a fresh page rather than split it, unless it is longer than one.
        if pdf.will_page_break(min(needed, pdf.eph * 0.9)):
            pdf.add_page()
        heading = f"{_local(glimmer.noticed_at):%H:%M}"
        if glimmer.kind != Kind.MOMENT:
            heading += f"  ·  {Kind(glimmer.kind).label}"
        # One short line: a plain cell, no line breaking to pay for.
        pdf.style(12, bold=True, color=MUTED)
        pdf.cell(0, 12 * PT * 1.4, printable(heading), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1)
        pdf.paragraph(glimmer.text, TEXT_SIZE)
        pdf.ln(1.5)
        lines = glimmer.sense_lines or {}
        unlined = [str(Sense(sense).label) for sense in glimmer.senses if sense not in lines]
        if unlined:
            pdf.labelled(_("Senses:"), ", ".join(unlined))
        for sense, line in lines.items():
            if sense in Sense.values:
                pdf.labelled(str(SENSE_PROMPTS[Sense(sense)]), line)
        if glimmer.body:
            pdf.labelled(_("The body:"), glimmer.body)
        people = [person.name for person in glimmer.people.all()]
        if people:
            pdf.labelled(_("With:"), ", ".join(people))
        tags = [f"#{tag.name}" for tag in glimmer.tags.all()]
        if tags:
            pdf.labelled(_("Tags:"), "  ".join(tags))
        if self.content.options.photos:
            self.photos(list(glimmer.photos.all()))

    def height_of(self, glimmer: Glimmer) -> float:
        """About how tall a glimmer will be on paper, so it can start on a fresh page."""
        pdf = self.pdf
        pdf.set_font(FONT, "", TEXT_SIZE)
        # An estimate from the text's width (a quick sum) rather than a second line-breaking
        # pass, which would double the cost of every glimmer in a long booklet.
        lines = sum(
            math.ceil(pdf.get_string_width(line) * 1.1 / pdf.epw) or 1
            for line in printable(glimmer.text).split("\n")
        )
        words = lines * TEXT_SIZE * PT * 1.4
        details = len(glimmer.senses) + bool(glimmer.body) + 2
        height = 8 + words + details * DETAIL_SIZE * PT * 1.4
        if self.content.options.photos:
            photos = list(glimmer.photos.all())
            height += sum(self.photo_size(photo, len(photos))[1] + 3 for photo in photos)
        return float(height)

    def photo_size(self, photo: Photo, count: int) -> tuple[float, float]:
        """Width and height in mm: as large as fits a box, never stretched."""
        max_height = PHOTO_MAX_HEIGHT if count == 1 else PHOTO_MAX_HEIGHT * 0.75
        max_width = self.pdf.epw * 0.8
        scale = min(max_width / max(photo.width, 1), max_height / max(photo.height, 1))
        return photo.width * scale, photo.height * scale

    def photos(self, photos: list[Photo]) -> None:
        pdf = self.pdf
        for photo in photos:
            data = next(self.prepared)
            if data is None:
                continue
            width, height = self.photo_size(photo, len(photos))
            pdf.ln(2)
            if pdf.will_page_break(height + 2):
                pdf.add_page()
            pdf.image(data, x=pdf.l_margin, y=pdf.get_y(), w=width, h=height)
            pdf.set_y(pdf.get_y() + height + 1)


def _by_day(
    glimmers: Iterable[Glimmer], triggers: Iterable[Trigger]
) -> list[tuple[date, tuple[list[Glimmer], list[Trigger]]]]:
    days: dict[date, tuple[list[Glimmer], list[Trigger]]] = {}

    def local_day(entry: Glimmer | Trigger) -> date:
        return timezone.localdate(entry.noticed_at)

    for day, group in itertools.groupby(glimmers, key=local_day):
        days.setdefault(day, ([], []))[0].extend(group)
    for day, trigger_group in itertools.groupby(triggers, key=local_day):
        days.setdefault(day, ([], []))[1].extend(trigger_group)
    return sorted(days.items())


def render_booklet(content: BookletContent) -> tuple[bytes, int]:
    """The PDF and its number of pages."""
    return BookletWriter(content).render()
