"""The rest of a diary: who it is for and its time zone, the insights figures, photos,
versions kept after an edit conflict, and emptying the trash."""

from __future__ import annotations

import uuid
import zoneinfo
from datetime import date, datetime
from typing import Any, Literal

from django.http import FileResponse
from ninja import Router, Schema
from pydantic import Field

from glimmers.api.routes.entries import fresh
from glimmers.api.schemas import GlimmerOut, TriggerOut
from glimmers.api.types import ERRORS, ApiRequest
from glimmers.diary import conflicts, places
from glimmers.diary.access import get_open_conflict_for, get_photo_for
from glimmers.diary.models import time_zone_of
from glimmers.diary.profile import set_time_zone
from glimmers.diary.records import conflict_record
from glimmers.insights.figures import figures_for

router = Router()
# Every zone name the server knows, so the description lists exactly what it accepts.
ZONES = tuple(sorted(zoneinfo.available_timezones()))
ZoneName = Literal[ZONES]  # type: ignore[valid-type]


class MeOut(Schema):
    username: str
    time_zone: str = Field(description="The zone your days are counted in.")


class MeIn(Schema):
    time_zone: ZoneName = Field(description="An IANA time zone, e.g. Europe/Kyiv.")


class Week(Schema):
    week: date = Field(description="The week's Monday.")
    glimmers: int


class Insights(Schema):
    glimmers: int
    glimmers_last_7_days: int
    days_with_glimmers: int
    triggers: int
    beans: int
    beans_today: int
    senses: dict[str, int] = Field(description="Glimmers by sense.")
    kinds: dict[str, int] = Field(description="Glimmers by kind (kinds with none left out).")
    weeks: list[Week] = Field(description="Glimmers per week, the last 52, oldest first.")
    hours: list[int] = Field(description="Glimmers by hour of the day, 0 to 23.")
    weekdays: list[int] = Field(description="Glimmers by weekday, Monday first.")


class KeptEdit(Schema):
    id: uuid.UUID
    glimmer: uuid.UUID | None
    trigger: uuid.UUID | None
    base_version: int = Field(description="The version the other device started from.")
    saved_version: int = Field(description="The version saved when its edit came.")
    data: dict[str, Any] = Field(description="The edit, with the export's field names.")
    received_at: datetime
    settled_at: datetime | None


class Emptied(Schema):
    deleted: int = Field(description="How many things were deleted for good.")


@router.get("/me", response={200: MeOut, **ERRORS}, tags=["me"])
def me(request: ApiRequest) -> dict[str, Any]:
    """Whose diary this is, and the time zone its days are counted in."""
    return {"username": request.auth.get_username(), "time_zone": str(time_zone_of(request.auth))}


@router.put("/me", response={200: MeOut, **ERRORS}, tags=["me"])
def change_me(request: ApiRequest, payload: MeIn) -> dict[str, Any]:
    """Move to another time zone; your days are counted anew in it."""
    set_time_zone(request.auth, payload.time_zone)
    return me(request)


@router.get("/insights", response={200: Insights, **ERRORS}, tags=["insights"])
def insights(request: ApiRequest) -> dict[str, Any]:
    """Your practice in numbers (as `glimmers stats --json`): never a score, only counts."""
    return figures_for(request.auth).record()


@router.get(
    "/photos/{photo_id}",
    response={200: None, **ERRORS},
    tags=["glimmers"],
    openapi_extra={
        "responses": {
            "200": {
                "description": "The picture, without metadata.",
                "content": {"image/jpeg": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
)
def photo(request: ApiRequest, photo_id: uuid.UUID) -> FileResponse:
    """A photo of one of your glimmers, as JPEG."""
    found = get_photo_for(request.auth, photo_id)
    response = FileResponse(found.image.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=86400"
    return response


@router.get("/conflicts", response={200: list[KeptEdit], **ERRORS}, tags=["glimmers"])
def kept_edits(request: ApiRequest) -> list[dict[str, Any]]:
    """Edits another device made on an older version, kept beside the entry until you
    choose: the oldest first."""
    waiting = conflicts.waiting(request.auth)
    return [conflict_record(conflict) for conflict in waiting]


@router.post(
    "/conflicts/{conflict_id}/use",
    response={200: GlimmerOut | TriggerOut, **ERRORS},
    tags=["glimmers"],
)
def use_kept_edit(request: ApiRequest, conflict_id: uuid.UUID) -> dict[str, Any]:
    """Make the kept edit the saved version; the answer is the entry as saved now."""
    conflict = get_open_conflict_for(request.auth, conflict_id)
    conflicts.use_other_version(conflict)
    return fresh(conflict.entry)


@router.post(
    "/conflicts/{conflict_id}/keep",
    response={200: GlimmerOut | TriggerOut, **ERRORS},
    tags=["glimmers"],
)
def keep_saved(request: ApiRequest, conflict_id: uuid.UUID) -> dict[str, Any]:
    """Keep the saved version and let the kept edit go."""
    conflict = get_open_conflict_for(request.auth, conflict_id)
    conflicts.settle(conflict)
    return fresh(conflict.entry)


@router.post("/trash/empty", response={200: Emptied, **ERRORS}, tags=["glimmers"])
def empty_trash(request: ApiRequest) -> dict[str, int]:
    """Delete everything in your trash for good (glimmers with their photos, triggers,
    conversations). This cannot be undone."""
    return {"deleted": places.empty_trash(request.auth)}
