"""The practice: pauses (with the check-ins before and after), the morning and the evening,
drafts of the guided flows, and the prompts offered on the capture page."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy
from ninja import Router, Schema, Status
from pydantic import BeforeValidator, Field

from glimmers.api.paging import Cursor, page
from glimmers.api.schemas import BeanOut, GlimmerOut, IntentionOut
from glimmers.api.types import (
    ERRORS,
    ApiRequest,
    Day,
    Flag,
    Id,
    Limit,
    Line,
    MomentWords,
    Number,
    Page,
    PastMoment,
    Text,
    matching,
    whole_number,
)
from glimmers.diary.access import get_glimmer_for
from glimmers.diary.models import INTENTION_MAX, TEXT_MAX
from glimmers.diary.records import bean_record, glimmer_records, intention_record
from glimmers.practice import prompts, services
from glimmers.practice.access import get_draft_for, get_pause_for
from glimmers.practice.models import PAUSE_MAX, PAUSE_MIN, Draft, Flow, Pause, State
from glimmers.practice.records import draft_record, pause_record

router = Router(tags=["practice"])
StateName = State | Literal[""]


class PauseIn(Schema):
    id: Id | None = Field(None, description="Your own UUID: sending it again keeps it once.")
    glimmer: Id | None = Field(None, description="The glimmer this pause anchors, if one.")
    seconds: Annotated[int, Field(ge=PAUSE_MIN, le=PAUSE_MAX), BeforeValidator(whole_number)]
    with_toy: Flag = Field(False, description="With a toy on the belly, rising and falling.")
    state_before: StateName = Field("", description="Where you were before (a check-in).")
    state_after: StateName = Field("", description="Where you were after.")
    body: Line = Field("", description="What the body did.")
    paused_at: PastMoment | None = Field(None, description="When (default: now).")


class PauseOut(Schema):
    id: uuid.UUID
    glimmer: uuid.UUID | None
    seconds: int
    with_toy: bool
    state_before: str
    state_after: str
    body: str
    paused_at: datetime


class PausePage(Page):
    items: list[PauseOut]


class MorningIn(Schema):
    intention: Annotated[Text, Field(max_length=INTENTION_MAX)] = Field(
        "", description="What you mean to notice today (empty: leave it as it is)."
    )
    moments: list[Annotated[MomentWords, Field(max_length=TEXT_MAX)]] = Field(
        default_factory=list,
        max_length=services.MORNING_MOMENTS,
        description="Up to three good moments from yesterday; each is kept as a glimmer.",
    )


class MorningOut(Schema):
    intention: IntentionOut | None
    glimmers: list[GlimmerOut]


class DayOut(Schema):
    day: date
    intention: IntentionOut | None
    glimmers: list[GlimmerOut]
    beans: list[BeanOut]


# What a flow's draft holds: named texts, numbers and switches, a list of texts, or texts by
# name (a senses walk's lines), as the web's flows keep them.
DRAFT_NAME = "^[a-z0-9_-]{1,40}$"
DraftName = Annotated[
    str,
    *matching(DRAFT_NAME, gettext_lazy("A draft's names are short words in a-z, 0-9, _ and -.")),
]
# Only names of that shape: the description says so, as the server does.
ONLY_NAMED = {"additionalProperties": False}
DraftText = Annotated[Text, Field(max_length=TEXT_MAX)]
DraftValue = (
    DraftText
    | Number
    | Flag
    | None
    | Annotated[list[DraftText], Field(max_length=50)]
    | Annotated[dict[DraftName, DraftText], Field(max_length=50, json_schema_extra=ONLY_NAMED)]
)


class DraftIn(Schema):
    data: Annotated[
        dict[DraftName, DraftValue], Field(max_length=50, json_schema_extra=ONLY_NAMED)
    ] = Field(description="What the flow holds so far.")


class DraftOut(Schema):
    flow: Flow
    data: dict[str, Any]
    updated_at: datetime


class PromptOut(Schema):
    key: str
    practice: str
    text: str = Field(description="In the language of the request.")
    hidden: bool


class PromptsOut(Schema):
    today: PromptOut | None = Field(description="The one offered today (none if all are hidden).")
    prompts: list[PromptOut]


class PromptIn(Schema):
    hidden: Flag


@router.get("/pauses", response={200: PausePage, **ERRORS})
def list_pauses(request: ApiRequest, cursor: Cursor | None = None, limit: int = Limit) -> Any:
    """Your pauses, the latest first, with their check-ins."""
    found = Pause.objects.filter(owner=request.auth)
    items, next_cursor = page(found, "paused_at", cursor, limit)
    return {"items": [pause_record(pause) for pause in items], "next": next_cursor}


@router.post("/pauses", response={201: PauseOut, **ERRORS})
def create_pause(request: ApiRequest, payload: PauseIn) -> Status[Any]:
    """Keep a finished pause. With a glimmer it anchors it: what the body did is saved on the
    glimmer too, when the glimmer has no words for the body yet."""
    glimmer = get_glimmer_for(request.auth, payload.glimmer) if payload.glimmer else None
    pause = services.record_pause(
        request.auth,
        seconds=payload.seconds,
        glimmer=glimmer,
        with_toy=payload.with_toy,
        state_before=payload.state_before,
        state_after=payload.state_after,
        body=payload.body,
        paused_at=payload.paused_at,
        pause_id=payload.id,
    )
    return Status(201, pause_record(pause))


@router.get("/pauses/{pause_id}", response={200: PauseOut, **ERRORS})
def get_pause(request: ApiRequest, pause_id: uuid.UUID) -> dict[str, Any]:
    """One of your pauses."""
    return pause_record(get_pause_for(request.auth, pause_id))


@router.post("/morning", response={200: MorningOut, **ERRORS})
def keep_morning(request: ApiRequest, payload: MorningIn) -> dict[str, Any]:
    """The morning: today's intention and up to three good moments from yesterday, kept as
    glimmers at yesterday's noon. Ends a morning draft."""
    kept = services.morning(request.auth, intention=payload.intention, moments=payload.moments)
    intention = kept["intention"]
    return {
        "intention": intention_record(intention) if intention else None,
        "glimmers": glimmer_records(kept["glimmers"]),
    }


@router.get("/days/{day}", response={200: DayOut, **ERRORS})
def look_back(request: ApiRequest, day: Day) -> dict[str, Any]:
    """A day to look back on in the evening: its intention beside its glimmers and beans."""
    review = services.day_review(request.auth, day)
    return {
        "day": review.day,
        "intention": intention_record(review.intention) if review.intention else None,
        "glimmers": glimmer_records(review.glimmers),
        "beans": [bean_record(bean) for bean in review.beans],
    }


@router.get("/drafts", response={200: list[DraftOut], **ERRORS})
def list_drafts(request: ApiRequest) -> list[dict[str, Any]]:
    """The guided flows you are in the middle of (a senses walk, dark times, the morning)."""
    return [draft_record(draft) for draft in Draft.objects.filter(owner=request.auth)]


@router.get("/drafts/{flow}", response={200: DraftOut, **ERRORS})
def get_draft(request: ApiRequest, flow: Flow) -> dict[str, Any]:
    """What one flow holds so far (404: nothing)."""
    return draft_record(get_draft_for(request.auth, flow))


@router.put("/drafts/{flow}", response={200: DraftOut, **ERRORS})
def keep_draft(request: ApiRequest, flow: Flow, payload: DraftIn) -> dict[str, Any]:
    """Keep what a flow holds so far (empty answers are let go)."""
    services.save_draft(request.auth, flow, payload.data)
    return draft_record(get_draft_for(request.auth, flow))


@router.delete("/drafts/{flow}", response={204: None, **ERRORS})
def drop_draft(request: ApiRequest, flow: Flow) -> Status[None]:
    """Let a flow's draft go."""
    services.drop_draft(request.auth, flow)
    return Status(204, None)


def _prompt(prompt: prompts.Prompt, hidden: set[str]) -> dict[str, Any]:
    return {
        "key": prompt.key,
        "practice": str(prompt.practice),
        "text": str(prompt.text),
        "hidden": prompt.key in hidden,
    }


@router.get("/prompts", response={200: PromptsOut, **ERRORS})
def list_prompts(request: ApiRequest) -> dict[str, Any]:
    """Every prompt by practice, whether you hid it, and the one offered today."""
    hidden = prompts.hidden_keys(request.auth)
    today = prompts.prompt_for(request.auth, timezone.localdate())
    return {
        "today": _prompt(today, hidden) if today else None,
        "prompts": [_prompt(prompt, hidden) for prompt in prompts.PROMPTS],
    }


@router.put("/prompts/{key}", response={200: PromptOut, **ERRORS})
def hide_prompt(request: ApiRequest, key: str, payload: PromptIn) -> dict[str, Any]:
    """Hide a prompt you would rather not be offered, or offer it again (by its `key`)."""
    if key not in prompts.BY_KEY:
        raise Http404
    prompts.set_hidden(request.auth, key, payload.hidden)
    return _prompt(prompts.BY_KEY[key], prompts.hidden_keys(request.auth))
