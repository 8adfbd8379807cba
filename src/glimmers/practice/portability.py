"""The practice's part of a person's JSON export and import: pauses with their check-ins,
drafts of unfinished flows, hidden prompts and the first steps. Lossless both ways."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from glimmers.diary.models import Glimmer
from glimmers.practice.models import Draft, Flow, HiddenPrompt, Onboarding, Pause


def export_practice(owner: Any) -> dict[str, Any]:
    from glimmers.diary.portability.export import stamp

    onboarding = Onboarding.objects.filter(owner=owner).first()
    return {
        "pauses": [
            {
                "id": str(pause.id),
                "glimmer": str(pause.glimmer_id) if pause.glimmer_id else None,
                "seconds": pause.seconds,
                "with_toy": pause.with_toy,
                "state_before": pause.state_before,
                "state_after": pause.state_after,
                "body": pause.body,
                "paused_at": stamp(pause.paused_at),
            }
            for pause in Pause.objects.filter(owner=owner).order_by("paused_at", "id")
        ],
        "drafts": [
            {"flow": draft.flow, "data": draft.data, "updated_at": stamp(draft.updated_at)}
            for draft in Draft.objects.filter(owner=owner).order_by("flow")
        ],
        "hidden_prompts": [
            {"key": hidden.key, "hidden_at": stamp(hidden.hidden_at)}
            for hidden in HiddenPrompt.objects.filter(owner=owner).order_by("key")
        ],
        "onboarding": (
            {"finished_at": stamp(onboarding.finished_at)} if onboarding is not None else None
        ),
    }


def read_practice(value: Any) -> dict[str, Any]:
    """Check the "practice" part of an export; an older export without one is fine."""
    from glimmers.diary.portability.imports import ImportProblem

    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ImportProblem(_("“practice” in this file is not a mapping."))
    for key in ("pauses", "drafts", "hidden_prompts"):
        items = value.get(key, [])
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            raise ImportProblem(
                _("“%(key)s” in this file is not a list of entries.") % {"key": key}
            )
    if value.get("onboarding") is not None and not isinstance(value["onboarding"], dict):
        raise ImportProblem(_("“onboarding” in this file is not a mapping."))
    return value


def save_practice(
    owner: Any, practice: dict[str, Any], glimmer_ids: dict[uuid.UUID, uuid.UUID] | None = None
) -> int:
    """Add the practice records to owner's diary (after its glimmers); returns the pauses
    added. `glimmer_ids` maps the file's glimmer ids to the ids they were saved under."""
    from glimmers.diary.portability.imports import ImportProblem, parse_stamp

    pauses = practice.get("pauses", [])
    renamed = {str(old): str(new) for old, new in (glimmer_ids or {}).items()}
    mine = {str(i) for i in Glimmer.objects.filter(owner=owner).values_list("id", flat=True)}
    wanted = [_uuid(item.get("id")) for item in pauses]
    taken = dict(
        Pause.objects.filter(id__in=[i for i in wanted if i]).values_list("id", "owner_id")
    )
    new = []
    for number, (item, pause_id) in enumerate(zip(pauses, wanted, strict=True), start=1):
        where = _("Pause %(n)d") % {"n": number}
        if pause_id is not None and taken.get(pause_id) == owner.pk:
            continue  # already in this diary
        glimmer = str(item.get("glimmer") or "")
        glimmer = renamed.get(glimmer, glimmer)
        pause = Pause(
            id=pause_id if pause_id is not None and pause_id not in taken else uuid.uuid4(),
            owner=owner,
            glimmer_id=glimmer if glimmer in mine else None,
            seconds=item.get("seconds"),
            with_toy=bool(item.get("with_toy")),
            state_before=str(item.get("state_before") or ""),
            state_after=str(item.get("state_after") or ""),
            body=str(item.get("body") or ""),
            paused_at=parse_stamp(item.get("paused_at"), where),
        )
        try:
            pause.full_clean(exclude=["owner", "glimmer"], validate_unique=False)
        except ValidationError as error:
            raise ImportProblem(f"{where}: {error.messages[0]}") from None
        new.append(pause)
    Pause.objects.bulk_create(new)

    for item in practice.get("drafts", []):
        flow = item.get("flow")
        if flow in Flow.values and isinstance(item.get("data"), dict):
            Draft.objects.get_or_create(
                owner=owner,
                flow=flow,
                defaults={
                    "data": item["data"],
                    "updated_at": parse_stamp(item.get("updated_at"), _("A draft")),
                },
            )
    for item in practice.get("hidden_prompts", []):
        key = str(item.get("key") or "")[:40]
        if key:
            hidden_at = item.get("hidden_at")
            HiddenPrompt.objects.get_or_create(
                owner=owner,
                key=key,
                defaults={
                    "hidden_at": parse_stamp(hidden_at, _("A hidden prompt"))
                    if hidden_at
                    else timezone.now()
                },
            )
    onboarding = practice.get("onboarding")
    if onboarding is not None:
        finished = onboarding.get("finished_at")
        Onboarding.objects.get_or_create(
            owner=owner,
            defaults={"finished_at": parse_stamp(finished, _("First steps")) if finished else None},
        )
    return len(new)


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value is not None else None
    except ValueError:
        return None
