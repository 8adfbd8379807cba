"""Finding glimmers: the filters and the search that the CLI, the web and the API share."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Case, QuerySet, Value, When

from glimmers.diary import search as search_index
from glimmers.diary.fields import normalize_senses
from glimmers.diary.models import Glimmer, Person, Tag
from glimmers.lib.folding import fold


def timeline(
    owner: Any,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    sense: str | None = None,
    kind: str | None = None,
    tag: str | None = None,
    person: str | None = None,
) -> QuerySet[Glimmer]:
    """A person's glimmers outside the trash, newest first, narrowed by any filter given."""
    glimmers = Glimmer.objects.filter(owner=owner, trashed_at__isnull=True)
    if since is not None:
        glimmers = glimmers.filter(noticed_at__gte=since)
    if until is not None:
        glimmers = glimmers.filter(noticed_at__lte=until)
    if sense:
        glimmers = glimmers.filter(senses__has=normalize_senses([sense])[0])
    if kind:
        glimmers = glimmers.filter(kind=kind)
    if tag:
        glimmers = glimmers.filter(tags__name=Tag.normalize(tag))
    if person:
        # A person's circle of names is small: match it here, whatever the case or script.
        wanted = fold(Person.normalize(person))
        names = Person.objects.filter(owner=owner).values_list("id", "name")
        glimmers = glimmers.filter(people__in=[pk for pk, name in names if fold(name) == wanted])
    return glimmers.order_by("-noticed_at", "-id")


def search(
    owner: Any,
    query: str,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    sense: str | None = None,
    kind: str | None = None,
    tag: str | None = None,
    person: str | None = None,
    limit: int | None = None,
) -> QuerySet[Glimmer]:
    """A person's glimmers (outside the trash) holding every word of `query` as a word or the
    start of one, in their words, sense lines, body note, tags or people; best match first.
    Case, ß and apostrophe style don't matter. A query with no words finds nothing.

    With `limit`, only the first `limit` are found, ranked in the index alone (much quicker
    for a word in thousands of glimmers)."""
    terms = search_index.terms_of(query)
    if not terms:
        return Glimmer.objects.none()
    filters: dict[str, Any] = dict(
        since=since, until=until, sense=sense, kind=kind, tag=tag, person=person
    )
    narrow = search_index.narrowing(owner, **filters)
    if limit is None:
        return search_index.ranked(timeline(owner, **filters), owner, terms, narrow)
    ids = search_index.best(owner, terms, limit, within=_within(owner, filters), narrow=narrow)
    order = Case(*(When(id=glimmer_id, then=Value(n)) for n, glimmer_id in enumerate(ids)))
    return Glimmer.objects.filter(id__in=ids).order_by(order) if ids else Glimmer.objects.none()


def search_page(
    owner: Any, query: str, *, offset: int, count: int, **filters: Any
) -> list[Glimmer]:
    """One page of `search`, with tags and people at hand for the highlights."""
    terms = search_index.terms_of(query)
    if not terms:
        return []
    narrow = search_index.narrowing(owner, **filters)
    ids = search_index.best(
        owner, terms, offset + count, within=_within(owner, filters), narrow=narrow
    )[offset:]
    rows = Glimmer.objects.filter(id__in=ids).prefetch_related("tags", "people").in_bulk()
    return [rows[glimmer_id] for glimmer_id in ids if glimmer_id in rows]


def _within(owner: Any, filters: dict[str, Any]) -> QuerySet[Glimmer] | None:
    """Where the index's matches must lie: `timeline` with the filters (None: no filter)."""
    return timeline(owner, **filters) if any(filters.values()) else None
