"""Exports. `export_json` is lossless: importing it into an empty diary and exporting again
gives the same document, byte for byte once serialized. Each app writes its own keys
(its `Section`); Markdown and CSV are readable views of the glimmers."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.utils.translation import gettext as _

from glimmers.diary.choices import Kind, Sense
from glimmers.diary.models import Glimmer, time_zone_of
from glimmers.diary.records import glimmer_records
from glimmers.lib.records import ExportOptions, Progress, sections

FORMAT_NAME = "glimmers"
FORMAT_VERSION = 1


def export_json(
    owner: User, *, photo_data: bool = True, progress: Progress | None = None
) -> dict[str, Any]:
    """Everything a person owns, as one JSON-ready document (photos inlined as base64)."""
    options = ExportOptions(photo_data=photo_data, progress=progress)
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "owner": {"username": owner.get_username(), "time_zone": str(time_zone_of(owner))},
    }
    for section in sections():
        document.update(section.export(owner, options))
    return document


def _alive_glimmers(owner: User) -> list[dict[str, Any]]:
    """The person's glimmers outside the trash, oldest first, without photo data."""
    alive = Glimmer.objects.filter(owner=owner, trashed_at__isnull=True)
    return glimmer_records(alive.order_by("noticed_at", "id"), owner=owner)


def export_markdown(owner: User) -> str:
    """A readable diary: a heading per day, a section per glimmer (trash left out)."""
    zone = time_zone_of(owner)
    out = io.StringIO()
    # gettext cannot see _() inside f-strings, so the words are looked up first.
    title, body_word, with_word = _("Glimmers"), _("Body"), _("With")
    out.write(f"# {title}\n")
    current_day = None
    for record in _alive_glimmers(owner):
        moment = datetime.fromisoformat(record["noticed_at"]).astimezone(zone)
        if moment.date() != current_day:
            current_day = moment.date()
            out.write(f"\n## {current_day.isoformat()}\n")
        out.write(f"\n### {moment:%H:%M} · {Kind(record['kind']).label}\n\n{record['text']}\n")
        for sense in record["senses"]:
            line = record["sense_lines"].get(sense, "")
            out.write(f"\n- {Sense(sense).label}" + (f": {line}" if line else ""))
        if record["senses"]:
            out.write("\n")
        if record["body"]:
            out.write(f"\n{body_word}: {record['body']}\n")
        if record["people"]:
            out.write(f"\n{with_word}: {', '.join(record['people'])}\n")
        if record["tags"]:
            out.write("\n" + " ".join(f"#{tag}" for tag in record["tags"]) + "\n")
    return out.getvalue()


CSV_COLUMNS = [
    "id",
    "noticed_at",
    "kind",
    "text",
    "senses",
    *(f"line_{sense}" for sense in Sense.values),
    "body",
    "tags",
    "people",
    "intensity",
    "photos",
    "created_at",
    "updated_at",
]


# A cell starting with one of these is run as a formula by spreadsheets; a quote first keeps
# it text (the usual defence against formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def export_csv(owner: User) -> str:
    """One row per glimmer (trash left out); lists are joined with "; ". Every text is
    quoted (so a line break of any kind stays inside its cell) and kept from running as a
    spreadsheet formula."""
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=CSV_COLUMNS, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC
    )
    writer.writeheader()
    for record in _alive_glimmers(owner):
        row = {key: record.get(key) for key in CSV_COLUMNS if key in record}
        row.update(
            senses="; ".join(record["senses"]),
            tags="; ".join(record["tags"]),
            people="; ".join(record["people"]),
            photos=len(record["photos"]),
            **{f"line_{s}": record["sense_lines"].get(s, "") for s in Sense.values},
        )
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return out.getvalue()
