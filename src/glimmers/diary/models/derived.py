"""What is kept beside the diary, derived from it and rebuilt at will: the search index
and the day tallies. Both are written in the same transaction as the entries they count."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from glimmers.diary.choices import Kind, Sense
from glimmers.diary.models.entries import Glimmer


class SearchDocument(models.Model):
    """Everything a person wrote about one glimmer, folded for searching (see `search`), and
    the facts a search can be narrowed by (senses, kind, tags, people, month), as tokens.

    Derived data, rebuilt from the glimmer at will. SQLite indexes it in an FTS5 table kept
    in step by triggers; PostgreSQL in a generated tsvector column with a GIN index (both
    made in migrations 0005 and 0006).
    """

    glimmer = models.OneToOneField(Glimmer, on_delete=models.CASCADE, related_name="search")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    document = models.TextField()
    facts = models.TextField(default="")

    def __str__(self) -> str:
        return self.document[:60]


# Plain integer columns (not JSON), so the database sums ten years of days in one query.
SENSE_FIELDS = {sense: f"sense_{sense}" for sense in Sense.values}
KIND_FIELDS = {kind: f"kind_{kind.replace('-', '_')}" for kind in Kind.values}
HOUR_FIELDS = [f"hour_{hour:02d}" for hour in range(24)]
COUNT_FIELDS = ["glimmers", "strong", "triggers", "beans"]
ALL_COUNTS = [*COUNT_FIELDS, *SENSE_FIELDS.values(), *KIND_FIELDS.values(), *HOUR_FIELDS]


class DayTally(models.Model):
    """How a person's day went in numbers, in their own time zone: recounted from the
    entries whenever one of that day's entries changes, so it can never drift for long.

    Besides the counts below it has a column per sense (`sense_sight`, …), per kind
    (`kind_moment`, …) and per local hour (`hour_00` … `hour_23`) of that day's glimmers.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="day_tallies"
    )
    day = models.DateField()
    weekday = models.PositiveSmallIntegerField(default=0)  # Monday is 0, as date.weekday()
    glimmers = models.PositiveIntegerField(default=0)
    strong = models.PositiveIntegerField(default=0)  # glimmers with intensity 4 or 5
    triggers = models.PositiveIntegerField(default=0)
    beans = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["day"]
        constraints = [models.UniqueConstraint("owner", "day", name="one_tally_a_day")]

    def __str__(self) -> str:
        return f"{self.day}: {self.glimmers}"


for _name in [*SENSE_FIELDS.values(), *KIND_FIELDS.values(), *HOUR_FIELDS]:
    DayTally.add_to_class(_name, models.PositiveIntegerField(default=0))
