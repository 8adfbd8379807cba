"""Two devices, one entry: an edit made on an older version never overwrites the newer one.

It is kept as an EditConflict beside the entry; the entry's page shows both, and the person
chooses which stays.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any, TypeVar

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from glimmers.diary import services
from glimmers.diary.fields import normalize_senses
from glimmers.diary.models import EditConflict, Glimmer, Person, Tag, Trigger, clean_sense_lines
from glimmers.diary.services import EntryInput, StaleVersion
from glimmers.lib.records import stamp

E = TypeVar("E", Glimmer, Trigger)


def as_record(data: EntryInput, *, with_labels: bool) -> dict[str, Any]:
    """An edit in the export's field names, normalized as saving would."""
    record: dict[str, Any] = {
        "text": data.text.strip(),
        "noticed_at": stamp(data.noticed_at),
        "senses": normalize_senses(data.senses),
        "sense_lines": clean_sense_lines(dict(data.sense_lines), list(data.senses)),
        "body": data.body.strip(),
        "intensity": data.intensity,
    }
    if with_labels:
        record["kind"] = data.kind
        record["tags"] = sorted({n for n in map(Tag.normalize, data.tags) if n})
        record["people"] = sorted({n for n in map(Person.normalize, data.people) if n})
    return record


def saved_record(entry: Glimmer | Trigger) -> dict[str, Any]:
    return as_record(EntryInput.of(entry), with_labels=isinstance(entry, Glimmer))


def edit_or_keep(
    entry: E, version: int, data: EntryInput, *, remove_photos: Iterable[str] = ()
) -> E | None:
    """Apply an edit made on `version`. If another edit came first, keep this one beside
    the entry and return None (unless it is exactly what is saved: a replayed edit). New
    photos in a kept edit are added to the entry all the same: adding never conflicts."""
    if data.noticed_at is None:
        data = replace(data, noticed_at=entry.noticed_at)
    try:
        return services.edit_if_version(entry, version, data, remove_photos=remove_photos)
    except StaleVersion as stale:
        current: E = stale.current  # type: ignore[assignment]
    if data.photos and isinstance(current, Glimmer):
        with transaction.atomic():
            services.save_photos(current, data.photos)
    incoming = as_record(data, with_labels=isinstance(current, Glimmer))
    if incoming == saved_record(current):
        return current
    link = {"glimmer": current} if isinstance(current, Glimmer) else {"trigger": current}
    already = EditConflict.objects.filter(
        owner=current.owner, base_version=version, settled_at=None, **link
    )
    if not any(kept.data == incoming for kept in already):
        EditConflict.objects.create(
            owner=current.owner,
            base_version=version,
            saved_version=current.version,
            data=incoming,
            **link,
        )
    return None


def conflict_body(current: dict[str, Any]) -> dict[str, Any]:
    return {
        "error": _(
            "This was changed elsewhere since your version; your edit is kept beside it "
            "and both are shown on its page."
        ),
        "field": "version",
        "current": current,
    }


def _open() -> QuerySet[EditConflict]:
    return EditConflict.objects.filter(settled_at=None).order_by("received_at", "id")


def waiting(owner: User) -> QuerySet[EditConflict]:
    """A person's kept edits still waiting for a choice, the oldest first."""
    return _open().filter(owner=owner).select_related("glimmer", "trigger")


def open_conflicts(entry: Glimmer | Trigger) -> list[EditConflict]:
    """The kept edits waiting beside an entry (read with the entries, see `with_open_conflicts`,
    or else asked for now)."""
    prefetched = getattr(entry, "open_edit_conflicts", None)
    if prefetched is not None:
        return list(prefetched)
    return list(_open().filter(**{type(entry).__name__.lower(): entry}))


def with_open_conflicts(entries: QuerySet[E]) -> QuerySet[E]:
    """`entries` with their waiting kept edits, in one more query for a whole list."""
    return entries.prefetch_related(
        Prefetch("edit_conflicts", queryset=_open(), to_attr="open_edit_conflicts")
    )


def use_other_version(conflict: EditConflict) -> None:
    """Make the kept edit the saved version (a new version; the old one stays in history
    only as far as the person keeps it)."""
    entry = conflict.entry
    edit = EntryInput.from_record(conflict.data)
    if edit.noticed_at is None:
        edit = replace(edit, noticed_at=entry.noticed_at)
    if isinstance(entry, Glimmer):
        services.edit_glimmer(entry, edit)
    else:
        services.edit_trigger(entry, edit)
    settle(conflict)


def settle(conflict: EditConflict) -> None:
    conflict.settled_at = timezone.now()
    conflict.save(update_fields=["settled_at"])
