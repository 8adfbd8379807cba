"""Template pieces other apps' pages show: device tokens, and versions kept after a conflict."""

from __future__ import annotations

from typing import Any

from django import template

from glimmers.api.conflicts import open_conflicts
from glimmers.api.forms import TokenForm
from glimmers.api.tokens import tokens_of

register = template.Library()


@register.inclusion_tag("api/_tokens.html")
def device_tokens(user: Any) -> dict[str, Any]:
    return {"tokens": tokens_of(user), "token_form": TokenForm()}


@register.inclusion_tag("api/_conflicts.html")
def edit_conflicts(entry: Any) -> dict[str, Any]:
    return {"conflicts": open_conflicts(entry), "entry": entry}
