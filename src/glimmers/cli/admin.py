"""Running the server and looking after people: serve, user."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import typer

from glimmers.cli.app import app
from glimmers.cli.i18n import _
from glimmers.cli.runtime import CommandError, friendly_errors, setup

user_app = typer.Typer(
    help="Create, list and look after the people of this instance.", no_args_is_help=True
)
app.add_typer(user_app, name="user")


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="The address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="The port to listen on."),
    threads: int = typer.Option(8, "--threads", min=1, help="Worker threads."),
    backup_to: Path | None = typer.Option(
        None,
        "--backup-to",
        help="Also take a backup each day into this folder (as `glimmers backup FOLDER --keep`).",
    ),
    backup_keep: int = typer.Option(
        14, "--backup-keep", min=1, help="How many daily backups to keep in that folder."
    ),
    backup_at: str = typer.Option(
        "03:00", "--backup-at", help="The local time of day for it (HH:MM, this machine's zone)."
    ),
    backup_encrypt: bool = typer.Option(
        False,
        "--backup-encrypt",
        help="Seal each with the passphrase in GLIMMERS_BACKUP_PASSPHRASE.",
    ),
    backup_recipient: list[str] = typer.Option(
        [], "--backup-recipient", help="Seal each for this age public key (age1…); repeatable."
    ),
) -> None:
    """Apply migrations and serve the web app (waitress, a production-grade server); with
    --backup-to, also back everything up once a day."""
    setup()
    with friendly_errors():
        from django.conf import settings
        from waitress import create_server

        from glimmers.wsgi import application

        nightly = None
        if backup_to is not None:
            nightly = _nightly_backups(
                backup_to, backup_keep, backup_at, backup_encrypt, backup_recipient
            )

        try:
            server = create_server(
                application, host=host, port=port, threads=threads, ident="glimmers"
            )
        except OSError as error:
            raise CommandError(
                _("Cannot listen on {host}:{port}: {reason}.").format(
                    host=host, port=port, reason=error.strerror
                )
            ) from None
        shown = f"[{host}]" if ":" in host else host
        typer.echo(
            _("Glimmers is ready at {address}  (Ctrl+C stops it)").format(
                address=f"http://{shown}:{port}/"
            )
        )
        if host not in ("127.0.0.1", "localhost", "::1") and settings.ALLOWED_HOSTS == [
            "localhost",
            "127.0.0.1",
            "[::1]",
        ]:
            typer.echo(
                _(
                    "Others will reach it only by the names in GLIMMERS_ALLOWED_HOSTS "
                    "(e.g. GLIMMERS_ALLOWED_HOSTS=glimmers.local,192.168.1.20)."
                ),
                err=True,
            )
        if nightly is not None:
            typer.echo(
                _("A backup is taken each day at {at} into {folder}.").format(
                    at=backup_at, folder=backup_to
                )
            )
            nightly.start()
        sys.stdout.flush()
        try:
            server.run()
        except KeyboardInterrupt:
            typer.echo(_("Stopped. Take care."), err=True)
        finally:
            if nightly is not None:
                nightly.stop()
            server.close()


def _nightly_backups(folder: Path, keep: int, at: str, encrypt: bool, recipients: list[str]) -> Any:
    import zoneinfo
    from datetime import time

    from django.conf import settings

    from glimmers.portability import backup as backups

    try:
        when = time.fromisoformat(at)
    except ValueError:
        raise CommandError(
            _("“{at}” is not a time of day; give it as HH:MM, e.g. 03:00.").format(at=at)
        ) from None
    passphrase = None
    if encrypt and not recipients:
        passphrase = os.environ.get("GLIMMERS_BACKUP_PASSPHRASE") or None
        if passphrase is None:
            raise CommandError(
                _("--backup-encrypt needs the passphrase in GLIMMERS_BACKUP_PASSPHRASE.")
            )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CommandError(
            _("Cannot use {folder} for backups: {reason}.").format(
                folder=folder, reason=error.strerror
            )
        ) from None
    return backups.NightlyBackups(
        folder,
        keep,
        when,
        backups.Sealing(passphrase=passphrase, recipients=recipients),
        zoneinfo.ZoneInfo(settings.MACHINE_TIME_ZONE),
    )


def _read_password(from_stdin: bool, name: str) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\n")
        if not password:
            raise CommandError(_("No password came on standard input."))
        return password
    if not sys.stdin.isatty():
        raise CommandError(_("Give the password with --password-stdin when not in a terminal."))
    first = typer.prompt(_("Password for {name}").format(name=name), hide_input=True)
    second = typer.prompt(_("The same password again"), hide_input=True)
    if first != second:
        raise CommandError(_("The two passwords differ; nothing was changed."))
    return str(first)


@user_app.command("create")
def user_create(
    name: str = typer.Argument(..., help="The new person's name (used to sign in)."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from standard input."
    ),
    no_password: bool = typer.Option(
        False, "--no-password", help="CLI use only: no web sign-in until a password is set."
    ),
    time_zone: str | None = typer.Option(
        None, "--time-zone", help="An IANA zone such as Europe/Kyiv (default: this machine's)."
    ),
) -> None:
    """Create a person. In a terminal it asks for a password."""
    setup()
    with friendly_errors():
        from glimmers.accounts.services import create_user

        password = None
        if not no_password and (password_stdin or sys.stdin.isatty()):
            password = _read_password(password_stdin, name)
        user = create_user(name, password, time_zone=time_zone)
        typer.echo(_("Created {name}.").format(name=user.get_username()))


@user_app.command("list")
def user_list() -> None:
    """List the people of this instance."""
    setup()
    with friendly_errors():
        from django.contrib.auth import get_user_model

        for user in get_user_model().objects.order_by("username"):
            # Tab-separated for scripts, so the same words in every language.
            web = "web and CLI" if user.has_usable_password() else "CLI only"
            typer.echo(f"{user.get_username()}\t{web}")


@user_app.command("password")
def user_password(
    name: str = typer.Argument(..., help="Whose password to set."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from standard input."
    ),
) -> None:
    """Set a person's password (so they can sign in on the web)."""
    setup()
    with friendly_errors():
        from django.contrib.auth import get_user_model

        from glimmers.accounts.services import set_password

        user = get_user_model().objects.filter(username=name).first()
        if user is None:
            raise CommandError(_("There is nobody called “{name}” here.").format(name=name))
        set_password(user, _read_password(password_stdin, name))
        typer.echo(_("Password set for {name}.").format(name=name))


@user_app.command("delete")
def user_delete(
    name: str = typer.Argument(..., help="Who to delete, with everything they wrote."),
    yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation."),
) -> None:
    """Delete a person, their entries and their photo files. This cannot be undone."""
    setup()
    with friendly_errors():
        from django.contrib.auth import get_user_model

        from glimmers.accounts.services import delete_account

        user = get_user_model().objects.filter(username=name).first()
        if user is None:
            raise CommandError(_("There is nobody called “{name}” here.").format(name=name))
        if not yes:
            if not sys.stdin.isatty():
                raise CommandError(_("Add --yes to delete without a question."))
            typer.confirm(
                _("Delete {name} and everything they wrote?").format(name=name), abort=True
            )
        delete_account(user)
        typer.echo(_("Deleted {name}.").format(name=name))
