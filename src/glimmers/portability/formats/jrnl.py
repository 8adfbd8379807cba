"""jrnl's two formats: its JSON export and its plain-text journal file."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from glimmers.diary.records import DiaryRecords, EntryRecord
from glimmers.lib.records import ImportProblem
from glimmers.portability.imports import Parts, decode_text, load_json

_HEADER = re.compile(
    r"^\[?(\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?)\]?(?:\s+|$)(.*)$"
)
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


def read(raw: bytes) -> Parts:
    """jrnl's JSON export or its plain-text journal file."""
    if raw.lstrip()[:1] == b"{":
        return {"diary": read_json(load_json(raw))}
    return {"diary": read_text(decode_text(raw))}


def read_text(text: str) -> DiaryRecords:
    """A jrnl journal file: each entry starts with "[2024-05-01 08:15:00 AM] Title"."""
    batch = DiaryRecords()
    current: tuple[str, datetime, list[str]] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        match = _HEADER.match(line)
        moment = _moment(match.group(1)) if match else None
        if match and moment is not None:
            if current:
                batch.glimmers.append(_record(current[0], "\n".join(current[2]), current[1], []))
            current = (match.group(2), moment, [])
        elif current is not None:
            current[2].append(line)
        elif line.strip():
            raise ImportProblem(
                _("This does not look like a jrnl journal: line %(n)d does not start with a date.")
                % {"n": number}
            )
    if current:
        batch.glimmers.append(_record(current[0], "\n".join(current[2]), current[1], []))
    if not batch.glimmers:
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
