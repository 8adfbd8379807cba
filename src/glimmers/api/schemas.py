"""The API's typed shapes. Field names are those of the JSON export, plus `version`."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Annotated

from django.contrib.auth.models import User
from django.http import HttpRequest
from ninja import Schema
from pydantic import AfterValidator, AwareDatetime, Field

from glimmers.diary.choices import Kind, Sense
from glimmers.diary.models import (
    BEAN_NOTE_MAX,
    INTENTION_MAX,
    LABELS_MAX,
    LINE_MAX,
    NAME_MAX,
    PHOTOS_PER_SAVE,
    TEXT_MAX,
)
from glimmers.diary.search import QUERY_MAX


class ApiRequest(HttpRequest):
    """A request the API let in: `auth` is the person it acts for."""

    auth: User


# The diary's own choices, so the description lists exactly what the server accepts.
SenseName = Sense
KindName = Kind


def _no_nul(value: str) -> str:
    # PostgreSQL cannot store NUL in text, and nobody types one.
    if "\x00" in value:
        raise ValueError("text cannot contain a NUL character")
    return value


def _storable(moment: datetime) -> datetime:
    """In UTC (databases differ on odd offsets), and within the years a database keeps."""
    try:
        in_utc = moment.astimezone(UTC)
    except OverflowError:
        raise ValueError("that time is too far from today to keep") from None
    if not 1 <= in_utc.year <= 9998:
        raise ValueError("that time is too far from today to keep")
    return in_utc


# Versions are stored as 32-bit integers (PostgreSQL's integer) on every database.
VERSION_MAX = 2_147_483_647
Text = Annotated[str, AfterValidator(_no_nul)]
Moment = Annotated[AwareDatetime, AfterValidator(_storable)]
Name = Annotated[str, Field(max_length=NAME_MAX), AfterValidator(_no_nul)]
Line = Annotated[str, Field(max_length=LINE_MAX), AfterValidator(_no_nul)]
SearchWords = Annotated[str, Field(max_length=QUERY_MAX), AfterValidator(_no_nul)]


class Error(Schema):
    error: str = Field(description="One sentence saying what went wrong.")
    field: str | None = Field(None, description="The input field it is about, if one.")


class PhotoIn(Schema):
    data: str = Field(description="The picture (JPEG, PNG, WebP, HEIC …) as base64.")


class PhotoOut(Schema):
    id: uuid.UUID
    width: int
    height: int
    taken_at: datetime | None
    created_at: datetime
    content_type: str


class EntryFields(Schema):
    text: Annotated[Text, Field(max_length=TEXT_MAX)]
    noticed_at: Moment | None = Field(None, description="When it happened (default: now).")
    senses: list[SenseName] = Field(default_factory=list, max_length=len(Sense))
    sense_lines: dict[SenseName, Line] = Field(default_factory=dict)
    body: Line = ""
    intensity: Annotated[int, Field(ge=1, le=5)] | None = None


class GlimmerFields(EntryFields):
    kind: KindName = Kind.MOMENT
    tags: list[Name] = Field(default_factory=list, max_length=LABELS_MAX)
    people: list[Name] = Field(default_factory=list, max_length=LABELS_MAX)


class GlimmerIn(GlimmerFields):
    id: uuid.UUID | None = Field(
        None, description="Your own UUID for it: sending the same create again is then safe."
    )
    photos: list[PhotoIn] = Field(default_factory=list, max_length=PHOTOS_PER_SAVE)


class GlimmerUpdate(GlimmerFields):
    version: int = Field(ge=1, le=VERSION_MAX, description="The version this edit was made on.")


class TriggerIn(EntryFields):
    id: uuid.UUID | None = Field(
        None, description="Your own UUID for it: sending the same create again is then safe."
    )


class TriggerUpdate(EntryFields):
    version: int = Field(ge=1, le=VERSION_MAX, description="The version this edit was made on.")


class EntryOut(Schema):
    id: uuid.UUID
    text: str
    noticed_at: datetime
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


class TriggerOut(EntryOut):
    pass


class GlimmerConflict(Error):
    current: GlimmerOut = Field(description="The version that is saved now.")


class TriggerConflict(Error):
    current: TriggerOut = Field(description="The version that is saved now.")


class BeanIn(Schema):
    id: uuid.UUID | None = Field(None, description="Your own UUID: repeating is then safe.")
    counted_at: Moment | None = None
    note: Annotated[Text, Field(max_length=BEAN_NOTE_MAX)] = ""


class BeanUpdate(Schema):
    counted_at: Moment | None = None
    note: Annotated[Text, Field(max_length=BEAN_NOTE_MAX)] = ""


class BeanOut(Schema):
    id: uuid.UUID
    counted_at: datetime
    note: str
    glimmer: uuid.UUID | None


class IntentionIn(Schema):
    text: Annotated[Text, Field(min_length=1, max_length=INTENTION_MAX)]
    day: date | None = Field(None, description="The day it is for (default: today).")


class IntentionUpdate(Schema):
    text: Annotated[Text, Field(min_length=1, max_length=INTENTION_MAX)]


class IntentionOut(Schema):
    id: uuid.UUID
    day: date
    text: str
    created_at: datetime
    updated_at: datetime


class Page(Schema):
    next: str | None = Field(description="Pass as `cursor` for the next page; null at the end.")


class GlimmerPage(Page):
    items: list[GlimmerOut]


class TriggerPage(Page):
    items: list[TriggerOut]


class BeanPage(Page):
    items: list[BeanOut]


class IntentionPage(Page):
    items: list[IntentionOut]
