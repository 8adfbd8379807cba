"""Reading: list, search, stats."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

import typer

from glimmers.cli.app import USER_HELP, app
from glimmers.cli.capture import TOKEN_HELP, _remote, _when
from glimmers.cli.i18n import _
from glimmers.cli.runtime import (
    CommandError,
    acting_user,
    friendly_errors,
    is_terminal,
    print_json,
    remote_errors,
    setup,
)

SERVER_HELP = "Read the diary on this Glimmers server (URL) instead of this computer's."


def show(records: list[dict[str, Any]], as_json: bool, zone: tzinfo | None = None) -> None:
    """Records as JSON, a Rich table in a terminal, or tab-separated lines in a pipe."""
    if as_json:
        print_json(records)
        return
    from datetime import datetime

    if zone is None:
        from django.utils import timezone

        zone = timezone.get_current_timezone()
    from zoneinfo import ZoneInfo

    def shown(record: dict[str, Any]) -> str:
        """Its time on its writer's clock: its own zone where it has one, else the diary's."""
        own = ZoneInfo(record["time_zone"]) if record.get("time_zone") else zone
        return f"{datetime.fromisoformat(record['noticed_at']).astimezone(own):%Y-%m-%d %H:%M}"

    rows = [
        (
            shown(r),
            r["text"],
            " ".join(r["senses"]),
            " ".join(f"#{t}" for t in r["tags"]),
            r["id"],
        )
        for r in records
    ]
    if not is_terminal():
        for row in rows:
            typer.echo("\t".join(cell.replace("\n", " ").replace("\t", " ") for cell in row))
        return
    if not rows:
        typer.echo(_("Nothing here yet. One small moment a day is plenty."))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for heading in (_("when"), _("glimmer"), _("senses"), _("tags")):
        table.add_column(heading, overflow="fold")
    for row in rows:
        table.add_row(*row[:4])
    Console().print(table)


@app.command("list")
def list_(
    since: str | None = typer.Option(None, "--since", help="Only from this time on."),
    until: str | None = typer.Option(None, "--until", help="Only up to this time."),
    sense: str | None = typer.Option(None, "--sense", "-s", help="Only those with this sense."),
    kind: str | None = typer.Option(None, "--kind", "-k", help="Only this kind."),
    tag: str | None = typer.Option(None, "--tag", "-t", help="Only those with this tag."),
    person: str | None = typer.Option(None, "--person", "-p", help="Only those with this person."),
    number: int = typer.Option(20, "-n", "--number", min=1, help="How many (newest first)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON with the export's field names."),
    user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP),
    server: str | None = typer.Option(None, "--server", help=SERVER_HELP),
    token: str | None = typer.Option(None, "--token", help=TOKEN_HELP),
) -> None:
    """List glimmers, newest first."""
    remote = _remote(server, token)
    if remote is not None:
        from glimmers.cli import remote as api

        with remote_errors():
            query = {
                "since": api.when(since),
                "until": api.when(until),
                "sense": sense,
                "kind": kind,
                "tag": tag,
            }
            show(api.glimmers(remote, query, number), as_json, api.local_zone())
        return
    setup()
    with friendly_errors():
        from glimmers.diary.queries import Filters, timeline
        from glimmers.diary.records import glimmer_records

        owner = acting_user(user)
        filters = Filters(
            since=_when(since), until=_when(until), sense=sense, kind=kind, tag=tag, person=person
        )
        glimmers = timeline(owner, filters)
        show(glimmer_records(glimmers[:number]), as_json)


@app.command()
def search(
    query: str = typer.Argument(..., help="Words to look for."),
    since: str | None = typer.Option(None, "--since", help="Only from this time on."),
    until: str | None = typer.Option(None, "--until", help="Only up to this time."),
    sense: str | None = typer.Option(None, "--sense", "-s", help="Only those with this sense."),
    kind: str | None = typer.Option(None, "--kind", "-k", help="Only this kind."),
    tag: str | None = typer.Option(None, "--tag", "-t", help="Only those with this tag."),
    person: str | None = typer.Option(None, "--person", "-p", help="Only those with this person."),
    number: int = typer.Option(20, "-n", "--number", min=1, help="How many (best match first)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON with the export's field names."),
    user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP),
    server: str | None = typer.Option(None, "--server", help=SERVER_HELP),
    token: str | None = typer.Option(None, "--token", help=TOKEN_HELP),
) -> None:
    """Find glimmers holding every word of QUERY (or words starting with it), best first.

    Looks in the words, sense lines, body notes, tags and people; case and apostrophes
    don't matter. Against a server (--server), the newest come first.
    """
    remote = _remote(server, token)
    if remote is not None:
        from glimmers.cli import remote as api

        with remote_errors():
            if not query.strip():
                raise CommandError(_("Give a word or two to look for."))
            if person:
                raise CommandError(_("--person does not work with --server yet; use --tag."))
            wanted = {
                "q": query,
                "order": "best",  # as a search here ranks them
                "since": api.when(since),
                "until": api.when(until),
                "sense": sense,
                "kind": kind,
                "tag": tag,
            }
            show(api.glimmers(remote, wanted, number), as_json, api.local_zone())
        return
    setup()
    with friendly_errors():
        from glimmers.diary.queries import Filters
        from glimmers.diary.queries import search as find
        from glimmers.diary.records import glimmer_records
        from glimmers.diary.search import terms_of

        if not terms_of(query):
            raise CommandError(_("Give a word or two to look for."))
        owner = acting_user(user)
        filters = Filters(
            since=_when(since), until=_when(until), sense=sense, kind=kind, tag=tag, person=person
        )
        found = find(owner, query, filters, limit=number)
        show(glimmer_records(found[:number]), as_json)


@app.command()
def stats(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP),
) -> None:
    """A gentle summary of the practice so far; charts when printed to a terminal."""
    setup()
    with friendly_errors():
        from glimmers.insights.figures import figures_for

        owner = acting_user(user)
        figures = figures_for(owner)
        summary = figures.summary()
        if as_json:
            print_json(figures.record())
            return
        lines = [
            _("Glimmers noticed: {count}").format(count=summary["glimmers"]),
            "  " + _("in the last 7 days: {count}").format(count=summary["glimmers_last_7_days"]),
            _("Days with at least one glimmer: {count}").format(
                count=summary["days_with_glimmers"]
            ),
            _("Triggers noted: {count}").format(count=summary["triggers"]),
            _("Beans counted: {count} (today: {today})").format(
                count=summary["beans"], today=summary["beans_today"]
            ),
        ]
        senses = ", ".join(f"{name} {count}" for name, count in summary["senses"].items() if count)
        if senses:
            lines.append(_("Senses: {senses}").format(senses=senses))
        typer.echo("\n".join(lines))
        if is_terminal() and not figures.empty:
            from glimmers.cli.charts import draw

            draw(figures)
