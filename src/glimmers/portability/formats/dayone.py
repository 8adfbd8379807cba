"""Day One's JSON export, alone or in its zip: every journal in it (its name kept as a tag),
and the photos beside them, read one at a time when each is saved."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any, BinaryIO

from django.utils.translation import gettext as _

from glimmers.diary.records import DiaryRecords, EntryRecord, PhotoRecord
from glimmers.lib.records import ImportProblem, parse_stamp
from glimmers.portability.imports import Parts, load_json
from glimmers.portability.zips import open_zip

_MOMENT = re.compile(r"!\[\]\(dayone-moment:/*[^)]*\)\n?")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
PHOTO_FOLDERS = ("photos",)


def read(source: BinaryIO) -> Parts:
    """A Day One export: a Journal.json, or the zip Day One makes with one .json file per
    journal and a photos/ folder."""
    if source.read(2) != b"PK":
        source.seek(0)
        return {"diary": _read_document(load_json(source), {}, journal=None)}
    source.seek(0)
    members = open_zip(source)
    journals = [info for info in members.files() if info.filename.lower().endswith(".json")]
    if not journals:
        raise ImportProblem(_("This zip has no Day One journal (.json) inside."))
    photos = {
        PurePosixPath(info.filename).stem: members.reader(info)
        for info in members.files()
        if PurePosixPath(info.filename).parent.name in PHOTO_FOLDERS
    }
    found = DiaryRecords()
    several = len(journals) > 1
    for info in journals:
        journal = PurePosixPath(info.filename).stem if several else None
        read_one = _read_document(load_json(members.stream(info)), photos, journal=journal)
        found.glimmers.extend(read_one.glimmers)
        found.unreadable.extend(read_one.unreadable)
    return {"diary": found}


def _read_document(
    document: Any, photos: dict[str, Callable[[], bytes]], *, journal: str | None
) -> DiaryRecords:
    entries = document.get("entries") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise ImportProblem(_("This is not a Day One export (it has no list of entries)."))
    batch = DiaryRecords()
    for number, item in enumerate(entries, start=1):
        where = _("Day One entry %(n)d") % {"n": number}
        if journal:
            where = f"{journal}, {where}"
        if not isinstance(item, dict):
            raise ImportProblem(_("%(where)s is not an entry.") % {"where": where})
        text = _MOMENT.sub("", str(item.get("text") or ""))
        text = _ESCAPED.sub(r"\1", text).strip()
        if not text and not item.get("photos"):
            continue  # Day One keeps empty drafts; there is nothing to bring over
        try:
            entry_id = uuid.UUID(str(item.get("uuid"))) if item.get("uuid") else None
        except ValueError:
            entry_id = None
        tags = [str(tag) for tag in item["tags"]] if isinstance(item.get("tags"), list) else []
        if journal:
            tags.append(journal)
        pictures = [
            PhotoRecord(read=photos[str(p.get("md5"))])
            for p in item.get("photos") or []
            if isinstance(p, dict) and str(p.get("md5")) in photos
        ]
        with batch.reading("glimmers", where):
            batch.glimmers.append(
                EntryRecord(
                    id=entry_id,
                    kind="photo" if pictures and not text else "moment",
                    text=text or _("A photo"),
                    noticed_at=parse_stamp(item.get("creationDate"), where),
                    tags=tags,
                    intensity=5 if item.get("starred") else None,
                    photos=pictures,
                    where=where,
                )
            )
    return batch
