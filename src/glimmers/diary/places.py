"""Where the apps above the diary show their part on the diary's pages, and the shelves of
the trash. Each app fills them in its `AppConfig.ready` (the practice puts a glimmer's
pauses on its page, conversations keep a shelf in the trash), so the diary never imports
the apps that build on it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet

# The places on the diary's pages, each a spot in one template.
PLACES = (
    "capture-top",  # above the capture form (home.html)
    "capture-saved",  # below a glimmer just saved (_capture.html)
    "glimmer-details",  # a glimmer's page, after its photos (detail.html)
    "glimmer-actions",  # a glimmer's page, the first of its buttons (detail.html)
)

Context = dict[str, Any]


@dataclass(frozen=True)
class Piece:
    """A template shown in a place; `context` makes its context from the page's (None: the
    piece has nothing to show there this time)."""

    template: str
    context: Callable[[Context], Context | None]


_pieces: dict[str, list[Piece]] = defaultdict(list)


def show(place: str, template: str, context: Callable[[Context], Context | None]) -> None:
    """Show `template` in `place` on every page that has it."""
    if place not in PLACES:
        raise ValueError(f"the diary has no place called {place!r}")
    piece = Piece(template, context)
    if piece not in _pieces[place]:
        _pieces[place].append(piece)


def pieces(place: str) -> list[Piece]:
    return list(_pieces[place])


@dataclass(frozen=True)
class Shelf:
    """Things of one kind in the trash: `template` lists `items`; `trashed` finds them;
    `empty` deletes them for good and says how many went."""

    name: str
    template: str
    trashed: Callable[[User], QuerySet[Any]]
    empty: Callable[[User], int]


_shelves: dict[str, Shelf] = {}


def add_shelf(shelf: Shelf) -> None:
    _shelves[shelf.name] = shelf


def shelves() -> list[Shelf]:
    return list(_shelves.values())


def in_trash(owner: User) -> int:
    """How many things are in a person's trash, on every shelf."""
    return sum(shelf.trashed(owner).count() for shelf in shelves())


def empty_trash(owner: User) -> int:
    """Delete everything in a person's trash for good; returns how many went."""
    with transaction.atomic():
        return sum(shelf.empty(owner) for shelf in shelves())
