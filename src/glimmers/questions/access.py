"""Who may see a Glimmer Question or an answer: only its owner; anyone else gets a 404."""

from __future__ import annotations

import uuid

from django.shortcuts import get_object_or_404

from glimmers.diary.access import Visitor, signed_in
from glimmers.questions.models import Answer, GlimmerQuestion


def get_question_for(user: Visitor, question_id: uuid.UUID) -> GlimmerQuestion:
    owner = signed_in(user)
    question: GlimmerQuestion = get_object_or_404(GlimmerQuestion, id=question_id, owner=owner)
    return question


def get_answer_for(user: Visitor, answer_id: uuid.UUID) -> Answer:
    owner = signed_in(user)
    answer: Answer = get_object_or_404(Answer, id=answer_id, owner=owner)
    return answer
