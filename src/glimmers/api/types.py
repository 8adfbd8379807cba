"""The API's field types: exactly what its description says, no more.

Pydantic is lenient by default (it would read `0.5` as a Unix time, `0` as 1970-01-01, `1`
as true). These types take only what JSON Schema means by the description — a time as an
RFC 3339 string with an offset, a day as `YYYY-MM-DD`, a UUID in its usual form, a real
boolean and integer — so nothing outside the description is accepted, and nothing in it is
refused (Schemathesis checks both ways)."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime
from typing import Annotated, Any

from django.contrib.auth.models import User
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Query, Schema
from pydantic import AfterValidator, BeforeValidator, Field, Strict, WithJsonSchema
from pydantic_core import PydanticCustomError

from glimmers.diary.models import CLOCK_SKEW, EARLIEST_YEAR, LINE_MAX, NAME_MAX
from glimmers.diary.search import QUERY_MAX


class ApiRequest(HttpRequest):
    """A request the API let in: `auth` is the person it acts for."""

    auth: User


RFC3339 = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})", re.ASCII
)
DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
CANONICAL_UUID = re.compile(r"[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}", re.ASCII)


def _moment(value: Any) -> datetime:
    if not isinstance(value, str) or not RFC3339.fullmatch(value):
        raise PydanticCustomError("moment_format", "not a time with its offset")
    try:
        moment = datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    except ValueError:
        raise PydanticCustomError("moment_calendar", "not a time on the calendar") from None
    # In UTC, as databases differ on odd offsets. A time at the calendar's very edge (year 1
    # ahead of UTC, year 9999 behind it) is as early or late as UTC can say.
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        edge = datetime.min if moment.year == 1 else datetime.max
        return edge.replace(tzinfo=UTC)


def _day(value: Any) -> date:
    if not isinstance(value, str) or not DAY.fullmatch(value):
        raise PydanticCustomError("day_format", "not a day as YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("day_calendar", "not a day on the calendar") from None


def _uuid(value: Any) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    if not isinstance(value, str) or not CANONICAL_UUID.fullmatch(value):
        raise PydanticCustomError("uuid_parsing", "not a UUID")
    return uuid.UUID(value)


def _flag(value: Any) -> bool:
    """A query's true or false, as the description writes them (and nothing else)."""
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return bool(value == "true")
    raise PydanticCustomError("bool_parsing", "not true or false")


def whole_number(value: Any) -> int:
    """A JSON integer: 3 or 3.0, never true, "3" or 3.5. (Put it after the limits in an
    Annotated, so the description keeps them as `minimum` and `maximum`.)"""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PydanticCustomError("int_type", "not a whole number")
    if isinstance(value, float) and not value.is_integer():
        raise PydanticCustomError("int_type", "not a whole number")
    return int(value)


# (A BeforeValidator keeps the type's own JSON Schema: a date-time, a date, a uuid …)
Moment = Annotated[datetime, BeforeValidator(_moment)]
# A moment that has already happened: a glimmer, a trigger, a bean, a pause. (Clocks drift,
# so a few minutes ahead is still now.)
PAST_NOTE = (
    f"A moment that has already happened, from {EARLIEST_YEAR} until now (up to "
    f"{int(CLOCK_SKEW.total_seconds() // 60)} minutes ahead of the server's clock is taken "
    "as now)."
)


def _past_moment(value: Any) -> datetime:
    if isinstance(value, str) and not PAST_YEARS.match(value):
        raise ValueError(
            _("That time is before %(year)d; please choose a later one.") % {"year": EARLIEST_YEAR}
            if value[:4].isdigit() and int(value[:4]) < EARLIEST_YEAR
            else _("That time is in the future; a glimmer is a moment that has already happened.")
        )
    return _moment(value)


PAST_YEARS = re.compile(r"(19|20)[0-9]{2}-")
PastMoment = Annotated[
    datetime,
    BeforeValidator(_past_moment),
    WithJsonSchema(
        {
            "type": "string",
            "format": "date-time",
            # Written in the years 1900 to 2099; the server refuses the future, as the
            # description says.
            "pattern": "^" + PAST_YEARS.pattern,
            "description": PAST_NOTE,
        }
    ),
]
Day = Annotated[date, BeforeValidator(_day)]
Id = Annotated[uuid.UUID, BeforeValidator(_uuid)]
Flag = Annotated[bool, Strict()]
Number = Annotated[int, BeforeValidator(whole_number)]
QueryFlag = Annotated[bool, BeforeValidator(_flag)]


def matching(pattern: str, message: Promise) -> Any:
    """Checks a text against a JSON Schema `pattern` (searched, as JSON Schema and Python's
    `re` do) and states the pattern in the description; refuses with our own sentence."""
    compiled = re.compile(pattern)

    def check(value: str) -> str:
        if not compiled.search(value):
            raise ValueError(str(message))
        return value

    return (AfterValidator(check), Field(json_schema_extra={"pattern": pattern}))


# PostgreSQL cannot keep a NUL character in text, and nobody types one: no text has one.
NO_NUL = "^[^\x00]*$"
# Words that must say something: at least one character that is not a space of any kind
# (the spaces the server trims, as Python and JSON Schema's regular expressions know them).
SOMETHING = "^[^\x00]*[^\\s\x00\x1c-\x1f\x85\ufeff][^\x00]*$"
NUL = gettext_lazy("Text cannot hold a NUL character.")
Text = Annotated[str, Strict(), *matching(NO_NUL, NUL)]
Words = Annotated[str, Strict(), *matching(SOMETHING, gettext_lazy("Write a few words."))]
# The diary's own sentences where the web says them too.
MomentWords = Annotated[
    str, Strict(), *matching(SOMETHING, gettext_lazy("Write a few words about the moment."))
]
Name = Annotated[str, Strict(), Field(max_length=NAME_MAX), *matching(NO_NUL, NUL)]
Line = Annotated[str, Strict(), Field(max_length=LINE_MAX), *matching(NO_NUL, NUL)]
SearchWords = Annotated[str, Field(max_length=QUERY_MAX), *matching(NO_NUL, NUL)]
# A photo: a picture file (JPEG, PNG, WebP, HEIC …) as base64; the server re-encodes it.
Picture = Annotated[
    str,
    Strict(),
    WithJsonSchema(
        {
            "type": "string",
            "format": "picture",
            "contentEncoding": "base64",
            "description": "A picture file (JPEG, PNG, WebP, HEIC …) as base64.",
        }
    ),
]
# Versions are stored as 32-bit integers (PostgreSQL's integer) on every database.
VERSION_MAX = 2_147_483_647


class Error(Schema):
    error: str = Field(description="One sentence saying what went wrong.")
    field: str | None = Field(None, description="The input field it is about, if one.")


class Page(Schema):
    next: str | None = Field(description="Pass as `cursor` for the next page; null at the end.")


ERRORS: dict[int, Any] = {400: Error, 401: Error, 403: Error, 404: Error}
DEFAULT_LIMIT = 50
MAX_LIMIT = 200
Limit = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="How many at most.")  # type: ignore[type-arg]
