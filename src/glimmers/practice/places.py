"""The practice's part of the diary's pages: today's prompt above the capture form, an
offer to anchor a glimmer just saved, and a glimmer's pauses and anchor button."""

from __future__ import annotations

from django.utils import timezone

from glimmers.diary import places
from glimmers.diary.places import Context
from glimmers.practice.prompts import prompt_for


def _prompt(page: Context) -> Context | None:
    request = page.get("request")
    if request is None or not request.user.is_authenticated:
        return None
    return {"prompt": prompt_for(request.user, timezone.localdate())}


def _saved(page: Context) -> Context | None:
    glimmer = page.get("saved_glimmer")
    return {"glimmer": glimmer} if glimmer is not None else None


def _glimmer(page: Context) -> Context | None:
    glimmer = page.get("glimmer")
    return {"glimmer": glimmer} if glimmer is not None else None


def _pauses(page: Context) -> Context | None:
    """The pauses that anchored this glimmer, newest first, with their check-ins."""
    glimmer = page.get("glimmer")
    if glimmer is None:
        return None
    return {"pauses": list(glimmer.pauses.all()), "glimmer": glimmer}


def fill() -> None:
    places.show("capture-top", "practice/_prompt.html", _prompt)
    places.show("capture-saved", "practice/_anchor_offer.html", _saved)
    places.show("glimmer-details", "practice/_pauses.html", _pauses)
    places.show("glimmer-actions", "practice/_anchor_button.html", _glimmer)
