"""Simple figures about a person's practice, shown gently (never as a score)."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from typing import Any

from django.db.models import Count
from django.utils import timezone

from glimmers.diary.choices import Sense
from glimmers.diary.models import Bean, Glimmer, Trigger
from glimmers.diary.services import beans_on
from glimmers.lib.folding import LocalDate


def summary(owner: Any) -> dict[str, Any]:
    """Counts of glimmers, days, senses, kinds, triggers and beans, read in a few sweeps."""
    glimmers = Glimmer.objects.filter(owner=owner, trashed_at__isnull=True).order_by()
    week_ago = timezone.now() - timedelta(days=7)
    zone = str(timezone.get_current_timezone())
    # One sweep: how many glimmers have each combination of senses and kind (a few hundred
    # rows at most), summed here into totals per sense and per kind.
    senses: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for combination, kind, count in glimmers.values_list("senses", "kind").annotate(n=Count("id")):
        kinds[kind] += count
        for sense in combination:
            senses[sense] += count
    days = glimmers.annotate(day=LocalDate("noticed_at", zone)).values("day").distinct().count()
    return {
        "glimmers": sum(kinds.values()),
        "glimmers_last_7_days": glimmers.filter(noticed_at__gte=week_ago).count(),
        "days_with_glimmers": days,
        "triggers": Trigger.objects.filter(owner=owner, trashed_at__isnull=True).count(),
        "beans": Bean.objects.filter(owner=owner).count(),
        "beans_today": beans_on(owner, timezone.localdate()),
        "senses": {sense: senses[sense] for sense in Sense.values},
        "kinds": dict(sorted(kinds.items())),
    }
