"""Records: what a person's data looks like outside the database, and how each app takes part.

One vocabulary for every app's records: times as ISO 8601 in UTC with a Z, ids as UUID text,
one sentence for a file that cannot be read (`ImportProblem`), one rule for the ids of
imported records (`IdRule`), and one report of what an import did (`ImportReport`).

Each app that owns records registers a `Section` in its `AppConfig.ready` (the diary its
entries, the practice its pauses, …). The portability package, which sits above them all,
walks the sections to export a diary and import one; no app below it needs to know that it
exists.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from django.contrib.auth.models import User
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

Progress = Callable[[int], None]
# Records are checked and saved in chunks this big (one query per chunk, not per record).
CHUNK = 1000


class ImportProblem(ValueError):
    """A file that will not be imported; the message is one sentence, and nothing is saved."""


class RecordProblem(ImportProblem):
    """One record the diary's rules refuse: skipped and reported, or (strict) the file."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(reason if reason.startswith(where) else f"{where}: {reason}")
        self.where = where
        self.reason = reason


# --- times, ids, lists ------------------------------------------------------------------


def stamp(moment: datetime | None) -> str | None:
    """A datetime as ISO 8601 in UTC with a Z and every microsecond, or None."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def parse_stamp(value: Any, where: str) -> datetime:
    """A time written by `stamp` (or any ISO 8601 time; without a zone, the current one)."""
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            pass
        else:
            return moment if moment.tzinfo else timezone.make_aware(moment)
    raise ImportProblem(
        _("%(where)s has a time that cannot be read: %(value)s.") % {"where": where, "value": value}
    )


def optional_stamp(value: Any, where: str) -> datetime | None:
    return None if value is None else parse_stamp(value, where)


def parse_uuid(value: Any, where: str) -> uuid.UUID | None:
    if value is None:
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ImportProblem(
            _("%(where)s has an id that is not a UUID.") % {"where": where}
        ) from None


def text_list(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ImportProblem(
            _("%(where)s has a list that is not a list of text.") % {"where": where}
        )
    return value


def records_of(document: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """The list of records under `key` (none when the file has no such key)."""
    items = document.get(key, [])
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise ImportProblem(_("“%(key)s” in this file is not a list of entries.") % {"key": key})
    return items


# --- the id rule ------------------------------------------------------------------------


@dataclass
class IdRule:
    """Which id an imported record gets, the same for every kind of record: an id already in
    this diary is "already there" (importing twice adds nothing); an id someone else's record
    has gets a new one (never touching theirs); a record without an id gets a new one."""

    owner: User
    mine: set[uuid.UUID] = field(default_factory=set)
    theirs: set[uuid.UUID] = field(default_factory=set)
    used: set[uuid.UUID] = field(default_factory=set)

    @classmethod
    def for_records(
        cls, model: type[models.Model], owner: User, wanted: Iterable[uuid.UUID | None]
    ) -> IdRule:
        """Look up, a chunk at a time, who holds each of the wanted ids."""
        rule = cls(owner)
        rule.learn(model, wanted)
        return rule

    def learn(self, model: type[models.Model], wanted: Iterable[uuid.UUID | None]) -> None:
        """Look up who holds these ids too (records read a chunk at a time)."""
        ids = [key for key in dict.fromkeys(wanted) if key is not None]
        for start in range(0, len(ids), CHUNK):
            rows = model._default_manager.filter(pk__in=ids[start : start + CHUNK])
            for key, owner_id in rows.values_list("pk", _owner_column(model)):
                (self.mine if owner_id == self.owner.pk else self.theirs).add(key)

    def already_here(self, wanted: uuid.UUID | None) -> bool:
        """The record is in this diary already, or came earlier in the same file."""
        return wanted is not None and (wanted in self.mine or wanted in self.used)

    def claim(self, wanted: uuid.UUID | None) -> uuid.UUID:
        """The id the new record is saved under (`already_here` must be False)."""
        if wanted is not None:
            self.used.add(wanted)
        if wanted is None or wanted in self.theirs:
            return uuid.uuid4()
        return wanted


def _owner_column(model: type[models.Model]) -> str:
    names = {item.name for item in model._meta.get_fields()}
    return "owner_id" if "owner" in names else "user_id"


# --- what an import did -----------------------------------------------------------------


@dataclass
class Tally:
    added: int = 0
    already: int = 0


@dataclass(frozen=True)
class Skipped:
    kind: str
    where: str  # "Glimmer 3", "Day One entry 12"
    reason: str

    @property
    def sentence(self) -> str:
        """ "Glimmer 3: Write a few words about the moment." (once, where the reason says
        where already)."""
        if self.reason.startswith(self.where):
            return self.reason
        return f"{self.where}: {self.reason}"


@dataclass
class ImportReport:
    """What an import did, kind by kind ("glimmers", "beans", …): how many were added, how
    many were in the diary already, each record left out with the reason, and each one kept
    with something said about it."""

    kinds: dict[str, Tally] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    # Kept, but not quite as it was ("kept under a new id", "an audio recording not kept").
    noted: list[Skipped] = field(default_factory=list)

    def tally(self, kind: str) -> Tally:
        return self.kinds.setdefault(kind, Tally())

    def added(self, kind: str, count: int = 1) -> None:
        self.tally(kind).added += count

    def already(self, kind: str, count: int = 1) -> None:
        self.tally(kind).already += count

    def skip(self, kind: str, where: str, reason: str) -> None:
        self.skipped.append(Skipped(kind, where, reason))

    def count(self, kind: str) -> int:
        return self.kinds[kind].added if kind in self.kinds else 0

    @property
    def already_there(self) -> int:
        return sum(tally.already for tally in self.kinds.values())


@dataclass
class ImportContext:
    """What the sections of one import share while they save."""

    owner: User
    report: ImportReport = field(default_factory=ImportReport)
    # An id in the file → the id its glimmer has here (the same, or a new one).
    glimmer_ids: dict[uuid.UUID, uuid.UUID] = field(default_factory=dict)
    new_glimmers: list[uuid.UUID] = field(default_factory=list)
    # Media files written so far, to remove if the import is rolled back.
    written: list[str] = field(default_factory=list)
    progress: Progress | None = None
    # Strict: one record the rules refuse refuses the whole file. Otherwise it is reported.
    strict: bool = False

    @contextlib.contextmanager
    def one(self, kind: str) -> Iterator[None]:
        """Around the checks of one record: a RecordProblem inside skips it (reported), or
        with `strict` refuses the file."""
        try:
            yield
        except RecordProblem as problem:
            if self.strict:
                raise
            self.report.skip(kind, problem.where, problem.reason)

    def glimmer_here(self, file_id: uuid.UUID | None, mine: set[uuid.UUID]) -> uuid.UUID | None:
        """The id here of a glimmer the file names, if it is in this diary."""
        if file_id is None:
            return None
        found = self.glimmer_ids.get(file_id, file_id)
        return found if found in mine else None


# --- the sections -----------------------------------------------------------------------


@dataclass(frozen=True)
class ExportOptions:
    photo_data: bool = True  # photos inlined as base64 (a readable export leaves them out)
    progress: Progress | None = None


@dataclass(frozen=True)
class Section:
    """One app's part of a person's JSON export: the keys it writes, how it reads them back
    (checking everything before anything is saved) and how it saves them.

    `stage` orders sections, in the document and when saving: records that point at
    glimmers come after the glimmers."""

    name: str
    stage: int
    export: Callable[[User, ExportOptions], dict[str, Any]]
    read: Callable[[dict[str, Any]], Any]
    save: Callable[[Any, ImportContext], None]


_sections: dict[str, Section] = {}


def register(section: Section) -> None:
    """Take part in a person's export and import; called once from an app's `ready()`."""
    _sections[section.name] = section


def sections() -> list[Section]:
    return sorted(_sections.values(), key=lambda section: (section.stage, section.name))


_left_out: set[str] = set()


def leave_out_of_backups(*labels: str) -> None:
    """Models a whole-instance backup does without ("app.Model"): data derived from the rest
    and rebuilt after a restore, or files made on request and kept a short while."""
    _left_out.update(labels)


def left_out_of_backups() -> frozenset[str]:
    return frozenset(_left_out)
