"""Glimmering conversations: who you talked with, a line about their story, the glimmers you
named in it (each kept as a glimmer of your own) and whether you shared one back."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from django.utils.translation import gettext_lazy
from ninja import Router, Schema, Status
from pydantic import Field, Strict

from glimmers.api.paging import Cursor, page
from glimmers.api.types import (
    ERRORS,
    SOMETHING,
    ApiRequest,
    Flag,
    Id,
    Limit,
    MomentWords,
    Page,
    PastMoment,
    QueryFlag,
    matching,
)
from glimmers.conversations import services
from glimmers.conversations.access import get_conversation_for
from glimmers.conversations.models import Conversation
from glimmers.conversations.records import conversation_records
from glimmers.conversations.services import ConversationInput
from glimmers.diary.access import get_glimmer_for
from glimmers.diary.models import LABELS_MAX, LINE_MAX, NAME_MAX, TEXT_MAX

router = Router(tags=["conversations"])


PersonName = Annotated[
    str,
    Strict(),
    Field(max_length=NAME_MAX),
    *matching(SOMETHING, gettext_lazy("Write who you talked with.")),
]
Story = Annotated[
    str,
    Strict(),
    Field(max_length=LINE_MAX),
    *matching(SOMETHING, gettext_lazy("Write a line about their story.")),
]


class ConversationFields(Schema):
    person: PersonName = Field(description="Who you talked with.")
    story: Story = Field(description="A line about their story.")
    happened_at: PastMoment | None = Field(None, description="When (default: now).")
    new_glimmers: list[Annotated[MomentWords, Field(max_length=TEXT_MAX)]] = Field(
        default_factory=list,
        max_length=LABELS_MAX,
        description="Words for glimmers you named in their story; each is kept as a "
        "`conversation` glimmer of yours (an edit adds them beside the earlier ones).",
    )
    shared_back: Flag = Field(False, description="You shared a glimmer of yours back.")
    shared_glimmer: Id | None = Field(None, description="Which one of yours, if you like.")


class ConversationIn(ConversationFields):
    id: Id | None = Field(None, description="Your own UUID: sending it again saves it once.")


class ConversationOut(Schema):
    id: uuid.UUID
    person: str | None
    story: str
    happened_at: datetime
    named: list[uuid.UUID] = Field(description="The glimmers named in it.")
    shared_back: bool
    shared_glimmer: uuid.UUID | None
    created_at: datetime
    updated_at: datetime
    trashed_at: datetime | None


class ConversationPage(Page):
    items: list[ConversationOut]


def _input(request: ApiRequest, payload: ConversationFields, key: uuid.UUID | None) -> Any:
    if payload.shared_glimmer is not None:
        get_glimmer_for(request.auth, payload.shared_glimmer)  # not yours: not found
    return ConversationInput(
        person=payload.person,
        story=payload.story,
        happened_at=payload.happened_at,
        named=list(payload.new_glimmers),
        shared_back=payload.shared_back,
        shared_glimmer=payload.shared_glimmer,
        id=key,
    )


def _record(conversation: Conversation) -> dict[str, Any]:
    return conversation_records(
        Conversation.objects.filter(pk=conversation.pk).select_related("person")
    )[0]


@router.get("/conversations", response={200: ConversationPage, **ERRORS})
def list_conversations(
    request: ApiRequest,
    trash: QueryFlag = False,
    cursor: Cursor | None = None,
    limit: int = Limit,
) -> dict[str, Any]:
    """Your conversations outside the trash (or in it), the latest first."""
    mine = Conversation.objects.owned_by(request.auth)
    found = mine.trashed() if trash else mine.alive()
    items, next_cursor = page(found.select_related("person"), "happened_at", cursor, limit)
    return {"items": conversation_records(items), "next": next_cursor}


@router.post("/conversations", response={201: ConversationOut, **ERRORS})
def create_conversation(request: ApiRequest, payload: ConversationIn) -> Status[Any]:
    """Note a conversation and keep each glimmer named in it. Sending the same `id` again
    returns the one saved the first time."""
    data = _input(request, payload, payload.id)
    return Status(201, _record(services.add_conversation(request.auth, data)))


@router.get("/conversations/{conversation_id}", response={200: ConversationOut, **ERRORS})
def get_conversation(request: ApiRequest, conversation_id: uuid.UUID) -> dict[str, Any]:
    """One of your conversations, in the trash or not."""
    return _record(get_conversation_for(request.auth, conversation_id))


@router.put("/conversations/{conversation_id}", response={200: ConversationOut, **ERRORS})
def update_conversation(
    request: ApiRequest, conversation_id: uuid.UUID, payload: ConversationFields
) -> dict[str, Any]:
    """Change what was noted; new glimmers named are added beside the earlier ones."""
    conversation = get_conversation_for(request.auth, conversation_id)
    services.edit_conversation(conversation, _input(request, payload, None))
    return _record(conversation)


@router.post("/conversations/{conversation_id}/trash", response={200: ConversationOut, **ERRORS})
def trash_conversation(request: ApiRequest, conversation_id: uuid.UUID) -> dict[str, Any]:
    """Set a conversation aside in the trash (its glimmers stay in your diary)."""
    conversation = get_conversation_for(request.auth, conversation_id)
    if not conversation.in_trash:
        services.move_to_trash(conversation)
    return _record(conversation)


@router.post("/conversations/{conversation_id}/restore", response={200: ConversationOut, **ERRORS})
def restore_conversation(request: ApiRequest, conversation_id: uuid.UUID) -> dict[str, Any]:
    """Bring a conversation back from the trash."""
    conversation = get_conversation_for(request.auth, conversation_id)
    services.restore(conversation)
    return _record(conversation)
