"""The practice's HTML forms: input is checked here once, then handed to `services`."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from glimmers.diary.choices import SENSE_PROMPTS, Sense
from glimmers.diary.forms import DATETIME_LOCAL, SensesField
from glimmers.diary.models import INTENTION_MAX, LINE_MAX, NAME_MAX, TEXT_MAX, check_moment
from glimmers.practice.models import PAUSE_MAX, PAUSE_MIN, State
from glimmers.practice.services import MORNING_MOMENTS, OPEN_SENSES, WALK_SENSES

LENGTHS = [(15, _("15 seconds")), (30, _("30 seconds")), (45, _("45 seconds")), (60, _("1 minute"))]
STATE_CHOICES = [("", _("I'd rather not say")), *State.choices]
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def not_future(day: date | None) -> date | None:
    """A remembered day has already happened."""
    if day is not None and day > timezone.localdate():
        check_moment(timezone.now() + timedelta(days=2))
    return day


class PauseSetupForm(forms.Form):
    """Before the pause: how long, which way, and (if wished) where I am now."""

    seconds = forms.TypedChoiceField(
        label=_("How long would you like to pause?"),
        choices=LENGTHS,
        coerce=int,
        initial=30,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose a pause between 15 and 60 seconds.")},
    )
    with_toy = forms.BooleanField(
        label=_("Breathe with a child: a soft toy resting on the belly"), required=False
    )
    state_before = forms.ChoiceField(
        label=_("Where are you right now?"),
        help_text=_("Optional. Just a check-in, not a test."),
        choices=STATE_CHOICES,
        required=False,
        widget=forms.RadioSelect,
    )


class PauseAfterForm(forms.Form):
    """After the pause: what the body did, and where I am now."""

    seconds = forms.IntegerField(min_value=PAUSE_MIN, max_value=PAUSE_MAX, widget=forms.HiddenInput)
    with_toy = forms.BooleanField(required=False, widget=forms.HiddenInput)
    state_before = forms.ChoiceField(
        choices=STATE_CHOICES, required=False, widget=forms.HiddenInput
    )
    body = forms.CharField(
        label=_("What did your body do?"),
        help_text=_("A longer breath, warm hands, softer shoulders — or nothing much."),
        max_length=LINE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    state_after = forms.ChoiceField(
        label=_("And where are you now?"),
        choices=STATE_CHOICES,
        required=False,
        widget=forms.RadioSelect,
    )


class WalkStartForm(forms.Form):
    when = forms.ChoiceField(
        label=_("Which glimmer will you walk through?"),
        choices=[("now", _("A moment from now or today")), ("memory", _("A memory"))],
        initial="now",
        widget=forms.RadioSelect,
    )
    noticed_at = forms.DateField(
        label=_("When was it, roughly?"),
        help_text=_("Only for a memory; the day is enough."),
        required=False,
        widget=DATE_INPUT,
    )

    def clean_noticed_at(self) -> Any:
        return not_future(self.cleaned_data.get("noticed_at"))


class WalkSenseForm(forms.Form):
    """One step of the walk: one line for one sense."""

    # Each step is one question: the cursor waits in its answer.
    line = forms.CharField(
        max_length=LINE_MAX, required=False, widget=forms.TextInput(attrs={"autofocus": True})
    )

    def __init__(self, *args: Any, sense: Sense, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["line"].label = SENSE_PROMPTS[sense]


class WalkOpenForm(forms.Form):
    """The open last step: "I…" anything else, filed under the body or intuition."""

    line = forms.CharField(
        label=_("I…"),
        max_length=LINE_MAX,
        required=False,
        widget=forms.TextInput(attrs={"autofocus": True}),
    )
    other_sense = forms.ChoiceField(
        label=_("Where did that come from?"),
        choices=[(sense.value, sense.label) for sense in OPEN_SENSES],
        initial=Sense.INTUITION.value,
        widget=forms.RadioSelect,
        required=False,
    )


class WalkNameForm(forms.Form):
    text = forms.CharField(
        label=_("Give the glimmer a few words of its own"),
        help_text=_("Leave it empty to use your first line."),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    body = forms.CharField(
        label=_("What does your body do as you remember it?"),
        max_length=LINE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


WALK_FIELDS = [sense.value for sense in WALK_SENSES]


class MorningForm(forms.Form):
    intention = forms.CharField(
        label=_("Today I would like to notice…"), max_length=INTENTION_MAX, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for number in range(1, MORNING_MOMENTS + 1):
            self.fields[f"moment_{number}"] = forms.CharField(
                label=_("A good moment from yesterday (%(n)d)") % {"n": number},
                max_length=TEXT_MAX,
                required=False,
            )

    def moment_fields(self) -> list[forms.BoundField]:
        return [self[f"moment_{n}"] for n in range(1, MORNING_MOMENTS + 1)]

    def moments(self) -> list[str]:
        return [self.cleaned_data.get(f"moment_{n}") or "" for n in range(1, MORNING_MOMENTS + 1)]


class BeanGlimmerForm(forms.Form):
    text = forms.CharField(
        label=_("What was the moment?"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write a few words about the moment.")},
    )
    senses = SensesField(label=_("Which senses were part of it?"), required=False)


class DarkTimeStartForm(forms.Form):
    period = forms.CharField(
        label=_("Name that time in a few words, if you like"),
        help_text=_("Only you will see it. It becomes a tag, so its moments stay together."),
        max_length=NAME_MAX,
        required=False,
    )
    day = forms.DateField(
        label=_("Roughly when was it?"),
        help_text=_("A day is enough; leave it empty if you would rather not say."),
        required=False,
        widget=DATE_INPUT,
    )

    def clean_day(self) -> Any:
        return not_future(self.cleaned_data.get("day"))


class DarkTimeMomentForm(forms.Form):
    moment = forms.CharField(
        label=_("What small moment brought you calm, strength or connection then?"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    senses = SensesField(label=_("Which senses were part of it?"), required=False)
    body = forms.CharField(
        label=_("What does your body do as you remember it now?"),
        max_length=LINE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PhotoReflectionForm(forms.Form):
    noticed_at = forms.DateTimeField(
        label=_("When was it?"),
        required=False,
        input_formats=[DATETIME_LOCAL, "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL),
    )
    text = forms.CharField(
        label=_("What was special about that moment?"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write a few words about the moment.")},
    )
    body = forms.CharField(
        label=_("How does it feel to come back to it now?"),
        max_length=LINE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class FirstGlimmerForm(forms.Form):
    text = forms.CharField(
        label=_("What is the very first moment you would like to keep?"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write a few words about the moment.")},
    )
