"""Keep the database's tables in step with the code, cheaply enough to check on every run."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import pkgutil
from collections.abc import Iterator
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError, connection

MIGRATION_LOCK_KEY = 0x6C696D6D  # any fixed number; "limm"


@functools.cache
def known_migrations() -> frozenset[tuple[str, str]]:
    """(app label, migration name) for every migration the installed code ships."""
    found = set()
    for config in apps.get_app_configs():
        try:
            module = __import__(f"{config.name}.migrations", fromlist=["__path__"])
        except ImportError:
            continue
        for info in pkgutil.iter_modules(module.__path__):
            if not info.name.startswith("_"):
                found.add((config.label, info.name))
    return frozenset(found)


def applied_migrations() -> set[tuple[str, str]]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT app, name FROM django_migrations")
            return {(app, name) for app, name in cursor.fetchall()}
    except DatabaseError:
        return set()


def ensure_schema() -> None:
    """Apply migrations when the code has some the database lacks (a fresh or older install)."""
    if known_migrations() <= applied_migrations():
        return
    with migration_lock():
        # Another process may have migrated while this one waited for the lock.
        if not known_migrations() <= applied_migrations():
            call_command("migrate", interactive=False, verbosity=0)


@contextlib.contextmanager
def migration_lock() -> Iterator[None]:
    """One migrating process at a time: a file lock for SQLite, an advisory lock elsewhere."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [MIGRATION_LOCK_KEY])
            try:
                yield
            finally:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK_KEY])
        return
    lock_path = Path(settings.HOME) / ".migrate.lock"
    with lock_path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
