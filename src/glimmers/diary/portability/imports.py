"""Imports. Every format is read into plain records first, then saved in one transaction:
a file with one bad entry changes nothing."""

from __future__ import annotations

import base64
import binascii
import io
import json
import uuid
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image

from glimmers.accounts.services import time_zone_of
from glimmers.diary.fields import normalize_senses
from glimmers.diary.models import Bean, Glimmer, Intention, Person, Photo, Tag, Trigger
from glimmers.diary.services import rebuild_derived
from glimmers.lib.photos import PhotoError, prepare_upload

FORMATS = ("glimmers", "jrnl", "dayone")
Progress = Callable[[int], None]


class ImportProblem(ValueError):
    """A file we will not import; the message is one sentence, and nothing was saved."""


@dataclass
class PhotoRecord:
    data: bytes
    id: uuid.UUID | None = None
    taken_at: datetime | None = None
    created_at: datetime | None = None


@dataclass
class EntryRecord:
    text: str
    noticed_at: datetime
    id: uuid.UUID | None = None
    kind: str = "moment"
    senses: list[str] = field(default_factory=list)
    sense_lines: dict[str, str] = field(default_factory=dict)
    body: str = ""
    tags: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    intensity: int | None = None
    photos: list[PhotoRecord] = field(default_factory=list)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    trashed_at: datetime | None = None


@dataclass
class Batch:
    glimmers: list[EntryRecord] = field(default_factory=list)
    triggers: list[EntryRecord] = field(default_factory=list)
    beans: list[dict[str, Any]] = field(default_factory=list)
    intentions: list[dict[str, Any]] = field(default_factory=list)
    # Glimmer Questions and their answers (glimmers.questions.portability.Records).
    questions: Any = None
    conversations: list[dict[str, Any]] = field(default_factory=list)
    practice: dict[str, Any] = field(default_factory=dict)
    edit_conflicts: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ImportResult:
    added: int = 0
    skipped: int = 0
    triggers: int = 0
    beans: int = 0
    intentions: int = 0
    questions: int = 0
    conversations: int = 0
    pauses: int = 0


# --- reading ----------------------------------------------------------------------------


def import_file(
    owner: Any, path: Path, fmt: str | None = None, *, progress: Progress | None = None
) -> ImportResult:
    """Read `path` in `fmt` (guessed when None) and add its entries to owner's diary."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ImportProblem(
            _("Cannot read %(path)s: %(why)s.") % {"path": path, "why": error.strerror}
        ) from None
    # Times written without a zone (jrnl's) are the person's own local times.
    with timezone.override(time_zone_of(owner)):
        batch = read_batch(raw, fmt or guess_format(raw), name=path.name)
    return save_batch(owner, batch, progress=progress)


def guess_format(raw: bytes) -> str:
    if raw[:2] == b"PK":
        return "dayone"
    head = raw.lstrip()[:1]
    if head != b"{":
        return "jrnl"
    try:
        document = json.loads(raw)
    except ValueError:
        return "glimmers"  # the JSON reader will say what is wrong
    if isinstance(document, dict) and document.get("format") == "glimmers":
        return "glimmers"
    if isinstance(document, dict) and "metadata" in document:
        return "dayone"
    if isinstance(document, dict) and isinstance(document.get("entries"), list):
        return "jrnl"
    return "glimmers"


def read_batch(raw: bytes, fmt: str, *, name: str = "") -> Batch:
    from glimmers.diary.portability import dayone, jrnl

    if fmt == "glimmers":
        return read_glimmers(load_json(raw))
    if fmt == "jrnl":
        if raw.lstrip()[:1] == b"{":
            return jrnl.read_json(load_json(raw))
        return jrnl.read_text(decode_text(raw))
    if fmt == "dayone":
        return dayone.read(raw)
    raise ImportProblem(
        _("“%(format)s” is not a format Glimmers imports; use one of %(known)s.")
        % {"format": fmt, "known": ", ".join(FORMATS)}
    )


def load_json(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except UnicodeDecodeError:
        raise ImportProblem(_("This file is not text in UTF-8.")) from None
    except json.JSONDecodeError as error:
        raise ImportProblem(
            _("This file is not valid JSON (line %(line)d, column %(column)d).")
            % {"line": error.lineno, "column": error.colno}
        ) from None


def decode_text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportProblem(_("This file is not text in UTF-8.")) from None


def parse_stamp(value: Any, where: str) -> datetime:
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            pass
        else:
            return moment if moment.tzinfo else timezone.make_aware(moment)
    raise ImportProblem(
        _("%(where)s has a time that cannot be read: %(value)s.") % {"where": where, "value": value}
    )


def optional_stamp(value: Any, where: str) -> datetime | None:
    return None if value is None else parse_stamp(value, where)


def parse_uuid(value: Any, where: str) -> uuid.UUID | None:
    if value is None:
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ImportProblem(
            _("%(where)s has an id that is not a UUID.") % {"where": where}
        ) from None


def _list_of_text(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ImportProblem(
            _("%(where)s has a list that is not a list of text.") % {"where": where}
        )
    return value


def read_glimmers(document: Any) -> Batch:
    """Our own JSON export."""
    if not isinstance(document, dict) or document.get("format") != "glimmers":
        raise ImportProblem(_("This is not a Glimmers export (its “format” is not “glimmers”)."))
    if document.get("version") != 1:
        raise ImportProblem(_("This export comes from a newer Glimmers; please upgrade first."))
    batch = Batch()
    for number, item in enumerate(records_of(document, "glimmers"), start=1):
        batch.glimmers.append(_entry(item, _("Glimmer %(n)d") % {"n": number}))
    for number, item in enumerate(records_of(document, "triggers"), start=1):
        batch.triggers.append(_entry(item, _("Trigger %(n)d") % {"n": number}))
    for number, item in enumerate(records_of(document, "beans"), start=1):
        where = _("Bean %(n)d") % {"n": number}
        batch.beans.append(
            {
                "id": parse_uuid(item.get("id"), where),
                "counted_at": parse_stamp(item.get("counted_at"), where),
                "note": str(item.get("note") or ""),
                "glimmer": parse_uuid(item.get("glimmer"), where),
            }
        )
    for number, item in enumerate(records_of(document, "intentions"), start=1):
        where = _("Intention %(n)d") % {"n": number}
        try:
            day = date.fromisoformat(str(item.get("day")))
        except ValueError:
            raise ImportProblem(
                _("%(where)s has a day that cannot be read.") % {"where": where}
            ) from None
        batch.intentions.append(
            {
                "id": parse_uuid(item.get("id"), where),
                "day": day,
                "text": str(item.get("text") or ""),
                "created_at": optional_stamp(item.get("created_at"), where),
                "updated_at": optional_stamp(item.get("updated_at"), where),
            }
        )
    # These apps read their own records with the helpers above.
    from glimmers.conversations import portability as conversations
    from glimmers.questions import portability as questions

    batch.questions = questions.read(document)
    batch.conversations = conversations.read(document)
    from glimmers.practice.portability import read_practice

    batch.practice = read_practice(document.get("practice"))
    from glimmers.api.portability import read_conflicts

    batch.edit_conflicts = read_conflicts(document, parse_stamp, ImportProblem)
    return batch


def records_of(document: dict[str, Any], key: str) -> list[dict[str, Any]]:
    items = document.get(key, [])
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise ImportProblem(_("“%(key)s” in this file is not a list of entries.") % {"key": key})
    return items


def _entry(item: dict[str, Any], where: str) -> EntryRecord:
    text = item.get("text")
    if not isinstance(text, str):
        raise ImportProblem(_("%(where)s has no text.") % {"where": where})
    lines = item.get("sense_lines") or {}
    if not isinstance(lines, dict):
        raise ImportProblem(
            _("%(where)s has sense lines that are not a mapping.") % {"where": where}
        )
    intensity = item.get("intensity")
    if intensity is not None and (not isinstance(intensity, int) or isinstance(intensity, bool)):
        raise ImportProblem(
            _("%(where)s has an intensity that is not a number.") % {"where": where}
        )
    photos = []
    for photo in item.get("photos") or []:
        try:
            data = base64.b64decode(photo["data"], validate=True)
        except (KeyError, TypeError, binascii.Error):
            raise ImportProblem(
                _("%(where)s has a photo without readable data.") % {"where": where}
            ) from None
        photos.append(
            PhotoRecord(
                data=data,
                id=parse_uuid(photo.get("id"), where),
                taken_at=optional_stamp(photo.get("taken_at"), where),
                created_at=optional_stamp(photo.get("created_at"), where),
            )
        )
    return EntryRecord(
        id=parse_uuid(item.get("id"), where),
        kind=str(item.get("kind") or "moment"),
        text=text,
        noticed_at=parse_stamp(item.get("noticed_at"), where),
        senses=_list_of_text(item.get("senses"), where),
        sense_lines=lines,
        body=str(item.get("body") or ""),
        tags=_list_of_text(item.get("tags"), where),
        people=_list_of_text(item.get("people"), where),
        intensity=intensity,
        photos=photos,
        created_at=optional_stamp(item.get("created_at"), where),
        updated_at=optional_stamp(item.get("updated_at"), where),
        trashed_at=optional_stamp(item.get("trashed_at"), where),
    )


# --- saving -----------------------------------------------------------------------------

CHUNK = 1000


def save_batch(owner: Any, batch: Batch, *, progress: Progress | None = None) -> ImportResult:
    """Validate every record, then save all of them or none."""
    from glimmers.conversations import portability as conversations
    from glimmers.questions import portability as questions

    result = ImportResult()
    written: list[str] = []
    added: list[Any] = []
    glimmer_ids: dict[uuid.UUID, uuid.UUID] = {}
    try:
        with transaction.atomic():
            result.added, result.skipped = _save_entries(
                owner, Glimmer, batch.glimmers, written, progress, added, glimmer_ids
            )
            result.triggers, skipped = _save_entries(
                owner, Trigger, batch.triggers, written, progress
            )
            result.skipped += skipped
            result.beans = _save_beans(owner, batch.beans)
            result.intentions = _save_intentions(owner, batch.intentions)
            if batch.questions is not None:
                result.questions = questions.save_records(owner, batch.questions)
            result.conversations = conversations.save_records(
                owner, batch.conversations, glimmer_ids
            )
            # Last, so the search index sees the conversations' stories too.
            rebuild_derived(owner, new_glimmers=added)
            if batch.practice:
                from glimmers.practice.portability import save_practice

                result.pauses = save_practice(owner, batch.practice, glimmer_ids)
            if batch.edit_conflicts:
                from glimmers.api.portability import save_conflicts

                save_conflicts(owner, batch.edit_conflicts)
    except BaseException:
        for name in written:  # the rows are gone; their files go too
            default_storage.delete(name)
        raise
    return result


def _fresh_ids(
    model: type[Any], owner: Any, records: list[EntryRecord]
) -> tuple[set[Any], set[Any]]:
    """Ids already in this diary (skip them) and ids taken by someone else (give new ones)."""
    wanted = [record.id for record in records if record.id is not None]
    mine: set[Any] = set()
    theirs: set[Any] = set()
    for start in range(0, len(wanted), CHUNK):
        rows = model.objects.filter(id__in=wanted[start : start + CHUNK]).values_list(
            "id", "owner_id"
        )
        for entry_id, owner_id in rows:
            (mine if owner_id == owner.pk else theirs).add(entry_id)
    return mine, theirs


def _save_entries(
    owner: Any,
    model: type[Any],
    records: list[EntryRecord],
    written: list[str],
    progress: Progress | None,
    added: list[Any] | None = None,
    ids: dict[uuid.UUID, uuid.UUID] | None = None,
) -> tuple[int, int]:
    """Save new entries in bulk; `ids` learns which id each record's entry has here."""
    mine, theirs = _fresh_ids(model, owner, records)
    ids = {} if ids is None else ids
    seen: set[Any] = set()
    entries: list[Any] = []
    pending: list[tuple[Any, EntryRecord]] = []
    for number, record in enumerate(records, start=1):
        if record.id in mine or (record.id is not None and record.id in seen):
            if record.id is not None and record.id in mine:
                ids[record.id] = record.id
            continue
        entry_id = record.id if record.id is not None and record.id not in theirs else uuid.uuid4()
        seen.add(record.id)
        if record.id is not None:
            ids[record.id] = entry_id
        entry = _build(owner, model, record, entry_id, number)
        entries.append(entry)
        pending.append((entry, record))
        if added is not None:
            added.append(entry_id)
    for start in range(0, len(entries), CHUNK):
        model.objects.bulk_create(entries[start : start + CHUNK])
        if progress:
            progress(len(entries[start : start + CHUNK]))
    if model is Glimmer:
        _save_labels(owner, Tag, "tags", pending)
        _save_labels(owner, Person, "people", pending)
        for entry, record in pending:
            for photo in record.photos:
                written.append(_save_photo(entry, photo))
    return len(entries), len(records) - len(entries)


def _build(
    owner: Any,
    model: type[Glimmer] | type[Trigger],
    record: EntryRecord,
    entry_id: uuid.UUID,
    number: int,
) -> Glimmer | Trigger:
    now = timezone.now()
    entry = model(
        id=entry_id,
        owner=owner,
        text=record.text,
        noticed_at=record.noticed_at,
        sense_lines=record.sense_lines,
        body=record.body,
        intensity=record.intensity,
        created_at=record.created_at or now,
        updated_at=record.updated_at or record.created_at or now,
        trashed_at=record.trashed_at,
    )
    where = (_("Glimmer %(n)d") if model is Glimmer else _("Trigger %(n)d")) % {"n": number}
    try:
        entry.senses = normalize_senses(record.senses)
        if isinstance(entry, Glimmer):
            entry.kind = record.kind
        entry.full_clean(
            exclude=["owner", "tags", "people"], validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        raise ImportProblem(f"{where}: {_first_message(error)}") from None
    return entry


def _first_message(error: ValidationError) -> str:
    return str(error.messages[0]) if error.messages else str(error)


def _save_labels(
    owner: Any,
    model: type[Any],
    attribute: str,
    pending: list[tuple[Any, EntryRecord]],
) -> None:
    wanted = {
        entry.id: list(
            dict.fromkeys(n for n in (model.normalize(x) for x in getattr(record, attribute)) if n)
        )
        for entry, record in pending
    }
    names = {name for names in wanted.values() for name in names}
    if not names:
        return
    model.objects.bulk_create(
        [model(owner=owner, name=name) for name in names], ignore_conflicts=True
    )
    by_name = dict(model.objects.filter(owner=owner, name__in=names).values_list("name", "id"))
    through = getattr(Glimmer, attribute).through
    column = f"{model._meta.model_name}_id"
    rows = [
        through(glimmer_id=entry_id, **{column: by_name[name]})
        for entry_id, names_ in wanted.items()
        for name in names_
    ]
    through.objects.bulk_create(rows, batch_size=CHUNK)


def _save_photo(glimmer: Glimmer, record: PhotoRecord) -> str:
    data = _clean_photo_bytes(record.data)
    photo = Photo(glimmer=glimmer, width=0, height=0, taken_at=record.taken_at)
    if record.id is not None and not Photo.objects.filter(id=record.id).exists():
        photo.id = record.id
    if record.created_at is not None:
        photo.created_at = record.created_at
    with Image.open(io.BytesIO(data)) as image:
        photo.width, photo.height = image.size
    photo.image.save(f"{photo.id}.jpg", ContentFile(data), save=False)
    photo.save(force_insert=True)
    return str(photo.image.name)


def _clean_photo_bytes(data: bytes) -> bytes:
    """Keep a photo as it is when it is a plain JPEG without metadata; otherwise re-encode."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            plain = (
                image.format == "JPEG"
                and image.width * image.height <= settings.PHOTO_MAX_PIXELS
                and not image.getexif()
                and "exif" not in image.info
            )
    except Exception:
        plain = False
    if plain:
        return data
    try:
        return prepare_upload(io.BytesIO(data)).data
    except PhotoError as error:
        raise ImportProblem(str(error)) from None


def _save_beans(owner: Any, beans: list[dict[str, Any]]) -> int:
    ids = [bean["id"] for bean in beans if bean["id"]]
    taken = dict(Bean.objects.filter(id__in=ids).values_list("id", "owner_id"))
    glimmer_ids = set(Glimmer.objects.filter(owner=owner).values_list("id", flat=True))
    new = [
        Bean(
            # someone else's id gets a fresh one; an id already in this diary is skipped
            id=bean["id"] if bean["id"] and bean["id"] not in taken else uuid.uuid4(),
            owner=owner,
            counted_at=bean["counted_at"],
            note=bean["note"][:200],
            glimmer_id=bean["glimmer"] if bean["glimmer"] in glimmer_ids else None,
        )
        for bean in beans
        if taken.get(bean["id"]) != owner.pk
    ]
    Bean.objects.bulk_create(new, batch_size=CHUNK)
    return len(new)


def _save_intentions(owner: Any, intentions: Iterable[dict[str, Any]]) -> int:
    taken = set(Intention.objects.filter(owner=owner).values_list("day", flat=True))
    new = []
    for item in intentions:
        if item["day"] in taken or not item["text"].strip():
            continue
        taken.add(item["day"])
        now = timezone.now()
        new.append(
            Intention(
                id=item["id"]
                if item["id"] and not Intention.objects.filter(id=item["id"]).exists()
                else uuid.uuid4(),
                owner=owner,
                day=item["day"],
                text=item["text"][:500],
                created_at=item["created_at"] or now,
                updated_at=item["updated_at"] or now,
            )
        )
    Intention.objects.bulk_create(new, batch_size=CHUNK)
    return len(new)


def read_zip(raw: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile:
        raise ImportProblem(_("This file is not a readable zip archive.")) from None
