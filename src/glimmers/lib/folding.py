"""Case- and apostrophe-insensitive matching that works for Cyrillic on every database.

SQLite's LIKE folds only ASCII letters, so on SQLite we register a small Python function;
PostgreSQL's LOWER already knows Unicode.
"""

from __future__ import annotations

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


def register_sqlite_function(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("glimmers_fold", 1, fold, deterministic=True)


connection_created.connect(register_sqlite_function)
