"""What the insights page and `glimmers stats` show, summed by the database from day tallies
(a row a day at most), so each figure is one small query whatever the size of the diary."""

from __future__ import annotations

import functools
from datetime import date, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Count, Min, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from glimmers.diary.choices import Sense
from glimmers.diary.models import (
    ALL_COUNTS,
    HOUR_FIELDS,
    KIND_FIELDS,
    SENSE_FIELDS,
    DayTally,
    Intention,
)


class Figures:
    """A person's practice in numbers; every series is plain data a chart or a table reads."""

    def __init__(self, owner: User, today: date | None = None) -> None:
        self.owner = owner
        self.today = today or timezone.localdate()
        self.first_day: date | None = None

    @property
    def tallies(self) -> QuerySet[DayTally]:
        return DayTally.objects.filter(owner=self.owner).order_by()

    @functools.cached_property
    def totals(self) -> dict[str, int]:
        """Every count summed over all days, plus days with glimmers and the last 7 days."""
        week = Q(day__gte=self.today - timedelta(days=6))
        # Aliases must differ from the column names, or later aggregates would see the sums.
        sums = self.tallies.aggregate(
            **{f"all_{name}": Sum(name) for name in ALL_COUNTS},
            all_days=Count("id", filter=Q(glimmers__gt=0)),
            all_last_7_days=Sum("glimmers", filter=week),
            all_beans_today=Sum("beans", filter=Q(day=self.today)),
            first_day=Min("day"),
        )
        self.first_day = sums.pop("first_day")
        return {name.removeprefix("all_"): value or 0 for name, value in sums.items()}

    @property
    def empty(self) -> bool:
        totals = self.totals
        return not (totals["glimmers"] or totals["triggers"] or totals["beans"])

    def summary(self) -> dict[str, Any]:
        """The figures `glimmers stats --json` prints (names kept stable)."""
        totals = self.totals
        kinds = {kind: totals[field] for kind, field in KIND_FIELDS.items() if totals[field]}
        return {
            "glimmers": totals["glimmers"],
            "glimmers_last_7_days": totals["last_7_days"],
            "days_with_glimmers": totals["days"],
            "triggers": totals["triggers"],
            "beans": totals["beans"],
            "beans_today": totals["beans_today"],
            "senses": {sense: totals[field] for sense, field in SENSE_FIELDS.items()},
            "kinds": dict(sorted(kinds.items())),
        }

    def record(self) -> dict[str, Any]:
        """The figures `glimmers stats --json` prints and the API answers: the summary, then
        glimmers per week (the last 52), per hour of the day and per weekday."""
        return {
            **self.summary(),
            "weeks": [
                {"week": monday.isoformat(), "glimmers": count} for monday, count in self.weekly(52)
            ],
            "hours": self.hours(),
            "weekdays": self.weekdays(),
        }

    def senses(self) -> list[tuple[str, str, int]]:
        return [(s.value, str(s.label), self.totals[SENSE_FIELDS[s.value]]) for s in Sense]

    def hours(self) -> list[int]:
        return [self.totals[name] for name in HOUR_FIELDS]

    @functools.cached_property
    def _weekdays(self) -> list[int]:
        rows = self.tallies.values("weekday").annotate(n=Sum("glimmers"))
        by_day = {row["weekday"]: row["n"] or 0 for row in rows}
        return [by_day.get(number, 0) for number in range(7)]

    def weekdays(self) -> list[int]:
        """Glimmers by weekday, Monday first."""
        return self._weekdays

    def weekly(self, weeks: int = 52) -> list[tuple[date, int]]:
        """Glimmers per week (weeks start on Monday), oldest first, ending this week."""
        this_monday = self.today - timedelta(days=self.today.weekday())
        first = this_monday - timedelta(weeks=weeks - 1)
        counts: dict[date, int] = {}
        for day, count in self.tallies.filter(day__gte=first).values_list("day", "glimmers"):
            monday = day - timedelta(days=day.weekday())
            counts[monday] = counts.get(monday, 0) + count
        mondays = [first + timedelta(weeks=n) for n in range(weeks)]
        return [(monday, counts.get(monday, 0)) for monday in mondays]

    def monthly(self, months: int = 12) -> list[tuple[date, int, int, int]]:
        """(first of month, glimmers, triggers, beans) for the last `months` months."""
        first = self.today.replace(day=1)
        for _ in range(months - 1):
            first = (first - timedelta(days=1)).replace(day=1)
        rows = (
            self.tallies.filter(day__gte=first)
            .annotate(month=TruncMonth("day"))
            .values("month")
            .annotate(g=Sum("glimmers"), t=Sum("triggers"), b=Sum("beans"))
        )
        found = {row["month"]: (row["g"], row["t"], row["b"]) for row in rows}
        out = []
        month = first
        while month <= self.today:
            glimmers, triggers, beans = found.get(month, (0, 0, 0))
            out.append((month, glimmers, triggers, beans))
            month = (month + timedelta(days=32)).replace(day=1)
        return out

    def year(self, year: int) -> dict[date, int]:
        rows = self.tallies.filter(day__year=year, glimmers__gt=0)
        return dict(rows.values_list("day", "glimmers"))

    def years(self) -> list[int]:
        """From this year back to the first one with anything in it."""
        first = self.first_day.year if self.totals and self.first_day else self.today.year
        return list(range(max(self.today.year, first), first - 1, -1))


def figures_for(owner: User) -> Figures:
    return Figures(owner)


def intentions_kept(owner: User, figures: Figures, days: int = 90) -> tuple[int, int]:
    """(days with an intention, of those the days with a glimmer too), over the last `days`."""
    since = figures.today - timedelta(days=days - 1)
    set_on = set(
        Intention.objects.filter(owner=owner, day__gte=since).values_list("day", flat=True)
    )
    noticed = set(
        figures.tallies.filter(day__in=set_on, glimmers__gt=0).values_list("day", flat=True)
    )
    return len(set_on), len(noticed)


def summary(owner: User) -> dict[str, Any]:
    """Counts of glimmers, days, senses, kinds, triggers and beans."""
    return Figures(owner).summary()
