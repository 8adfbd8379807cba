"""Day One's JSON export, alone or in its zip with the photos beside it."""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from typing import Any

from django.utils.translation import gettext as _

from glimmers.diary.records import DiaryRecords, EntryRecord, PhotoRecord
from glimmers.lib.records import ImportProblem, parse_stamp
from glimmers.portability.imports import Parts, load_json

_MOMENT = re.compile(r"!\[\]\(dayone-moment:/*[^)]*\)\n?")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
MAX_PHOTO_BYTES = 50 * 1024 * 1024


def read(raw: bytes) -> Parts:
    """A Day One export: a Journal.json, or the zip Day One makes with a photos/ folder."""
    photos: dict[str, bytes] = {}
    if raw[:2] == b"PK":
        archive = read_zip(raw)
        names = [name for name in archive.namelist() if name.lower().endswith(".json")]
        if not names:
            raise ImportProblem(_("This zip has no Day One journal (.json) inside."))
        document = load_json(archive.read(names[0]))
        photos = _photos(archive)
    else:
        document = load_json(raw)
    return {"diary": _read_document(document, photos)}


def read_zip(raw: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile:
        raise ImportProblem(_("This file is not a readable zip archive.")) from None


def _photos(archive: zipfile.ZipFile) -> dict[str, bytes]:
    found = {}
    for info in archive.infolist():
        parts = info.filename.split("/")
        if len(parts) >= 2 and parts[-2] == "photos" and info.file_size <= MAX_PHOTO_BYTES:
            found[parts[-1].rsplit(".", 1)[0]] = archive.read(info)
    return found


def _read_document(document: Any, photos: dict[str, bytes]) -> DiaryRecords:
    entries = document.get("entries") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise ImportProblem(_("This is not a Day One export (it has no list of entries)."))
    batch = DiaryRecords()
    for number, item in enumerate(entries, start=1):
        where = _("Day One entry %(n)d") % {"n": number}
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
        tags = item["tags"] if isinstance(item.get("tags"), list) else []
        pictures = [
            PhotoRecord(data=photos[str(p.get("md5"))])
            for p in item.get("photos") or []
            if isinstance(p, dict) and str(p.get("md5")) in photos
        ]
        batch.glimmers.append(
            EntryRecord(
                id=entry_id,
                kind="photo" if pictures and not text else "moment",
                text=text or _("A photo"),
                noticed_at=parse_stamp(item.get("creationDate"), where),
                tags=[str(tag) for tag in tags],
                intensity=5 if item.get("starred") else None,
                photos=pictures,
            )
        )
    return batch


__all__ = ["read"]
