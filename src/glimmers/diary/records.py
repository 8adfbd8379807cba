"""The diary's records: the one shape of a glimmer, a trigger, a bean, an intention and a
kept edit, shared by the JSON export, the API and `--json`; and the diary's section of a
person's export and import (see `glimmers.lib.records`).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import io
import itertools
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image

from glimmers.diary.choices import Kind, check_kind
from glimmers.diary.fields import normalize_senses
from glimmers.diary.models import (
    Bean,
    EditConflict,
    Glimmer,
    Intention,
    Person,
    Photo,
    Tag,
    Trigger,
    check_photo_room,
    clean_names,
)
from glimmers.lib import records
from glimmers.lib.photos import PhotoError, prepare_upload
from glimmers.lib.records import (
    CHUNK,
    ExportOptions,
    IdRule,
    ImportContext,
    ImportProblem,
    Progress,
    RecordProblem,
    Skipped,
    optional_stamp,
    parse_stamp,
    parse_uuid,
    records_of,
    stamp,
    text_list,
)

# --- the one shape -------------------------------------------------------------------------

ENTRY_FIELDS = (
    "id",
    "text",
    "noticed_at",
    "time_zone",
    "senses",
    "sense_lines",
    "body",
    "intensity",
    "created_at",
    "updated_at",
    "trashed_at",
    "version",
)
GLIMMER_FIELDS = (*ENTRY_FIELDS, "kind", "details")


def _entry_record(values: dict[str, Any]) -> dict[str, Any]:
    senses = values["senses"]
    record = {
        "id": str(values["id"]),
        "kind": values.get("kind"),
        "text": values["text"],
        "noticed_at": stamp(values["noticed_at"]),
        "time_zone": values["time_zone"],
        # values_list may hand the stored text back without from_db_value
        "senses": senses.split() if isinstance(senses, str) else list(senses),
        "sense_lines": values["sense_lines"] or {},
        "body": values["body"],
        "intensity": values["intensity"],
        "created_at": stamp(values["created_at"]),
        "updated_at": stamp(values["updated_at"]),
        "trashed_at": stamp(values["trashed_at"]),
        "version": values["version"],
    }
    if "kind" in values:
        record["details"] = values["details"] or {}
    else:
        del record["kind"]
    return record


def photo_record(photo: Photo, *, with_data: bool = False) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": str(photo.id),
        "width": photo.width,
        "height": photo.height,
        "taken_at": stamp(photo.taken_at),
        "created_at": stamp(photo.created_at),
        "content_type": "image/jpeg",
    }
    if with_data:
        with photo.image.open("rb") as handle:
            record["data"] = base64.b64encode(handle.read()).decode("ascii")
    return record


def _labels(through: Any, column: str, scope: Q) -> dict[Any, list[str]]:
    found: dict[Any, list[str]] = defaultdict(list)
    rows = through.objects.filter(scope).values_list("glimmer_id", f"{column}__name")
    for glimmer_id, name in rows.order_by(f"{column}__name"):
        found[glimmer_id].append(name)
    return found


def _photos(scope: Q, with_data: bool) -> dict[Any, list[dict[str, Any]]]:
    found: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for photo in Photo.objects.filter(scope).order_by("created_at", "id"):
        found[photo.glimmer_id].append(photo_record(photo, with_data=with_data))
    return found


def glimmer_records(
    glimmers: QuerySet[Glimmer] | Iterable[Glimmer],
    *,
    owner: User | None = None,
    photo_data: bool = False,
    progress: Progress | None = None,
) -> list[dict[str, Any]]:
    """Glimmers as records, in the order given: a queryset (read in one sweep of its
    columns) or glimmers already at hand (a page of the API).

    Pass `owner` when the queryset is all of that person's glimmers: labels and photos are
    then read in one sweep instead of by id."""
    if isinstance(glimmers, QuerySet):
        rows = glimmers.values_list(*GLIMMER_FIELDS).iterator(chunk_size=5000)
        found = [_entry_record(dict(zip(GLIMMER_FIELDS, row, strict=True))) for row in rows]
    else:
        found = [_entry_record(_values(glimmer, GLIMMER_FIELDS)) for glimmer in glimmers]
    if owner is not None:
        scope = Q(glimmer__owner=owner)
    else:
        scope = Q(glimmer_id__in=[uuid.UUID(record["id"]) for record in found])
    tags = _labels(Glimmer.tags.through, "tag", scope)
    people = _labels(Glimmer.people.through, "person", scope)
    photos = _photos(scope, with_data=photo_data)
    for number, record in enumerate(found, start=1):
        key = uuid.UUID(record["id"])
        record["tags"] = tags.get(key, [])
        record["people"] = people.get(key, [])
        record["photos"] = photos.get(key, [])
        if progress and number % 1000 == 0:
            progress(1000)
    return found


def glimmer_record(glimmer: Glimmer) -> dict[str, Any]:
    """One glimmer as a record, read as it is saved now."""
    return glimmer_records(Glimmer.objects.filter(pk=glimmer.pk))[0]


def trigger_records(triggers: QuerySet[Trigger] | Iterable[Trigger]) -> list[dict[str, Any]]:
    if isinstance(triggers, QuerySet):
        rows = triggers.values_list(*ENTRY_FIELDS).iterator(chunk_size=5000)
        return [_entry_record(dict(zip(ENTRY_FIELDS, row, strict=True))) for row in rows]
    return [_entry_record(_values(trigger, ENTRY_FIELDS)) for trigger in triggers]


def trigger_record(trigger: Trigger) -> dict[str, Any]:
    return trigger_records(Trigger.objects.filter(pk=trigger.pk))[0]


def _values(entry: Model, fields: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in fields}


def bean_record(bean: Bean) -> dict[str, Any]:
    return {
        "id": str(bean.id),
        "counted_at": stamp(bean.counted_at),
        "note": bean.note,
        "glimmer": str(bean.glimmer_id) if bean.glimmer_id else None,
    }


def intention_record(intention: Intention) -> dict[str, Any]:
    return {
        "id": str(intention.id),
        "day": intention.day.isoformat(),
        "text": intention.text,
        "created_at": stamp(intention.created_at),
        "updated_at": stamp(intention.updated_at),
    }


def conflict_record(conflict: EditConflict) -> dict[str, Any]:
    return {
        "id": str(conflict.id),
        "glimmer": str(conflict.glimmer_id) if conflict.glimmer_id else None,
        "trigger": str(conflict.trigger_id) if conflict.trigger_id else None,
        "base_version": conflict.base_version,
        "saved_version": conflict.saved_version,
        "data": conflict.data,
        "received_at": stamp(conflict.received_at),
        "settled_at": stamp(conflict.settled_at),
    }


def export_diary(owner: User, options: ExportOptions) -> dict[str, Any]:
    """The diary's keys of a person's JSON export."""
    everything = Glimmer.objects.filter(owner=owner).order_by("noticed_at", "id")
    triggers = Trigger.objects.filter(owner=owner).order_by("noticed_at", "id")
    conflicts = EditConflict.objects.filter(owner=owner).order_by("received_at", "id")
    return {
        "glimmers": glimmer_records(
            everything, owner=owner, photo_data=options.photo_data, progress=options.progress
        ),
        "triggers": trigger_records(triggers),
        "beans": [
            bean_record(bean)
            for bean in Bean.objects.filter(owner=owner).order_by("counted_at", "id")
        ],
        "intentions": [
            intention_record(intention)
            for intention in Intention.objects.filter(owner=owner).order_by("day")
        ],
        "edit_conflicts": [conflict_record(conflict) for conflict in conflicts],
    }


# --- reading records back ----------------------------------------------------------------


@dataclass
class PhotoRecord:
    data: bytes = b""
    id: uuid.UUID | None = None
    taken_at: datetime | None = None
    created_at: datetime | None = None
    # Or where to read the picture when it is saved (a zip member), so a file's photos are
    # never all held at once.
    read: Callable[[], bytes] | None = None

    def picture(self) -> bytes:
        return self.read() if self.read is not None else self.data


@dataclass
class EntryRecord:
    """A glimmer or a trigger as read from a file, before the diary's rules check it."""

    text: str
    noticed_at: datetime
    id: uuid.UUID | None = None
    time_zone: str = ""
    kind: str = Kind.MOMENT
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
    version: int = 1
    # What the journal it came from knew that Glimmers has no field for (glimmers only).
    details: dict[str, Any] = field(default_factory=dict)
    # Where it stands in its file, for the import report ("Glimmer 3", "Day One entry 12").
    where: str = ""


@dataclass
class DiaryRecords:
    """The diary's part of a file, read and checked: what the formats (ours, jrnl, Day One)
    all turn into."""

    glimmers: list[EntryRecord] = field(default_factory=list)
    triggers: list[EntryRecord] = field(default_factory=list)
    # Glimmers still in the file, read as they are saved (a long journal is never held
    # whole); they come after `glimmers`.
    glimmers_to_read: Iterator[EntryRecord] = field(default_factory=lambda: iter(()))
    beans: list[dict[str, Any]] = field(default_factory=list)
    intentions: list[dict[str, Any]] = field(default_factory=list)
    edit_conflicts: list[dict[str, Any]] = field(default_factory=list)
    # Records whose shape could not be read, each with the reason.
    unreadable: list[Skipped] = field(default_factory=list)
    # What the reading has to say of records it did read (an attachment it could not hold).
    notes: list[Skipped] = field(default_factory=list)

    @contextlib.contextmanager
    def reading(self, kind: str, where: str) -> Iterator[None]:
        """Around reading one record: one that cannot be read is noted, not the end."""
        try:
            yield
        except ImportProblem as problem:
            self.unreadable.append(Skipped(kind, where, str(problem)))


def read_entry(item: dict[str, Any], where: str) -> EntryRecord:
    """One glimmer or trigger of our JSON export, its shape checked."""
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
    version = item.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        version = 1
    details = item.get("details") or {}
    if not isinstance(details, dict):
        raise ImportProblem(_("%(where)s has details that are not a mapping.") % {"where": where})
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
        kind=str(item.get("kind") or Kind.MOMENT),
        text=text,
        noticed_at=parse_stamp(item.get("noticed_at"), where),
        time_zone=str(item.get("time_zone") or ""),
        senses=text_list(item.get("senses"), where),
        sense_lines=lines,
        body=str(item.get("body") or ""),
        tags=text_list(item.get("tags"), where),
        people=text_list(item.get("people"), where),
        intensity=intensity,
        photos=photos,
        created_at=optional_stamp(item.get("created_at"), where),
        updated_at=optional_stamp(item.get("updated_at"), where),
        trashed_at=optional_stamp(item.get("trashed_at"), where),
        version=version,
        details=details,
        where=where,
    )


def read_diary(document: dict[str, Any]) -> DiaryRecords:
    """The diary's keys of our JSON export, every record's shape checked."""
    found = DiaryRecords()
    for number, item in enumerate(records_of(document, "glimmers"), start=1):
        where = _("Glimmer %(n)d") % {"n": number}
        with found.reading("glimmers", where):
            found.glimmers.append(read_entry(item, where))
    for number, item in enumerate(records_of(document, "triggers"), start=1):
        where = _("Trigger %(n)d") % {"n": number}
        with found.reading("triggers", where):
            found.triggers.append(read_entry(item, where))
    for number, item in enumerate(records_of(document, "beans"), start=1):
        where = _("Bean %(n)d") % {"n": number}
        with found.reading("beans", where):
            found.beans.append(
                {
                    "id": parse_uuid(item.get("id"), where),
                    "counted_at": parse_stamp(item.get("counted_at"), where),
                    "note": str(item.get("note") or ""),
                    "glimmer": parse_uuid(item.get("glimmer"), where),
                    "where": where,
                }
            )
    for number, item in enumerate(records_of(document, "intentions"), start=1):
        where = _("Intention %(n)d") % {"n": number}
        with found.reading("intentions", where):
            try:
                day = date.fromisoformat(str(item.get("day")))
            except ValueError:
                raise ImportProblem(
                    _("%(where)s has a day that cannot be read.") % {"where": where}
                ) from None
            found.intentions.append(
                {
                    "id": parse_uuid(item.get("id"), where),
                    "day": day,
                    "text": str(item.get("text") or ""),
                    "created_at": optional_stamp(item.get("created_at"), where),
                    "updated_at": optional_stamp(item.get("updated_at"), where),
                    "where": where,
                }
            )
    found.edit_conflicts = _read_conflicts(document)
    return found


def _read_conflicts(document: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for number, item in enumerate(records_of(document, "edit_conflicts"), start=1):
        where = _("Kept version %(n)d") % {"n": number}
        try:
            record: dict[str, Any] = {
                "id": uuid.UUID(str(item["id"])),
                "glimmer_id": uuid.UUID(item["glimmer"]) if item.get("glimmer") else None,
                "trigger_id": uuid.UUID(item["trigger"]) if item.get("trigger") else None,
                "base_version": int(item["base_version"]),
                "saved_version": int(item["saved_version"]),
                "data": dict(item["data"]),
            }
        except (KeyError, TypeError, ValueError):
            raise ImportProblem(_("%(where)s cannot be read.") % {"where": where}) from None
        record["received_at"] = parse_stamp(item.get("received_at"), where)
        settled = item.get("settled_at")
        record["settled_at"] = parse_stamp(settled, where) if settled else None
        found.append(record)
    return found


# --- saving records ------------------------------------------------------------------------


def save_diary(found: DiaryRecords, context: ImportContext) -> None:
    """Add the records not in the diary yet; every one is checked by the diary's rules
    first: one that breaks them is reported and left out (or, strict, refuses the file).
    Entries may come as they are read (a long journal): they are saved a chunk at a time."""
    owner = context.owner
    said = _say_what_reading_found(found, context, 0, 0)
    _save_entries(Glimmer, itertools.chain(found.glimmers, found.glimmers_to_read), context)
    _save_entries(Trigger, found.triggers, context)
    _say_what_reading_found(found, context, *said)  # what was found while they were read
    _save_beans(owner, found.beans, context)
    _save_intentions(owner, found.intentions, context)
    _save_conflicts(owner, found.edit_conflicts, context)


def _say_what_reading_found(
    found: DiaryRecords, context: ImportContext, unreadable: int, notes: int
) -> tuple[int, int]:
    """Report the records reading left out and its notes, from these places on."""
    for skipped in found.unreadable[unreadable:]:
        with context.one(skipped.kind):
            raise RecordProblem(skipped.where, skipped.reason)
    context.report.noted.extend(found.notes[notes:])
    return len(found.unreadable), len(found.notes)


def _save_entries(
    model: type[Glimmer] | type[Trigger], found: Iterable[EntryRecord], context: ImportContext
) -> None:
    """Save new entries in bulk, a chunk at a time; for glimmers, `context` learns which id
    each has here."""
    rule = IdRule(context.owner)
    chunk: list[EntryRecord] = []
    number = 0
    for record in found:
        chunk.append(record)
        if len(chunk) == CHUNK:
            _save_chunk(model, chunk, number, rule, context)
            number += len(chunk)
            chunk = []
    _save_chunk(model, chunk, number, rule, context)


def _save_chunk(
    model: type[Glimmer] | type[Trigger],
    found: list[EntryRecord],
    before: int,
    rule: IdRule,
    context: ImportContext,
) -> None:
    kind = "glimmers" if model is Glimmer else "triggers"
    rule.learn(model, (record.id for record in found))
    entries: list[Glimmer | Trigger] = []
    pending: list[tuple[Glimmer | Trigger, EntryRecord]] = []
    for number, record in enumerate(found, start=before + 1):
        if rule.already_here(record.id):
            if record.id in rule.mine and model is Glimmer:
                context.glimmer_ids[record.id] = record.id
            context.report.already(kind)
            continue
        entry_id = rule.claim(record.id)
        with context.one(kind):
            entry = _build(context.owner, model, record, entry_id, number)
            if record.id is not None and model is Glimmer:
                context.glimmer_ids[record.id] = entry_id
            entries.append(entry)
            pending.append((entry, record))
    model.objects.bulk_create(entries)  # type: ignore[arg-type]
    if context.progress and entries:
        context.progress(len(entries))
    context.report.added(kind, len(entries))
    if model is Glimmer:
        context.new_glimmers.extend(entry.id for entry in entries)
        _save_labels(context.owner, Tag, "tags", pending)
        _save_labels(context.owner, Person, "people", pending)
        for entry, record in pending:
            for number, photo in enumerate(record.photos, start=1):
                where = _("%(where)s, photo %(n)d") % {"where": record.where, "n": number}
                with context.one("photos"):
                    context.written.append(_save_photo(entry, photo, where))  # type: ignore[arg-type]


def _build(
    owner: User,
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
        time_zone=record.time_zone,
        sense_lines=record.sense_lines,
        body=record.body,
        intensity=record.intensity,
        created_at=record.created_at or now,
        updated_at=record.updated_at or record.created_at or now,
        trashed_at=record.trashed_at,
        version=record.version,
    )
    where = record.where or (
        (_("Glimmer %(n)d") if model is Glimmer else _("Trigger %(n)d")) % {"n": number}
    )
    record.where = where
    try:
        entry.senses = normalize_senses(record.senses)
        if isinstance(entry, Glimmer):
            entry.kind = check_kind(record.kind)
            entry.details = record.details
            record.tags = clean_names(Tag, record.tags)
            record.people = clean_names(Person, record.people)
        entry.full_clean(
            exclude=["owner", "tags", "people"], validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        raise RecordProblem(where, first_message(error)) from None
    return entry


def first_message(error: ValidationError) -> str:
    return str(error.messages[0]) if error.messages else str(error)


def _save_labels(
    owner: User,
    model: type[Tag] | type[Person],
    attribute: str,
    pending: list[tuple[Glimmer | Trigger, EntryRecord]],
) -> None:
    # The names were cleaned (normalized, once each, within limits) when the entry was built.
    wanted = {entry.id: list(getattr(record, attribute)) for entry, record in pending}
    names = {name for names in wanted.values() for name in names}
    if not names:
        return
    model.objects.bulk_create(
        [model(owner=owner, name=name) for name in names],  # type: ignore[misc]
        ignore_conflicts=True,
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


def _save_photo(glimmer: Glimmer, record: PhotoRecord, where: str) -> str:
    try:
        raw = record.picture()
    except ImportProblem as problem:
        raise RecordProblem(where, str(problem)) from None
    data = _clean_photo_bytes(raw, where)
    try:
        check_photo_room(glimmer.owner, len(data))
    except ValidationError as error:
        raise RecordProblem(where, first_message(error)) from None
    photo = Photo(glimmer=glimmer, width=0, height=0, size=len(data), taken_at=record.taken_at)
    if record.id is not None and not Photo.objects.filter(id=record.id).exists():
        photo.id = record.id
    if record.created_at is not None:
        photo.created_at = record.created_at
    with Image.open(io.BytesIO(data)) as image:
        photo.width, photo.height = image.size
    photo.image.save(f"{photo.id}.jpg", ContentFile(data), save=False)
    photo.save(force_insert=True)
    return str(photo.image.name)


def _clean_photo_bytes(data: bytes, where: str) -> bytes:
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
        raise RecordProblem(where, str(error)) from None


def _checked(obj: Model, where: str, exclude: list[str]) -> None:
    try:
        obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        raise RecordProblem(where, first_message(error)) from None


def _save_beans(owner: User, found: list[dict[str, Any]], context: ImportContext) -> None:
    rule = IdRule.for_records(Bean, owner, (item["id"] for item in found))
    mine = set(Glimmer.objects.filter(owner=owner).values_list("id", flat=True))
    new = []
    for item in found:
        if rule.already_here(item["id"]):
            context.report.already("beans")
            continue
        with context.one("beans"):
            bean = Bean(
                id=rule.claim(item["id"]),
                owner=owner,
                counted_at=item["counted_at"],
                note=item["note"],
                glimmer_id=context.glimmer_here(item["glimmer"], mine),
            )
            _checked(bean, item["where"], ["owner", "glimmer"])
            new.append(bean)
    Bean.objects.bulk_create(new, batch_size=CHUNK)
    context.report.added("beans", len(new))


def _save_intentions(owner: User, found: list[dict[str, Any]], context: ImportContext) -> None:
    """One intention a day: a day that has one here keeps it."""
    rule = IdRule.for_records(Intention, owner, (item["id"] for item in found))
    taken = set(Intention.objects.filter(owner=owner).values_list("day", flat=True))
    new = []
    now = timezone.now()
    for item in found:
        if item["day"] in taken or rule.already_here(item["id"]):
            context.report.already("intentions")
            continue
        with context.one("intentions"):
            intention = Intention(
                id=rule.claim(item["id"]),
                owner=owner,
                day=item["day"],
                text=item["text"],
                created_at=item["created_at"] or now,
                updated_at=item["updated_at"] or now,
            )
            _checked(intention, item["where"], ["owner"])
            taken.add(item["day"])
            new.append(intention)
    Intention.objects.bulk_create(new, batch_size=CHUNK)
    context.report.added("intentions", len(new))


def _save_conflicts(owner: User, found: list[dict[str, Any]], context: ImportContext) -> None:
    """Keep those whose entry is in this diary and that are not here yet."""
    glimmers = set(
        Glimmer.objects.filter(
            owner=owner, id__in=[r["glimmer_id"] for r in found if r["glimmer_id"]]
        ).values_list("id", flat=True)
    )
    triggers = set(
        Trigger.objects.filter(
            owner=owner, id__in=[r["trigger_id"] for r in found if r["trigger_id"]]
        ).values_list("id", flat=True)
    )
    rule = IdRule.for_records(EditConflict, owner, (r["id"] for r in found))
    new = []
    for record in found:
        if rule.already_here(record["id"]):
            context.report.already("edit_conflicts")
            continue
        if record["glimmer_id"] in glimmers or record["trigger_id"] in triggers:
            new.append(EditConflict(owner=owner, **{**record, "id": rule.claim(record["id"])}))
    EditConflict.objects.bulk_create(new)
    context.report.added("edit_conflicts", len(new))


def register() -> None:
    records.register(
        records.Section(
            name="diary",
            stage=0,
            export=export_diary,
            read=read_diary,
            save=save_diary,
        )
    )
