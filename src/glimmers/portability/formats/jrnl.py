"""jrnl's two formats, read the way jrnl 4 reads them: its JSON export and its plain-text
journal file ("[2024-05-01 08:15:00 AM] Title" starts an entry; the title's line and the
body follow as they were written; "@tags" as jrnl finds them)."""

from __future__ import annotations

import io
import itertools
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Any, BinaryIO

from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import gettext as _

from glimmers.diary.models import TEXT_MAX
from glimmers.diary.records import DiaryRecords, EntryRecord
from glimmers.lib.records import ImportProblem, Skipped
from glimmers.portability.imports import BOM, PEEK, Parts, ReadOptions, load_json

# jrnl 2 and later: an entry starts with its date in brackets and a space, at a line's start.
_BRACKETED = re.compile(r"^\[([^\]\n]{7,40})\](?: (.*)|)$")
# jrnl 1 wrote the date bare; only a file that begins that way is read that way.
_BARE = re.compile(r"^(\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?)(?: (.*)|)$")
# A header is found in a line's first characters; the rest of a long line is never matched.
HEADER_ROOM = 64
JRNL_NAMESPACE = uuid.UUID("6f1c1b36-3a57-4a3e-9d1e-0c2b6a0f4a11")
# jrnl's own tag rule: the tag symbol after a space (or at the start), then letters, digits
# and -+*#/ — so @C++, @C# and @OS/2 are tags whole.
_TAG = re.compile(r"(?<!\S)@([-+*#/\w]+)")
# What jrnl writes when a journal is encrypted: a Fernet token (jrnl 2), or that behind a
# "JRNLv3" header (jrnl 4.2 and later).
_ENCRYPTED = re.compile(rb"^(?:JRNLv\d+\x00|gAAAAA[A-Za-z0-9_=-]{40,})")
# jrnl gives a day without an hour 09:00 (its default_hour).
DATE_ONLY_TIME = time(9, 0)

_CLOCKS = (
    "%I:%M:%S %p",
    "%I:%M %p",
    "%I:%M:%S%p",
    "%I:%M%p",
    "%H:%M:%S",
    "%H:%M",
    # some hand-edited journals mix a 24-hour clock with AM/PM
    "%H:%M:%S %p",
    "%H:%M %p",
)
# Year first (jrnl's default), month only, and the day-first forms jrnl's timeformat allows.
_YEAR_FIRST = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y-%m")
_DAY_FIRST = ("%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y")
_MONTH_FIRST = ("%m/%d/%Y",)


@dataclass
class _Dates:
    """How one file writes its dates: year first, or day/month first (a file whose dates have
    a first number over 12 writes the day first; otherwise, as jrnl reads it, the month)."""

    day_first: bool = False
    # The form that read the last date: a file writes its dates one way, so it is tried first.
    last: tuple[str, bool] | None = None

    def formats(self) -> Iterator[tuple[str, bool]]:
        if self.last is not None:
            yield self.last
        first = _DAY_FIRST if self.day_first else _MONTH_FIRST + _DAY_FIRST
        for day in (*_YEAR_FIRST, *first):
            for clock in _CLOCKS:
                yield f"{day} {clock}", True
            yield day, False

    def moment(self, blob: str) -> datetime | None:
        words = " ".join(blob.replace("T", " ", 1).split())
        for form in self.formats():
            pattern, has_clock = form
            try:
                found = datetime.strptime(words, pattern)
            except ValueError:
                continue
            self.last = form
            if not has_clock:
                found = datetime.combine(found.date(), DATE_ONLY_TIME)
            return timezone.make_aware(found)
        return None


def _record(title: str, body: str, moment: datetime, tags: list[str] | None) -> EntryRecord:
    """One entry; the title's line and the body as written (jrnl puts no blank line between
    them), a trailing "*" on the title is jrnl's star."""
    title = title.strip()
    starred = title.endswith("*")
    if starred:
        title = title.strip(" *")
    body = body.strip("\n").rstrip()
    text = "\n".join(part for part in (title, body) if part)
    found = tags if tags is not None else _TAG.findall(text)
    return EntryRecord(
        # jrnl has no ids; one made from the entry itself makes a second import add nothing
        # (made as earlier versions made it, so a journal imported then is not doubled now)
        id=uuid.uuid5(
            JRNL_NAMESPACE,
            f"{moment.isoformat()}\n" + "\n\n".join(part for part in (title, body.strip()) if part),
        ),
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
    if _ENCRYPTED.match(head):
        raise ImportProblem(
            _(
                "This jrnl journal is encrypted. Export it first with “jrnl --format json "
                "> journal.json” (jrnl asks for its password) and import that file."
            )
        )
    return {"diary": read_text(source, _file_dates(head))}


def _file_dates(head: bytes) -> _Dates:
    """Day first when a date in the file's first part can only be read that way."""
    text = head.decode("utf-8", errors="ignore")
    firsts = re.findall(r"^\[(\d{1,2})[./-]\d{1,2}[./-]\d{4}", text, flags=re.MULTILINE)
    return _Dates(day_first=any(int(first) > 12 for first in firsts))


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


def read_text(source: BinaryIO, dates: _Dates | None = None) -> DiaryRecords:
    """A jrnl journal file, read as it is saved: the first entry now (a file that is not a
    journal is refused before anything is saved), the rest one at a time, so a long journal
    is never held whole. An entry longer than a glimmer may be is noted, never held."""
    batch = DiaryRecords()
    entries = _entries(source, dates or _Dates(), batch)
    batch.glimmers.extend(itertools.islice(entries, 1))
    if not batch.glimmers and not batch.unreadable:
        raise ImportProblem(_("This jrnl journal has no entries."))
    batch.glimmers_to_read = entries
    return batch


def _entries(source: BinaryIO, dates: _Dates, batch: DiaryRecords) -> Iterator[EntryRecord]:
    """The file's entries in order; one too long is noted in `batch` instead."""
    current: _Reading | None = None
    header = _BRACKETED
    count = 0

    def finish(entry: _Reading) -> EntryRecord | None:
        if entry.size > TEXT_MAX:
            reason = MaxLengthValidator.message % {  # Django's own sentence, translated
                "limit_value": TEXT_MAX,
                "show_value": entry.size,
            }
            batch.unreadable.append(Skipped("glimmers", entry.where, str(reason)))
            return None
        record = _record(entry.title, "\n".join(entry.lines), entry.moment, None)
        record.where = entry.where
        return record

    for number, line in enumerate(_lines(source), start=1):
        if current is None and line.strip() and not line.startswith("["):
            header = _BARE  # a jrnl 1 journal
        match = header.match(line[:HEADER_ROOM])
        moment = dates.moment(match.group(1)) if match else None
        if match and moment is not None:
            if current and (record := finish(current)):
                yield record
            count += 1
            where = _("jrnl entry %(n)d (line %(line)d)") % {"n": count, "line": number}
            title = line[match.start(2) :] if match.group(2) is not None else ""
            current = _Reading(
                moment, title if len(line) <= TEXT_MAX else "", where, size=len(line)
            )
        elif current is not None:
            current.add(line)
        elif line.strip():
            raise ImportProblem(
                _("This does not look like a jrnl journal: line %(n)d does not start with a date.")
                % {"n": number}
            )
    if current and (record := finish(current)):
        yield record


def read_json(document: Any) -> DiaryRecords:
    """jrnl's `--format json`: {"tags": {...}, "entries": [{"title", "body", "date", ...}]}."""
    entries = document.get("entries") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise ImportProblem(_("This is not a jrnl JSON export (it has no list of entries)."))
    batch = DiaryRecords()
    dates = _Dates()
    for number, item in enumerate(entries, start=1):
        if not isinstance(item, dict):
            raise ImportProblem(
                _("Entry %(n)d of this jrnl export is not an entry.") % {"n": number}
            )
        moment = dates.moment(f"{item.get('date', '')} {item.get('time', '')}".strip())
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
