"""The diary's HTML forms: input is checked here once, then handed to `services`."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from glimmers.diary.choices import SENSE_PROMPTS, Kind, Sense, unknown_sense
from glimmers.diary.models import (
    INTENTION_MAX,
    LABELS_MAX,
    LINE_MAX,
    NAME_MAX,
    PHOTOS_PER_SAVE,
    TEXT_MAX,
    Glimmer,
    check_moment,
)
from glimmers.diary.queries import Filters
from glimmers.diary.search import QUERY_MAX
from glimmers.diary.services import EntryInput
from glimmers.lib.photos import PhotoError, PreparedPhoto, prepare_upload

DATETIME_LOCAL = "%Y-%m-%dT%H:%M"
# Room for as many names as a glimmer may have, with their commas; each is checked on save.
NAMES_TEXT_MAX = LABELS_MAX * (NAME_MAX + 2)
# Fields a quick capture can leave alone; they sit in a folded section.
MORE_FIELDS = ("body", "kind", "tags", "people", "intensity", "noticed_at")
WORDY_FIELDS = ("body", "tags", "people", "intensity")


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Zero or more uploaded files."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        files = data if isinstance(data, list | tuple) else [data]
        return [super(PhotosField, self).clean(file, initial) for file in files if file]


class SensesField(forms.MultipleChoiceField):
    """Senses to tick; one Glimmers does not know gets the diary's one sentence for it."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=Sense.choices, widget=forms.CheckboxSelectMultiple, **kwargs)

    def validate(self, value: Any) -> None:
        for chosen in value or []:
            if chosen not in Sense.values:
                raise unknown_sense(str(chosen))
        super().validate(value)


def split_names(value: str) -> list[str]:
    return [name.strip() for name in value.split(",") if name.strip()]


class EntryForm(forms.Form):
    """What glimmers and triggers share: words, senses, the body, a time."""

    id = forms.UUIDField(required=False, widget=forms.HiddenInput)
    text = forms.CharField(
        label=gettext_lazy("What did you notice?"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "autofocus": True}),
        error_messages={"required": gettext_lazy("Write a few words about the moment.")},
    )
    senses = SensesField(label=gettext_lazy("Which senses were part of it?"), required=False)
    body = forms.CharField(
        label=gettext_lazy("What did your body do?"),
        help_text=gettext_lazy("A breath, softer shoulders, warmth — anything you noticed."),
        max_length=LINE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    noticed_at = forms.DateTimeField(
        label=gettext_lazy("When"),
        required=False,
        input_formats=[DATETIME_LOCAL, "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for sense in Sense:
            self.fields[f"line_{sense.value}"] = forms.CharField(
                label=SENSE_PROMPTS[sense], max_length=LINE_MAX, required=False
            )

    def sense_line_fields(self) -> list[forms.BoundField]:
        return [self[f"line_{sense.value}"] for sense in Sense]

    def lines_open(self) -> bool:
        return any(field.value() or field.errors for field in self.sense_line_fields())

    def more_open(self) -> bool:
        """Unfold the extra fields when they hold an error or something typed."""
        if any(self[name].errors for name in MORE_FIELDS if name in self.fields):
            return True
        return self.is_bound and any(
            self.data.get(name) for name in WORDY_FIELDS if name in self.fields
        )

    def clean_noticed_at(self) -> Any:
        moment = self.cleaned_data.get("noticed_at")
        if moment is not None:
            check_moment(moment)
        return moment

    def to_input(self) -> EntryInput:
        data = self.cleaned_data
        return EntryInput(
            text=data["text"],
            noticed_at=data.get("noticed_at"),
            senses=data.get("senses") or [],
            sense_lines={
                sense.value: data.get(f"line_{sense.value}") or ""
                for sense in Sense
                if data.get(f"line_{sense.value}")
            },
            body=data.get("body") or "",
            id=data.get("id"),
        )


class TriggerForm(EntryForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].label = _("What happened?")
        self.fields["text"].widget.attrs.pop("autofocus", None)
        self.fields["text"].error_messages["required"] = _("A few words are enough.")
        self.fields["body"].help_text = _(
            "A held breath, a tight chest, a rush of heat — whatever you noticed."
        )


class GlimmerForm(EntryForm):
    kind = forms.ChoiceField(
        label=gettext_lazy("What kind of glimmer"), choices=Kind.choices, initial=Kind.MOMENT
    )
    tags = forms.CharField(
        label=gettext_lazy("Tags"),
        help_text=gettext_lazy("Separate with commas, e.g. morning, garden"),
        max_length=NAMES_TEXT_MAX,
        required=False,
    )
    people = forms.CharField(
        label=gettext_lazy("People"),
        help_text=gettext_lazy("Who was part of it? Separate with commas."),
        max_length=NAMES_TEXT_MAX,
        required=False,
    )
    intensity = forms.TypedChoiceField(
        label=gettext_lazy("How strong was it?"),
        choices=[("", gettext_lazy("Not sure")), *[(n, str(n)) for n in range(1, 6)]],
        coerce=int,
        empty_value=None,
        required=False,
    )
    photos = PhotosField(label=gettext_lazy("Photos"), required=False)

    def __init__(self, *args: Any, oversized: Sequence[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.oversized = list(oversized)
        self.prepared: list[PreparedPhoto] = []

    @classmethod
    def fresh(cls) -> GlimmerForm:
        """An empty capture form with its own id, so a repeated submit saves once."""
        return cls(initial={"id": uuid.uuid4()})

    def clean_photos(self) -> list[UploadedFile]:
        files: list[UploadedFile] = self.cleaned_data.get("photos") or []
        if self.oversized:
            raise ValidationError(
                _("That photo is too large; please choose one under %(mb)d MB.")
                % {"mb": int(settings.PHOTO_MAX_BYTES) // (1024 * 1024)}
            )
        if len(files) > PHOTOS_PER_SAVE:
            raise ValidationError(
                _("Please add up to %(n)d photos at a time.") % {"n": PHOTOS_PER_SAVE}
            )
        prepared = []
        for file in files:
            try:
                prepared.append(prepare_upload(file))
            except PhotoError as error:
                raise ValidationError(str(error)) from None
        self.prepared = prepared
        return files

    def to_input(self) -> EntryInput:
        entry = super().to_input()
        data = self.cleaned_data
        entry.kind = data.get("kind") or Kind.MOMENT
        entry.tags = split_names(data.get("tags") or "")
        entry.people = split_names(data.get("people") or "")
        entry.intensity = data.get("intensity")
        entry.photos = self.prepared
        return entry


class EditGlimmerForm(GlimmerForm):
    """The capture form for an existing glimmer, with a way to let photos go."""

    remove_photos = forms.MultipleChoiceField(
        label=gettext_lazy("Remove these photos"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # The version the page was opened on: an edit made on an older one is kept beside the
    # newer, never over it (another device, another tab).
    version = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args: Any, glimmer: Glimmer, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {**initial_for(glimmer), "version": glimmer.version})
        super().__init__(*args, **kwargs)
        self.glimmer = glimmer
        self.existing_photos = list(glimmer.photos.all())
        self.fields["remove_photos"].choices = [  # type: ignore[attr-defined]
            (str(photo.id), str(photo.id)) for photo in self.existing_photos
        ]
        self.fields["text"].widget.attrs.pop("autofocus", None)

    def more_open(self) -> bool:
        return True


def initial_for(glimmer: Glimmer) -> dict[str, Any]:
    initial: dict[str, Any] = {
        "text": glimmer.text,
        "noticed_at": glimmer.noticed_at,
        "senses": glimmer.senses,
        "body": glimmer.body,
        "kind": glimmer.kind,
        "tags": ", ".join(tag.name for tag in glimmer.tags.all()),
        "people": ", ".join(person.name for person in glimmer.people.all()),
        "intensity": glimmer.intensity or "",
    }
    for sense, line in (glimmer.sense_lines or {}).items():
        initial[f"line_{sense}"] = line
    return initial


class IntentionForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Today I would like to notice…"),
        max_length=INTENTION_MAX,
        error_messages={"required": gettext_lazy("Write a few words for your intention.")},
    )


class TimelineFilterForm(forms.Form):
    sense = forms.ChoiceField(
        label=gettext_lazy("Sense"),
        choices=[("", gettext_lazy("Any sense")), *Sense.choices],
        required=False,
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        choices=[("", gettext_lazy("Any kind")), *Kind.choices],
        required=False,
    )
    tag = forms.CharField(label=gettext_lazy("Tag"), max_length=NAME_MAX, required=False)

    def filters(self) -> Filters:
        """The filters chosen (none while the form is not valid)."""
        if not self.is_valid():
            return Filters()
        data = self.cleaned_data
        return Filters(sense=data["sense"], kind=data["kind"], tag=data["tag"])


class SearchForm(TimelineFilterForm):
    """The words to find, with the timeline's filters and a few more."""

    q = forms.CharField(
        label=gettext_lazy("Find"),
        max_length=QUERY_MAX,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    person = forms.CharField(label=gettext_lazy("Person"), max_length=NAME_MAX, required=False)
    since = forms.DateField(
        label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=gettext_lazy("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    page = forms.IntegerField(min_value=1, max_value=500, required=False, widget=forms.HiddenInput)

    field_order = ["q", "sense", "kind", "tag", "person", "since", "until"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("“Until” comes before “From”; swap them and try again."))
        try:
            self.chosen = Filters.of_days(
                cleaned.get("since"),
                cleaned.get("until"),
                sense=cleaned.get("sense"),
                kind=cleaned.get("kind"),
                tag=cleaned.get("tag"),
                person=cleaned.get("person"),
            )
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned

    def filters(self) -> Filters:
        return self.chosen if self.is_valid() else Filters()
