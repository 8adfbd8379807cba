"""Bringing old glimmers back: on this day in earlier years, a jar to draw one from, and a
look back at a week. Each reads a handful of rows, however long the diary is."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Q, QuerySet
from django.utils import timezone

from glimmers.diary.models import DayTally, Glimmer


def _day_range(day: date) -> Q:
    zone = timezone.get_current_timezone()
    start = datetime.combine(day, datetime.min.time(), tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=zone)
    return Q(noticed_at__gte=start, noticed_at__lt=end)


def _on_days(owner: User, days: list[date]) -> QuerySet[Glimmer]:
    if not days:
        return Glimmer.objects.none()
    ranges = Q()
    for day in days:
        ranges |= _day_range(day)
    return Glimmer.objects.filter(ranges, owner=owner, trashed_at__isnull=True)


PER_YEAR = 3


def on_this_day(owner: User, today: date | None = None) -> list[tuple[int, list[Glimmer], int]]:
    """(year, up to three glimmers, how many that day held) for this month and day in
    earlier years, newest year first; the strongest and latest of a day come first. On 28
    February of a year without a 29th, the 29ths of leap years come along."""
    today = today or timezone.localdate()
    same = Q(day__month=today.month, day__day=today.day)
    if (today.month, today.day) == (2, 28) and not _leap(today.year):
        same |= Q(day__month=2, day__day=29)
    days = list(
        DayTally.objects.filter(same, owner=owner, glimmers__gt=0, day__lt=today).values_list(
            "day", flat=True
        )
    )
    # Light rows first (a busy day can hold dozens), then only the few that are shown.
    by_year: dict[int, list[tuple[int, datetime, Any]]] = {}
    for glimmer_id, noticed_at, intensity in _light_rows(owner, days):
        year = timezone.localtime(noticed_at).year
        by_year.setdefault(year, []).append((intensity or 0, noticed_at, glimmer_id))
    chosen = {
        year: [glimmer_id for *_key, glimmer_id in sorted(rows, reverse=True)[:PER_YEAR]]
        for year, rows in by_year.items()
    }
    wanted = [glimmer_id for ids in chosen.values() for glimmer_id in ids]
    glimmers = Glimmer.objects.filter(id__in=wanted).prefetch_related("tags", "photos").in_bulk()
    return [
        (year, [glimmers[glimmer_id] for glimmer_id in chosen[year]], len(by_year[year]))
        for year in sorted(chosen, reverse=True)
    ]


def _light_rows(owner: User, days: list[date]) -> list[tuple[Any, datetime, int | None]]:
    """(id, noticed_at, intensity) of the glimmers on these days: one index range per day,
    joined with UNION ALL (an OR of ranges would make the database read the whole diary)."""
    alive = Glimmer.objects.filter(owner=owner, trashed_at__isnull=True).order_by()
    parts = [
        alive.filter(_day_range(day)).values_list("id", "noticed_at", "intensity") for day in days
    ]
    if not parts:
        return []
    if len(parts) == 1:
        return list(parts[0])
    return list(parts[0].union(*parts[1:], all=True))


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


ANCHORED_SHARE = 0.3  # how often the jar reaches straight for an anchored glimmer


def from_the_jar(owner: User, *, chance: random.Random | None = None) -> Glimmer | None:
    """A past glimmer drawn at random, leaning toward the ones a person anchored with a
    pause or marked strong (intensity 4–5).

    Now and then an anchored glimmer is drawn directly; otherwise a day is drawn first,
    weighted by what it holds, then a glimmer from it, anchored and strong ones three times
    as likely. A few small queries, never a scan of the whole diary. Today is left out.
    """
    from glimmers.practice.models import Pause

    chance = chance or random.Random()  # noqa: S311 - a surprise, not a secret
    today = timezone.localdate()
    zone = timezone.get_current_timezone()
    start_of_today = datetime.combine(today, datetime.min.time(), tzinfo=zone)
    anchored = set(
        Pause.objects.filter(
            owner=owner,
            glimmer__trashed_at__isnull=True,
            glimmer__noticed_at__lt=start_of_today,
        ).values_list("glimmer_id", flat=True)
    )
    if anchored and chance.random() < ANCHORED_SHARE:
        return Glimmer.objects.filter(id=chance.choice(sorted(anchored))).first()
    days = list(
        DayTally.objects.filter(owner=owner, glimmers__gt=0, day__lt=today).values_list(
            "day", "glimmers", "strong"
        )
    )
    if not days:
        return None
    day = chance.choices([d for d, _n, _s in days], [n + 2 * s for _d, n, s in days])[0]
    glimmers = list(
        _on_days(owner, [day]).prefetch_related("tags", "photos").order_by("noticed_at", "id")
    )
    if not glimmers:
        return None
    weights = [3 if (g.intensity or 0) >= 4 or g.id in anchored else 1 for g in glimmers]
    return chance.choices(glimmers, weights)[0]


def week_of(day: date) -> tuple[date, date]:
    """The Monday and Sunday of the week holding `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def week(owner: User, monday: date) -> QuerySet[Glimmer]:
    zone = timezone.get_current_timezone()
    start = datetime.combine(monday, datetime.min.time(), tzinfo=zone)
    end = datetime.combine(monday + timedelta(days=7), datetime.min.time(), tzinfo=zone)
    return Glimmer.objects.filter(
        owner=owner, trashed_at__isnull=True, noticed_at__gte=start, noticed_at__lt=end
    ).order_by("noticed_at", "id")


PER_DAY = 5


def week_glimmers(
    owner: User, monday: date
) -> tuple[dict[date, list[Glimmer]], dict[date, int], Counter[str]]:
    """For each day of the week: up to five glimmers (strongest, then latest), how many the
    day held, and the senses of the whole week. Light rows first; only the shown few whole."""
    rows: dict[date, list[tuple[int, datetime, Any]]] = {}
    senses: Counter[str] = Counter()
    light = week(owner, monday).values_list("id", "noticed_at", "intensity", "senses")
    for glimmer_id, noticed_at, intensity, stored in light:
        day = timezone.localdate(noticed_at)
        rows.setdefault(day, []).append((intensity or 0, noticed_at, glimmer_id))
        senses.update(stored.split() if isinstance(stored, str) else stored)
    chosen = {
        day: [glimmer_id for *_key, glimmer_id in sorted(found, reverse=True)[:PER_DAY]]
        for day, found in rows.items()
    }
    wanted = [glimmer_id for ids in chosen.values() for glimmer_id in ids]
    glimmers = Glimmer.objects.filter(id__in=wanted).prefetch_related("tags", "photos").in_bulk()
    shown = {
        day: sorted((glimmers[i] for i in ids), key=lambda g: g.noticed_at)
        for day, ids in chosen.items()
    }
    return shown, {day: len(found) for day, found in rows.items()}, senses
