"""Printing: a booklet of a period and cut-out bookmarks, as PDF files."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from glimmers.cli.app import USER_HELP, app
from glimmers.cli.capture import _when
from glimmers.cli.data import write_atomically
from glimmers.cli.i18n import _, ngettext
from glimmers.cli.i18n import language as spoken
from glimmers.cli.runtime import CommandError, acting_user, friendly_errors, setup


class PaperSize(StrEnum):
    a4 = "a4"
    letter = "letter"


class Language(StrEnum):
    en = "en"
    uk = "uk"
    de = "de"


def _checked_output(output: Path) -> Path:
    if output.is_dir():
        raise CommandError(
            _("{path} is a folder; give a file name such as booklet.pdf.").format(path=output)
        )
    if not output.expanduser().resolve().parent.is_dir():
        raise CommandError(_("The folder for {path} does not exist.").format(path=output))
    return output


@app.command()
def booklet(
    output: Path = typer.Option(..., "-o", "--output", help="The PDF file to write."),
    since: str | None = typer.Option(
        None, "--since", help="The first day (default: 29 days before --until)."
    ),
    until: str | None = typer.Option(None, "--until", help="The last day (default: today)."),
    photos: bool = typer.Option(True, "--photos/--no-photos", help="Print the photos too."),
    triggers: bool = typer.Option(
        False, "--triggers/--no-triggers", help="Also list the triggers noted on those days."
    ),
    paper: PaperSize = typer.Option(PaperSize.a4, "--paper", help="a4 or letter."),
    language: Language | None = typer.Option(
        None,
        "--language",
        "-l",
        help="The booklet's language: en, uk or de (default: the terminal's).",
    ),
    user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP),
) -> None:
    """Print a booklet (PDF) of the glimmers of a period: whole days, both ends included."""
    setup()
    with friendly_errors():
        from datetime import timedelta

        from django.utils import timezone, translation

        from glimmers.booklet.services import BookletOptions, make_booklet

        owner = acting_user(user)
        _checked_output(output)
        last = (_when(until) or timezone.now()).astimezone(timezone.get_current_timezone())
        first_moment = _when(since)
        first = (
            first_moment.astimezone(timezone.get_current_timezone()).date()
            if first_moment
            else last.date() - timedelta(days=29)
        )
        options = BookletOptions(
            since=first, until=last.date(), photos=photos, triggers=triggers, paper=paper.value
        )
        with translation.override(language.value if language else spoken()):
            printed = make_booklet(owner, options)
        write_atomically(output, printed.pdf)
        glimmers = ngettext("{count} glimmer", "{count} glimmers", printed.glimmers)
        # A cover, then the days: never one page, so the English says "pages" as it always did.
        pages = ngettext("{count} page", "{count} pages", printed.pages)
        typer.echo(
            _("Wrote {path}: {glimmers} from {since} to {until}, {pages}.").format(
                path=output,
                glimmers=glimmers.format(count=printed.glimmers),
                since=first.isoformat(),
                until=last.date().isoformat(),
                pages=pages.format(count=printed.pages),
            )
        )


@app.command()
def bookmark(
    glimmer_ids: list[str] | None = typer.Argument(
        None,
        metavar="[ID]...",
        help="Up to six glimmer ids (see `glimmers list`); none: recent strong glimmers.",
    ),
    output: Path = typer.Option(..., "-o", "--output", help="The PDF file to write."),
    paper: PaperSize = typer.Option(PaperSize.a4, "--paper", help="a4 or letter."),
    language: Language | None = typer.Option(
        None,
        "--language",
        "-l",
        help="The bookmarks' language: en, uk or de (default: the terminal's).",
    ),
    user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP),
) -> None:
    """Print cut-out bookmarks (PDF), one glimmer on each, three to a page."""
    setup()
    with friendly_errors():
        import uuid

        from django.utils import translation

        from glimmers.booklet.services import make_bookmarks

        owner = acting_user(user)
        _checked_output(output)
        ids = []
        for text in glimmer_ids or []:
            try:
                ids.append(uuid.UUID(text))
            except ValueError:
                raise CommandError(
                    _("“{id}” is not a glimmer id; see `glimmers list`.").format(id=text)
                ) from None
        with translation.override(language.value if language else spoken()):
            printed = make_bookmarks(owner, ids, paper.value)
        write_atomically(output, printed.pdf)
        bookmarks = ngettext("{count} bookmark", "{count} bookmarks", printed.glimmers)
        pages = ngettext("on {count} page", "on {count} pages", printed.pages)
        typer.echo(
            _("Wrote {path}: {bookmarks} {pages}.").format(
                path=output,
                bookmarks=bookmarks.format(count=printed.glimmers),
                pages=pages.format(count=printed.pages),
            )
        )
