"""Keyset paging: a cursor names the last item seen, so pages stay right while people write."""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from ninja.errors import HttpError

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


def _encode(moment: Any, key: uuid.UUID) -> str:
    raw = f"{moment.isoformat()}|{key}".encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _decode(cursor: str) -> tuple[str, uuid.UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        moment, key = raw.split("|", 1)
        return moment, uuid.UUID(key)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise HttpError(400, _("That cursor is not one this server gave out.")) from None


def page(
    items: QuerySet[Any], field: str, cursor: str | None, limit: int
) -> tuple[list[Any], str | None]:
    """One page of `items`, newest `field` first, after `cursor`; and the next cursor."""
    items = items.order_by(f"-{field}", "-id")
    if cursor:
        moment, key = _decode(cursor)
        try:
            value: Any = datetime.fromisoformat(moment)
        except ValueError:
            raise HttpError(400, _("That cursor is not one this server gave out.")) from None
        if field == "day":
            value = value.date()
        items = items.filter(Q(**{f"{field}__lt": value}) | Q(**{field: value, "id__lt": key}))
    found = list(items[: limit + 1])
    if len(found) <= limit:
        return found, None
    last = found[limit - 1]
    return found[:limit], _encode(getattr(last, field), last.id)


def ranked_page(
    find: Callable[[int], QuerySet[Any]], cursor: str | None, limit: int
) -> tuple[list[Any], str | None]:
    """One page of a ranked list (best first): `find(n)` gives its first n; the cursor says
    how many were seen (rankings have no keyset: a new glimmer may rank anywhere)."""
    seen = 0
    if cursor:
        try:
            raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
            label, _separator, number = raw.partition("|")
            seen = int(number)
            if label != "best" or seen < 0:
                raise ValueError(raw)
        except (ValueError, binascii.Error, UnicodeDecodeError):
            raise HttpError(400, _("That cursor is not one this server gave out.")) from None
    found = list(find(seen + limit + 1))[seen:]
    if len(found) <= limit:
        return found, None
    following = base64.urlsafe_b64encode(f"best|{seen + limit}".encode()).decode("ascii")
    return found[:limit], following.rstrip("=")
