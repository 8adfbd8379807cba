"""Drive the real `glimmers` command in-process (CliRunner) against the test database."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from glimmers.cli.app import app

Run = Callable[..., Result]


@pytest.fixture
def run(db: Any) -> Run:
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)

    return invoke
