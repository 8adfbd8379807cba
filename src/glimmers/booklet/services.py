"""What goes into a booklet or onto a bookmark. The web form and the CLI both call these.

A booklet covers whole days in the person's time zone and reads only that period from the
database, so a month of a ten-year diary costs what a month costs.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from glimmers.diary.models import Glimmer, Trigger
from glimmers.diary.services import day_bounds

# Ten years is already a shelf of booklets; the glimmer limit keeps one request bounded.
MAX_SPAN_DAYS = 3653
MAX_GLIMMERS = 12_000
BOOKMARKS_PER_PAGE = 3
MAX_BOOKMARKS = 6
STRONG = 4  # "how strong" from 4 of 5 up counts as a strong glimmer


class Preset(models.TextChoices):
    WEEK = "week", gettext_lazy("The last 7 days")
    MONTH = "month", gettext_lazy("The last 30 days")
    YEAR = "year", gettext_lazy("The last 12 months")
    DATES = "dates", gettext_lazy("Dates I choose")


class Paper(models.TextChoices):
    A4 = "a4", gettext_lazy("A4")
    LETTER = "letter", gettext_lazy("US Letter")


def preset_days(preset: str, today: date) -> tuple[date, date]:
    """The first and last day of a preset period that ends today."""
    if preset == Preset.WEEK:
        return today - timedelta(days=6), today
    if preset == Preset.MONTH:
        return today - timedelta(days=29), today
    if preset == Preset.YEAR:
        try:
            return today.replace(year=today.year - 1) + timedelta(days=1), today
        except ValueError:  # 29 February
            return today.replace(year=today.year - 1, day=28) + timedelta(days=1), today
    raise ValueError(preset)


@dataclass(frozen=True)
class BookletOptions:
    """A chosen period (whole days, both included) and what to print."""

    since: date
    until: date
    photos: bool = True
    triggers: bool = False
    paper: str = Paper.A4


@dataclass
class BookletContent:
    """What one booklet prints, read from the database in a few queries."""

    owner_name: str
    options: BookletOptions
    glimmers: list[Glimmer]
    triggers: list[Trigger]


def day_range(since: date, until: date) -> tuple[datetime, datetime]:
    """From the start of `since` to the start of the day after `until`, in the current zone."""
    return day_bounds(since)[0], day_bounds(until)[1]


def readable_day(day: date) -> str:
    """A day as people write it in the current language: "7 March 2026", "7 березня 2026"."""
    # Translators: a Django date format for a day in a booklet, e.g. "7 March 2026".
    return formats.date_format(day, pgettext("booklet date", "j F Y"))


def owner_name(owner: User) -> str:
    full = owner.get_full_name() if hasattr(owner, "get_full_name") else ""
    return str(full or owner.get_username())


def check_period(since: date, until: date) -> None:
    """One sentence about a period no booklet can cover, else nothing."""
    if until < since:
        raise ValidationError(
            {"until": _("The period ends before it begins; the last day comes after the first.")}
        )
    if (until - since).days + 1 > MAX_SPAN_DAYS:
        raise ValidationError(
            {"since": _("A booklet covers at most ten years; choose a shorter period.")}
        )


def check_booklet(owner: User, options: BookletOptions) -> None:
    """Refuse, with one sentence, a booklet that could not be made (before making it)."""
    _period(owner, options)


def _period(owner: User, options: BookletOptions) -> tuple[Any, datetime, datetime]:
    """The glimmers of the period (checked to be there, and to fit), and its bounds."""
    check_period(options.since, options.until)
    # No glimmer lies in the future, and the calendar's very ends have no day around them.
    start, end = day_range(
        max(options.since, date.min + timedelta(days=1)),
        min(options.until, timezone.localdate() + timedelta(days=1)),
    )
    period = Glimmer.objects.filter(
        owner=owner, trashed_at__isnull=True, noticed_at__gte=start, noticed_at__lt=end
    )
    count = period.count()
    if count == 0:
        raise ValidationError(
            _(
                "There are no glimmers from %(since)s to %(until)s yet, so there is nothing "
                "to print. Another period may hold some."
            )
            % {"since": readable_day(options.since), "until": readable_day(options.until)},
            code="empty",
        )
    if count > MAX_GLIMMERS:
        raise ValidationError(
            _(
                "That period holds %(count)d glimmers, more than one booklet can carry "
                "(%(max)d). A shorter period will fit."
            )
            % {"count": count, "max": MAX_GLIMMERS},
            code="too_many",
        )
    return period, start, end


def booklet_content(owner: User, options: BookletOptions) -> BookletContent:
    """The owner's glimmers (never the trash) of the period, oldest first, checked to fit."""
    period, start, end = _period(owner, options)
    related = ["tags", "people", *(["photos"] if options.photos else [])]
    glimmers = list(period.order_by("noticed_at", "id").prefetch_related(*related))
    triggers: list[Trigger] = []
    if options.triggers:
        triggers = list(
            Trigger.objects.filter(
                owner=owner, trashed_at__isnull=True, noticed_at__gte=start, noticed_at__lt=end
            ).order_by("noticed_at", "id")
        )
    return BookletContent(owner_name(owner), options, glimmers, triggers)


@dataclass(frozen=True)
class Printed:
    """A finished PDF and what it holds."""

    pdf: bytes
    glimmers: int
    pages: int


def make_booklet(owner: User, options: BookletOptions) -> Printed:
    """The PDF booklet of a period: a cover, then each day with its glimmers."""
    from glimmers.booklet.pdf import render_booklet

    content = booklet_content(owner, options)
    pdf, pages = render_booklet(content)
    return Printed(pdf, len(content.glimmers), pages)


def gentle_default(owner: User, count: int = BOOKMARKS_PER_PAGE) -> list[Glimmer]:
    """A bookmark's default: the most recent strong glimmers, topped up with the newest."""
    alive = Glimmer.objects.filter(owner=owner, trashed_at__isnull=True)
    chosen = list(alive.filter(intensity__gte=STRONG).order_by("-noticed_at", "-id")[:count])
    if len(chosen) < count:
        rest = alive.exclude(id__in=[glimmer.id for glimmer in chosen])
        chosen += list(rest.order_by("-noticed_at", "-id")[: count - len(chosen)])
    return chosen


def bookmark_choices(owner: User, limit: int = 60) -> list[Glimmer]:
    """Glimmers to pick from for bookmarks: the gentle default first, then the newest."""
    chosen = gentle_default(owner)
    rest = Glimmer.objects.filter(owner=owner, trashed_at__isnull=True).exclude(
        id__in=[glimmer.id for glimmer in chosen]
    )
    return chosen + list(rest.order_by("-noticed_at", "-id")[: limit - len(chosen)])


def bookmark_glimmers(owner: User, ids: Sequence[uuid.UUID]) -> list[Glimmer]:
    """The owner's chosen glimmers (outside the trash), in the order given."""
    if not ids:
        chosen = gentle_default(owner)
        if not chosen:
            raise ValidationError(
                _("A bookmark needs at least one glimmer; your diary has none yet."),
                code="empty",
            )
        return chosen
    wanted = list(dict.fromkeys(ids))
    if len(wanted) > MAX_BOOKMARKS:
        raise ValidationError(
            _("Choose at most %(max)d glimmers for bookmarks.") % {"max": MAX_BOOKMARKS},
            code="too_many",
        )
    found = {
        glimmer.id: glimmer
        for glimmer in Glimmer.objects.filter(owner=owner, trashed_at__isnull=True, id__in=wanted)
    }
    if len(found) != len(wanted):
        # The same sentence for someone else's glimmer and one that never was.
        raise ValidationError(
            _("One of those glimmers is not in your diary."),
            code="unknown",
        )
    return [found[ident] for ident in wanted]


def make_bookmarks(owner: User, ids: Sequence[uuid.UUID] = (), paper: str = Paper.A4) -> Printed:
    """Cut-out bookmarks, one glimmer on each, three to a page; no ids: a gentle default."""
    from glimmers.booklet.bookmarks import render_bookmarks

    glimmers = bookmark_glimmers(owner, ids)
    pdf, pages = render_bookmarks(glimmers, owner_name(owner), paper)
    return Printed(pdf, len(glimmers), pages)
