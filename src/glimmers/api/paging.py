"""Paging. A cursor names the last item seen, so pages stay right while people write.

Every cursor has one readable shape, `NUMBER~UUID`, which the description states exactly:
for a list newest first, the number is the last item's time (microseconds since 1970, UTC)
or day (days since 0001-01-01) and the UUID its id; for a list best match first, the number
is how many were seen. Any cursor of that shape is a place in a list (far past the end is an
empty page), so the server never refuses one the description allows.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy
from pydantic import Field

from glimmers.api.types import matching

PATTERN = r"^-?[0-9]{1,18}~[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
Cursor = Annotated[
    str,
    Field(description="The `next` of the page before (a place in the list, NUMBER~UUID)."),
    *matching(PATTERN, gettext_lazy("That cursor is not one this server gave out.")),
]
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# A ranking is read from its start each time; past this many it has nothing more to give.
RANKED_MAX = 10_000
NO_ID = uuid.UUID(int=0)


def _encode(number: int, key: uuid.UUID) -> str:
    return f"{number}~{key}"


def _decode(cursor: str) -> tuple[int, uuid.UUID]:
    # (A pattern's $ lets one line break through at the very end; it changes nothing.)
    number, _sep, key = cursor.rstrip("\n").partition("~")
    return int(number), uuid.UUID(key)


def _number(value: datetime | date) -> int:
    if isinstance(value, datetime):
        return (value - EPOCH) // timedelta(microseconds=1)
    return value.toordinal()


def _value(number: int, sample: type[datetime] | type[date]) -> datetime | date:
    """The time or day a cursor's number names, kept within the calendar."""
    if sample is date:
        return date.fromordinal(min(max(number, 1), date.max.toordinal()))
    low = _number(datetime.min.replace(tzinfo=UTC))
    high = _number(datetime.max.replace(tzinfo=UTC))
    return EPOCH + timedelta(microseconds=min(max(number, low), high))


def page(
    items: QuerySet[Any], field: str, cursor: str | None, limit: int
) -> tuple[list[Any], str | None]:
    """One page of `items`, newest `field` first, after `cursor`; and the next cursor."""
    items = items.order_by(f"-{field}", "-id")
    if cursor:
        number, key = _decode(cursor)
        kind = (
            date
            if items.model._meta.get_field(field).get_internal_type() == "DateField"
            else datetime
        )
        value = _value(number, kind)
        items = items.filter(Q(**{f"{field}__lt": value}) | Q(**{field: value, "id__lt": key}))
    found = list(items[: limit + 1])
    if len(found) <= limit:
        return found, None
    last = found[limit - 1]
    return found[:limit], _encode(_number(getattr(last, field)), last.id)


def ranked_page(
    find: Callable[[int], QuerySet[Any]], cursor: str | None, limit: int
) -> tuple[list[Any], str | None]:
    """One page of a ranked list (best first): `find(n)` gives its first n; the cursor says
    how many were seen (rankings have no keyset: a new glimmer may rank anywhere)."""
    seen = min(max(_decode(cursor)[0], 0), RANKED_MAX) if cursor else 0
    if seen >= RANKED_MAX:
        return [], None
    found = list(find(seen + limit + 1))[seen:]
    if len(found) <= limit:
        return found, None
    return found[:limit], _encode(seen + limit, found[limit - 1].id)
