"""Whole-process tests: the real `glimmers` command and server, in a fresh instance.

On the SQLite run an instance is a fresh GLIMMERS_HOME; on the PostgreSQL run (DATABASE_URL
set) it also gets a fresh database of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

GLIMMERS = str(Path(sys.executable).with_name("glimmers"))


def _admin_url(url: str) -> str:
    return url.rsplit("/", 1)[0] + "/postgres"


@dataclass
class Instance:
    home: Path
    database_url: str | None
    extra_env: dict[str, str] = field(default_factory=dict)

    @property
    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "GLIMMERS_USER")}
        # Cold starts unless a test asks for the warm helper (see test_warm.py).
        env.update(
            GLIMMERS_HOME=str(self.home),
            DJANGO_SETTINGS_MODULE="glimmers.settings",
            GLIMMERS_WARM="off",
        )
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        env.update(self.extra_env)
        return env

    def run(
        self, *args: str, input: str | None = None, check: bool = False
    ) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [GLIMMERS, *args],
            input=input,
            capture_output=True,
            text=True,
            env=self.env,
            timeout=120,
        )
        if check:
            assert result.returncode == 0, result.stderr
        return result


def make_instance(tmp_path: Path, *, database: str | None) -> Iterator[Instance]:
    """An empty instance on SQLite (database=None) or on a new PostgreSQL database."""
    home = tmp_path / f"home-{uuid.uuid4().hex[:6]}"
    if database is None:
        yield Instance(home, None)
        shutil.rmtree(home, ignore_errors=True)
        return
    import psycopg

    name = f"glimmers_proc_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(_admin_url(database), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield Instance(home, database.rsplit("/", 1)[0] + "/" + name)
    finally:
        with psycopg.connect(_admin_url(database), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture
def instance(tmp_path: Path) -> Iterator[Instance]:
    yield from make_instance(tmp_path, database=os.environ.get("DATABASE_URL"))
