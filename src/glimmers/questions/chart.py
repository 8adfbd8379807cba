"""The scale over time as a small SVG line chart: plain numbers, drawn by the template."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from glimmers.questions.choices import SCALE_MAX
from glimmers.questions.models import Answer

WIDTH = 320
HEIGHT = 160
LEFT = 28  # room for the 0 / 5 / 10 labels
RIGHT = 10
TOP = 10
BOTTOM = 22  # room for the first and last date


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    answer: Answer


@dataclass(frozen=True)
class Gridline:
    y: float
    value: int


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    points: list[Point]
    path: str
    gridlines: list[Gridline]
    left: int
    right_edge: int
    baseline: float


def _y(value: int) -> float:
    return round(TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / SCALE_MAX), 1)


def scale_chart(answers: Sequence[Answer]) -> Chart | None:
    """Points for answers given oldest first, evenly spaced; None when there is nothing."""
    if not answers:
        return None
    inner = WIDTH - LEFT - RIGHT
    step = inner / (len(answers) - 1) if len(answers) > 1 else 0
    points = [
        Point(
            x=round(LEFT + (index * step if len(answers) > 1 else inner / 2), 1),
            y=_y(answer.scale),
            answer=answer,
        )
        for index, answer in enumerate(answers)
    ]
    path = " ".join(
        f"{'M' if index == 0 else 'L'}{point.x},{point.y}" for index, point in enumerate(points)
    )
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        points=points,
        path=path,
        gridlines=[Gridline(_y(value), value) for value in (0, 5, 10)],
        left=LEFT,
        right_edge=WIDTH - RIGHT,
        baseline=HEIGHT - 4,
    )
