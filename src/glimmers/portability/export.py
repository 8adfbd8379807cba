"""Exports. `export_json` is lossless: importing it into an empty diary and exporting again
gives the same document, byte for byte once serialized. Each app writes its own keys
(its `Section`); Markdown and CSV are readable views of the glimmers, and the jrnl journal
file lets jrnl (and anything reading its format) take the glimmers along."""

from __future__ import annotations

import csv
import io
import re
import zoneinfo
from collections.abc import Callable
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


# jrnl's own date format (its default timeformat) and the start of a line it takes for an
# entry's date; such a line inside a glimmer gets a space in front, so it stays inside.
JRNL_TIME_FORMAT = "%Y-%m-%d %I:%M:%S %p"
_JRNL_HEADER_LIKE = re.compile(r"^\[[^\]\n]+\]( |$)")
_JRNL_TAG = re.compile(r"(?<!\S)@([-+*#/\w]+)")


def export_jrnl(owner: User) -> str:
    """A jrnl journal file (jrnl 2 and later; trash left out): each glimmer at its local time
    (its own zone where it has one), its first line as the title, a star for the strongest,
    and its tags as @tags (on a last line, those its words do not already name)."""
    diary_zone = time_zone_of(owner)
    entries = []
    for record in _alive_glimmers(owner):
        zone = zoneinfo.ZoneInfo(record["time_zone"]) if record["time_zone"] else diary_zone
        moment = datetime.fromisoformat(record["noticed_at"]).astimezone(zone)
        lines = [
            " " + line if _JRNL_HEADER_LIKE.match(line) else line
            for line in record["text"].splitlines()
        ]
        title, body = lines[0].strip(), lines[1:]
        said = {tag.lower() for tag in _JRNL_TAG.findall(record["text"])}
        tags = [
            "@" + "-".join(tag.split())
            for tag in record["tags"]
            if "-".join(tag.split()).lower() not in said
        ]
        if tags:
            body.append(" ".join(tags))
        header = f"[{moment.strftime(JRNL_TIME_FORMAT)}] {title}"
        if record["intensity"] == 5:
            header += " *"
        entries.append("\n".join([header, *body]).rstrip() + "\n")
    return "\n".join(entries)


# The readable exports, by the name the CLI and the API know them by.
TEXT_EXPORTS: dict[str, Callable[[User], str]] = {
    "markdown": export_markdown,
    "csv": export_csv,
    "jrnl": export_jrnl,
}
