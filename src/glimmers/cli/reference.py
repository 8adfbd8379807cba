"""Render the CLI reference (docs/cli.md) from the commands' own --help.

    python -m glimmers.cli.reference > docs/cli.md

A test checks that the committed file matches, so the reference cannot drift.
"""

from __future__ import annotations

import os

import typer
from typer.testing import CliRunner

from glimmers.cli.app import app


def _commands(group: typer.Typer, prefix: list[str]) -> list[list[str]]:
    found = []
    for info in group.registered_commands:
        name = info.name or (info.callback.__name__ if info.callback else "")
        found.append([*prefix, name.rstrip("_")])
    for sub in group.registered_groups:
        if sub.typer_instance is not None and sub.name:
            found.append([*prefix, sub.name])
            found.extend(_commands(sub.typer_instance, [*prefix, sub.name]))
    return found


def render() -> str:
    runner = CliRunner()
    env = {"COLUMNS": "100", "TERM": "dumb"}
    parts = [
        "# The `glimmers` command\n",
        "Generated from `--help` by `python -m glimmers.cli.reference`; do not edit by hand.\n",
    ]
    for words in [[], *_commands(app, [])]:
        result = runner.invoke(app, [*words, "--help"], env=env, prog_name="glimmers")
        title = " ".join(["glimmers", *words])
        parts.append(f"\n## `{title}`\n\n```\n{result.output.rstrip()}\n```\n")
    return "".join(parts)


if __name__ == "__main__":
    os.environ.setdefault("COLUMNS", "100")
    print(render(), end="")
