"""The diary's operations. The web views, the CLI and the importers all call these."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar, cast

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from glimmers.diary import search, tallies
from glimmers.diary.choices import Kind, check_kind
from glimmers.diary.fields import normalize_senses
from glimmers.diary.models import (
    Bean,
    Glimmer,
    Intention,
    Person,
    Photo,
    Tag,
    Trigger,
    check_photo_room,
    clean_names,
)
from glimmers.lib.photos import PreparedPhoto

E = TypeVar("E", Glimmer, Trigger)
M = TypeVar("M", bound=Model)


@dataclass
class EntryInput:
    """Everything a person can say about a glimmer or a trigger, before it is saved."""

    text: str
    noticed_at: datetime | None = None
    senses: Sequence[str] = ()
    sense_lines: dict[str, str] = field(default_factory=dict)
    body: str = ""
    kind: str = Kind.MOMENT
    tags: Sequence[str] = ()
    people: Sequence[str] = ()
    intensity: int | None = None
    photos: Sequence[PreparedPhoto] = ()
    id: uuid.UUID | None = None

    @classmethod
    def of(cls, entry: Glimmer | Trigger) -> EntryInput:
        """What is saved now, as input: the start of an edit that changes a few fields."""
        data = cls(
            text=entry.text,
            noticed_at=entry.noticed_at,
            senses=list(entry.senses),
            sense_lines=dict(entry.sense_lines or {}),
            body=entry.body,
            intensity=entry.intensity,
        )
        if isinstance(entry, Glimmer):
            data.kind = entry.kind
            data.tags = [tag.name for tag in entry.tags.all()]
            data.people = [person.name for person in entry.people.all()]
        return data

    @classmethod
    def from_record(cls, record: dict[str, Any], **more: Any) -> EntryInput:
        """Input from a record with the export's field names (a kept edit, an API request);
        the diary's rules check it when it is saved."""
        noticed_at = record.get("noticed_at")
        if isinstance(noticed_at, str):
            noticed_at = datetime.fromisoformat(noticed_at)
        return cls(
            text=str(record.get("text") or ""),
            noticed_at=noticed_at or None,
            senses=list(record.get("senses") or []),
            sense_lines=dict(record.get("sense_lines") or {}),
            body=str(record.get("body") or ""),
            kind=str(record.get("kind") or Kind.MOMENT),
            tags=list(record.get("tags") or []),
            people=list(record.get("people") or []),
            intensity=record.get("intensity"),
            id=record.get("id"),
            **more,
        )


def _fill(entry: Glimmer | Trigger, data: EntryInput) -> None:
    entry.text = data.text
    entry.noticed_at = data.noticed_at or timezone.now()
    entry.senses = normalize_senses(data.senses)
    entry.sense_lines = dict(data.sense_lines)
    entry.body = data.body
    entry.intensity = data.intensity
    if isinstance(entry, Glimmer):
        entry.kind = check_kind(data.kind or Kind.MOMENT)
        # Labels are saved after the glimmer; their limits are checked before anything is.
        clean_names(Tag, data.tags)
        clean_names(Person, data.people)


def _names(model: type[Tag] | type[Person], owner: User, names: Iterable[str]) -> list[Any]:
    wanted = clean_names(model, names)
    if not wanted:
        return []
    found = {obj.name: obj for obj in model.objects.filter(owner=owner, name__in=wanted)}
    for name in wanted:
        if name not in found:
            found[name], _created = model.objects.get_or_create(owner=owner, name=name)
    return [found[name] for name in wanted]


def save_photos(glimmer: Glimmer, photos: Iterable[PreparedPhoto]) -> None:
    """Keep prepared photos with a glimmer, if its owner's photos have room for them."""
    photos = list(photos)
    check_photo_room(glimmer.owner, sum(len(prepared.data) for prepared in photos))
    for prepared in photos:
        photo = Photo(
            glimmer=glimmer,
            width=prepared.width,
            height=prepared.height,
            size=len(prepared.data),
            taken_at=(
                timezone.make_aware(prepared.taken_at)
                if prepared.taken_at and timezone.is_naive(prepared.taken_at)
                else prepared.taken_at
            ),
        )
        photo.image.save(f"{photo.id}.jpg", prepared.as_file(), save=False)
        photo.save()


def add_glimmer(owner: User, data: EntryInput) -> Glimmer:
    """Validate and save a new glimmer. With a client-chosen id, repeating is safe."""

    def save_related(glimmer: Glimmer) -> None:
        glimmer.tags.set(_names(Tag, owner, data.tags))
        glimmer.people.set(_names(Person, owner, data.people))
        save_photos(glimmer, data.photos)
        search.index(glimmer)

    return _create_once(Glimmer(owner=owner), data, save_related)


def add_trigger(owner: User, data: EntryInput) -> Trigger:
    """Log a trigger briefly. With a client-chosen id, repeating is safe."""
    return _create_once(Trigger(owner=owner), data, lambda trigger: None)


def _create_once(entry: E, data: EntryInput, save_related: Callable[[E], None]) -> E:
    """Save a new entry once: a repeated id (a double tap, a retried request) returns the
    entry saved the first time; an id that belongs to someone else is refused."""
    model = type(entry)
    existing = saved_before(model, data.id, entry.owner)
    if existing is not None:
        return existing
    entry.id = data.id or uuid.uuid4()
    _fill(entry, data)
    entry.full_clean(exclude=["owner", "tags", "people"], validate_unique=False)
    try:
        with transaction.atomic():
            entry.save(force_insert=True)
            save_related(entry)
            tallies.refresh(entry.owner, [entry.noticed_at], [entry.time_zone])
    except IntegrityError:
        # Another request with the same id won the race: theirs is the saved one.
        existing = saved_before(model, entry.id, entry.owner)
        if existing is None:
            raise
        return existing
    return entry


def saved_before(model: type[M], key: uuid.UUID | None, owner: User) -> M | None:
    """What a client already saved under its own id `key` (repeating a create is safe: it
    returns that); an id someone else's record holds is refused; None for a new id."""
    if key is None:
        return None
    existing = model._default_manager.filter(pk=key).first()
    if existing is not None and getattr(existing, "owner_id", None) != owner.pk:
        raise ValidationError(_("That id is already taken; leave it out to get a new one."))
    return existing


def edit_glimmer(glimmer: Glimmer, data: EntryInput, *, remove_photos: Iterable[str] = ()) -> None:
    """Change a glimmer's words, time, senses and labels; add or remove photos."""
    was_noticed_at = glimmer.noticed_at
    _fill(glimmer, data)
    glimmer.updated_at = timezone.now()
    glimmer.version += 1
    glimmer.full_clean(exclude=["owner", "tags", "people"])
    with transaction.atomic():
        glimmer.save()
        glimmer.tags.set(_names(Tag, glimmer.owner, data.tags))
        glimmer.people.set(_names(Person, glimmer.owner, data.people))
        doomed = list(glimmer.photos.filter(id__in=list(remove_photos)))
        for photo in doomed:
            delete_photo(photo)
        save_photos(glimmer, data.photos)
        search.index(glimmer)
        tallies.refresh(glimmer.owner, [was_noticed_at, glimmer.noticed_at], [glimmer.time_zone])


def move_to_trash(entry: Glimmer | Trigger) -> None:
    entry.trashed_at = timezone.now()
    with transaction.atomic():
        entry.save(update_fields=["trashed_at"])
        tallies.refresh(entry.owner, [entry.noticed_at], [entry.time_zone])


def restore(entry: Glimmer | Trigger) -> None:
    entry.trashed_at = None
    with transaction.atomic():
        entry.save(update_fields=["trashed_at"])
        tallies.refresh(entry.owner, [entry.noticed_at], [entry.time_zone])


def delete_photo(photo: Photo) -> None:
    """Remove a photo's row, then its file once the row is surely gone."""
    name = photo.image.name
    storage = photo.image.storage
    photo.delete()
    transaction.on_commit(lambda: storage.delete(name))


def delete_for_good(entries: Iterable[Glimmer | Trigger]) -> int:
    """Delete entries and their photo files; returns how many went."""
    count = 0
    with transaction.atomic():
        for entry in entries:
            if isinstance(entry, Glimmer):
                for photo in entry.photos.all():
                    delete_photo(photo)
            entry.delete()
            count += 1
    return count


def trashed_glimmers(owner: User) -> QuerySet[Glimmer]:
    return Glimmer.objects.owned_by(owner).trashed().order_by("-trashed_at", "-id")


def trashed_triggers(owner: User) -> QuerySet[Trigger]:
    return Trigger.objects.owned_by(owner).trashed().order_by("-trashed_at", "-id")


def empty_glimmer_trash(owner: User) -> int:
    return delete_for_good(trashed_glimmers(owner).prefetch_related("photos"))


def empty_trigger_trash(owner: User) -> int:
    return delete_for_good(trashed_triggers(owner))


def count_bean(owner: User, *, counted_at: datetime | None = None, note: str = "") -> Bean:
    bean = Bean(owner=owner, counted_at=counted_at or timezone.now(), note=note.strip())
    bean.full_clean(exclude=["owner", "glimmer"])
    with transaction.atomic():
        bean.save()
        tallies.refresh(owner, [bean.counted_at])
    return bean


def beans_on(owner: User, day: date) -> int:
    start, end = day_bounds(day)
    return Bean.objects.filter(owner=owner, counted_at__gte=start, counted_at__lt=end).count()


def set_intention(owner: User, text: str, *, day: date | None = None) -> Intention:
    """Set (or replace) the intention for a day, today by default."""
    text = " ".join(text.split())
    if not text:
        raise ValidationError(_("Write a few words for your intention."))
    day = day or timezone.localdate()
    Intention(owner=owner, day=day, text=text).full_clean(exclude=["owner"], validate_unique=False)
    intention, created = Intention.objects.get_or_create(
        owner=owner, day=day, defaults={"text": text}
    )
    if not created and intention.text != text:
        intention.text = text
        intention.updated_at = timezone.now()
        intention.save(update_fields=["text", "updated_at"])
    return intention


def intention_on(owner: User, day: date) -> Intention | None:
    return Intention.objects.filter(owner=owner, day=day).first()


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The start of `day` and of the next, in the current time zone."""
    zone = timezone.get_current_timezone()
    start = datetime.combine(day, datetime.min.time(), tzinfo=zone)
    end = datetime.combine(date.fromordinal(day.toordinal() + 1), datetime.min.time(), tzinfo=zone)
    return start, end


def measure_photos() -> None:
    """Give each photo without a size the size of its file (photos kept before sizes were)."""
    for photo in Photo.objects.filter(size=0).iterator(chunk_size=1000):
        try:
            size = photo.image.size
        except (OSError, ValueError):
            continue
        Photo.objects.filter(pk=photo.pk).update(size=size)


def rebuild_derived(owner: User, *, new_glimmers: Iterable[uuid.UUID] | None = None) -> None:
    """Bring what is kept beside a diary up to date after an import (`new_glimmers`), a
    restore or a change of time zone: the day tallies, and the search index."""
    tallies.rebuild(owner)
    if new_glimmers is None:
        search.reindex(owner)
    else:
        search.reindex(owner, new_glimmers)


def edit_trigger(trigger: Trigger, data: EntryInput) -> None:
    """Change a trigger's words, time, senses and body note."""
    was_noticed_at = trigger.noticed_at
    _fill(trigger, data)
    trigger.updated_at = timezone.now()
    trigger.version += 1
    trigger.full_clean(exclude=["owner"])
    with transaction.atomic():
        trigger.save()
        tallies.refresh(trigger.owner, [was_noticed_at, trigger.noticed_at], [trigger.time_zone])


class StaleVersion(Exception):
    """An edit was made on top of an older version than the one saved."""

    def __init__(self, current: Glimmer | Trigger) -> None:
        super().__init__(f"version {current.version} is saved")
        self.current = current


def edit_if_version(
    entry: E, version: int, data: EntryInput, *, remove_photos: Iterable[str] = ()
) -> E:
    """Edit only if `version` is still the saved one (compare and swap), else StaleVersion
    with the saved entry; two devices never silently overwrite one another."""
    with transaction.atomic():
        model = type(entry)
        locked = cast("E", model.objects.select_for_update().get(pk=entry.pk))
        if locked.version != version:
            raise StaleVersion(locked)
        if isinstance(locked, Glimmer):
            edit_glimmer(locked, data, remove_photos=remove_photos)
        else:
            edit_trigger(locked, data)
    return locked


def count_bean_once(
    owner: User, bean_id: uuid.UUID, *, counted_at: datetime | None = None, note: str = ""
) -> Bean:
    """Count a bean under a client-chosen id; repeating it returns the first one."""
    existing = saved_before(Bean, bean_id, owner)
    if existing is not None:
        return existing
    bean = Bean(id=bean_id, owner=owner, counted_at=counted_at or timezone.now())
    bean.note = note.strip()
    bean.full_clean(exclude=["owner", "glimmer"], validate_unique=False)
    try:
        with transaction.atomic():
            bean.save(force_insert=True)
            tallies.refresh(owner, [bean.counted_at])
    except IntegrityError:
        existing = saved_before(Bean, bean_id, owner)
        if existing is None:
            raise
        return existing
    return bean


def change_bean(bean: Bean, *, counted_at: datetime | None = None, note: str = "") -> Bean:
    """Move a bean to another time or change its note."""
    was_counted_at = bean.counted_at
    bean.counted_at = counted_at or bean.counted_at
    bean.note = note.strip()
    bean.full_clean(exclude=["owner", "glimmer"])
    with transaction.atomic():
        bean.save(update_fields=["counted_at", "note"])
        tallies.refresh(bean.owner, [was_counted_at, bean.counted_at])
    return bean


def uncount_bean(bean: Bean) -> None:
    """Take a bean back."""
    with transaction.atomic():
        bean.delete()
        tallies.refresh(bean.owner, [bean.counted_at])
