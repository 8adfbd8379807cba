"""The print forms: which period and what to include; which glimmers go on bookmarks."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from glimmers.booklet.services import (
    MAX_BOOKMARKS,
    BookletOptions,
    Paper,
    Preset,
    check_period,
    preset_days,
    readable_day,
)
from glimmers.diary.models import Glimmer

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class BookletForm(forms.Form):
    period = forms.ChoiceField(
        label=_("Which days"),
        choices=Preset.choices,
        initial=Preset.MONTH,
        widget=forms.RadioSelect,
    )
    since = forms.DateField(label=_("First day"), required=False, widget=DATE)
    until = forms.DateField(label=_("Last day"), required=False, widget=DATE)
    photos = forms.BooleanField(label=_("Include the photos"), required=False, initial=True)
    triggers = forms.BooleanField(
        label=_("Also list the triggers noted on those days"), required=False, initial=False
    )
    paper = forms.ChoiceField(label=_("Paper"), choices=Paper.choices, initial=Paper.A4)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        period = data.get("period")
        if period == Preset.DATES:
            since, until = data.get("since"), data.get("until")
            if since is None or until is None:
                if "since" not in self.errors and "until" not in self.errors:
                    self.add_error(
                        "since" if since is None else "until",
                        _("Choose the first and the last day of the period."),
                    )
                return data
        elif period:
            since, until = preset_days(period, timezone.localdate())
        else:
            return data
        try:
            check_period(since, until)
        except ValidationError as error:
            self.add_error(None, error)
            return data
        data["options"] = BookletOptions(
            since=since,
            until=until,
            photos=bool(data.get("photos")),
            triggers=bool(data.get("triggers")),
            paper=data.get("paper") or Paper.A4,
        )
        return data


class BookmarkForm(forms.Form):
    glimmers = forms.TypedMultipleChoiceField(
        label=_("Glimmers for the bookmarks"),
        coerce=uuid.UUID,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose one glimmer or more."),
            "invalid_choice": _("One of those glimmers is not in your diary."),
        },
    )
    paper = forms.ChoiceField(label=_("Paper"), choices=Paper.choices, initial=Paper.A4)

    def __init__(self, *args: Any, choices: list[Glimmer], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["glimmers"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = [
            (
                str(glimmer.id),
                f"{glimmer.text[:140]} ({readable_day(timezone.localdate(glimmer.noticed_at))})",
            )
            for glimmer in choices
        ]

    def clean_glimmers(self) -> list[uuid.UUID]:
        chosen: list[uuid.UUID] = self.cleaned_data["glimmers"]
        if len(chosen) > MAX_BOOKMARKS:
            raise ValidationError(
                _("Choose at most %(max)d glimmers for bookmarks.") % {"max": MAX_BOOKMARKS}
            )
        return chosen
