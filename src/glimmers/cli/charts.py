"""`glimmers stats` in a terminal: the insights page's charts drawn with Rich."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from glimmers.cli.i18n import _
from glimmers.insights.figures import Figures

BLOCKS = " ▁▂▃▄▅▆▇█"
SHADES = "·░▒▓█"


def weekdays() -> list[str]:
    """Monday to Sunday, short, in the terminal's language, padded to one width."""
    names = [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")]
    width = max(len(name) for name in names)
    return [name.ljust(width) for name in names]


def spark(values: list[int]) -> str:
    """One character per value, taller for more."""
    top = max(values, default=0) or 1
    return "".join(BLOCKS[round(value / top * (len(BLOCKS) - 1))] for value in values)


def bar(value: int, top: int, width: int = 24) -> str:
    return "█" * round(value / (top or 1) * width) if value else ""


def draw(figures: Figures, console: Console | None = None) -> None:
    console = console or Console()
    style = "green"
    weeks = [count for _monday, count in figures.weekly(52)]
    console.print()
    console.print(Text(_("Each week, the last 52"), style="bold"))
    console.print(Text(spark(weeks), style=style))

    senses = figures.senses()
    top = max((count for _v, _l, count in senses), default=0)
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column("sense")
    table.add_column("bar", style=style)
    table.add_column("count", justify="right")
    for _value, label, count in senses:
        table.add_row(label, bar(count, top), str(count))
    console.print()
    console.print(Text(_("Senses"), style="bold"))
    console.print(table)

    hours = figures.hours()
    title = _("By the hour")
    # Translators: an hour of the day at either end of the chart's axis: "0h", "23h".
    first, last = _("{hour}h").format(hour=0), _("{hour}h").format(hour=23)
    gap = " " * max(1, len(hours) + 1 - len(first) - len(last))  # "23h" ends past the last hour
    console.print()
    console.print(Text.assemble((title, "bold"), f"  {first}{gap}{last}"))
    console.print(Text(" " * (len(title) + 1) + spark(hours), style=style))
    days = figures.weekdays()
    names = weekdays()
    console.print(Text(_("By weekday"), style="bold"))
    for name, count in zip(names, days, strict=True):
        console.print(f"  {name} ", Text(bar(count, max(days), 20), style=style), f" {count}")

    year = figures.today.year
    counts = figures.year(year)
    console.print()
    console.print(Text(_("{year}, a week to a column").format(year=year), style="bold"))
    from datetime import date, timedelta

    start = date(year, 1, 1) - timedelta(days=date(year, 1, 1).weekday())
    for weekday in range(7):
        row = []
        day = start + timedelta(days=weekday)
        while day <= figures.today:
            count = counts.get(day, 0) if day.year == year else 0
            row.append(" " if day.year != year else SHADES[min(count, len(SHADES) - 1)])
            day += timedelta(weeks=1)
        console.print(f"  {names[weekday]} ", Text("".join(row), style=style))
