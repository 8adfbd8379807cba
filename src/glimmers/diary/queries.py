"""Finding glimmers: the filters and the simple search that the CLI and the web share."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet

from glimmers.diary.fields import normalize_senses
from glimmers.diary.models import Glimmer, Tag


def timeline(
    owner: Any,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    sense: str | None = None,
    kind: str | None = None,
    tag: str | None = None,
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
    return glimmers.order_by("-noticed_at", "-id")


def search(owner: Any, query: str) -> QuerySet[Glimmer]:
    """Glimmers whose words, body note, sense lines, tags or people contain every word,
    ignoring case and apostrophe style."""
    glimmers = timeline(owner)
    for word in query.split():
        tagged = Glimmer.tags.through.objects.filter(tag__name__folded=word)
        with_person = Glimmer.people.through.objects.filter(person__name__folded=word)
        glimmers = glimmers.filter(
            Q(text__folded=word)
            | Q(body__folded=word)
            | Q(sense_lines__folded=word)
            | Q(id__in=tagged.values("glimmer_id"))
            | Q(id__in=with_person.values("glimmer_id"))
        )
    return glimmers
