"""Capturing: add, trigger, bean, intention."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from glimmers.cli.app import USER_HELP, app
from glimmers.cli.i18n import _
from glimmers.cli.runtime import CommandError, acting_user, friendly_errors, remote_errors, setup

SERVER_HELP = "Save it on this Glimmers server (URL) instead of this computer."
TOKEN_HELP = "A device token for --server (from `glimmers token create` on the server)."  # noqa: S105

if TYPE_CHECKING:
    from glimmers.cli.remote import Remote
    from glimmers.lib.photos import PreparedPhoto

SENSE_HELP = (
    "A sense it came through: sight, hearing, smell, taste, touch, body (inside the body) "
    "or intuition (intuition and any further sense). Repeat for several."
)
AT_HELP = 'When it happened: an ISO date or time, or words like "yesterday 18:00" (default: now).'


def unreadable_time(text: str) -> CommandError:
    return CommandError(
        _(
            "“{text}” is not a time Glimmers can read; try 2024-05-01, 2024-05-01 18:00, "
            "yesterday 18:00 or 3 hours ago."
        ).format(text=text)
    )


def _when(text: str | None) -> datetime | None:
    """Parse --at in the acting person's time zone."""
    if text is None:
        return None
    from django.utils import timezone

    from glimmers.lib.when import WhenError, parse_when

    try:
        return parse_when(text, now=timezone.now(), zone=timezone.get_current_timezone())
    except WhenError:
        raise unreadable_time(text) from None


def _remote(server: str | None, token: str | None) -> Remote | None:
    """The server named by --server/--token, GLIMMERS_SERVER/GLIMMERS_TOKEN or remote.toml."""
    from glimmers.cli.remote import target

    with remote_errors():
        return target(server, token)


def _lines(values: list[str]) -> dict[str, str]:
    lines = {}
    for value in values:
        sense, separator, line = value.partition("=")
        if not separator:
            raise CommandError(
                _("“{value}” needs the form SENSE=TEXT, e.g. sight=the light on the wall.").format(
                    value=value
                )
            )
        lines[sense.strip().lower()] = line
    return lines


def _photos(paths: list[Path]) -> list[PreparedPhoto]:
    from glimmers.lib.photos import PhotoError, prepare_upload

    prepared = []
    for path in paths:
        try:
            with path.open("rb") as handle:
                prepared.append(prepare_upload(handle))
        except PhotoError as error:
            raise CommandError(f"{path}: {error}") from None
        except OSError as error:
            raise CommandError(
                _("Cannot read the photo {path}: {reason}.").format(
                    path=path, reason=error.strerror
                )
            ) from None
    return prepared


@app.command()
def add(
    text: str = typer.Argument(..., help="A few words about the moment."),
    sense: list[str] = typer.Option([], "--sense", "-s", help=SENSE_HELP),
    line: list[str] = typer.Option(
        [], "--line", help='A line for one sense, as SENSE=TEXT ("sight=sun on the wall").'
    ),
    body: str = typer.Option("", "--body", "-b", help="What your body did or felt."),
    at: str | None = typer.Option(None, "--at", help=AT_HELP),
    kind: str = typer.Option(
        "moment", "--kind", "-k", help="moment, memory, dark-time, conversation or photo."
    ),
    photo: list[Path] = typer.Option([], "--photo", help="A picture file; repeat for several."),
    tag: list[str] = typer.Option([], "--tag", "-t", help="A tag; repeat for several."),
    person: list[str] = typer.Option([], "--person", "-p", help="Someone who was part of it."),
    intensity: int | None = typer.Option(
        None, "--intensity", min=1, max=5, help="How strong, from 1 to 5."
    ),
    user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP),
    server: str | None = typer.Option(None, "--server", help=SERVER_HELP),
    token: str | None = typer.Option(None, "--token", help=TOKEN_HELP),
) -> None:
    """Save a glimmer and print its id."""
    remote = _remote(server, token)
    if remote is not None:
        from glimmers.cli import remote as api

        with remote_errors():
            payload = {
                "text": text,
                "noticed_at": api.when(at),
                "senses": sense,
                "sense_lines": _lines(line),
                "body": body,
                "kind": kind,
                "tags": tag,
                "people": person,
                "intensity": intensity,
            }
            typer.echo(api.add(remote, payload, photo))
        return
    setup()
    with friendly_errors():
        from glimmers.diary.choices import check_kind
        from glimmers.diary.services import EntryInput, add_glimmer

        check_kind(kind)  # before a first capture makes a diary
        owner = acting_user(user, create=True)
        glimmer = add_glimmer(
            owner,
            EntryInput(
                text=text,
                noticed_at=_when(at),
                senses=sense,
                sense_lines=_lines(line),
                body=body,
                kind=kind,
                tags=tag,
                people=person,
                intensity=intensity,
                photos=_photos(photo),
            ),
        )
        typer.echo(str(glimmer.id))


@app.command()
def trigger(
    text: str = typer.Argument(..., help="A few words about what happened."),
    sense: list[str] = typer.Option([], "--sense", "-s", help=SENSE_HELP),
    body: str = typer.Option("", "--body", "-b", help="What your body did or felt."),
    at: str | None = typer.Option(None, "--at", help=AT_HELP),
    user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP),
) -> None:
    """Note a trigger briefly and print its id. Noticing it is enough."""
    setup()
    with friendly_errors():
        from glimmers.diary.services import EntryInput, add_trigger

        owner = acting_user(user, create=True)
        entry = add_trigger(
            owner, EntryInput(text=text, noticed_at=_when(at), senses=sense, body=body)
        )
        typer.echo(str(entry.id))


@app.command()
def bean(
    note: str = typer.Option("", "--note", help="An optional word or two."),
    at: str | None = typer.Option(None, "--at", help=AT_HELP),
    user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP),
) -> None:
    """Count a moment with no words; prints today's count."""
    setup()
    with friendly_errors():
        from django.utils import timezone

        from glimmers.diary.services import beans_on, count_bean

        owner = acting_user(user, create=True)
        count_bean(owner, counted_at=_when(at), note=note)
        typer.echo(str(beans_on(owner, timezone.localdate())))


@app.command()
def intention(
    text: str | None = typer.Argument(None, help="What you mean to notice today."),
    user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP),
) -> None:
    """Set today's intention, or show it when no text is given."""
    setup()
    with friendly_errors():
        from django.utils import timezone

        from glimmers.diary.services import intention_on, set_intention

        owner = acting_user(user, create=text is not None)
        if text is None:
            current = intention_on(owner, timezone.localdate())
            typer.echo(current.text if current else _("No intention set for today."))
            return
        typer.echo(set_intention(owner, text).text)
