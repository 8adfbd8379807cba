"""What every command shares: Django set-up, the acting person, errors, and output."""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import sys
from collections.abc import Iterator
from typing import Any, NoReturn

import typer

from glimmers.cli.i18n import _


class CommandError(Exception):
    """Stops a command with one sentence on stderr and exit code 1."""


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(code)


def setup() -> None:
    """Start Django and make sure the database has its tables."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glimmers.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as error:
        fail(str(error))
    from django.utils import translation

    from glimmers.cli.i18n import language
    from glimmers.lib.schema import ensure_schema

    # Messages from the shared rules (a form's "Write a few words…") speak the terminal's
    # language too.
    translation.activate(language())
    ensure_schema()


@contextlib.contextmanager
def friendly_errors() -> Iterator[None]:
    """Turn what can go wrong into one clear sentence and a non-zero exit."""
    from django.core.exceptions import ValidationError
    from django.db import DatabaseError

    from glimmers.lib.photos import PhotoError
    from glimmers.lib.records import ImportProblem

    try:
        yield
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except CommandError as error:
        fail(str(error))
    except ValidationError as error:
        fail(" ".join(dict.fromkeys(str(message) for message in error.messages)))
    except (ImportProblem, PhotoError) as error:
        fail(str(error))
    except DatabaseError as error:
        problem = str(error).strip().splitlines()[0]
        fail(_("The database could not do that: {problem}.").format(problem=problem))
    except OSError as error:
        fail(f"{error.strerror or error}: {error.filename}." if error.filename else str(error))


@contextlib.contextmanager
def remote_errors() -> Iterator[None]:
    """For commands talking to a server: one sentence and exit 1, no Django involved."""
    try:
        yield
    except CommandError as error:
        fail(str(error))


def acting_user(name: str | None, *, create: bool = False) -> Any:
    """The person the CLI acts for: --user / GLIMMERS_USER, or the only one there is.

    On a fresh install, a capture (create=True) makes a person named after the login name.
    """
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from glimmers.accounts.services import create_user
    from glimmers.diary.models import time_zone_of

    User = get_user_model()
    name = name or os.environ.get("GLIMMERS_USER") or None
    if name:
        user = User.objects.filter(username=name).first()
        if user is None:
            raise CommandError(
                _("There is nobody called “{name}” here; see `glimmers user list`.").format(
                    name=name
                )
            )
    else:
        people = list(User.objects.order_by("id")[:2])
        if len(people) > 1:
            raise CommandError(
                _("There are several people here; say which with --user NAME or GLIMMERS_USER.")
            )
        if people:
            user = people[0]
        elif create:
            login = _login_name()
            user = create_user(login, None)
            typer.echo(
                _(
                    "Welcome. Glimmers made a diary for “{login}”; "
                    "give it a password with `glimmers user password` to use the web too."
                ).format(login=login),
                err=True,
            )
        else:
            raise CommandError(
                _("There is no diary here yet; add a glimmer or run `glimmers user create`.")
            )
    timezone.activate(time_zone_of(user))
    return user


def _login_name() -> str:
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = "me"
    return "".join(c for c in name if c.isalnum() or c in "@.+-_") or "me"


def is_terminal() -> bool:
    return sys.stdout.isatty()


def print_json(value: Any) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2))
