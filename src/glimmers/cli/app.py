"""The Typer application and the options every command shares."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="glimmers",
    help="Glimmers: notice, keep and come back to small moments of safety, calm and joy.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

USER_HELP = "Act as this person (default: GLIMMERS_USER, or the only one there is)."


@app.callback(invoke_without_command=True)
def main(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", help="Print the version and stop."),
) -> None:
    if version:
        from glimmers import __version__

        typer.echo(__version__)
        raise typer.Exit()
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


# The commands register themselves on `app` when imported.
from glimmers.cli import (  # noqa: E402
    admin,
    capture,
    data,
    practice,
    printing,
    questions,
    reading,
    tokens,
)

__all__ = [
    "admin",
    "app",
    "capture",
    "data",
    "practice",
    "printing",
    "questions",
    "reading",
    "tokens",
]
