"""Our own prompts, grouped by practice. One is offered on the capture page, a new one
each day; a person can hide the ones that do not suit them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from glimmers.practice.models import HiddenPrompt


@dataclass(frozen=True)
class Prompt:
    key: str
    practice: Promise
    text: Promise


NOTICE = _("Noticing")
SENSES = _("Through the senses")
ANCHOR = _("Anchoring")
DAYS = _("Mornings and evenings")
MEMORY = _("Memories and dark times")
PEOPLE = _("With other people")

PROMPTS = [
    Prompt("notice-light", NOTICE, _("Where did the light fall nicely today?")),
    Prompt("notice-small", NOTICE, _("What tiny thing made the last hour a little softer?")),
    Prompt("notice-slow", NOTICE, _("Slow down for ten steps. What do you find on the way?")),
    Prompt("senses-sound", SENSES, _("Close your eyes for a moment. Which sound is friendly?")),
    Prompt("senses-smell", SENSES, _("Is there a smell around you that you like?")),
    Prompt("senses-touch", SENSES, _("What feels good under your hands right now?")),
    Prompt("senses-taste", SENSES, _("Which taste today was worth noticing?")),
    Prompt("anchor-stay", ANCHOR, _("When a glimmer comes, stay with it for three breaths.")),
    Prompt("anchor-body", ANCHOR, _("After a good moment, where in your body do you feel it?")),
    Prompt("days-intention", DAYS, _("What would you like to notice today?")),
    Prompt("days-yesterday", DAYS, _("Which good moment from yesterday is still with you?")),
    Prompt("memory-photo", MEMORY, _("Is there a photo on your phone that still warms you?")),
    Prompt("memory-hard", MEMORY, _("In a hard time, what small thing helped you through?")),
    Prompt("people-story", PEOPLE, _("In someone's story today, what sparked for you?")),
    Prompt("people-share", PEOPLE, _("Whom would you like to tell about a glimmer?")),
]
BY_KEY = {prompt.key: prompt for prompt in PROMPTS}


def hidden_keys(owner: User) -> set[str]:
    return set(HiddenPrompt.objects.filter(owner=owner).values_list("key", flat=True))


def prompt_for(owner: User, day: date) -> Prompt | None:
    """Today's prompt among the ones not hidden; the next one tomorrow."""
    hidden = hidden_keys(owner)
    offered = [prompt for prompt in PROMPTS if prompt.key not in hidden]
    if not offered:
        return None
    return offered[day.toordinal() % len(offered)]


def grouped(owner: User) -> list[tuple[str, list[tuple[Prompt, bool]]]]:
    """Every prompt by practice, with whether it is hidden."""
    hidden = hidden_keys(owner)
    groups: dict[str, list[tuple[Prompt, bool]]] = {}
    for prompt in PROMPTS:
        groups.setdefault(str(prompt.practice), []).append((prompt, prompt.key in hidden))
    return list(groups.items())


def set_hidden(owner: User, key: str, hidden: bool) -> None:
    """Hide a prompt, or offer it again. Unknown keys are ignored."""
    if key not in BY_KEY:
        return
    if hidden:
        HiddenPrompt.objects.get_or_create(owner=owner, key=key)
    else:
        HiddenPrompt.objects.filter(owner=owner, key=key).delete()
