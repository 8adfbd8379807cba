"""The readable exports: CSV that a spreadsheet opens safely and row by row."""

from __future__ import annotations

import csv
import io

from glimmers.diary.services import EntryInput, add_glimmer
from glimmers.portability.export import export_csv


def test_csv_keeps_every_line_break_in_its_cell_and_runs_no_formula(owner):
    add_glimmer(owner, EntryInput("first line\rsecond line\r\nthird", tags=["=cmd"]))
    add_glimmer(owner, EntryInput('=HYPERLINK("http://x","click")', body="+1 -1"))
    add_glimmer(owner, EntryInput("@sum(1)", sense_lines={"sight": "-2"}, senses=["sight"]))
    rows = list(csv.DictReader(io.StringIO(export_csv(owner), newline="")))
    assert len(rows) == 3
    by_text = {row["text"]: row for row in rows}
    assert "first line\rsecond line\r\nthird" in by_text
    assert by_text["first line\rsecond line\r\nthird"]["tags"] == "'=cmd"
    assert '\'=HYPERLINK("http://x","click")' in by_text
    assert by_text['\'=HYPERLINK("http://x","click")']["body"] == "'+1 -1"
    assert by_text["'@sum(1)"]["line_sight"] == "'-2"
