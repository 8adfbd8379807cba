"""Small template helpers for the diary's pages."""

from __future__ import annotations

from django import template

from glimmers.diary.choices import Sense

register = template.Library()


@register.filter
def sense_label(value: str) -> str:
    """The translated name of a sense value ("sight" → "Sight")."""
    try:
        return str(Sense(value).label)
    except ValueError:
        return value
