"""The timeline: every glimmer, newest first, grouped by day, paged by a keyset cursor."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from django.contrib.auth.decorators import login_required
from django.db.models import Q, QuerySet
from django.http import HttpResponse, HttpResponseBadRequest, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from glimmers.diary import queries
from glimmers.diary.forms import TimelineFilterForm
from glimmers.diary.models import Glimmer
from glimmers.diary.views.common import SignedInRequest

PAGE_SIZE = 20  # small pages render fast; htmx fetches the next as you scroll


@dataclass(frozen=True)
class Cursor:
    """Where the last page ended: the (noticed_at, id) of its last glimmer."""

    noticed_at: datetime
    id: uuid.UUID

    def encode(self) -> str:
        return f"{self.noticed_at.astimezone(UTC).isoformat()}~{self.id}"

    @classmethod
    def decode(cls, text: str) -> Cursor:
        moment, _sep, ident = text.partition("~")
        noticed_at = datetime.fromisoformat(moment)
        if noticed_at.tzinfo is None:
            raise ValueError("naive cursor")
        return cls(noticed_at, uuid.UUID(ident))

    def older(self, glimmers: QuerySet[Glimmer]) -> QuerySet[Glimmer]:
        # The plain range condition lets the timeline index start right at the cursor.
        return glimmers.filter(noticed_at__lte=self.noticed_at).filter(
            Q(noticed_at__lt=self.noticed_at) | Q(id__lt=self.id)
        )


@dataclass
class Day:
    date: date
    glimmers: list[Glimmer]
    continued: bool = False


def by_day(glimmers: list[Glimmer], after: Cursor | None) -> list[Day]:
    days = [
        Day(day, list(group))
        for day, group in itertools.groupby(glimmers, key=lambda glimmer: glimmer.local_day())
    ]
    if days and after and timezone.localdate(after.noticed_at) == days[0].date:
        days[0].continued = True
    return days


@login_required
@require_GET
def timeline(request: SignedInRequest) -> HttpResponse:
    filter_form = TimelineFilterForm(request.GET)
    filters = filter_form.filters()
    after = None
    if request.GET.get("cursor"):
        try:
            after = Cursor.decode(request.GET["cursor"])
        except ValueError:
            return HttpResponseBadRequest(_("That page link is not one Glimmers made."))
    glimmers = queries.timeline(request.user, filters)
    if after is not None:
        glimmers = after.older(glimmers)
    page = list(glimmers.prefetch_related("tags", "photos")[: PAGE_SIZE + 1])
    next_url = None
    if len(page) > PAGE_SIZE:
        page = page[:PAGE_SIZE]
        query = QueryDict(mutable=True)
        query.update({key: value for key, value in filters.as_dict().items() if value})
        query["cursor"] = Cursor(page[-1].noticed_at, page[-1].id).encode()
        next_url = f"{reverse('diary:timeline')}?{query.urlencode()}"
    context = {
        "days": by_day(page, after),
        "next_url": next_url,
        "filter_form": filter_form,
        "filtering": bool(filters),
        "paged": after is not None,
    }
    if request.htmx and after is not None:
        return render(request, "diary/_timeline_page.html", context)
    return render(request, "diary/timeline.html", context)
