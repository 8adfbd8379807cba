"""What the insights page and `glimmers stats` show, read from day tallies (a row a day at
most, so ten years are a few thousand small rows, whatever the number of glimmers)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from glimmers.diary.choices import Kind, Sense
from glimmers.diary.models import Intention
from glimmers.insights.models import DayTally

TALLY_FIELDS = ("day", "glimmers", "strong", "triggers", "beans", "senses", "kinds", "hours")


@dataclass
class Day:
    day: date
    glimmers: int
    strong: int
    triggers: int
    beans: int
    senses: dict[str, int]
    kinds: dict[str, int]
    hours: list[int]


@dataclass
class Figures:
    """A person's practice in numbers; every series is plain data a chart or a table reads."""

    today: date
    days: list[Day] = field(default_factory=list)

    @property
    def glimmers(self) -> int:
        return sum(day.glimmers for day in self.days)

    def summary(self, *, beans_today: int | None = None) -> dict[str, Any]:
        """The figures `glimmers stats --json` prints (names kept stable)."""
        week = self.today - timedelta(days=6)
        senses: Counter[str] = Counter()
        kinds: Counter[str] = Counter()
        for day in self.days:
            senses.update(day.senses)
            kinds.update(day.kinds)
        return {
            "glimmers": self.glimmers,
            "glimmers_last_7_days": sum(d.glimmers for d in self.days if d.day >= week),
            "days_with_glimmers": sum(1 for day in self.days if day.glimmers),
            "triggers": sum(day.triggers for day in self.days),
            "beans": sum(day.beans for day in self.days),
            "beans_today": sum(d.beans for d in self.days if d.day == self.today),
            "senses": {sense: senses[sense] for sense in Sense.values},
            "kinds": {kind: kinds[kind] for kind in sorted(kinds)},
        }

    def weekly(self, weeks: int = 52) -> list[tuple[date, int]]:
        """Glimmers per week (weeks start on Monday), oldest first, ending this week."""
        this_monday = self.today - timedelta(days=self.today.weekday())
        first = this_monday - timedelta(weeks=weeks - 1)
        counts: Counter[date] = Counter()
        for day in self.days:
            if day.day >= first:
                counts[day.day - timedelta(days=day.day.weekday())] += day.glimmers
        return [
            (first + timedelta(weeks=n), counts[first + timedelta(weeks=n)]) for n in range(weeks)
        ]

    def monthly(self) -> list[tuple[date, int, int, int]]:
        """(first of month, glimmers, triggers, beans) from the first month with anything."""
        if not self.days:
            return []
        counts: dict[date, list[int]] = {}
        for day in self.days:
            month = counts.setdefault(day.day.replace(day=1), [0, 0, 0])
            month[0] += day.glimmers
            month[1] += day.triggers
            month[2] += day.beans
        months: list[tuple[date, int, int, int]] = []
        first = self.days[0].day.replace(day=1)
        end = self.today.replace(day=1)
        while first <= end:
            glimmers, triggers, beans = counts.get(first, [0, 0, 0])
            months.append((first, glimmers, triggers, beans))
            first = (first + timedelta(days=32)).replace(day=1)
        return months

    def senses(self) -> list[tuple[str, str, int]]:
        totals: Counter[str] = Counter()
        for day in self.days:
            totals.update(day.senses)
        return [(sense.value, str(sense.label), totals[sense.value]) for sense in Sense]

    def kinds(self) -> list[tuple[str, str, int]]:
        totals: Counter[str] = Counter()
        for day in self.days:
            totals.update(day.kinds)
        return [(kind.value, str(kind.label), totals[kind.value]) for kind in Kind]

    def hours(self) -> list[int]:
        totals = [0] * 24
        for day in self.days:
            for hour, count in enumerate(day.hours):
                totals[hour] += count
        return totals

    def weekdays(self) -> list[int]:
        """Glimmers by weekday, Monday first."""
        totals = [0] * 7
        for day in self.days:
            totals[day.day.weekday()] += day.glimmers
        return totals

    def year(self, year: int) -> dict[date, int]:
        return {day.day: day.glimmers for day in self.days if day.day.year == year}

    def years(self) -> list[int]:
        return sorted({day.day.year for day in self.days} | {self.today.year}, reverse=True)

    def on(self, when: date) -> Day | None:
        return next((day for day in self.days if day.day == when), None)


def figures_for(owner: Any) -> Figures:
    """All of a person's day tallies, oldest first."""
    rows = DayTally.objects.filter(owner=owner).order_by("day").values_list(*TALLY_FIELDS)
    return Figures(
        today=timezone.localdate(),
        days=[Day(*row) for row in rows],
    )


def intentions_kept(owner: Any, figures: Figures, days: int = 90) -> tuple[int, int]:
    """(days with an intention, of those the days with a glimmer too), over the last `days`."""
    since = figures.today - timedelta(days=days - 1)
    set_on = set(
        Intention.objects.filter(owner=owner, day__gte=since).values_list("day", flat=True)
    )
    noticed = {day.day for day in figures.days if day.day >= since and day.glimmers}
    return len(set_on), len(set_on & noticed)


def summary(owner: Any) -> dict[str, Any]:
    """Counts of glimmers, days, senses, kinds, triggers and beans."""
    return figures_for(owner).summary()
