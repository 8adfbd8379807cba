"""What the booklet and the bookmarks share: the bundled DejaVu Sans, calm colours, and a
page that leaves out what the font cannot draw and shapes right-to-left lines.

Characters the font has no shape for (most emoji) are left out instead of printing boxes;
right-to-left lines are shaped and ordered by HarfBuzz (uharfbuzz), and only those lines.
"""

from __future__ import annotations

import contextlib
import math
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from django.utils import translation
from fpdf import FPDF, XPos, YPos

from glimmers.booklet.services import Paper

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
