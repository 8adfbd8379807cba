"""The Glimmer Question: a person's own questions, and answers kept step by step — the scale
first, then each follow-up, then finished — as the web's pages keep them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from django.utils.translation import gettext_lazy
from ninja import Router, Schema, Status
from pydantic import BeforeValidator, Field, Strict

from glimmers.api.paging import Cursor, page
from glimmers.api.types import (
    ERRORS,
    SOMETHING,
    ApiRequest,
    Id,
    Limit,
    Line,
    Page,
    PastMoment,
    matching,
    whole_number,
)
from glimmers.questions import services
from glimmers.questions.access import get_answer_for, get_question_for
from glimmers.questions.choices import SCALE_MAX, SCALE_MIN, BuiltIn, Step
from glimmers.questions.models import QUESTION_MAX, Answer
from glimmers.questions.records import answer_record, question_record

router = Router(tags=["questions"])
Scale = Annotated[int, Field(ge=SCALE_MIN, le=SCALE_MAX), BeforeValidator(whole_number)]


class QuestionIn(Schema):
    text: Annotated[
        str,
        Strict(),
        Field(max_length=QUESTION_MAX),
        *matching(SOMETHING, gettext_lazy("Write your question in a few words.")),
    ]


class QuestionOut(Schema):
    id: uuid.UUID
    text: str
    created_at: datetime
    updated_at: datetime
    archived_at: datetime | None


class BuiltInOut(Schema):
    key: BuiltIn
    text: str = Field(description="In the language of the request.")


class Questions(Schema):
    builtin: list[BuiltInOut]
    own: list[QuestionOut] = Field(description="Yours, the put-away ones too.")


class AnswerIn(Schema):
    id: Id | None = Field(None, description="Your own UUID: sending the same start again is safe.")
    question: BuiltIn | Id = Field(
        description="A built-in question's key, or the id of one of your own."
    )
    scale: Scale = Field(description="How likely, from 0 to 10.")
    asked_at: PastMoment | None = Field(None, description="When it was asked (default: now).")


class ScaleIn(Schema):
    scale: Scale


class StepIn(Schema):
    text: Line = Field(description="What you wrote for this follow-up (empty clears it).")


class AnswerOut(Schema):
    id: uuid.UUID
    question_id: uuid.UUID | None
    builtin: BuiltIn | None
    question: str = Field(description="The question's words as they were asked.")
    scale: int
    know: str
    feel: str
    see: str
    body: str
    who: str
    asked_at: datetime
    updated_at: datetime
    finished_at: datetime | None


class AnswerPage(Page):
    items: list[AnswerOut]


@router.get("/questions", response={200: Questions, **ERRORS})
def list_questions(request: ApiRequest) -> dict[str, Any]:
    """The built-in questions and your own."""
    own = request.auth.glimmer_questions.order_by("created_at", "id")
    return {
        "builtin": [{"key": item.value, "text": str(item.label)} for item in BuiltIn],
        "own": [question_record(question) for question in own],
    }


@router.post("/questions", response={201: QuestionOut, **ERRORS})
def create_question(request: ApiRequest, payload: QuestionIn) -> Status[Any]:
    """Write a question of your own, to ask again and again."""
    return Status(201, question_record(services.add_question(request.auth, payload.text)))


@router.get("/questions/{question_id}", response={200: QuestionOut, **ERRORS})
def get_question(request: ApiRequest, question_id: uuid.UUID) -> dict[str, Any]:
    """One of your own questions."""
    return question_record(get_question_for(request.auth, question_id))


@router.put("/questions/{question_id}", response={200: QuestionOut, **ERRORS})
def update_question(request: ApiRequest, question_id: uuid.UUID, payload: QuestionIn) -> Any:
    """Change a question's words; answers already given keep the words they were asked with."""
    question = get_question_for(request.auth, question_id)
    services.edit_question(question, payload.text)
    return question_record(question)


@router.post("/questions/{question_id}/archive", response={200: QuestionOut, **ERRORS})
def archive_question(request: ApiRequest, question_id: uuid.UUID) -> dict[str, Any]:
    """Put a question away: no longer offered, its answers kept."""
    question = get_question_for(request.auth, question_id)
    services.archive_question(question)
    return question_record(question)


@router.post("/questions/{question_id}/unarchive", response={200: QuestionOut, **ERRORS})
def unarchive_question(request: ApiRequest, question_id: uuid.UUID) -> dict[str, Any]:
    """Offer a put-away question again."""
    question = get_question_for(request.auth, question_id)
    services.unarchive_question(question)
    return question_record(question)


def _answer(request: ApiRequest, answer_id: uuid.UUID) -> Answer:
    return get_answer_for(request.auth, answer_id)


@router.get("/answers", response={200: AnswerPage, **ERRORS})
def list_answers(request: ApiRequest, cursor: Cursor | None = None, limit: int = Limit) -> Any:
    """Your answers, the latest asked first; `scale` over time is the chart's data."""
    answers = Answer.objects.owned_by(request.auth)
    items, next_cursor = page(answers, "asked_at", cursor, limit)
    return {"items": [answer_record(answer) for answer in items], "next": next_cursor}


@router.post("/answers", response={201: AnswerOut, **ERRORS})
def start_answer(request: ApiRequest, payload: AnswerIn) -> Status[Any]:
    """Ask a question: the scale comes first and is saved at once. Sending the same `id`
    again changes only its scale."""
    key = payload.question
    if isinstance(key, uuid.UUID):
        get_question_for(request.auth, key)  # someone else's question is not found
    answer = services.start(
        request.auth,
        str(key.value if isinstance(key, BuiltIn) else key),
        payload.scale,
        answer_id=payload.id,
        asked_at=payload.asked_at,
    )
    return Status(201, answer_record(answer))


@router.get("/answers/{answer_id}", response={200: AnswerOut, **ERRORS})
def get_answer(request: ApiRequest, answer_id: uuid.UUID) -> dict[str, Any]:
    """One of your answers, finished or left part-way."""
    return answer_record(_answer(request, answer_id))


@router.put("/answers/{answer_id}/scale", response={200: AnswerOut, **ERRORS})
def set_scale(request: ApiRequest, answer_id: uuid.UUID, payload: ScaleIn) -> dict[str, Any]:
    """Change an answer's scale."""
    answer = _answer(request, answer_id)
    services.set_scale(answer, payload.scale)
    return answer_record(answer)


@router.put("/answers/{answer_id}/steps/{step}", response={200: AnswerOut, **ERRORS})
def save_step(request: ApiRequest, answer_id: uuid.UUID, step: Step, payload: StepIn) -> Any:
    """Keep what you wrote for one follow-up: how you would know, feel and see it, what
    your body would do, who around you would notice. Saving as you type is fine."""
    answer = _answer(request, answer_id)
    services.save_step(answer, step.value, payload.text)
    return answer_record(answer)


@router.post("/answers/{answer_id}/finish", response={200: AnswerOut, **ERRORS})
def finish_answer(request: ApiRequest, answer_id: uuid.UUID) -> dict[str, Any]:
    """Mark an answer finished (the follow-ups left empty stay empty)."""
    answer = _answer(request, answer_id)
    services.finish(answer)
    return answer_record(answer)


@router.delete("/answers/{answer_id}", response={204: None, **ERRORS})
def delete_answer(request: ApiRequest, answer_id: uuid.UUID) -> Status[None]:
    """Let an answer go for good (the scale over time forgets it too)."""
    services.delete_answer(_answer(request, answer_id))
    return Status(204, None)
