"""Typesetting booklets and bookmarks with fpdf2 (pure Python) and the bundled DejaVu Sans.

Large type, ragged right, a lot of air: the reader may be ninety-four and holding paper.
Characters the font has no shape for (most emoji) are left out instead of printing boxes;
right-to-left lines are shaped and ordered by HarfBuzz (uharfbuzz), and only those lines.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import math
import os
import re
import unicodedata
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from fpdf import FPDF, XPos, YPos
from PIL import Image, UnidentifiedImageError

from glimmers.booklet.services import BookletContent, Paper, readable_day
from glimmers.diary.choices import SENSE_PROMPTS, Kind, Sense
from glimmers.diary.models import Glimmer, Photo, Trigger

FONTS = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"
PT = 25.4 / 72  # millimetres in a typographic point
PAPER: dict[str, str] = {Paper.A4.value: "A4", Paper.LETTER.value: "Letter"}

INK = (33, 42, 38)
MUTED = (92, 104, 98)
ACCENT = (56, 104, 84)
RULE = (196, 206, 200)

TEXT_SIZE = 16  # the glimmer's own words
DETAIL_SIZE = 13.5  # senses, body, people, tags
PHOTO_PIXELS = 1000  # long side of a photo in the PDF: sharp in print, light in the file
PHOTO_LARGEST = 1400  # up to this, a photo is not made smaller
PHOTO_WORKERS = 4
PHOTO_MAX_HEIGHT = 85.0  # mm
# Emoji helpers: with their emoji gone they would only leave odd marks behind.
INVISIBLE_JOINERS = frozenset("\u200d\ufe0e\ufe0f\u20e3")


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    """Code points both bundled fonts can draw."""
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    sets = []
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        with TTFont(FONTS / name, lazy=True) as font:
            sets.append(set(font.getBestCmap()))
    return frozenset(sets[0] & sets[1])


def printable(text: str) -> str:
    """The text with characters the font cannot draw left out, and the gaps they leave closed."""
    covered = _covered()
    text = text.replace("\r\n", "\n").replace("\t", " ")
    kept = "".join(
        char
        for char in text
        if char == "\n" or (ord(char) in covered and char not in INVISIBLE_JOINERS)
    )
    if len(kept) != len(text):
        kept = re.sub(r"[ \u00a0]{2,}", " ", kept)
        kept = "\n".join(line.strip() for line in kept.split("\n")).strip()
    return kept


def _leads_rtl(text: str) -> bool:
    """Whether the first letter with a direction reads right to left (the bidi rule P2)."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def _local(moment: datetime) -> datetime:
    return timezone.localtime(moment)


def _day_heading(day: date) -> str:
    # Translators: a PHP-style date format (Django's `date` filter) for a day heading.
    return formats.date_format(day, pgettext("booklet day heading", "l, j F Y"))


class Document(FPDF):
    """An A4 or Letter page with the bundled font, calm colours and a quiet page number."""

    def __init__(self, paper: str, footer_text: str = "") -> None:
        super().__init__(orientation="portrait", unit="mm", format=PAPER.get(paper, "A4"))
        self.footer_text = footer_text
        self.add_font(FONT, "", FONTS / "DejaVuSans.ttf")
        self.add_font(FONT, "B", FONTS / "DejaVuSans-Bold.ttf")
        self.set_margins(22, 20, 22)
        self.set_auto_page_break(True, margin=22)
        self.set_creator("Glimmers")
        self.set_lang(translation.get_language() or "en")
        self.c_margin = 0

    def footer(self) -> None:
        if self.page_no() == 1 or not self.footer_text:
            return
        self.set_y(-15)
        self.style(10, color=MUTED)
        self.cell(0, 5, f"{self.footer_text}  ·  {self.page_no()}", align="C")

    def style(self, size: float, *, bold: bool = False, color: tuple[int, int, int] = INK) -> None:
        self.set_font(FONT, "B" if bold else "", size)
        self.set_text_color(*color)

    @contextlib.contextmanager
    def shaped(self, text: str) -> Iterator[bool]:
        """Shape (HarfBuzz) and order (bidi) right-to-left text; yields whether it leads RTL.

        Only such paragraphs are shaped: the shaping engine costs time the rest need not pay.
        """
        if not any(unicodedata.bidirectional(char) in ("R", "AL") for char in text):
            yield False
            return
        self.set_text_shaping(True)
        try:
            yield _leads_rtl(text)
        finally:
            self.set_text_shaping(False)

    def paragraph(
        self,
        text: str,
        size: float,
        *,
        bold: bool = False,
        color: tuple[int, int, int] = INK,
        indent: float = 0,
        align: str = "L",
        leading: float = 1.4,
    ) -> None:
        self.style(size, bold=bold, color=color)
        self.set_x(self.l_margin + indent)
        text = printable(text)
        with self.shaped(text) as rtl:
            self.multi_cell(
                self.epw - indent,
                size * PT * leading,
                text,
                align="R" if rtl and align == "L" else align,
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )

    def height_for(self, text: str, width: float, line_height: float, align: str = "L") -> float:
        """How tall `text` would be in the current font, without drawing it."""
        with self.shaped(text):
            height = self.multi_cell(
                width, line_height, text, align=align, dry_run=True, output="HEIGHT"
            )
        assert isinstance(height, float | int)
        return float(height)

    def labelled(self, label: str, text: str, size: float = DETAIL_SIZE) -> None:
        """'Label: text' as one flowing paragraph, the label quieter than the words."""
        height = size * PT * 1.4
        self.set_x(self.l_margin)
        self.style(size, bold=True, color=MUTED)
        self.write(height, printable(label) + " ")
        self.style(size, color=INK)
        text = printable(text)
        with self.shaped(text):
            self.write(height, text)
        self.ln(height)

    def rule(self, width: float | None = None, *, gap: float = 3) -> None:
        self.set_draw_color(*RULE)
        self.set_line_width(0.3)
        width = self.epw if width is None else width
        left = self.l_margin + (self.epw - width) / 2
        self.line(left, self.get_y(), left + width, self.get_y())
        self.ln(gap)

    def sunburst(self, x: float, y: float, radius: float) -> None:
        """A small drawn glimmer: a dot with eight soft rays."""
        self.set_draw_color(*ACCENT)
        self.set_fill_color(*ACCENT)
        self.set_line_width(radius * 0.06)
        self.circle(x, y, radius * 0.22, style="F")
        for ray in range(8):
            angle = ray * math.pi / 4
            reach = 1.0 if ray % 2 == 0 else 0.7
            self.line(
                x + math.cos(angle) * radius * 0.42,
                y + math.sin(angle) * radius * 0.42,
                x + math.cos(angle) * radius * reach,
                y + math.sin(angle) * radius * reach,
            )


def _photo_bytes(photo: Photo) -> io.BytesIO | None:
    """The photo small enough for paper, or None when its file cannot be read.

    A small JPEG goes in as it is. A large one is decoded at a half, quarter or eighth of its
    size (JPEG can do that almost for free) and stored again without resampling: the slow
    steps of resizing are what a year of photos would otherwise spend its time on.
    """
    try:
        with Image.open(photo.image.path) as image:
            if image.format == "JPEG" and image.mode == "RGB" and max(image.size) <= PHOTO_LARGEST:
                return io.BytesIO(Path(photo.image.path).read_bytes())
            # JPEG's own scaling: the largest power-of-two reduction that keeps the long
            # side at PHOTO_PIXELS or more (draft wants both sides, so they keep their ratio).
            width, height = image.size
            scale = 1
            while scale < 8 and max(width, height) // (scale * 2) >= PHOTO_PIXELS:
                scale *= 2
            image.draft("RGB", (width // scale, height // scale))
            picture = image.convert("RGB")
    except (OSError, UnidentifiedImageError, ValueError):
        return None
    if max(picture.size) > PHOTO_LARGEST:
        picture.thumbnail((PHOTO_PIXELS, PHOTO_PIXELS))
    out = io.BytesIO()
    picture.save(out, format="JPEG", quality=80)
    out.seek(0)
    return out


@contextlib.contextmanager
def _prepared_in_background(photos: list[Photo]) -> Iterator[Iterator[io.BytesIO | None]]:
    """The photos made ready a few ahead of the layout, in order, by a small pool of threads.

    Decoding and encoding JPEG release the GIL, so this uses the cores a year of photos
    needs; the window keeps only a few finished photos in memory at a time.
    """
    workers = min(PHOTO_WORKERS, os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[io.BytesIO | None]] = deque()
        upcoming = iter(photos)

        def top_up() -> None:
            while len(pending) < workers * 2:
                photo = next(upcoming, None)
                if photo is None:
                    return
                pending.append(pool.submit(_photo_bytes, photo))

        def results() -> Iterator[io.BytesIO | None]:
            top_up()
            while pending:
                ready = pending.popleft().result()
                top_up()
                yield ready

        try:
            yield results()
        finally:
            for future in pending:
                future.cancel()


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
        with _prepared_in_background(in_order) as prepared:
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


# --- Bookmarks -------------------------------------------------------------------------

BOOKMARK_WIDTH = 60.0
BOOKMARK_HEIGHT = 200.0
BOOKMARK_PADDING = 7.0


def _fit(pdf: Document, text: str, width: float, height: float) -> tuple[str, float]:
    """The largest size (20 pt down to 12 pt) at which `text` fits; shortened if it never does."""
    text = printable(text)
    for size in (20, 18, 16, 15, 14, 13, 12):
        pdf.set_font(FONT, "", size)
        if pdf.height_for(text, width, size * PT * 1.35, "C") <= height:
            return text, size
    # Keep as many words as fit, found by halving (a long text has thousands of words).
    words = text.split()
    fits, too_many = 1, len(words)
    while too_many - fits > 1:
        middle = (fits + too_many) // 2
        shorter = " ".join(words[:middle]) + " …"
        if pdf.height_for(shorter, width, 12 * PT * 1.35, "C") <= height:
            fits = middle
        else:
            too_many = middle
    return " ".join(words[:fits])[:200] + " …", 12


def _bookmark(pdf: Document, glimmer: Glimmer, owner_name: str, left: float, top: float) -> None:
    inner = BOOKMARK_WIDTH - 2 * BOOKMARK_PADDING
    x = left + BOOKMARK_PADDING
    pdf.sunburst(left + BOOKMARK_WIDTH / 2, top + 16, 6)
    # The foot: the day, and the senses it came through.
    foot = [readable_day(timezone.localdate(glimmer.noticed_at))]
    if glimmer.senses:
        foot.append(", ".join(str(Sense(sense).label) for sense in glimmer.senses))
    foot_text = printable("\n".join(foot))
    pdf.set_font(FONT, "", 10)
    foot_height = pdf.height_for(foot_text, inner, 10 * PT * 1.35, "C")
    text_top = top + 30
    text_room = BOOKMARK_HEIGHT - 30 - foot_height - 18
    text, size = _fit(pdf, glimmer.text, inner, text_room)
    pdf.set_font(FONT, "", size)
    used = pdf.height_for(text, inner, size * PT * 1.35, "C")
    # Centre the words in the room they have, a little above the middle.
    pdf.set_xy(x, text_top + max(0.0, (text_room - used) * 0.4))
    pdf.style(size)
    with pdf.shaped(text):
        pdf.multi_cell(inner, size * PT * 1.35, text, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
    foot_top = top + BOOKMARK_HEIGHT - BOOKMARK_PADDING - foot_height - 8
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.3)
    pdf.line(left + BOOKMARK_WIDTH / 2 - 8, foot_top, left + BOOKMARK_WIDTH / 2 + 8, foot_top)
    pdf.set_xy(x, foot_top + 4)
    pdf.style(10, color=MUTED)
    pdf.multi_cell(inner, 10 * PT * 1.35, foot_text, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_xy(x, top + BOOKMARK_HEIGHT - BOOKMARK_PADDING - 4)
    pdf.style(8, color=MUTED)
    pdf.cell(inner, 4, printable(owner_name), align="C")


def render_bookmarks(glimmers: list[Glimmer], owner_name: str, paper: str) -> tuple[bytes, int]:
    """Three bookmarks to a page, each with a dashed line to cut along."""
    pdf = Document(paper)
    pdf.set_title(_("Bookmarks with glimmers"))
    pdf.set_author(owner_name)
    pdf.set_auto_page_break(False)
    per_page = 3
    for start in range(0, len(glimmers), per_page):
        pdf.add_page()
        page = glimmers[start : start + per_page]
        left = (pdf.w - per_page * BOOKMARK_WIDTH) / 2
        top = (pdf.h - BOOKMARK_HEIGHT) / 2 + 4
        pdf.set_xy(pdf.l_margin, top - 14)
        pdf.style(10, color=MUTED)
        pdf.cell(pdf.epw, 5, _("Cut along the dashed lines."), align="C")
        for index, glimmer in enumerate(page):
            _bookmark(pdf, glimmer, owner_name, left + index * BOOKMARK_WIDTH, top)
        pdf.set_draw_color(*MUTED)
        pdf.set_line_width(0.25)
        with pdf.local_context():
            pdf.set_dash_pattern(dash=2, gap=1.5)
            for index in range(len(page)):
                pdf.rect(left + index * BOOKMARK_WIDTH, top, BOOKMARK_WIDTH, BOOKMARK_HEIGHT)
    return bytes(pdf.output()), pdf.pages_count
