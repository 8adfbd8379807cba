"""The insights page: the practice over time, shown gently, every chart with a table."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET

from glimmers.diary.models import DayTally, Intention
from glimmers.diary.views.common import SignedInRequest
from glimmers.insights import charts, resurfacing
from glimmers.insights.figures import Figures, figures_for, intentions_kept

WEEKDAYS = [
    gettext_lazy("Mon"),
    gettext_lazy("Tue"),
    gettext_lazy("Wed"),
    gettext_lazy("Thu"),
    gettext_lazy("Fri"),
    gettext_lazy("Sat"),
    gettext_lazy("Sun"),
]


@login_required
@require_GET
def insights(request: SignedInRequest) -> HttpResponse:
    figures = figures_for(request.user)
    years = figures.years()
    try:
        year = int(request.GET.get("year", figures.today.year))
    except ValueError:
        year = figures.today.year
    if year not in years:
        year = figures.today.year
    set_days, kept_days = intentions_kept(request.user, figures)
    context: dict[str, Any] = {
        "figures": figures,
        "summary": figures.summary(),
        "empty": figures.empty,
        "year": year,
        "years": years,
        "intentions_set": set_days,
        "intentions_kept": kept_days,
        **_weekly(figures),
        **_senses(figures),
        **_rhythm(figures),
        **_balance(figures),
        **_calendar(figures, year),
        **_question_scale(request.user),
    }
    return render(request, "insights/insights.html", context)


def _weekly(figures: Figures) -> dict[str, Any]:
    weeks = figures.weekly(52)
    counts = [count for _monday, count in weeks]
    labels = [date_format(monday, "M") if monday.day <= 7 else "" for monday, _count in weeks]
    total = sum(counts)
    return {
        "weekly_table": charts.table(
            [_("Week of"), _("Glimmers")],
            [(date_format(monday), count) for monday, count in weeks],
        ),
        "weekly_chart": charts.bars(
            counts,
            labels,
            name="weekly",
            title=_("Glimmers each week, the last 52 weeks"),
            desc=ngettext(
                "%(total)d glimmer in the last year, %(busiest)d in the fullest week.",
                "%(total)d glimmers in the last year, %(busiest)d in the fullest week.",
                total,
            )
            % {"total": total, "busiest": max(counts, default=0)},
        ),
    }


def _senses(figures: Figures) -> dict[str, Any]:
    senses = figures.senses()
    parts = [(label, count) for _value, label, count in senses]
    described = ", ".join(f"{label} {count}" for label, count in parts)
    return {
        "senses_table": charts.table(
            [_("Sense"), _("Glimmers")], [(label, count) for _v, label, count in senses]
        ),
        "senses_chart": charts.wheel(
            parts, name="senses", title=_("The senses your glimmers came through"), desc=described
        ),
    }


def _rhythm(figures: Figures) -> dict[str, Any]:
    hours = figures.hours()
    weekdays = figures.weekdays()
    names = [str(name) for name in WEEKDAYS]
    busiest_hour = max(range(24), key=lambda hour: hours[hour]) if any(hours) else None
    return {
        "hours_table": charts.table(
            [_("Hour"), _("Glimmers")], [(f"{hour:02d}:00", n) for hour, n in enumerate(hours)]
        ),
        "weekdays_table": charts.table(
            [_("Day"), _("Glimmers")], list(zip(names, weekdays, strict=True))
        ),
        "hours_chart": charts.bars(
            hours,
            [f"{hour}" for hour in range(24)],
            name="hours",
            title=_("Glimmers by the hour of the day"),
            desc=(
                _("Most often around %(hour)02d:00.") % {"hour": busiest_hour}
                if busiest_hour is not None
                else _("No glimmers yet.")
            ),
            label_every=3,
        ),
        "weekdays_chart": charts.bars(
            weekdays,
            names,
            name="weekdays",
            title=_("Glimmers by the day of the week"),
            desc=", ".join(f"{day} {count}" for day, count in zip(names, weekdays, strict=True)),
        ),
    }


def _balance(figures: Figures) -> dict[str, Any]:
    months = figures.monthly(12)
    labels = [str(MONTHS_3[month.month]) for month, *_rest in months]
    return {
        "months_table": charts.table(
            [_("Month"), _("Glimmers"), _("Triggers"), _("Beans")],
            [(date_format(month, "YEAR_MONTH_FORMAT"), *counts) for month, *counts in months],
        ),
        "balance_chart": charts.bars(
            [glimmers for _month, glimmers, _triggers, _beans in months],
            labels,
            second=[triggers for _month, _glimmers, triggers, _beans in months],
            name="balance",
            title=_("Glimmers and triggers noted each month"),
            desc=_("Each month's glimmers beside the triggers you noted, the last twelve months."),
        ),
        "beans_chart": charts.bars(
            [beans for _month, _glimmers, _triggers, beans in months],
            labels,
            name="beans",
            title=_("Beans counted each month"),
            desc=_("Moments counted without words, the last twelve months."),
        ),
    }


def _calendar(figures: Figures, year: int) -> dict[str, Any]:
    days = figures.year(year)
    by_month = [0] * 12
    noticed = [0] * 12
    for day, count in days.items():
        by_month[day.month - 1] += count
        noticed[day.month - 1] += 1 if count else 0
    months = [str(MONTHS_3[number]) for number in range(1, 13)]
    return {
        "calendar_table": charts.table(
            [_("Month"), _("Glimmers"), _("Days with a glimmer")],
            [
                (date_format(date(year, number, 1), "F"), by_month[number - 1], noticed[number - 1])
                for number in range(1, 13)
            ],
        ),
        "calendar_chart": charts.calendar(
            year,
            days,
            name="calendar",
            title=_("A year of glimmers: %(year)d") % {"year": year},
            desc=ngettext(
                "%(days)d day with a glimmer in %(year)d.",
                "%(days)d days with a glimmer in %(year)d.",
                sum(noticed),
            )
            % {"days": sum(noticed), "year": year},
            months=months,
        ),
    }


@login_required
@require_GET
def on_this_day(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "insights/on_this_day.html",
        {"today": today, "years": resurfacing.on_this_day(request.user, today)},
    )


@login_required
@require_GET
def jar(request: SignedInRequest) -> HttpResponse:
    glimmer = resurfacing.from_the_jar(request.user)
    template = (
        "insights/_jar_card.html" if request.headers.get("HX-Request") else "insights/jar.html"
    )
    return render(request, template, {"glimmer": glimmer})


@login_required
@require_GET
def week(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    try:
        chosen = date.fromisoformat(request.GET.get("of", "")) if request.GET.get("of") else today
    except ValueError:
        chosen = today
    chosen = min(max(chosen, date(1900, 1, 1)), today)
    monday, sunday = resurfacing.week_of(chosen)
    owner: User = request.user
    shown, counts, senses = resurfacing.week_glimmers(owner, monday)
    beans = sum(
        DayTally.objects.filter(owner=owner, day__range=(monday, sunday)).values_list(
            "beans", flat=True
        )
    )
    intentions = {
        i.day: i.text for i in Intention.objects.filter(owner=owner, day__range=(monday, sunday))
    }
    days = []
    for offset in range(7):
        day = monday + timedelta(days=offset)
        if day > today:
            break
        more = counts.get(day, 0) > len(shown.get(day, []))
        days.append(
            (
                day,
                shown.get(day, []),
                intentions.get(day),
                counts.get(day, 0),
                more and _day_on_timeline(day),
            )
        )
    context = {
        "monday": monday,
        "sunday": sunday,
        "days": days,
        "count": sum(counts.values()),
        "days_noticed": len(counts),
        "beans": beans,
        "senses": senses.most_common(),
        "previous": monday - timedelta(days=7),
        "next": monday + timedelta(days=7) if sunday < today else None,
    }
    return render(request, "insights/week.html", context)


def _question_scale(owner: User) -> dict[str, Any]:
    """The Glimmer Question's 0–10 scale over the last answers, drawn as on its own page."""
    from glimmers.questions import services as questions
    from glimmers.questions.chart import scale_chart

    answers = questions.history(owner, 30)
    return {"answers": answers, "chart": scale_chart(answers)}


def _day_on_timeline(day: date) -> str:
    """The timeline, starting from the end of `day` and going back."""
    from glimmers.diary.views.timeline import Cursor

    zone = timezone.get_current_timezone()
    end = datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=zone)
    cursor = Cursor(end, uuid.UUID(int=0))
    return f"{reverse('diary:timeline')}?cursor={quote(cursor.encode())}"
