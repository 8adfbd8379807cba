"""Cut-out bookmarks: one glimmer on each, three to a page, with dashed lines to cut along."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import XPos, YPos

from glimmers.booklet.services import readable_day
from glimmers.booklet.typeset import FONT, MUTED, PT, RULE, Document, printable
from glimmers.diary.choices import Sense
from glimmers.diary.models import Glimmer

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
