"""Glimmer Questions and answers in the JSON export, and back in from it (lossless)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from glimmers.diary.portability.export import stamp
from glimmers.diary.portability.imports import (
    ImportProblem,
    optional_stamp,
    parse_stamp,
    parse_uuid,
    records_of,
)
from glimmers.questions.choices import BuiltIn, Step
from glimmers.questions.models import Answer, GlimmerQuestion


def question_record(question: GlimmerQuestion) -> dict[str, Any]:
    return {
        "id": str(question.id),
        "text": question.text,
        "created_at": stamp(question.created_at),
        "updated_at": stamp(question.updated_at),
        "archived_at": stamp(question.archived_at),
    }


def answer_record(answer: Answer) -> dict[str, Any]:
    """One answer with the field names the export, `--json` and the API share."""
    return {
        "id": str(answer.id),
        "question_id": str(answer.question_id) if answer.question_id else None,
        "builtin": answer.builtin or None,
        "question": answer.question_text,
        "scale": answer.scale,
        **{step.value: answer.step_text(step) for step in Step},
        "asked_at": stamp(answer.asked_at),
        "updated_at": stamp(answer.updated_at),
        "finished_at": stamp(answer.finished_at),
    }


def export_records(owner: Any) -> dict[str, list[dict[str, Any]]]:
    questions = GlimmerQuestion.objects.filter(owner=owner).order_by("created_at", "id")
    answers = Answer.objects.filter(owner=owner).order_by("asked_at", "id")
    return {
        "questions": [question_record(question) for question in questions],
        "question_answers": [answer_record(answer) for answer in answers],
    }


@dataclass
class Records:
    questions: list[dict[str, Any]] = field(default_factory=list)
    answers: list[dict[str, Any]] = field(default_factory=list)


def _text(value: Any, where: str, *, required: bool = False) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise ImportProblem(_("%(where)s has no text.") % {"where": where})
    return value


def read(document: dict[str, Any]) -> Records:
    """The questions and answers of an export, checked; the importer saves them later."""
    records = Records()
    for number, item in enumerate(records_of(document, "questions"), start=1):
        where = _("Question %(n)d") % {"n": number}
        records.questions.append(
            {
                "id": parse_uuid(item.get("id"), where),
                "text": _text(item.get("text"), where, required=True),
                "created_at": optional_stamp(item.get("created_at"), where),
                "updated_at": optional_stamp(item.get("updated_at"), where),
                "archived_at": optional_stamp(item.get("archived_at"), where),
            }
        )
    for number, item in enumerate(records_of(document, "question_answers"), start=1):
        where = _("Answer %(n)d") % {"n": number}
        scale = item.get("scale")
        if isinstance(scale, bool) or not isinstance(scale, int) or not 0 <= scale <= 10:
            raise ImportProblem(
                _("%(where)s has a scale that is not a number from 0 to 10.") % {"where": where}
            )
        builtin = item.get("builtin") or ""
        if builtin not in BuiltIn.values:
            builtin = ""  # a question a later version knows; its words are kept anyway
        records.answers.append(
            {
                "id": parse_uuid(item.get("id"), where),
                "question_id": parse_uuid(item.get("question_id"), where),
                "builtin": builtin,
                "question": _text(item.get("question"), where, required=True),
                "scale": scale,
                **{step.value: _text(item.get(step.value), where) for step in Step},
                "asked_at": parse_stamp(item.get("asked_at"), where),
                "updated_at": optional_stamp(item.get("updated_at"), where),
                "finished_at": optional_stamp(item.get("finished_at"), where),
            }
        )
    return records


def _free_id(model: type[Any], wanted: uuid.UUID | None, owner: Any) -> tuple[uuid.UUID, bool]:
    """(the id to use, whether this diary already has it)."""
    if wanted is None:
        return uuid.uuid4(), False
    holder = model.objects.filter(id=wanted).values_list("owner_id", flat=True).first()
    if holder is None:
        return wanted, False
    return (wanted, True) if holder == owner.pk else (uuid.uuid4(), False)


def save_records(owner: Any, records: Records) -> int:
    """Add the questions and answers; ones already in this diary are skipped. Returns how
    many were added."""
    now = timezone.now()
    question_ids: dict[uuid.UUID, uuid.UUID] = {}
    added = 0
    for number, item in enumerate(records.questions, start=1):
        new_id, already = _free_id(GlimmerQuestion, item["id"], owner)
        if item["id"] is not None:
            question_ids[item["id"]] = new_id
        if already:
            continue
        question = GlimmerQuestion(
            id=new_id,
            owner=owner,
            text=item["text"],
            created_at=item["created_at"] or now,
            updated_at=item["updated_at"] or item["created_at"] or now,
            archived_at=item["archived_at"],
        )
        _check(question, _("Question %(n)d") % {"n": number})
        question.save(force_insert=True)
        added += 1
    for number, item in enumerate(records.answers, start=1):
        new_id, already = _free_id(Answer, item["id"], owner)
        if already:
            continue
        answer = Answer(
            id=new_id,
            owner=owner,
            question_id=question_ids.get(item["question_id"]) if item["question_id"] else None,
            builtin=item["builtin"],
            question_text=item["question"],
            scale=item["scale"],
            asked_at=item["asked_at"],
            updated_at=item["updated_at"] or item["asked_at"],
            finished_at=item["finished_at"],
            **{step.value: item[step.value] for step in Step},
        )
        _check(answer, _("Answer %(n)d") % {"n": number})
        answer.save(force_insert=True)
        added += 1
    return added


def _check(obj: Any, where: str) -> None:
    try:
        obj.full_clean(exclude=["owner", "question"], validate_unique=False)
    except ValidationError as error:
        raise ImportProblem(f"{where}: {error.messages[0]}") from None
