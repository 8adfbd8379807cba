"""Figures kept beside the diary so insights never sweep ten years of entries."""

from __future__ import annotations

from django.conf import settings
from django.db import models


def hours_default() -> list[int]:
    return [0] * 24


class DayTally(models.Model):
    """How a person's day went in numbers, in their own time zone: recounted from the
    entries whenever one of that day's entries changes, so it can never drift for long."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="day_tallies"
    )
    day = models.DateField()
    glimmers = models.PositiveIntegerField(default=0)
    strong = models.PositiveIntegerField(default=0)  # glimmers with intensity 4 or 5
    triggers = models.PositiveIntegerField(default=0)
    beans = models.PositiveIntegerField(default=0)
    senses = models.JSONField(default=dict)  # sense -> glimmers that day noticed through it
    kinds = models.JSONField(default=dict)  # kind -> glimmers that day
    hours = models.JSONField(default=hours_default)  # glimmers per local hour, 0–23

    class Meta:
        ordering = ["day"]
        constraints = [models.UniqueConstraint("owner", "day", name="one_tally_a_day")]

    def __str__(self) -> str:
        return f"{self.day}: {self.glimmers}"
