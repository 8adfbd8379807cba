"""The `glimmers` command. Each subcommand parses its arguments and calls one function of
the application; Django is set up only when a command needs it, so `--help` stays quick."""

from glimmers.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
