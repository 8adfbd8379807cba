"""The practice's records: the one shape of a pause and a draft (export, API, `--json`),
and the practice's section of a person's export and import — pauses with their check-ins,
drafts of unfinished flows, hidden prompts and the first steps. Lossless both ways."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from glimmers.diary.models import Glimmer
from glimmers.lib import records
from glimmers.lib.records import (
    ExportOptions,
    IdRule,
    ImportContext,
    ImportProblem,
    RecordProblem,
    parse_stamp,
    stamp,
)
from glimmers.practice.models import Draft, Flow, HiddenPrompt, Onboarding, Pause


def pause_record(pause: Pause) -> dict[str, Any]:
    return {
        "id": str(pause.id),
        "glimmer": str(pause.glimmer_id) if pause.glimmer_id else None,
        "seconds": pause.seconds,
        "with_toy": pause.with_toy,
        "state_before": pause.state_before,
        "state_after": pause.state_after,
        "body": pause.body,
        "paused_at": stamp(pause.paused_at),
    }


def draft_record(draft: Draft) -> dict[str, Any]:
    return {"flow": draft.flow, "data": draft.data, "updated_at": stamp(draft.updated_at)}


def export_practice(owner: User, options: ExportOptions) -> dict[str, Any]:
    onboarding = Onboarding.objects.filter(owner=owner).first()
    pauses = Pause.objects.filter(owner=owner).order_by("paused_at", "id")
    return {
        "practice": {
            "pauses": [pause_record(pause) for pause in pauses],
            "drafts": [
                draft_record(draft) for draft in Draft.objects.filter(owner=owner).order_by("flow")
            ],
            "hidden_prompts": [
                {"key": hidden.key, "hidden_at": stamp(hidden.hidden_at)}
                for hidden in HiddenPrompt.objects.filter(owner=owner).order_by("key")
            ],
            "onboarding": (
                {"finished_at": stamp(onboarding.finished_at)} if onboarding is not None else None
            ),
        }
    }


def read_practice(document: dict[str, Any]) -> dict[str, Any]:
    """Check the "practice" part of an export; an older export without one is fine."""
    value = document.get("practice")
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


def save_practice(practice: dict[str, Any], context: ImportContext) -> None:
    """Add the practice records to the diary (after its glimmers); a pause names its glimmer
    by the id the glimmer has here."""
    owner = context.owner
    pauses = practice.get("pauses", [])
    mine = set(Glimmer.objects.filter(owner=owner).values_list("id", flat=True))
    wanted = [_uuid(item.get("id")) for item in pauses]
    rule = IdRule.for_records(Pause, owner, wanted)
    new = []
    for number, (item, pause_id) in enumerate(zip(pauses, wanted, strict=True), start=1):
        where = _("Pause %(n)d") % {"n": number}
        if rule.already_here(pause_id):
            context.report.already("pauses")
            continue
        with context.one("pauses"):
            pause = Pause(
                id=rule.claim(pause_id),
                owner=owner,
                glimmer_id=context.glimmer_here(_uuid(item.get("glimmer")), mine),
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
                raise RecordProblem(where, error.messages[0]) from None
            new.append(pause)
    Pause.objects.bulk_create(new)
    context.report.added("pauses", len(new))

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
        key = str(item.get("key") or "")
        if key:
            hidden_at = item.get("hidden_at")
            hidden = HiddenPrompt(
                owner=owner,
                key=key,
                hidden_at=parse_stamp(hidden_at, _("A hidden prompt"))
                if hidden_at
                else timezone.now(),
            )
            with context.one("hidden_prompts"):
                try:
                    hidden.full_clean(exclude=["owner"], validate_unique=False)
                except ValidationError as error:
                    raise RecordProblem(_("A hidden prompt"), error.messages[0]) from None
                HiddenPrompt.objects.get_or_create(
                    owner=owner, key=key, defaults={"hidden_at": hidden.hidden_at}
                )
    onboarding = practice.get("onboarding")
    if onboarding is not None:
        finished = onboarding.get("finished_at")
        Onboarding.objects.get_or_create(
            owner=owner,
            defaults={"finished_at": parse_stamp(finished, _("First steps")) if finished else None},
        )


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value is not None else None
    except ValueError:
        return None


def register() -> None:
    records.register(
        records.Section(
            name="practice",
            stage=30,
            export=export_practice,
            read=read_practice,
            save=save_practice,
        )
    )
