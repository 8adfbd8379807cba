"""Glimmers and triggers: list (and search), get, create (safe to repeat), update (with a
version), trash and restore."""

from __future__ import annotations

import base64
import binascii
import io
import uuid
from typing import Any, Literal, TypeVar

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.errors import HttpError

from glimmers.api.paging import Cursor, page, ranked_page
from glimmers.api.schemas import (
    GlimmerConflict,
    GlimmerIn,
    GlimmerOut,
    GlimmerPage,
    GlimmerUpdate,
    KindName,
    SenseName,
    TriggerConflict,
    TriggerIn,
    TriggerOut,
    TriggerPage,
    TriggerUpdate,
)
from glimmers.api.types import ERRORS, ApiRequest, Limit, Moment, Name, QueryFlag, SearchWords
from glimmers.diary import conflicts, queries, services
from glimmers.diary.access import get_glimmer_for, get_trigger_for
from glimmers.diary.models import Glimmer, Trigger
from glimmers.diary.queries import Filters
from glimmers.diary.records import glimmer_record, glimmer_records, trigger_record, trigger_records
from glimmers.diary.services import EntryInput
from glimmers.lib.photos import PreparedPhoto, prepare_upload

router = Router()
IN_TRASH = Query(False, description="List what is in the trash instead.")  # type: ignore[type-arg]


def _glimmer(request: ApiRequest, glimmer_id: uuid.UUID) -> Glimmer:
    return get_glimmer_for(request.auth, glimmer_id)


def _trigger(request: ApiRequest, trigger_id: uuid.UUID) -> Trigger:
    return get_trigger_for(request.auth, trigger_id)


def fresh(entry: Glimmer | Trigger) -> dict[str, Any]:
    """The entry as saved, read back with its labels and photos."""
    return glimmer_record(entry) if isinstance(entry, Glimmer) else trigger_record(entry)


def conflict_body(current: dict[str, Any]) -> dict[str, Any]:
    """The 409 answer: the edit was kept beside the saved version, which is `current`."""
    return {
        "error": _(
            "This was changed elsewhere since your version; your edit is kept beside it "
            "and both are shown on its page."
        ),
        "field": "version",
        "current": current,
    }


def _photos(payload: GlimmerIn) -> list[PreparedPhoto]:
    prepared = []
    for photo in payload.photos:
        try:
            raw = base64.b64decode(photo.data, validate=True)
        except (binascii.Error, ValueError):
            raise HttpError(400, _("A photo must be sent as base64.")) from None
        prepared.append(prepare_upload(io.BytesIO(raw)))
    return prepared


def entry_input(payload: Any, **more: Any) -> EntryInput:
    """What a request says about a glimmer or a trigger, as the diary's input."""
    return EntryInput.from_record(payload.model_dump(exclude={"photos", "version"}), **more)


# What glimmers and triggers share once the entry is found (theirs or a 404).
E = TypeVar("E", Glimmer, Trigger)


def _updated(entry: E, version: int, data: EntryInput) -> Status[Any]:
    """An edit made on `version`: saved (200), or kept beside a newer one (409)."""
    saved = conflicts.edit_or_keep(entry, version, data)
    if saved is None:
        return Status(409, conflict_body(fresh(entry)))
    return Status(200, fresh(saved))


def _trashed(entry: Glimmer | Trigger) -> dict[str, Any]:
    if not entry.in_trash:
        services.move_to_trash(entry)
    return fresh(entry)


def _restored(entry: Glimmer | Trigger) -> dict[str, Any]:
    services.restore(entry)
    return fresh(entry)


@router.get("/glimmers", response={200: GlimmerPage, **ERRORS}, tags=["glimmers"])
def list_glimmers(
    request: ApiRequest,
    since: Moment | None = None,
    until: Moment | None = None,
    sense: SenseName | None = None,
    kind: KindName | None = None,
    tag: Name | None = None,
    person: Name | None = None,
    q: SearchWords | None = Query(None, description="Only those holding every word."),  # type: ignore[type-arg]
    order: Literal["newest", "best"] = Query(  # type: ignore[type-arg]
        "newest", description="With q: newest first, or best match first (as the web search)."
    ),
    trash: QueryFlag = IN_TRASH,
    cursor: Cursor | None = None,
    limit: int = Limit,
) -> dict[str, Any]:
    """Your glimmers outside the trash (or in it), newest first — or, with `q` and
    `order=best`, best match first — narrowed by any filter given: the same search as the
    web's and the CLI's."""
    filters = Filters(since=since, until=until, sense=sense, kind=kind, tag=tag, person=person)
    owner = request.auth
    if trash:
        found: QuerySet[Glimmer] = filters.narrow(owner, services.trashed_glimmers(owner))
        items, next_cursor = page(found, "noticed_at", cursor, limit)
    elif q and order == "best":
        items, next_cursor = ranked_page(
            lambda count: queries.search(owner, q, filters, limit=count), cursor, limit
        )
    else:
        found = queries.search(owner, q, filters) if q else queries.timeline(owner, filters)
        items, next_cursor = page(found, "noticed_at", cursor, limit)
    return {"items": glimmer_records(items), "next": next_cursor}


@router.post("/glimmers", response={201: GlimmerOut, **ERRORS}, tags=["glimmers"])
def create_glimmer(request: ApiRequest, payload: GlimmerIn) -> Status[Any]:
    """Save a glimmer. Sending the same `id` again returns the one saved the first time."""
    data = entry_input(payload, photos=_photos(payload))
    return Status(201, fresh(services.add_glimmer(request.auth, data)))


@router.get("/glimmers/{glimmer_id}", response={200: GlimmerOut, **ERRORS}, tags=["glimmers"])
def get_glimmer(request: ApiRequest, glimmer_id: uuid.UUID) -> dict[str, Any]:
    """One of your glimmers, in the trash or not."""
    return fresh(_glimmer(request, glimmer_id))


@router.put(
    "/glimmers/{glimmer_id}",
    response={200: GlimmerOut, 409: GlimmerConflict, **ERRORS},
    tags=["glimmers"],
)
def update_glimmer(
    request: ApiRequest, glimmer_id: uuid.UUID, payload: GlimmerUpdate
) -> Status[Any]:
    """Replace a glimmer's words, time, senses and labels (photos stay). `version` must be
    the saved one; if not, your edit is kept beside it and the answer is 409."""
    return _updated(_glimmer(request, glimmer_id), payload.version, entry_input(payload))


@router.post(
    "/glimmers/{glimmer_id}/trash", response={200: GlimmerOut, **ERRORS}, tags=["glimmers"]
)
def trash_glimmer(request: ApiRequest, glimmer_id: uuid.UUID) -> dict[str, Any]:
    """Move a glimmer to the trash (it can come back from there)."""
    return _trashed(_glimmer(request, glimmer_id))


@router.post(
    "/glimmers/{glimmer_id}/restore", response={200: GlimmerOut, **ERRORS}, tags=["glimmers"]
)
def restore_glimmer(request: ApiRequest, glimmer_id: uuid.UUID) -> dict[str, Any]:
    """Bring a glimmer back from the trash."""
    return _restored(_glimmer(request, glimmer_id))


@router.get("/triggers", response={200: TriggerPage, **ERRORS}, tags=["triggers"])
def list_triggers(
    request: ApiRequest,
    since: Moment | None = None,
    until: Moment | None = None,
    sense: SenseName | None = None,
    trash: QueryFlag = IN_TRASH,
    cursor: Cursor | None = None,
    limit: int = Limit,
) -> dict[str, Any]:
    """Your triggers outside the trash (or in it), newest first."""
    filters = Filters(since=since, until=until, sense=sense)
    owner = request.auth
    if trash:
        found = filters.narrow_triggers(services.trashed_triggers(owner))
    else:
        found = queries.triggers(owner, filters)
    items, next_cursor = page(found, "noticed_at", cursor, limit)
    return {"items": trigger_records(items), "next": next_cursor}


@router.post("/triggers", response={201: TriggerOut, **ERRORS}, tags=["triggers"])
def create_trigger(request: ApiRequest, payload: TriggerIn) -> Status[Any]:
    """Note a trigger. Sending the same `id` again returns the one saved the first time."""
    return Status(201, fresh(services.add_trigger(request.auth, entry_input(payload))))


@router.get("/triggers/{trigger_id}", response={200: TriggerOut, **ERRORS}, tags=["triggers"])
def get_trigger(request: ApiRequest, trigger_id: uuid.UUID) -> dict[str, Any]:
    """One of your triggers, in the trash or not."""
    return fresh(_trigger(request, trigger_id))


@router.put(
    "/triggers/{trigger_id}",
    response={200: TriggerOut, 409: TriggerConflict, **ERRORS},
    tags=["triggers"],
)
def update_trigger(
    request: ApiRequest, trigger_id: uuid.UUID, payload: TriggerUpdate
) -> Status[Any]:
    """Replace a trigger's words, time, senses and body note; `version` as for glimmers."""
    return _updated(_trigger(request, trigger_id), payload.version, entry_input(payload))


@router.post(
    "/triggers/{trigger_id}/trash", response={200: TriggerOut, **ERRORS}, tags=["triggers"]
)
def trash_trigger(request: ApiRequest, trigger_id: uuid.UUID) -> dict[str, Any]:
    """Move a trigger to the trash."""
    return _trashed(_trigger(request, trigger_id))


@router.post(
    "/triggers/{trigger_id}/restore", response={200: TriggerOut, **ERRORS}, tags=["triggers"]
)
def restore_trigger(request: ApiRequest, trigger_id: uuid.UUID) -> dict[str, Any]:
    """Bring a trigger back from the trash."""
    return _restored(_trigger(request, trigger_id))
