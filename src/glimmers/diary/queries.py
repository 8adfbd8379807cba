"""Finding glimmers: the filters and the search that the CLI, the web and the API share.

`Filters` is the one shape of "narrowed by": the web's query, the API's query parameters
and the CLI's flags all become one, checked here once."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Case, QuerySet, Value, When
from django.utils import timezone

from glimmers.diary import search as search_index
from glimmers.diary.choices import check_kind
from glimmers.diary.fields import normalize_senses
from glimmers.diary.models import Glimmer, Person, Tag, Trigger
from glimmers.lib.folding import fold


@dataclass(frozen=True)
class Filters:
    """What a list of glimmers is narrowed by; every one given must hold (a `since` after
    the `until` holds for nothing)."""

    since: datetime | None = None
    until: datetime | None = None
    sense: str | None = None
    kind: str | None = None
    tag: str | None = None
    person: str | None = None

    def __post_init__(self) -> None:
        # Empty text is "not narrowed"; a sense or kind Glimmers does not know is an error.
        for name in ("sense", "kind", "tag", "person"):
            if not (getattr(self, name) or "").strip():
                object.__setattr__(self, name, None)
        if self.sense is not None:
            object.__setattr__(self, "sense", normalize_senses([self.sense])[0])
        if self.kind is not None:
            check_kind(self.kind)

    @classmethod
    def of_days(cls, since: date | None, until: date | None, **rest: Any) -> Filters:
        """Whole days in the current time zone: from the start of `since` to the end of
        `until` (a form's dates)."""
        zone = timezone.get_current_timezone()
        start = datetime.combine(since, time.min, zone) if since else None
        end = (
            datetime.combine(until + timedelta(days=1), time.min, zone) - timedelta(microseconds=1)
            if until
            else None
        )
        return cls(since=start, until=end, **rest)

    def __bool__(self) -> bool:
        return any(getattr(self, item.name) is not None for item in fields(self))

    def as_dict(self) -> dict[str, Any]:
        return {item.name: getattr(self, item.name) for item in fields(self)}

    def narrow(self, owner: User, glimmers: QuerySet[Glimmer]) -> QuerySet[Glimmer]:
        if self.since is not None:
            glimmers = glimmers.filter(noticed_at__gte=self.since)
        if self.until is not None:
            glimmers = glimmers.filter(noticed_at__lte=self.until)
        if self.sense:
            glimmers = glimmers.filter(senses__has=self.sense)
        if self.kind:
            glimmers = glimmers.filter(kind=self.kind)
        if self.tag:
            glimmers = glimmers.filter(tags__name=Tag.normalize(self.tag))
        if self.person:
            # A person's circle of names is small: match it here, whatever the case or script.
            wanted = fold(Person.normalize(self.person))
            names = Person.objects.filter(owner=owner).values_list("id", "name")
            glimmers = glimmers.filter(
                people__in=[pk for pk, name in names if fold(name) == wanted]
            )
        return glimmers

    def narrow_triggers(self, triggers: QuerySet[Trigger]) -> QuerySet[Trigger]:
        """Triggers have times and senses; kinds, tags and people are glimmers' alone."""
        if self.since is not None:
            triggers = triggers.filter(noticed_at__gte=self.since)
        if self.until is not None:
            triggers = triggers.filter(noticed_at__lte=self.until)
        if self.sense:
            triggers = triggers.filter(senses__has=self.sense)
        return triggers


NO_FILTERS = Filters()


def timeline(owner: User, filters: Filters = NO_FILTERS) -> QuerySet[Glimmer]:
    """A person's glimmers outside the trash, newest first, narrowed by any filter given."""
    glimmers = Glimmer.objects.filter(owner=owner, trashed_at__isnull=True)
    return filters.narrow(owner, glimmers).order_by("-noticed_at", "-id")


def triggers(owner: User, filters: Filters = NO_FILTERS) -> QuerySet[Trigger]:
    """A person's triggers outside the trash, newest first, narrowed by time and sense."""
    found = Trigger.objects.filter(owner=owner, trashed_at__isnull=True)
    return filters.narrow_triggers(found).order_by("-noticed_at", "-id")


def search(
    owner: User, query: str, filters: Filters = NO_FILTERS, *, limit: int | None = None
) -> QuerySet[Glimmer]:
    """A person's glimmers (outside the trash) holding every word of `query` as a word or the
    start of one, in their words, sense lines, body note, tags or people; best match first.
    Case, ß and apostrophe style don't matter. A query with no words finds nothing.

    With `limit`, only the first `limit` are found, ranked in the index alone (much quicker
    for a word in thousands of glimmers)."""
    terms = search_index.terms_of(query)
    if not terms:
        return Glimmer.objects.none()
    narrow = search_index.narrowing(owner, filters)
    if limit is None:
        return search_index.ranked(timeline(owner, filters), owner, terms, narrow)
    ids = search_index.best(owner, terms, limit, within=_within(owner, filters), narrow=narrow)
    order = Case(*(When(id=glimmer_id, then=Value(n)) for n, glimmer_id in enumerate(ids)))
    return Glimmer.objects.filter(id__in=ids).order_by(order) if ids else Glimmer.objects.none()


def search_page(
    owner: User, query: str, filters: Filters = NO_FILTERS, *, offset: int, count: int
) -> list[Glimmer]:
    """One page of `search`, with tags and people at hand for the highlights."""
    terms = search_index.terms_of(query)
    if not terms:
        return []
    narrow = search_index.narrowing(owner, filters)
    ids = search_index.best(
        owner, terms, offset + count, within=_within(owner, filters), narrow=narrow
    )[offset:]
    rows = Glimmer.objects.filter(id__in=ids).prefetch_related("tags", "people").in_bulk()
    return [rows[glimmer_id] for glimmer_id in ids if glimmer_id in rows]


def _within(owner: User, filters: Filters) -> QuerySet[Glimmer] | None:
    """Where the index's matches must lie: `timeline` with the filters (None: no filter)."""
    return timeline(owner, filters) if filters else None
