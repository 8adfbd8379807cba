"""The `glimmers` command. Each subcommand parses its arguments and calls one function of
the application; Django is set up only when a command needs it, so `--help` stays quick.

`main` first offers the command to a warm helper (see `warm`), which answers in a fraction
of a cold start; without one, the command runs here.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any


def main() -> None:
    from glimmers.cli.warm import after_cold, run_warm

    environ = dict(os.environ)
    code = run_warm(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from glimmers.cli.app import app

    try:
        app()
    finally:
        after_cold(sys.argv[1:], environ)


def __getattr__(name: str) -> Any:
    if name == "app":  # `from glimmers.cli import app`, without importing Typer at start
        from glimmers.cli.app import app

        return app
    raise AttributeError(name)
