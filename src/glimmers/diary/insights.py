"""Simple figures about a person's practice, shown gently (never as a score)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from glimmers.diary.choices import Sense
from glimmers.diary.models import Bean, Glimmer, Trigger
from glimmers.diary.services import beans_on


def summary(owner: Any) -> dict[str, Any]:
    """Counts of glimmers, days, senses, kinds, triggers and beans, read in a few sweeps."""
    glimmers = Glimmer.objects.filter(owner=owner, trashed_at__isnull=True)
    week_ago = timezone.now() - timedelta(days=7)
    zone = timezone.get_current_timezone()
    counts = glimmers.aggregate(
        total=Count("id"),
        recent=Count("id", filter=Q(noticed_at__gte=week_ago)),
        **{sense: Count("id", filter=Q(senses__has=sense)) for sense in Sense.values},
    )
    days = (
        glimmers.annotate(day=TruncDate("noticed_at", tzinfo=zone)).values("day").distinct().count()
    )
    kinds = dict(glimmers.order_by().values_list("kind").annotate(n=Count("id")))
    return {
        "glimmers": counts["total"],
        "glimmers_last_7_days": counts["recent"],
        "days_with_glimmers": days,
        "triggers": Trigger.objects.filter(owner=owner, trashed_at__isnull=True).count(),
        "beans": Bean.objects.filter(owner=owner).count(),
        "beans_today": beans_on(owner, timezone.localdate()),
        "senses": {sense: counts[sense] for sense in Sense.values},
        "kinds": dict(sorted(kinds.items())),
    }
