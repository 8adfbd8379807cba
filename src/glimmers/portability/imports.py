"""Imports. A file is read whole into records first (every record's shape checked), then
each app saves its part in one transaction. A file that is not what it says refuses
itself and changes nothing; a record the diary's rules refuse is left out and reported
(`strict`: it refuses the file instead).

The formats — our JSON, jrnl's text and JSON, Day One's JSON and zip — are plug-ins in
`formats/`; each turns a file into the records of the sections it fills."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, BinaryIO

from django.contrib.auth.models import User
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from glimmers.diary.models import time_zone_of
from glimmers.diary.services import rebuild_derived
from glimmers.lib.records import ImportContext, ImportProblem, ImportReport, Progress, sections

# What a format makes of a file: each section's records, by the section's name.
Parts = dict[str, Any]


@dataclass(frozen=True)
class ReadOptions:
    """What the person chose about what a file brings."""

    # Where a moment was, to the metre: kept only when chosen (Glimmers strips places from
    # photos; a place name is kept either way).
    coordinates: bool = False


@dataclass(frozen=True)
class Format:
    name: str
    read: Callable[[BinaryIO, ReadOptions], Parts]


def _formats() -> dict[str, Format]:
    from glimmers.portability.formats import dayone, jrnl, ours

    return {
        "glimmers": Format("glimmers", ours.read),
        "jrnl": Format("jrnl", jrnl.read),
        "dayone": Format("dayone", dayone.read),
    }


FORMATS = ("glimmers", "jrnl", "dayone")
BOM = b"\xef\xbb\xbf"
# How much of a file is looked at to tell its format (never the whole of a big one).
PEEK = 64 * 1024


def import_file(
    owner: User,
    path: Path,
    fmt: str | None = None,
    *,
    strict: bool = False,
    progress: Progress | None = None,
    options: ReadOptions | None = None,
) -> ImportReport:
    """Read `path` in `fmt` (guessed when None) and add its records to owner's diary. A
    record the diary's rules refuse is left out and reported, or (strict) refuses the file.
    The file is read as it goes (a zip member by member), never held whole."""
    try:
        source = path.open("rb")
    except OSError as error:
        raise ImportProblem(
            _("Cannot read %(path)s: %(why)s.") % {"path": path, "why": error.strerror}
        ) from None
    with source:
        return import_stream(owner, source, fmt, strict=strict, progress=progress, options=options)


def import_bytes(
    owner: User,
    raw: bytes,
    fmt: str | None = None,
    *,
    strict: bool = False,
    progress: Progress | None = None,
    options: ReadOptions | None = None,
) -> ImportReport:
    return import_stream(
        owner, io.BytesIO(raw), fmt, strict=strict, progress=progress, options=options
    )


def import_stream(
    owner: User,
    source: BinaryIO,
    fmt: str | None = None,
    *,
    strict: bool = False,
    progress: Progress | None = None,
    options: ReadOptions | None = None,
) -> ImportReport:
    found = _formats().get(fmt or guess_format(source))
    if found is None:
        raise ImportProblem(
            _("“%(format)s” is not a format Glimmers imports; use one of %(known)s.")
            % {"format": fmt, "known": ", ".join(FORMATS)}
        )
    source.seek(0)
    # Times written without a zone (jrnl's) are the person's own local times; a format may
    # go on reading while its records are saved, so both happen in that zone.
    with timezone.override(time_zone_of(owner)):
        parts = found.read(source, options or ReadOptions())
        return save_parts(owner, parts, strict=strict, progress=progress)


def guess_format(source: BinaryIO) -> str:
    """Tell a file's format from its first bytes (a byte-order mark is no matter)."""
    head = source.read(PEEK)
    source.seek(0)
    if head[:2] == b"PK":
        return "dayone"
    text = head.removeprefix(BOM).lstrip()
    if text[:1] != b"{":
        return "jrnl"
    if re.search(rb'"format"\s*:\s*"glimmers"', text):
        return "glimmers"
    if re.search(rb'"metadata"\s*:', text):
        return "dayone"
    if re.search(rb'"entries"\s*:', text):
        return "jrnl"
    return "glimmers"  # the JSON reader will say what is wrong


def read_document(document: Any) -> Parts:
    """Our own JSON export, every section's part read and checked."""
    if not isinstance(document, dict) or document.get("format") != "glimmers":
        raise ImportProblem(_("This is not a Glimmers export (its “format” is not “glimmers”)."))
    if document.get("version") != 1:
        raise ImportProblem(_("This export comes from a newer Glimmers; please upgrade first."))
    return {section.name: section.read(document) for section in sections()}


def save_parts(
    owner: User, parts: Parts, *, strict: bool = False, progress: Progress | None = None
) -> ImportReport:
    """Save every section's records (glimmers first), then bring the search index and the
    day tallies up to date; all of it or nothing (what is left out is in the report)."""
    context = ImportContext(owner, progress=progress, strict=strict)
    try:
        with transaction.atomic():
            for section in sections():
                if section.name in parts:
                    section.save(parts[section.name], context)
            rebuild_derived(owner, new_glimmers=context.new_glimmers)
    except BaseException:
        for name in context.written:  # the rows are gone; their files go too
            default_storage.delete(name)
        raise
    return context.report


def load_json(source: IO[bytes]) -> Any:
    """A JSON document read from a file (a byte-order mark is no matter)."""
    text = io.TextIOWrapper(source, encoding="utf-8-sig")
    try:
        return json.load(text)
    except UnicodeDecodeError:
        raise ImportProblem(_("This file is not text in UTF-8.")) from None
    except json.JSONDecodeError as error:
        raise ImportProblem(
            _("This file is not valid JSON (line %(line)d, column %(column)d).")
            % {"line": error.lineno, "column": error.colno}
        ) from None
    finally:
        text.detach()  # the file is its opener's to close
