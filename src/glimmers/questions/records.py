"""Glimmer Questions and answers: their one shape (export, API, `--json`), and their
section of a person's export and import (lossless both ways)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

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


def export_records(owner: User, options: ExportOptions) -> dict[str, Any]:
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


def save_records(found: Records, context: ImportContext) -> None:
    """Add the questions and answers not in this diary yet."""
    owner = context.owner
    now = timezone.now()
    question_ids: dict[uuid.UUID, uuid.UUID] = {}
    rule = IdRule.for_records(GlimmerQuestion, owner, (item["id"] for item in found.questions))
    for number, item in enumerate(found.questions, start=1):
        if rule.already_here(item["id"]):
            question_ids.setdefault(item["id"], item["id"])
            context.report.already("questions")
            continue
        new_id = rule.claim(item["id"])
        if item["id"] is not None:
            question_ids[item["id"]] = new_id
        with context.one("questions"):
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
            context.report.added("questions")
    rule = IdRule.for_records(Answer, owner, (item["id"] for item in found.answers))
    for number, item in enumerate(found.answers, start=1):
        if rule.already_here(item["id"]):
            context.report.already("question_answers")
            continue
        with context.one("question_answers"):
            answer = Answer(
                id=rule.claim(item["id"]),
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
            context.report.added("question_answers")


def _check(obj: Any, where: str) -> None:
    try:
        obj.full_clean(exclude=["owner", "question"], validate_unique=False)
    except ValidationError as error:
        raise RecordProblem(where, error.messages[0]) from None


def register() -> None:
    records.register(
        records.Section(
            name="questions",
            stage=10,
            export=export_records,
            read=read,
            save=save_records,
        )
    )
