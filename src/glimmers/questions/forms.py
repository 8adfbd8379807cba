"""The Glimmer Question's HTML forms; the rules themselves live in `services`."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from glimmers.diary.models import LINE_MAX
from glimmers.questions.choices import SCALE_MAX, SCALE_MIN, STEP_HINTS, Step
from glimmers.questions.models import QUESTION_MAX

SCALE_CHOICES = [(value, str(value)) for value in range(SCALE_MIN, SCALE_MAX + 1)]


class ScaleForm(forms.Form):
    id = forms.UUIDField(required=False, widget=forms.HiddenInput)
    question = forms.CharField(max_length=64, widget=forms.HiddenInput)
    scale = forms.TypedChoiceField(
        choices=SCALE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a number from 0 to 10; any number is fine."),
            "invalid_choice": _("Choose a number from 0 to 10; any number is fine."),
        },
    )

    @classmethod
    def fresh(cls, key: str) -> ScaleForm:
        """A first step with its own answer id, so saving it twice keeps one answer."""
        return cls(initial={"id": uuid.uuid4(), "question": key})


class StepForm(forms.Form):
    text = forms.CharField(
        max_length=LINE_MAX, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, step: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].label = Step(step).label
        self.fields["text"].help_text = str(STEP_HINTS[step])


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Your question"),
        help_text=_("For example: How likely is it that I laugh with someone this evening?"),
        max_length=QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Write your question in a few words.")},
    )
