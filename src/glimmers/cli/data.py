"""Your data is yours: export, import, backup, restore."""

from __future__ import annotations

import errno
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from glimmers.cli.app import USER_HELP, app
from glimmers.cli.capture import TOKEN_HELP, _remote
from glimmers.cli.i18n import _, ngettext
from glimmers.cli.runtime import CommandError, acting_user, friendly_errors, remote_errors, setup

if TYPE_CHECKING:
    from glimmers.lib.records import ImportReport


class ExportFormat(StrEnum):
    json = "json"
    markdown = "markdown"
    csv = "csv"
    jrnl = "jrnl"


class ImportFormat(StrEnum):
    glimmers = "glimmers"
    jrnl = "jrnl"
    dayone = "dayone"


@contextmanager
def progress_bar(label: str, total: int | None) -> Iterator[Callable[[int], None]]:
    """A Rich progress bar on stderr in a terminal; silence in a pipe."""
    if not sys.stderr.isatty():
        yield lambda advance: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda advance: bar.advance(task, advance)


def write_atomically(target: Path, content: str | bytes) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written file."""
    target = target.expanduser().resolve()
    if not target.parent.is_dir():  # say which folder is missing, not the temporary name
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(target.parent))
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(temporary).chmod(0o600)
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@app.command()
def export(
    fmt: ExportFormat = typer.Option(
        ExportFormat.json,
        "--format",
        "-f",
        help="json (lossless, with photos), markdown, csv, or jrnl (a journal file jrnl reads).",
    ),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Write to this file (default: standard output)."
    ),
    user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP),
    server: str | None = typer.Option(
        None, "--server", help="Export the diary on this Glimmers server (URL) instead."
    ),
    token: str | None = typer.Option(None, "--token", help=TOKEN_HELP),
) -> None:
    """Export everything you wrote."""
    remote = _remote(server, token)
    if remote is not None:
        from glimmers.cli import remote as api

        with remote_errors():
            text = api.export(remote, fmt.value)
            if output is None:
                sys.stdout.write(text if text.endswith("\n") else text + "\n")
            else:
                try:
                    write_atomically(output, text)
                except OSError as error:
                    raise CommandError(
                        _("Cannot write {path}: {reason}.").format(
                            path=output, reason=error.strerror
                        )
                    ) from None
        return
    setup()
    with friendly_errors():
        from glimmers.diary.models import Glimmer
        from glimmers.portability.export import TEXT_EXPORTS, export_json

        owner = acting_user(user)
        if fmt is ExportFormat.json:
            total = Glimmer.objects.filter(owner=owner).count()
            with progress_bar(_("Exporting"), total) as advance:
                text = json.dumps(
                    export_json(owner, progress=advance), ensure_ascii=False, indent=1
                )
        else:
            text = TEXT_EXPORTS[fmt.value](owner)
        if output is None:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
        else:
            write_atomically(output, text)


@app.command("import")
def import_(
    file: Path = typer.Argument(..., help="The file to import."),
    fmt: ImportFormat | None = typer.Option(
        None,
        "--format",
        "-f",
        help="glimmers (our JSON), jrnl (JSON or text), dayone (JSON or zip); guessed if left out.",
    ),
    user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP),
    strict: bool = typer.Option(
        False, "--strict", help="Refuse the whole file if one entry cannot be kept."
    ),
    coordinates: bool = typer.Option(
        False,
        "--keep-coordinates",
        help="Keep where each moment was to the metre (latitude and longitude), not only the "
        "place's name.",
    ),
) -> None:
    """Import a file and say what came in: entries already in your diary are skipped, an
    entry that cannot be kept is named with the reason, and a file that is not what it
    says changes nothing."""
    setup()
    with friendly_errors():
        from glimmers.portability.imports import ReadOptions, import_file

        owner = acting_user(user, create=True)
        with progress_bar(_("Importing"), None) as advance:
            report = import_file(
                owner,
                file,
                fmt.value if fmt else None,
                strict=strict,
                progress=advance,
                options=ReadOptions(coordinates=coordinates),
            )
        typer.echo(import_summary(report))
        for skipped in report.skipped:
            typer.echo(_("Not kept: {what}").format(what=skipped.sentence))
        for noted in report.noted:
            typer.echo(_("Note: {what}").format(what=noted.sentence))


def import_summary(report: ImportReport) -> str:
    """One sentence of what an import added and what was there already."""
    count = report.count
    # The English says "(s)" whatever the count; other languages need their plural forms.
    others = [
        (
            count("triggers"),
            ngettext("{count} trigger(s)", "{count} trigger(s)", count("triggers")),
        ),
        (count("beans"), ngettext("{count} bean(s)", "{count} bean(s)", count("beans"))),
        (
            count("intentions"),
            ngettext("{count} intention(s)", "{count} intention(s)", count("intentions")),
        ),
        (
            count("question_answers"),
            ngettext("{count} answer(s)", "{count} answer(s)", count("question_answers")),
        ),
        (
            count("conversations"),
            ngettext("{count} conversation(s)", "{count} conversation(s)", count("conversations")),
        ),
        (count("pauses"), ngettext("{count} pause(s)", "{count} pause(s)", count("pauses"))),
    ]
    added = ngettext("Imported {count} glimmer", "Imported {count} glimmers", count("glimmers"))
    parts = [added.format(count=count("glimmers"))]
    parts += [text.format(count=number) for number, text in others if number]
    message = ", ".join(parts) + "."
    if report.already_there:
        already = ngettext(
            "{count} were already in your diary.",
            "{count} were already in your diary.",
            report.already_there,
        )
        message += " " + already.format(count=report.already_there)
    return message


PASSPHRASE_HELP = "Seal it with age: a passphrase (GLIMMERS_BACKUP_PASSPHRASE, or asked for)."  # noqa: S105


def _passphrase(*, twice: bool) -> str:
    """The backup passphrase: GLIMMERS_BACKUP_PASSPHRASE, or asked for in a terminal."""
    given = os.environ.get("GLIMMERS_BACKUP_PASSPHRASE")
    if given:
        return given
    if not sys.stdin.isatty():
        raise CommandError(
            _("Give the passphrase in GLIMMERS_BACKUP_PASSPHRASE, or run this in a terminal.")
        )
    import getpass

    first = getpass.getpass(_("Backup passphrase: "))
    if twice and getpass.getpass(_("The same again: ")) != first:
        raise CommandError(_("The two passphrases differ; nothing was written."))
    if not first:
        raise CommandError(_("An empty passphrase protects nothing; nothing was written."))
    return first


@app.command()
def backup(
    file: Path = typer.Argument(
        ..., help="Where to write the backup zip (with --keep: a folder for dated backups)."
    ),
    keep: int | None = typer.Option(
        None,
        "--keep",
        min=1,
        help="Write a dated backup into the folder FILE and keep only the newest N there.",
    ),
    encrypt: bool = typer.Option(False, "--encrypt", help=PASSPHRASE_HELP),
    recipient: list[str] = typer.Option(
        [], "--recipient", help="Seal it for this age public key (age1…) instead; repeatable."
    ),
) -> None:
    """Back up the whole instance (every person, their diaries and photos) into one zip: one
    snapshot, taken while people go on writing, read back whole before it is kept."""
    setup()
    with friendly_errors():
        from glimmers.portability import backup as backups

        passphrase = _passphrase(twice=True) if encrypt and not recipient else None
        sealing = backups.Sealing(passphrase=passphrase, recipients=recipient)
        if keep is None and file.exists() and file.is_dir():
            raise CommandError(
                _("{file} is a folder; give a file name such as glimmers-backup.zip.").format(
                    file=file
                )
            )
        with progress_bar(_("Backing up"), len(backups.backed_up_models())) as advance:
            if keep is None:
                target, summary = file, backups.back_up_to(file, sealing, progress=advance)
                let_go = []
            else:
                kept = backups.back_up_into(file, keep, sealing, progress=advance)
                target, summary, let_go = kept.file, kept.summary, kept.let_go
        typer.echo(
            ngettext(
                "Backed up {count} records to {file}.",
                "Backed up {count} records to {file}.",
                summary.records,
            ).format(count=summary.records, file=target)
        )
        for gone in let_go:
            typer.echo(_("Let go of the older {file}.").format(file=gone.name))


@app.command()
def restore(
    file: Path = typer.Argument(..., help="A zip made by `glimmers backup`."),
    check: bool = typer.Option(
        False, "--check", help="Only say whether it would restore; change nothing."
    ),
    identity: Path | None = typer.Option(
        None, "--identity", help="An age identity file, for a backup sealed for a key."
    ),
) -> None:
    """Restore a backup into an empty instance (SQLite or PostgreSQL); a backup sealed with
    --encrypt asks for its passphrase (or GLIMMERS_BACKUP_PASSPHRASE)."""
    setup()
    with friendly_errors():
        from glimmers.portability import backup as backups

        identities: list[str] = []
        passphrase = None
        if backups.is_encrypted(file):
            if identity is not None:
                lines = identity.read_text().splitlines()
                identities = [line for line in lines if line.startswith("AGE-SECRET-KEY-")]
            else:
                passphrase = _passphrase(twice=False)
        with backups.opened(file, passphrase=passphrase, identities=identities) as plain:
            if check:
                summary = backups.check_backup(plain)
                typer.echo(
                    ngettext(
                        "{file} is whole: {count} records and {photos} photos would restore.",
                        "{file} is whole: {count} records and {photos} photos would restore.",
                        summary.records,
                    ).format(file=file, count=summary.records, photos=summary.photos)
                )
                return
            count = backups.restore_backup(plain)
        typer.echo(
            ngettext(
                "Restored {count} records from {file}.",
                "Restored {count} records from {file}.",
                count,
            ).format(count=count, file=file)
        )
