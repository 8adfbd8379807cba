"""Read the times people type: ISO dates and a few plain words ("yesterday 18:00").

Small and strict on purpose: anything it cannot read is an error, never a guess.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, tzinfo

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
UNITS = {
    "minute": timedelta(minutes=1),
    "min": timedelta(minutes=1),
    "hour": timedelta(hours=1),
    "h": timedelta(hours=1),
    "day": timedelta(days=1),
    "d": timedelta(days=1),
    "week": timedelta(weeks=1),
    "w": timedelta(weeks=1),
}
# A date without a time means the middle of that day, so no time zone moves it to another.
DATE_ONLY_TIME = time(12, 0)

_AGO = re.compile(r"^(\d+)\s*([a-z]+?)s?\s+ago$")
_CLOCK = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


class WhenError(ValueError):
    """Text that is not a time Glimmers can read."""


def parse_when(text: str, *, now: datetime, zone: tzinfo) -> datetime:
    """Turn `text` into an aware datetime, reading plain words relative to `now` in `zone`."""
    words = " ".join(text.strip().lower().split())
    if not words:
        raise WhenError("empty")
    local_now = now.astimezone(zone)
    if words == "now":
        return local_now
    match = _AGO.match(words)
    if match and match.group(2) in UNITS:
        return local_now - int(match.group(1)) * UNITS[match.group(2)]
    iso = _parse_iso(words, zone)
    if iso is not None:
        return iso
    day_word, _, clock_word = re.sub(r"^last ", "last-", words).partition(" ")
    day = _parse_day(day_word, local_now.date())
    if day is None:
        # Only a clock time: today at that time.
        day, clock_word = local_now.date(), words
    clock = _parse_clock(clock_word) if clock_word else DATE_ONLY_TIME
    if day_word in ("today", "yesterday") and not clock_word:
        clock = local_now.time() if day_word == "today" else DATE_ONLY_TIME
    return datetime.combine(day, clock, tzinfo=zone)


def _parse_iso(words: str, zone: tzinfo) -> datetime | None:
    dotted = _DOTTED.match(words)
    if dotted:
        day_, month, year = (int(part) for part in dotted.groups())
        try:
            return datetime.combine(date(year, month, day_), DATE_ONLY_TIME, tzinfo=zone)
        except ValueError:
            raise WhenError(words) from None
    if not re.match(r"^\d{4}-\d{2}-\d{2}", words):
        return None
    try:
        if len(words) == 10:
            return datetime.combine(date.fromisoformat(words), DATE_ONLY_TIME, tzinfo=zone)
        parsed = datetime.fromisoformat(words.replace("z", "+00:00"))
    except ValueError:
        raise WhenError(words) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)


def _parse_day(word: str, today: date) -> date | None:
    if word == "today":
        return today
    if word == "yesterday":
        return today - timedelta(days=1)
    name = word.removeprefix("last-")
    if name in WEEKDAYS:
        back = (today.weekday() - WEEKDAYS.index(name)) % 7 or 7
        return today - timedelta(days=back)
    return None


def _parse_clock(word: str) -> time:
    word = word.removeprefix("at ").strip()
    match = _CLOCK.match(word)
    if not match:
        raise WhenError(word)
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if half:
        if not 1 <= hour <= 12:
            raise WhenError(word)
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise WhenError(word)
    return time(hour, minute)
