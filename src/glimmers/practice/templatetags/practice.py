"""Pieces of the practice shown on the diary's pages: today's prompt, a glimmer's pauses."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from glimmers.diary.models import Glimmer
from glimmers.practice.prompts import prompt_for

register = template.Library()


@register.inclusion_tag("practice/_prompt.html", takes_context=True)
def practice_prompt(context: template.Context) -> dict[str, Any]:
    """Today's prompt for the signed-in person (none when every prompt is hidden)."""
    user = context["request"].user
    return {
        "prompt": prompt_for(user, timezone.localdate()),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("practice/_pauses.html")
def glimmer_pauses(glimmer: Glimmer) -> dict[str, Any]:
    """The pauses that anchored this glimmer, newest first, with their check-ins."""
    return {"pauses": list(glimmer.pauses.all()), "glimmer": glimmer}
