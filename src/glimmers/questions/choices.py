"""The Glimmer Question's fixed parts: the questions that come with Glimmers and the steps."""

from __future__ import annotations

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

SCALE_MIN = 0
SCALE_MAX = 10


class BuiltIn(models.TextChoices):
    """Questions every diary has; their words follow the person's language."""

    TODAY = (
        "today",
        _("How likely is it that something small and good happens today that you didn't plan?"),
    )
    WEEK = (
        "week",
        _(
            "How likely is it that, this week, something shifts a little for the better "
            "without you pushing it?"
        ),
    )
    KINDNESS = (
        "kindness",
        _("How likely is it that someone surprises you with a small kindness soon?"),
    )


class Step(models.TextChoices):
    """The follow-ups, one per page, in this order."""

    KNOW = "know", _("How would you know it had happened?")
    FEEL = "feel", _("What would you feel?")
    SEE = "see", _("What would you see or notice around you?")
    BODY = "body", _("What would your body do?")
    WHO = "who", _("Who around you would notice, and what would they notice?")


STEP_HINTS: dict[str, Promise] = {
    Step.KNOW: _("The very first small sign would be…"),
    Step.FEEL: _("Maybe a little lighter, curious, relieved…"),
    Step.SEE: _("A face, a light, a message, a place…"),
    Step.BODY: _("A longer breath, softer shoulders, a smile…"),
    Step.WHO: _("A friend, a child, a colleague, a pet…"),
}

STEPS = list(Step)
