"""Pieces of the settings page: a person's device tokens."""

from __future__ import annotations

from typing import Any

from django import template
from django.contrib.auth.models import User

from glimmers.accounts.forms import TokenForm
from glimmers.accounts.tokens import tokens_of

register = template.Library()


@register.inclusion_tag("accounts/_tokens.html")
def device_tokens(user: User) -> dict[str, Any]:
    return {"tokens": tokens_of(user), "token_form": TokenForm()}
