"""Small SVG charts drawn as strings: quick to render, no JavaScript, styled by CSS classes
so dark mode and print follow the page. Each chart names itself for screen readers; the
page puts a table with the same numbers beside it."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 320  # the viewBox width; the SVG scales to its box


def _svg(
    width: float, height: float, title: str, desc: str, body: list[str], name: str
) -> SafeString:
    head = (
        f'<svg class="chart chart-{name}" viewBox="0 0 {width:g} {height:g}" role="img" '
        f'aria-labelledby="{name}-title {name}-desc" preserveAspectRatio="xMidYMid meet">'
        f'<title id="{name}-title">{escape(title)}</title>'
        f'<desc id="{name}-desc">{escape(desc)}</desc>'
    )
    return mark_safe(head + "".join(body) + "</svg>")  # noqa: S308 - labels are escaped


def bars(
    values: Sequence[int],
    labels: Sequence[str],
    *,
    name: str,
    title: str,
    desc: str,
    label_every: int = 1,
    height: int = 110,
    second: Sequence[int] | None = None,
) -> SafeString:
    """Vertical bars, tallest at the top; `second` draws a softer companion bar beside each."""
    count = max(len(values), 1)
    top = max([*values, *(second or []), 1])
    slot = WIDTH / count
    plot = height - 18
    body = [f'<line class="axis" x1="0" y1="{plot}" x2="{WIDTH}" y2="{plot}"/>']
    for index, value in enumerate(values):
        x = index * slot
        pair = second is not None
        width = slot * (0.42 if pair else 0.72)
        tall = plot * value / top
        body.append(
            f'<rect class="bar" x="{x + slot * 0.1:.2f}" y="{plot - tall:.2f}" '
            f'width="{width:.2f}" height="{tall:.2f}" rx="1"/>'
        )
        if second is not None:
            other = plot * second[index] / top
            body.append(
                f'<rect class="bar soft" x="{x + slot * 0.52:.2f}" y="{plot - other:.2f}" '
                f'width="{width:.2f}" height="{other:.2f}" rx="1"/>'
            )
        if index % label_every == 0:
            body.append(
                f'<text class="label" x="{x + slot / 2:.2f}" y="{height - 4}" '
                f'text-anchor="middle">{escape(labels[index])}</text>'
            )
    return _svg(WIDTH, height, title, desc, body, name)


def wheel(parts: Sequence[tuple[str, int]], *, name: str, title: str, desc: str) -> SafeString:
    """A rose of equal wedges, each reaching out as far as its share: the senses wheel."""
    width, height, middle, inner = 440, 250, 125, 16
    centre = width / 2
    reach = middle - 36
    top = max([count for _label, count in parts] + [1])
    step = 2 * math.pi / max(len(parts), 1)
    body = [f'<circle class="ring" cx="{centre}" cy="{middle}" r="{inner + reach}"/>']
    for index, (label, count) in enumerate(parts):
        start, end = index * step - math.pi / 2, (index + 1) * step - math.pi / 2
        radius = inner + reach * math.sqrt(count / top)  # area, not radius, follows the count
        points = [
            (centre + inner * math.cos(start), middle + inner * math.sin(start)),
            (centre + radius * math.cos(start), middle + radius * math.sin(start)),
            (centre + radius * math.cos(end), middle + radius * math.sin(end)),
            (centre + inner * math.cos(end), middle + inner * math.sin(end)),
        ]
        path = (
            f"M{points[0][0]:.2f},{points[0][1]:.2f} L{points[1][0]:.2f},{points[1][1]:.2f} "
            f"A{radius:.2f},{radius:.2f} 0 0 1 {points[2][0]:.2f},{points[2][1]:.2f} "
            f"L{points[3][0]:.2f},{points[3][1]:.2f} "
            f"A{inner},{inner} 0 0 0 {points[0][0]:.2f},{points[0][1]:.2f} Z"
        )
        body.append(f'<path class="wedge wedge-{index}" d="{path}"/>')
        angle = (start + end) / 2
        x = centre + (reach + inner + 10) * math.cos(angle)
        y = middle + (reach + inner + 10) * math.sin(angle)
        # Labels on the right start at their point, those on the left end there.
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        body.append(
            f'<text class="label" x="{x:.2f}" y="{y:.2f}" text-anchor="{anchor}" '
            f'dominant-baseline="middle">{escape(label)}</text>'
        )
    return _svg(width, height, title, desc, body, name)


def calendar(
    year: int, counts: dict[date, int], *, name: str, title: str, desc: str, months: Sequence[str]
) -> SafeString:
    """A year as weeks (columns) by weekdays (rows), each day shaded by its glimmers."""
    first = date(year, 1, 1)
    start = first - timedelta(days=first.weekday())
    cell, gap, left, top = 5.2, 0.9, 0, 9
    body = []
    day = start
    while day.year <= year:
        if day.year == year:
            column = (day - start).days // 7
            x, y = left + column * (cell + gap), top + day.weekday() * (cell + gap)
            count = counts.get(day, 0)
            level = 0 if not count else 1 if count == 1 else 2 if count <= 3 else 3
            body.append(
                f'<rect class="day level-{level}" x="{x:.2f}" y="{y:.2f}" width="{cell}" '
                f'height="{cell}" rx="1"><title>{day.isoformat()}: {count}</title></rect>'
            )
            if day.day == 1:
                body.append(
                    f'<text class="label" x="{x:.2f}" y="6">{escape(months[day.month - 1])}</text>'
                )
        day += timedelta(days=1)
    width = left + 54 * (cell + gap)
    return _svg(width, top + 7 * (cell + gap), title, desc, body, name)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> SafeString:
    """A chart's numbers as a plain table (built here: a template loop costs more than the
    chart)."""
    head = "".join(f'<th scope="col">{escape(str(cell))}</th>' for cell in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(cell))}</td>" for cell in row) + "</tr>" for row in rows
    )
    return mark_safe(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")  # noqa: S308
