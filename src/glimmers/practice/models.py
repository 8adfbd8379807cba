"""What the practice keeps: pauses (anchors), flow drafts, hidden prompts, onboarding."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy

from glimmers.diary.fields import BoundedTextField
from glimmers.diary.models import LINE_MAX, Glimmer, check_moment

PAUSE_MIN = 15
PAUSE_MAX = 60


class State(models.TextChoices):
    """Where a person is right now, in plain words (an optional check-in)."""

    SAFE = "safe", gettext_lazy("Safe and connected")
    MOBILIZED = "mobilized", gettext_lazy("Mobilized: restless, on alert")
    SHUT_DOWN = "shut-down", gettext_lazy("Shut down: numb, far away")


class Flow(models.TextChoices):
    """The guided flows that keep a draft while a person is in the middle of them."""

    WALK = "walk", gettext_lazy("Senses walk")
    DARK_TIME = "dark-time", gettext_lazy("Dark times")
    MORNING = "morning", gettext_lazy("Morning")


class Pause(models.Model):
    """A guided breathing pause; with a glimmer it anchors that glimmer."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pauses"
    )
    glimmer = models.ForeignKey(
        Glimmer, null=True, blank=True, on_delete=models.CASCADE, related_name="pauses"
    )
    seconds = models.PositiveSmallIntegerField(
        gettext_lazy("how long"),
        validators=[MinValueValidator(PAUSE_MIN), MaxValueValidator(PAUSE_MAX)],
    )
    with_toy = models.BooleanField(gettext_lazy("with a toy on the belly"), default=False)
    state_before = models.CharField(max_length=20, choices=State.choices, blank=True)
    state_after = models.CharField(max_length=20, choices=State.choices, blank=True)
    body = BoundedTextField(gettext_lazy("what the body did"), max_length=LINE_MAX, blank=True)
    paused_at = models.DateTimeField(default=timezone.now, validators=[check_moment])

    class Meta:
        ordering = ["-paused_at", "-id"]
        indexes = [models.Index(fields=["owner", "-paused_at"], name="pause_by_owner")]

    def __str__(self) -> str:
        return f"{self.seconds} s"


class Draft(models.Model):
    """What a person has entered so far in a multi-step flow, kept between steps."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_drafts"
    )
    flow = models.CharField(max_length=20, choices=Flow.choices)
    data = models.JSONField(default=dict)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint("owner", "flow", name="one_draft_per_flow")]

    def __str__(self) -> str:
        return f"{self.flow} draft"


class HiddenPrompt(models.Model):
    """A prompt a person would rather not be offered."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hidden_prompts"
    )
    key = models.CharField(max_length=40)
    hidden_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint("owner", "key", name="hide_a_prompt_once")]
        ordering = ["key"]

    def __str__(self) -> str:
        return self.key


class Onboarding(models.Model):
    """Whether a person has walked (or skipped) the first-run path."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="onboarding"
    )
    finished_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"onboarding of {self.owner_id}"
