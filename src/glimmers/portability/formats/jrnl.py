"""jrnl's two formats: its JSON export and its plain-text journal file."""

from __future__ import annotations

import io
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, BinaryIO

from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import gettext as _

from glimmers.diary.models import TEXT_MAX
from glimmers.diary.records import DiaryRecords, EntryRecord
from glimmers.lib.records import ImportProblem, Skipped
from glimmers.portability.imports import BOM, PEEK, Parts, ReadOptions, load_json

_HEADER = re.compile(
    r"^\[?(\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?)\]?(?:\s+|$)(.*)$"
)
# A header is found in a line's first characters; the rest of a long line is never matched.
HEADER_ROOM = 64
JRNL_NAMESPACE = uuid.UUID("6f1c1b36-3a57-4a3e-9d1e-0c2b6a0f4a11")
_TAG = re.compile(r"(?<![\w@])@([\w-]+)")
_TIME_FORMATS = (
    "%Y-%m-%d %I:%M:%S %p",
    "%Y-%m-%d %I:%M %p",
    "%Y-%m-%d %I:%M:%S%p",
    "%Y-%m-%d %I:%M%p",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    # some hand-edited journals mix a 24-hour clock with AM/PM
    "%Y-%m-%d %H:%M:%S %p",
    "%Y-%m-%d %H:%M %p",
)


def _moment(text: str) -> datetime | None:
    text = text.replace("T", " ")
    for pattern in _TIME_FORMATS:
        try:
            return timezone.make_aware(datetime.strptime(text, pattern))
        except ValueError:
            continue
    return None


def _record(title: str, body: str, moment: datetime, tags: list[str]) -> EntryRecord:
    title = title.strip()
    starred = title.endswith(" *") or title == "*"
    title = title.removesuffix("*").rstrip() if starred else title
    text = "\n\n".join(part for part in (title, body.strip()) if part)
    found = tags or _TAG.findall(text)
    return EntryRecord(
        # jrnl has no ids; one made from the entry itself makes a second import add nothing
        id=uuid.uuid5(JRNL_NAMESPACE, f"{moment.isoformat()}\n{text}"),
        text=text,
        noticed_at=moment,
        tags=[tag.lstrip("@") for tag in found],
        intensity=5 if starred else None,
    )


def read(source: BinaryIO, options: ReadOptions) -> Parts:
    """jrnl's JSON export or its plain-text journal file."""
    head = source.read(PEEK).removeprefix(BOM).lstrip()
    source.seek(0)
    if head[:1] == b"{":
        return {"diary": read_json(load_json(source))}
    return {"diary": read_text(source)}


@dataclass
class _Reading:
    """One entry of a journal file as it is read, line by line."""

    moment: datetime
    title: str
    where: str
    lines: list[str] = field(default_factory=list)
    size: int = 0  # characters seen; past the limit they are counted, not kept

    def add(self, line: str) -> None:
        self.size += len(line) + 1
        if self.size <= TEXT_MAX:
            self.lines.append(line)


def _lines(source: BinaryIO) -> Iterator[str]:
    """The file's lines, read one at a time (a huge entry is never held whole twice)."""
    stream = io.TextIOWrapper(source, encoding="utf-8-sig", newline=None)
    try:
        for line in stream:
            yield line.rstrip("\n")
    except UnicodeDecodeError:
        raise ImportProblem(_("This file is not text in UTF-8.")) from None
    finally:
        stream.detach()  # the file is its opener's to close


def read_text(source: BinaryIO) -> DiaryRecords:
    """A jrnl journal file: each entry starts with "[2024-05-01 08:15:00 AM] Title". An
    entry longer than a glimmer may be is noted, never held whole."""
    batch = DiaryRecords()
    current: _Reading | None = None

    def finish(entry: _Reading) -> None:
        if entry.size > TEXT_MAX:
            reason = MaxLengthValidator.message % {  # Django's own sentence, translated
                "limit_value": TEXT_MAX,
                "show_value": entry.size,
            }
            batch.unreadable.append(Skipped("glimmers", entry.where, str(reason)))
            return
        record = _record(entry.title, "\n".join(entry.lines), entry.moment, [])
        record.where = entry.where
        batch.glimmers.append(record)

    for number, line in enumerate(_lines(source), start=1):
        match = _HEADER.match(line[:HEADER_ROOM])
        moment = _moment(match.group(1)) if match else None
        if match and moment is not None:
            if current:
                finish(current)
            where = _("jrnl entry %(n)d (line %(line)d)") % {
                "n": len(batch.glimmers) + len(batch.unreadable) + 1,
                "line": number,
            }
            title = line[match.start(2) :] if len(line) <= TEXT_MAX else ""
            current = _Reading(moment, title, where, size=len(line))
        elif current is not None:
            current.add(line)
        elif line.strip():
            raise ImportProblem(
                _("This does not look like a jrnl journal: line %(n)d does not start with a date.")
                % {"n": number}
            )
    if current:
        finish(current)
    if not batch.glimmers and not batch.unreadable:
        raise ImportProblem(_("This jrnl journal has no entries."))
    return batch


def read_json(document: Any) -> DiaryRecords:
    """jrnl's `--export json`: {"tags": {...}, "entries": [{"title", "body", "date", ...}]}."""
    entries = document.get("entries") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise ImportProblem(_("This is not a jrnl JSON export (it has no list of entries)."))
    batch = DiaryRecords()
    for number, item in enumerate(entries, start=1):
        if not isinstance(item, dict):
            raise ImportProblem(
                _("Entry %(n)d of this jrnl export is not an entry.") % {"n": number}
            )
        moment = _moment(f"{item.get('date', '')} {item.get('time', '')}".strip())
        if moment is None:
            raise ImportProblem(
                _("Entry %(n)d of this jrnl export has a date that cannot be read.") % {"n": number}
            )
        tags = item.get("tags") or []
        if not isinstance(tags, list):
            tags = []
        title = str(item.get("title") or "")
        if item.get("starred"):
            title += " *"
        batch.glimmers.append(
            _record(title, str(item.get("body") or ""), moment, [str(t) for t in tags])
        )
    return batch
