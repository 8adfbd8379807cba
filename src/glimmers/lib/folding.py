"""Database functions that behave the same on SQLite and PostgreSQL.

Case- and apostrophe-insensitive matching for Cyrillic (SQLite's LIKE folds only ASCII, so
SQLite gets a small Python function; PostgreSQL's LOWER knows Unicode), and the local day of
a moment (Django's own TruncDate is several times slower on SQLite).
"""

from __future__ import annotations

import functools
import zoneinfo
from datetime import UTC, datetime
from typing import Any

from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created
from django.db.models.sql.compiler import SQLCompiler

APOSTROPHES = "\u2019\u02bc\u2018`"  # ’ ʼ ‘ ` all count as '


def fold(text: str | None) -> str:
    """Lower-case, with every apostrophe written the same way."""
    if text is None:
        return ""
    return text.lower().translate({ord(mark): "'" for mark in APOSTROPHES})


def fold_for_search(text: str | None) -> str:
    """Case-folded (ß is ss), with apostrophes left out: "М’ята" and "м'ята" are both "мята"."""
    if not text:
        return ""
    return text.casefold().translate({ord(mark): None for mark in APOSTROPHES + "'"})


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class FoldedContains(models.Lookup):  # type: ignore[type-arg]
    """`field__folded="хліб"`: the text contains the words, ignoring case and apostrophe style."""

    lookup_name = "folded"
    prepare_rhs = False

    def as_sql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper
    ) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        pattern = f"%{_escape_like(fold(str(self.rhs)))}%"
        if connection.vendor == "sqlite":
            return f"glimmers_fold({lhs}) LIKE %s ESCAPE '\\'", [*lhs_params, pattern]
        marks = "'" * len(APOSTROPHES)
        return (
            f"TRANSLATE(LOWER(({lhs})::text), %s, %s) LIKE %s",
            [*lhs_params, APOSTROPHES, marks, pattern],
        )


for field in (models.CharField, models.TextField, models.JSONField):
    field.register_lookup(FoldedContains)


class LocalDate(models.Func):
    """The calendar day of a stored moment in a given time zone, computed in the database."""

    output_field = models.DateField()

    def __init__(self, expression: Any, zone: str) -> None:
        super().__init__(expression, models.Value(zone))

    def as_sqlite(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> Any:
        return self.as_sql(compiler, connection, function="glimmers_local_date", **extra)

    def as_postgresql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> Any:
        return self.as_sql(
            compiler,
            connection,
            template="((%(expressions)s))::date",
            arg_joiner=" AT TIME ZONE ",
            **extra,
        )


@functools.lru_cache(maxsize=64)
def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


def local_date(stored: str | None, zone: str) -> str | None:
    """SQLite's side of LocalDate: Django stores UTC as "YYYY-MM-DD HH:MM:SS[.ffffff]"."""
    if stored is None:
        return None
    moment = datetime.fromisoformat(stored).replace(tzinfo=UTC)
    return moment.astimezone(_zone(zone)).date().isoformat()


def register_sqlite_function(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("glimmers_fold", 1, fold, deterministic=True)
        connection.connection.create_function(
            "glimmers_local_date", 2, local_date, deterministic=True
        )


connection_created.connect(register_sqlite_function)
