"""The Glimmer Question's rules. The pages and the `glimmers question` command call these."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from glimmers.diary.models import LINE_MAX
from glimmers.diary.services import saved_before
from glimmers.questions.choices import SCALE_MAX, SCALE_MIN, BuiltIn, Step
from glimmers.questions.models import QUESTION_MAX, Answer, GlimmerQuestion


@dataclass(frozen=True)
class Choice:
    """A question a person can ask: `key` is a built-in name or the id of their own."""

    key: str
    text: str
    own: bool


def choices(owner: User) -> list[Choice]:
    """The built-in questions, then the person's own that are not archived."""
    found = [Choice(item.value, str(item.label), own=False) for item in BuiltIn]
    own = GlimmerQuestion.objects.filter(owner=owner, archived_at__isnull=True)
    found.extend(Choice(str(question.id), question.text, own=True) for question in own)
    return found


def resolve(owner: User, key: str) -> tuple[str, GlimmerQuestion | None, str]:
    """(built-in name, own question, words) for `key`; anything unknown is a ValidationError.

    An archived question of one's own can still be asked by its id.
    """
    key = key.strip()
    if key in BuiltIn.values:
        return key, None, str(BuiltIn(key).label)
    try:
        question_id = uuid.UUID(key)
    except ValueError:
        question_id = None
    question = (
        GlimmerQuestion.objects.filter(owner=owner, id=question_id).first() if question_id else None
    )
    if question is None:
        raise ValidationError(
            _("“%(key)s” is not one of your Glimmer Questions.") % {"key": key},
            code="unknown_question",
        )
    return "", question, question.text


def check_scale(scale: Any) -> int:
    if isinstance(scale, bool) or not isinstance(scale, int) or not SCALE_MIN <= scale <= SCALE_MAX:
        raise ValidationError(
            _("The scale goes from %(low)d to %(high)d.") % {"low": SCALE_MIN, "high": SCALE_MAX},
            code="scale",
        )
    return int(scale)


def _clean_line(text: str) -> str:
    text = (text or "").strip()
    if len(text) > LINE_MAX:
        raise ValidationError(
            _("An answer can be at most %(max)d characters.") % {"max": LINE_MAX}, code="long"
        )
    return text


def start(
    owner: User,
    key: str,
    scale: int,
    *,
    answer_id: uuid.UUID | None = None,
    asked_at: datetime | None = None,
) -> Answer:
    """Save the scale for a new answer. With an id already saved, only the scale changes,
    so sending the first step twice (a double tap, a save while typing) keeps one answer."""
    scale = check_scale(scale)
    existing = saved_before(Answer, answer_id, owner)
    if existing is not None:
        set_scale(existing, scale)
        return existing
    builtin, question, text = resolve(owner, key)
    answer = Answer(
        id=answer_id or uuid.uuid4(),
        owner=owner,
        builtin=builtin,
        question=question,
        question_text=text,
        scale=scale,
        asked_at=asked_at or timezone.now(),
    )
    answer.full_clean(exclude=["owner", "question"], validate_unique=False)
    answer.save(force_insert=True)
    return answer


def set_scale(answer: Answer, scale: int) -> None:
    answer.scale = check_scale(scale)
    answer.updated_at = timezone.now()
    answer.save(update_fields=["scale", "updated_at"])


def save_step(answer: Answer, step: str, text: str) -> None:
    """Keep what a person wrote for one follow-up (an empty text clears it)."""
    field = Step(step).value
    setattr(answer, field, _clean_line(text))
    answer.updated_at = timezone.now()
    answer.save(update_fields=[field, "updated_at"])


def finish(answer: Answer) -> None:
    if answer.finished_at is None:
        answer.finished_at = timezone.now()
        answer.save(update_fields=["finished_at"])


def answer_at_once(owner: User, key: str, scale: int, steps: Mapping[str, str]) -> Answer:
    """The whole flow in one go (the command line): every follow-up given is saved."""
    lines = {Step(step).value: _clean_line(text) for step, text in steps.items()}
    with transaction.atomic():
        answer = start(owner, key, scale)
        for field, text in lines.items():
            setattr(answer, field, text)
        answer.finished_at = timezone.now()
        answer.save()
    return answer


def delete_answer(answer: Answer) -> None:
    """Let an answer go for good (the scale chart forgets it too)."""
    answer.delete()


def unfinished(owner: User) -> Answer | None:
    """The latest answer left part-way, if any."""
    answer: Answer | None = (
        Answer.objects.owned_by(owner)
        .filter(finished_at__isnull=True)
        .order_by("-asked_at")
        .first()
    )
    return answer


def history(owner: User, limit: int | None = None) -> list[Answer]:
    """Answers oldest first (the last `limit` of them), for the chart and the table."""
    answers = Answer.objects.owned_by(owner).order_by("-asked_at", "-id")
    if limit is not None:
        answers = answers[:limit]
    return list(reversed(list(answers)))


# --- a person's own questions --------------------------------------------------------------


def _clean_question(text: str) -> str:
    text = " ".join((text or "").split())
    if not text:
        raise ValidationError(_("Write your question in a few words."), code="blank")
    if len(text) > QUESTION_MAX:
        raise ValidationError(
            _("A question can be at most %(max)d characters.") % {"max": QUESTION_MAX},
            code="long",
        )
    return text


def add_question(owner: User, text: str) -> GlimmerQuestion:
    return GlimmerQuestion.objects.create(owner=owner, text=_clean_question(text))


def edit_question(question: GlimmerQuestion, text: str) -> None:
    """Change the words; answers already given keep the words they were asked with."""
    question.text = _clean_question(text)
    question.updated_at = timezone.now()
    question.save(update_fields=["text", "updated_at"])


def archive_question(question: GlimmerQuestion) -> None:
    """Put a question away: no longer offered, its answers kept."""
    if question.archived_at is None:
        question.archived_at = timezone.now()
        question.save(update_fields=["archived_at"])


def unarchive_question(question: GlimmerQuestion) -> None:
    question.archived_at = None
    question.save(update_fields=["archived_at"])
