"""The API's shapes of glimmers, triggers, beans and intentions. Field names are those of
the JSON export (the records in `glimmers.diary.records`)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any

from django.utils.translation import gettext_lazy
from ninja import Schema
from pydantic import BeforeValidator, Field, Strict

from glimmers.api.types import (
    SOMETHING,
    VERSION_MAX,
    Day,
    Error,
    Id,
    Line,
    MomentWords,
    Name,
    Page,
    PastMoment,
    Picture,
    Text,
    matching,
    whole_number,
)
from glimmers.diary.choices import Kind, Sense
from glimmers.diary.models import (
    BEAN_NOTE_MAX,
    INTENTION_MAX,
    LABELS_MAX,
    PHOTOS_PER_SAVE,
    TEXT_MAX,
)

# The diary's own choices, so the description lists exactly what the server accepts.
SenseName = Sense
KindName = Kind
Intensity = Annotated[int, Field(ge=1, le=5), BeforeValidator(whole_number)]
Version = Annotated[int, Field(ge=1, le=VERSION_MAX), BeforeValidator(whole_number)]
OWN_ID = "Your own UUID for it: sending the same create again is then safe."


class PhotoIn(Schema):
    data: Picture


class PhotoOut(Schema):
    id: uuid.UUID
    width: int
    height: int
    taken_at: datetime | None
    created_at: datetime
    content_type: str


class EntryFields(Schema):
    text: Annotated[MomentWords, Field(max_length=TEXT_MAX)]
    noticed_at: PastMoment | None = Field(None, description="When it happened (default: now).")
    senses: list[SenseName] = Field(default_factory=list, max_length=len(Sense))
    sense_lines: dict[SenseName, Line] = Field(default_factory=dict)
    body: Line = ""
    intensity: Intensity | None = None


class GlimmerFields(EntryFields):
    kind: KindName = Kind.MOMENT
    tags: list[Name] = Field(default_factory=list, max_length=LABELS_MAX)
    people: list[Name] = Field(default_factory=list, max_length=LABELS_MAX)


class GlimmerIn(GlimmerFields):
    id: Id | None = Field(None, description=OWN_ID)
    photos: list[PhotoIn] = Field(default_factory=list, max_length=PHOTOS_PER_SAVE)


class GlimmerUpdate(GlimmerFields):
    version: Version = Field(description="The version this edit was made on.")


class TriggerIn(EntryFields):
    id: Id | None = Field(None, description=OWN_ID)


class TriggerUpdate(EntryFields):
    version: Version = Field(description="The version this edit was made on.")


class EntryOut(Schema):
    id: uuid.UUID
    text: str
    noticed_at: datetime
    time_zone: str = Field(
        description="The zone it was written in, when not the diary's (else empty): its day "
        "and hour as its writer saw them."
    )
    senses: list[str]
    sense_lines: dict[str, str]
    body: str
    intensity: int | None
    created_at: datetime
    updated_at: datetime
    trashed_at: datetime | None
    version: int


class GlimmerOut(EntryOut):
    kind: str
    tags: list[str]
    people: list[str]
    photos: list[PhotoOut]
    details: dict[str, Any] = Field(
        description="What the journal it was imported from knew that Glimmers has no field "
        "for: source, place, coordinates, weather, pinned, not_kept."
    )


class TriggerOut(EntryOut):
    pass


class GlimmerConflict(Error):
    current: GlimmerOut = Field(description="The version that is saved now.")


class TriggerConflict(Error):
    current: TriggerOut = Field(description="The version that is saved now.")


class BeanIn(Schema):
    id: Id | None = Field(None, description=OWN_ID)
    counted_at: PastMoment | None = None
    note: Annotated[Text, Field(max_length=BEAN_NOTE_MAX)] = ""


class BeanGlimmerIn(GlimmerFields):
    """A glimmer made from a bean: the bean's time is its time."""

    noticed_at: None = Field(None, description="Left out: the bean's time is kept.")


class BeanUpdate(Schema):
    counted_at: PastMoment | None = None
    note: Annotated[Text, Field(max_length=BEAN_NOTE_MAX)] = ""


class BeanOut(Schema):
    id: uuid.UUID
    counted_at: datetime
    note: str
    glimmer: uuid.UUID | None


IntentionWords = Annotated[
    str,
    Strict(),
    Field(max_length=INTENTION_MAX),
    *matching(SOMETHING, gettext_lazy("Write a few words for your intention.")),
]


class IntentionIn(Schema):
    text: IntentionWords
    day: Day | None = Field(None, description="The day it is for (default: today).")


class IntentionUpdate(Schema):
    text: IntentionWords


class IntentionOut(Schema):
    id: uuid.UUID
    day: date
    text: str
    created_at: datetime
    updated_at: datetime


class GlimmerPage(Page):
    items: list[GlimmerOut]


class TriggerPage(Page):
    items: list[TriggerOut]


class BeanPage(Page):
    items: list[BeanOut]


class IntentionPage(Page):
    items: list[IntentionOut]
