"""Conversations in the JSON export, and back in from it (lossless)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from glimmers.conversations.models import Conversation
from glimmers.diary.models import Glimmer, Person
from glimmers.diary.portability.export import stamp
from glimmers.diary.portability.imports import (
    ImportProblem,
    optional_stamp,
    parse_stamp,
    parse_uuid,
    records_of,
)


def export_records(owner: Any) -> list[dict[str, Any]]:
    named: dict[Any, list[str]] = defaultdict(list)
    links = Conversation.named.through.objects.filter(conversation__owner=owner)
    for conversation_id, glimmer_id in links.values_list("conversation_id", "glimmer_id"):
        named[conversation_id].append(str(glimmer_id))
    conversations = (
        Conversation.objects.filter(owner=owner)
        .select_related("person")
        .order_by("happened_at", "id")
    )
    return [
        {
            "id": str(conversation.id),
            "person": conversation.person.name if conversation.person else None,
            "story": conversation.story,
            "happened_at": stamp(conversation.happened_at),
            "named": sorted(named.get(conversation.id, [])),
            "shared_back": conversation.shared_back,
            "shared_glimmer": str(conversation.shared_glimmer_id)
            if conversation.shared_glimmer_id
            else None,
            "created_at": stamp(conversation.created_at),
            "updated_at": stamp(conversation.updated_at),
            "trashed_at": stamp(conversation.trashed_at),
        }
        for conversation in conversations
    ]


def read(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The conversations of an export, checked; the importer saves them later."""
    found = []
    for number, item in enumerate(records_of(document, "conversations"), start=1):
        where = _("Conversation %(n)d") % {"n": number}
        story, person = item.get("story"), item.get("person")
        if not isinstance(story, str) or not story.strip():
            raise ImportProblem(_("%(where)s has no text.") % {"where": where})
        if person is not None and not isinstance(person, str):
            raise ImportProblem(_("%(where)s has no text.") % {"where": where})
        named = item.get("named") or []
        if not isinstance(named, list):
            raise ImportProblem(
                _("%(where)s has a list that is not a list of text.") % {"where": where}
            )
        found.append(
            {
                "id": parse_uuid(item.get("id"), where),
                "person": person,
                "story": story,
                "happened_at": parse_stamp(item.get("happened_at"), where),
                "named": [parse_uuid(value, where) for value in named],
                "shared_back": bool(item.get("shared_back")),
                "shared_glimmer": parse_uuid(item.get("shared_glimmer"), where),
                "created_at": optional_stamp(item.get("created_at"), where),
                "updated_at": optional_stamp(item.get("updated_at"), where),
                "trashed_at": optional_stamp(item.get("trashed_at"), where),
            }
        )
    return found


def save_records(
    owner: Any, records: list[dict[str, Any]], glimmer_ids: dict[uuid.UUID, uuid.UUID]
) -> int:
    """Add conversations not yet in this diary, linked to the glimmers as they were imported
    (`glimmer_ids` maps an id in the file to the id the glimmer has here)."""
    now = timezone.now()
    mine = set(Glimmer.objects.filter(owner=owner).values_list("id", flat=True))

    def here(glimmer_id: uuid.UUID | None) -> uuid.UUID | None:
        found = glimmer_ids.get(glimmer_id, glimmer_id) if glimmer_id else None
        return found if found in mine else None

    added = 0
    for number, item in enumerate(records, start=1):
        wanted = item["id"]
        holder = (
            Conversation.objects.filter(id=wanted).values_list("owner_id", flat=True).first()
            if wanted
            else None
        )
        if holder == owner.pk:
            continue  # already in this diary
        person = None
        if item["person"] and Person.normalize(item["person"]):
            person, _created = Person.objects.get_or_create(
                owner=owner, name=Person.normalize(item["person"])
            )
        conversation = Conversation(
            id=wanted if wanted and holder is None else uuid.uuid4(),
            owner=owner,
            person=person,
            story=item["story"],
            happened_at=item["happened_at"],
            shared_back=item["shared_back"],
            shared_glimmer_id=here(item["shared_glimmer"]),
            created_at=item["created_at"] or now,
            updated_at=item["updated_at"] or item["created_at"] or now,
            trashed_at=item["trashed_at"],
        )
        try:
            conversation.full_clean(
                exclude=["owner", "person", "shared_glimmer", "named"], validate_unique=False
            )
        except ValidationError as error:
            where = _("Conversation %(n)d") % {"n": number}
            raise ImportProblem(f"{where}: {error.messages[0]}") from None
        conversation.save(force_insert=True)
        link = Conversation.named.through
        link.objects.bulk_create(
            [
                link(conversation_id=conversation.id, glimmer_id=found)
                for found in dict.fromkeys(map(here, item["named"]))
                if found
            ]
        )
        added += 1
    return added
