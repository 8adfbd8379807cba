"""The conversation form: checked here once, then handed to `services`."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from glimmers.conversations.models import Conversation
from glimmers.conversations.services import ConversationInput
from glimmers.diary.forms import DATETIME_LOCAL
from glimmers.diary.models import (
    LINE_MAX,
    NAME_MAX,
    TEXT_MAX,
    Glimmer,
    Person,
    check_moment,
)

SHARED_CHOICES = 50  # the person's latest glimmers offered as "the one I shared"
KNOWN_PEOPLE = 200


class ConversationForm(forms.Form):
    id = forms.UUIDField(required=False, widget=forms.HiddenInput)
    person = forms.CharField(
        label=_("Who did you talk with?"),
        max_length=NAME_MAX,
        widget=forms.TextInput(attrs={"list": "known-people", "autocomplete": "off"}),
        error_messages={"required": _("Write who you talked with.")},
    )
    story = forms.CharField(
        label=_("A line about their story"),
        max_length=LINE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write a line about their story.")},
    )
    named = forms.CharField(
        label=_("The glimmers you named in it"),
        help_text=_("One per line. Each one is kept as a glimmer in your diary."),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    shared_back = forms.BooleanField(label=_("I shared a glimmer of mine back"), required=False)
    shared_glimmer = forms.TypedChoiceField(
        label=_("Which one (if you like)"),
        coerce=uuid.UUID,
        empty_value=None,
        required=False,
    )
    happened_at = forms.DateTimeField(
        label=_("When"),
        help_text=_("Leave it empty for just now."),
        required=False,
        input_formats=[DATETIME_LOCAL, "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL),
    )

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        mine = Glimmer.objects.owned_by(owner).alive().newest_first()[:SHARED_CHOICES]
        choices = [("", _("Not saying"))]
        choices += [(str(glimmer.id), glimmer.text[:80]) for glimmer in mine]
        self.fields["shared_glimmer"].choices = choices  # type: ignore[attr-defined]
        # The people already in the diary, offered as the name is typed.
        self.known_people = list(
            Person.objects.filter(owner=owner).values_list("name", flat=True)[:KNOWN_PEOPLE]
        )

    @classmethod
    def fresh(cls, owner: User) -> ConversationForm:
        return cls(owner=owner, initial={"id": uuid.uuid4()})

    @classmethod
    def for_conversation(cls, conversation: Conversation, *args: Any) -> ConversationForm:
        initial = {
            "person": conversation.person.name if conversation.person else "",
            "story": conversation.story,
            "shared_back": conversation.shared_back,
            "shared_glimmer": str(conversation.shared_glimmer_id or ""),
            "happened_at": conversation.happened_at,
        }
        form = cls(*args, owner=conversation.owner, initial=initial)
        shared = conversation.shared_glimmer
        if shared is not None and str(shared.id) not in dict(form.fields["shared_glimmer"].choices):  # type: ignore[attr-defined]
            form.fields["shared_glimmer"].choices.append((str(shared.id), shared.text[:80]))  # type: ignore[attr-defined]
        form.fields["named"].label = _("More glimmers you named in it")
        return form

    def clean_happened_at(self) -> Any:
        moment = self.cleaned_data.get("happened_at")
        if moment is not None:
            check_moment(moment)
        return moment

    def to_input(self) -> ConversationInput:
        data = self.cleaned_data
        return ConversationInput(
            person=data["person"],
            story=data["story"],
            happened_at=data.get("happened_at"),
            named=[line.strip() for line in (data.get("named") or "").splitlines() if line.strip()],
            shared_back=bool(data.get("shared_back")),
            shared_glimmer=data.get("shared_glimmer"),
            id=data.get("id"),
        )
