"""Keeping day tallies in step with the diary.

`refresh` recounts the days a change touched, inside the caller's transaction and with the
day's row locked, so two captures on the same day can't both write a stale count.
`rebuild` recounts a whole diary (after an import, a restore or a new time zone).

An entry written in a zone of its own (imported from a journal kept while travelling) counts
on the day and at the hour its writer saw, as the timeline shows it.
"""

from __future__ import annotations

import zoneinfo
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from glimmers.diary.models import (
    ALL_COUNTS,
    HOUR_FIELDS,
    KIND_FIELDS,
    SENSE_FIELDS,
    Bean,
    DayTally,
    Glimmer,
    Trigger,
    time_zone_of,
)

GLIMMER_FIELDS = ("noticed_at", "time_zone", "senses", "kind", "intensity")
# How far an entry's own zone may put its day from the diary's: a day either side is more
# than any two zones on Earth are apart (26 hours).
ZONE_REACH = timedelta(days=1)


def local_day(moment: datetime, zone: zoneinfo.ZoneInfo) -> date:
    return moment.astimezone(zone).date()


def _on_own_clock(moment: datetime, own: str, zone: zoneinfo.ZoneInfo) -> datetime:
    """The moment on its writer's clock: its own zone where it has one, else the diary's."""
    return moment.astimezone(zoneinfo.ZoneInfo(own) if own else zone)


def _bounds(day: date, zone: zoneinfo.ZoneInfo) -> tuple[datetime, datetime]:
    start = datetime.combine(day, datetime.min.time(), tzinfo=zone)
    return start, datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=zone)


class _Counts:
    def __init__(self) -> None:
        self.glimmers = self.strong = self.triggers = self.beans = 0
        self.senses: dict[str, int] = defaultdict(int)
        self.kinds: dict[str, int] = defaultdict(int)
        self.hours = [0] * 24

    def add_glimmer(
        self, moment: datetime, senses: Iterable[str], kind: str, intensity: int | None
    ) -> None:
        self.glimmers += 1
        self.kinds[kind] += 1
        self.strong += 1 if intensity and intensity >= 4 else 0
        self.hours[moment.hour] += 1
        for sense in senses:
            self.senses[sense] += 1

    @property
    def empty(self) -> bool:
        return not (self.glimmers or self.triggers or self.beans)

    def fields(self) -> dict[str, Any]:
        values = {name: 0 for name in ALL_COUNTS}
        values.update(
            glimmers=self.glimmers, strong=self.strong, triggers=self.triggers, beans=self.beans
        )
        for sense, count in self.senses.items():
            values[SENSE_FIELDS[sense]] = count
        for kind, count in self.kinds.items():
            values[KIND_FIELDS[kind]] = count
        for name, count in zip(HOUR_FIELDS, self.hours, strict=True):
            values[name] = count
        return values


def refresh(owner: User, moments: Iterable[datetime | None], zones: Iterable[str] = ()) -> None:
    """Recount the owner's days that hold any of these moments (in the diary's zone, and in
    `zones`, the entry's own where it has one)."""
    zone = time_zone_of(owner)
    clocks = [zone, *(zoneinfo.ZoneInfo(name) for name in set(zones) if name)]
    days = sorted(
        {local_day(moment, clock) for moment in moments if moment is not None for clock in clocks}
    )
    if not days:
        return
    with transaction.atomic():
        # The row exists before it is locked, so the lock always has something to hold.
        DayTally.objects.bulk_create(
            [DayTally(owner=owner, day=day, weekday=day.weekday()) for day in days],
            ignore_conflicts=True,
        )
        locked = DayTally.objects.select_for_update().filter(owner=owner, day__in=days)
        rows = {tally.day: tally for tally in locked.order_by("day")}
        for day in days:
            _recount(owner, rows[day], zone)


def _recount(owner: User, tally: DayTally, zone: zoneinfo.ZoneInfo) -> None:
    start, end = _bounds(tally.day, zone)
    # Entries near the day, in case their own zone puts them on it.
    near = {
        "owner": owner,
        "trashed_at__isnull": True,
        "noticed_at__gte": start - ZONE_REACH,
        "noticed_at__lt": end + ZONE_REACH,
    }
    counts = _Counts()
    for moment, own, senses, kind, intensity in Glimmer.objects.filter(**near).values_list(
        *GLIMMER_FIELDS
    ):
        local = _on_own_clock(moment, own, zone)
        if local.date() == tally.day:
            counts.add_glimmer(local, _senses(senses), kind, intensity)
    counts.triggers = sum(
        1
        for moment, own in Trigger.objects.filter(**near).values_list("noticed_at", "time_zone")
        if _on_own_clock(moment, own, zone).date() == tally.day
    )
    counts.beans = Bean.objects.filter(
        owner=owner, counted_at__gte=start, counted_at__lt=end
    ).count()
    if counts.empty:
        tally.delete()
        return
    for name, value in counts.fields().items():
        setattr(tally, name, value)
    tally.save()


def rebuild(owner: User) -> int:
    """Recount every day of a diary from its entries; returns how many days hold something."""
    zone = time_zone_of(owner)
    days: dict[date, _Counts] = defaultdict(_Counts)
    alive = Glimmer.objects.filter(owner=owner, trashed_at__isnull=True).order_by()
    for moment, own, senses, kind, intensity in alive.values_list(*GLIMMER_FIELDS).iterator(5000):
        local = _on_own_clock(moment, own, zone)
        days[local.date()].add_glimmer(local, _senses(senses), kind, intensity)
    triggers = Trigger.objects.filter(owner=owner, trashed_at__isnull=True).order_by()
    for moment, own in triggers.values_list("noticed_at", "time_zone").iterator(chunk_size=5000):
        days[_on_own_clock(moment, own, zone).date()].triggers += 1
    beans = Bean.objects.filter(owner=owner).order_by()
    for (moment,) in beans.values_list("counted_at").iterator(chunk_size=5000):
        days[local_day(moment, zone)].beans += 1
    with transaction.atomic():
        DayTally.objects.filter(owner=owner).delete()
        DayTally.objects.bulk_create(
            [
                DayTally(owner=owner, day=day, weekday=day.weekday(), **counts.fields())
                for day, counts in days.items()
            ],
            batch_size=1000,
        )
    return len(days)


def _senses(stored: Any) -> list[str]:
    # values_list may hand the stored text back without from_db_value
    return stored.split() if isinstance(stored, str) else list(stored)
