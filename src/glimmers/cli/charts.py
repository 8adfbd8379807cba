"""`glimmers stats` in a terminal: the insights page's charts drawn with Rich."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from glimmers.insights.figures import Figures

BLOCKS = " ▁▂▃▄▅▆▇█"
SHADES = "·░▒▓█"
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


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
    console.print("[bold]Each week, the last 52[/bold]")
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
    console.print("[bold]Senses[/bold]")
    console.print(table)

    hours = figures.hours()
    console.print()
    console.print("[bold]By the hour[/bold]  0h" + " " * 20 + "23h")
    console.print(Text("            " + spark(hours), style=style))
    days = figures.weekdays()
    console.print("[bold]By weekday[/bold]")
    for name, count in zip(WEEKDAYS, days, strict=True):
        console.print(f"  {name} ", Text(bar(count, max(days), 20), style=style), f" {count}")

    year = figures.today.year
    counts = figures.year(year)
    console.print()
    console.print(f"[bold]{year}, a week to a column[/bold]")
    from datetime import date, timedelta

    start = date(year, 1, 1) - timedelta(days=date(year, 1, 1).weekday())
    for weekday in range(7):
        row = []
        day = start + timedelta(days=weekday)
        while day <= figures.today:
            count = counts.get(day, 0) if day.year == year else 0
            row.append(" " if day.year != year else SHADES[min(count, len(SHADES) - 1)])
            day += timedelta(weeks=1)
        console.print(f"  {WEEKDAYS[weekday]} ", Text("".join(row), style=style))
