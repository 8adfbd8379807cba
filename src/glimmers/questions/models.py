"""A person's own Glimmer Questions and the answers they gave, step by step."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy

from glimmers.diary.fields import BoundedTextField
from glimmers.diary.models import LINE_MAX, check_moment
from glimmers.questions.choices import SCALE_MAX, SCALE_MIN, BuiltIn, Step

QUESTION_MAX = 300


class GlimmerQuestion(models.Model):
    """A question a person wrote for themselves, to ask again and again."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="glimmer_questions"
    )
    text = models.CharField(gettext_lazy("your question"), max_length=QUESTION_MAX)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)
    archived_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text

    @property
    def archived(self) -> bool:
        return self.archived_at is not None


class AnswerQuerySet(models.QuerySet[Any]):
    def owned_by(self, user: User) -> AnswerQuerySet:
        return self.filter(owner=user)


class Answer(models.Model):
    """One time through the Glimmer Question: the scale, then the follow-ups.

    Saved after every step, so a person can stop anywhere and come back to finish.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="question_answers"
    )
    # Either one of the person's own questions or a built-in one.
    question = models.ForeignKey(
        GlimmerQuestion, null=True, blank=True, on_delete=models.SET_NULL, related_name="answers"
    )
    builtin = models.CharField(max_length=20, choices=BuiltIn.choices, blank=True)
    # The question's words as they were asked, kept even if the question changes later.
    question_text = models.CharField(max_length=QUESTION_MAX)
    scale = models.PositiveSmallIntegerField(
        gettext_lazy("how likely"),
        validators=[MinValueValidator(SCALE_MIN), MaxValueValidator(SCALE_MAX)],
    )
    know = BoundedTextField(blank=True, max_length=LINE_MAX)
    feel = BoundedTextField(blank=True, max_length=LINE_MAX)
    see = BoundedTextField(blank=True, max_length=LINE_MAX)
    body = BoundedTextField(blank=True, max_length=LINE_MAX)
    who = BoundedTextField(blank=True, max_length=LINE_MAX)
    asked_at = models.DateTimeField(default=timezone.now, validators=[check_moment])
    updated_at = models.DateTimeField(default=timezone.now, editable=False)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        ordering = ["-asked_at", "-id"]
        indexes = [models.Index(fields=["owner", "-asked_at"], name="answer_by_owner")]

    def __str__(self) -> str:
        return f"{self.scale}/10"

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    def step_text(self, step: str) -> str:
        return str(getattr(self, Step(step).value))

    def next_open_step(self) -> str | None:
        """The first follow-up left empty, where "carry on" takes a person back to."""
        for step in Step:
            if not self.step_text(step):
                return step.value
        return None
