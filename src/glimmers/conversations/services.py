"""Conversations' rules. The pages call these; named glimmers are saved by the diary's
own `add_glimmer`, so they follow every rule a glimmer follows."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from glimmers.conversations.models import Conversation
from glimmers.diary import search
from glimmers.diary.choices import Kind
from glimmers.diary.models import Glimmer, Person, clean_names
from glimmers.diary.services import EntryInput, add_glimmer, saved_before


@dataclass
class ConversationInput:
    person: str
    story: str
    happened_at: datetime | None = None
    # Words for new glimmers named in the story; each becomes a conversation glimmer.
    named: Sequence[str] = field(default_factory=list)
    shared_back: bool = False
    shared_glimmer: uuid.UUID | None = None
    id: uuid.UUID | None = None


def person_named(owner: User, name: str) -> Person:
    try:
        names = clean_names(Person, [name])
    except ValidationError as error:
        raise ValidationError({"person": error.messages}) from None
    if not names:
        raise ValidationError({"person": _("Write who you talked with.")})
    person, _created = Person.objects.get_or_create(owner=owner, name=names[0])
    return person


def _shared(owner: User, glimmer_id: uuid.UUID | None) -> Glimmer | None:
    if glimmer_id is None:
        return None
    glimmer: Glimmer | None = Glimmer.objects.filter(owner=owner, id=glimmer_id).first()
    if glimmer is None:
        raise ValidationError({"shared_glimmer": _("That glimmer is not in your diary.")})
    return glimmer


def _fill(conversation: Conversation, data: ConversationInput) -> None:
    owner = conversation.owner
    conversation.person = person_named(owner, data.person)
    conversation.story = (data.story or "").strip()
    conversation.happened_at = data.happened_at or conversation.happened_at or timezone.now()
    conversation.shared_back = data.shared_back or data.shared_glimmer is not None
    conversation.shared_glimmer = _shared(owner, data.shared_glimmer)
    if not conversation.story:
        raise ValidationError({"story": _("Write a line about their story.")})
    conversation.full_clean(exclude=["owner", "person", "named", "shared_glimmer"])


def _name_glimmers(conversation: Conversation, texts: Sequence[str]) -> None:
    person = conversation.person.name if conversation.person else ""
    for text in texts:
        if not text.strip():
            continue
        glimmer = add_glimmer(
            conversation.owner,
            EntryInput(
                text=text.strip(),
                noticed_at=conversation.happened_at,
                kind=Kind.CONVERSATION,
                people=[person] if person else [],
            ),
        )
        conversation.named.add(glimmer)


def add_conversation(owner: User, data: ConversationInput) -> Conversation:
    """Note a conversation and save each glimmer named in it. A repeated id saves once."""
    existing = saved_before(Conversation, data.id, owner)
    if existing is not None:
        return existing
    conversation = Conversation(id=data.id or uuid.uuid4(), owner=owner)
    with transaction.atomic():
        _fill(conversation, data)
        conversation.save(force_insert=True)
        _name_glimmers(conversation, data.named)
        _reindex(conversation)
    return conversation


def edit_conversation(conversation: Conversation, data: ConversationInput) -> None:
    """Change what was noted; any new named glimmers are added beside the earlier ones."""
    with transaction.atomic():
        _fill(conversation, data)
        conversation.updated_at = timezone.now()
        conversation.save()
        _name_glimmers(conversation, data.named)
        _reindex(conversation)


def move_to_trash(conversation: Conversation) -> None:
    conversation.trashed_at = timezone.now()
    with transaction.atomic():
        conversation.save(update_fields=["trashed_at"])
        _reindex(conversation)


def restore(conversation: Conversation) -> None:
    conversation.trashed_at = None
    with transaction.atomic():
        conversation.save(update_fields=["trashed_at"])
        _reindex(conversation)


def stories(owner: User, glimmer_ids: Collection[uuid.UUID] | None) -> dict[Any, list[str]]:
    """The stories of (untrashed) conversations, by the glimmers named in them: the search
    index adds them to those glimmers' words."""
    links = Conversation.named.through.objects.filter(
        conversation__owner=owner, conversation__trashed_at__isnull=True
    )
    if glimmer_ids is not None:
        links = links.filter(glimmer_id__in=list(glimmer_ids))
    found: dict[Any, list[str]] = {}
    for glimmer_id, story in links.values_list("glimmer_id", "conversation__story"):
        found.setdefault(glimmer_id, []).append(story)
    return found


def _reindex(conversation: Conversation) -> None:
    named = list(conversation.named.values_list("id", flat=True))
    if named:
        search.reindex(conversation.owner, named)


def trashed(owner: User) -> QuerySet[Conversation]:
    """Conversations set aside in the trash, the latest set aside first."""
    return (
        Conversation.objects.owned_by(owner)
        .trashed()
        .select_related("person")
        .order_by("-trashed_at", "-id")
    )


def empty_trash(owner: User) -> int:
    """Delete trashed conversations for good; the glimmers named in them stay in the diary."""
    _total, by_model = Conversation.objects.owned_by(owner).trashed().delete()
    return by_model.get(Conversation._meta.label, 0)
