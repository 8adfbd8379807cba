"""Template helpers for the diary's pages: sense names, kept edits, and the places other
apps show their part in (see `glimmers.diary.places`)."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from glimmers.diary import places
from glimmers.diary.choices import Sense
from glimmers.diary.conflicts import open_conflicts
from glimmers.diary.models import Glimmer, Trigger, photo_room

register = template.Library()


@register.filter
def sense_label(value: str) -> str:
    """The translated name of a sense value ("sight" → "Sight")."""
    try:
        return str(Sense(value).label)
    except ValueError:
        return value


@register.inclusion_tag("diary/_photo_room.html")
def photo_room_of(user: Any) -> dict[str, Any]:
    """How much room a person's photos take, and how much they have."""
    used, limit = photo_room(user)
    percent = min(100, round(100 * used / limit)) if limit else 0
    return {"used": used, "limit": limit, "percent": percent}


@register.inclusion_tag("diary/_conflicts.html")
def edit_conflicts(entry: Glimmer | Trigger) -> dict[str, Any]:
    """The versions another device sent for an older version of this entry, to choose from."""
    return {"conflicts": open_conflicts(entry), "entry": entry}


@register.simple_tag(takes_context=True)
def place(context: template.Context, name: str) -> SafeString:
    """What the apps above the diary show in this place of the page."""
    page: dict[str, Any] = {str(key): value for key, value in context.flatten().items()}
    request = context.get("request")
    shown = []
    for piece in places.pieces(name):
        own = piece.context(page)
        if own is not None:
            shown.append((render_to_string(piece.template, own, request=request),))
    return format_html_join("", "{}", shown)
