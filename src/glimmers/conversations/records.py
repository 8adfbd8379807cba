"""Conversations: their one shape (export, API), and their section of a person's export and
import (lossless both ways)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from glimmers.conversations.models import Conversation
from glimmers.diary.models import Glimmer, Person, clean_names
from glimmers.lib import records
from glimmers.lib.records import (
    ExportOptions,
    IdRule,
    ImportContext,
    ImportProblem,
    RecordProblem,
    optional_stamp,
    parse_stamp,
    parse_uuid,
    records_of,
    stamp,
)


def conversation_record(conversation: Conversation, named: list[str]) -> dict[str, Any]:
    """One conversation with the export's field names; `named` holds the ids of the
    glimmers named in it."""
    return {
        "id": str(conversation.id),
        "person": conversation.person.name if conversation.person else None,
        "story": conversation.story,
        "happened_at": stamp(conversation.happened_at),
        "named": sorted(named),
        "shared_back": conversation.shared_back,
        "shared_glimmer": str(conversation.shared_glimmer_id)
        if conversation.shared_glimmer_id
        else None,
        "created_at": stamp(conversation.created_at),
        "updated_at": stamp(conversation.updated_at),
        "trashed_at": stamp(conversation.trashed_at),
    }


def conversation_records(conversations: Iterable[Conversation]) -> list[dict[str, Any]]:
    """Conversations as records, in the order given (their people read with them)."""
    conversations = list(conversations)
    named: dict[Any, list[str]] = defaultdict(list)
    links = Conversation.named.through.objects.filter(
        conversation_id__in=[conversation.id for conversation in conversations]
    )
    for conversation_id, glimmer_id in links.values_list("conversation_id", "glimmer_id"):
        named[conversation_id].append(str(glimmer_id))
    return [
        conversation_record(conversation, named.get(conversation.id, []))
        for conversation in conversations
    ]


def export_records(owner: User, options: ExportOptions) -> dict[str, Any]:
    conversations = (
        Conversation.objects.filter(owner=owner)
        .select_related("person")
        .order_by("happened_at", "id")
    )
    return {"conversations": conversation_records(conversations)}


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


def save_records(found: list[dict[str, Any]], context: ImportContext) -> None:
    """Add conversations not yet in this diary, linked to the glimmers as they were imported
    (the context maps an id in the file to the id the glimmer has here)."""
    owner = context.owner
    now = timezone.now()
    mine = set(Glimmer.objects.filter(owner=owner).values_list("id", flat=True))
    rule = IdRule.for_records(Conversation, owner, (item["id"] for item in found))
    link = Conversation.named.through
    for number, item in enumerate(found, start=1):
        if rule.already_here(item["id"]):
            context.report.already("conversations")
            continue
        with context.one("conversations"):
            where = _("Conversation %(n)d") % {"n": number}
            try:
                names = clean_names(Person, [item["person"] or ""])
            except ValidationError as error:
                raise RecordProblem(where, error.messages[0]) from None
            person = None
            if names:
                person, _created = Person.objects.get_or_create(owner=owner, name=names[0])
            conversation = Conversation(
                id=rule.claim(item["id"]),
                owner=owner,
                person=person,
                story=item["story"],
                happened_at=item["happened_at"],
                shared_back=item["shared_back"],
                shared_glimmer_id=context.glimmer_here(item["shared_glimmer"], mine),
                created_at=item["created_at"] or now,
                updated_at=item["updated_at"] or item["created_at"] or now,
                trashed_at=item["trashed_at"],
            )
            try:
                conversation.full_clean(
                    exclude=["owner", "person", "shared_glimmer", "named"], validate_unique=False
                )
            except ValidationError as error:
                raise RecordProblem(where, error.messages[0]) from None
            conversation.save(force_insert=True)
            named = dict.fromkeys(context.glimmer_here(key, mine) for key in item["named"])
            link.objects.bulk_create(
                [link(conversation_id=conversation.id, glimmer_id=key) for key in named if key]
            )
            context.report.added("conversations")


def register() -> None:
    records.register(
        records.Section(
            name="conversations",
            stage=20,
            export=export_records,
            read=read,
            save=save_records,
        )
    )
