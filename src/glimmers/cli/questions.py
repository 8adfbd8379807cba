"""`glimmers question`: the Glimmer Question in the terminal, asked step by step or scripted.

glimmers question                       # asks in turn: which question, 0–10, follow-ups
glimmers question --continue            # the follow-ups left open last time
glimmers question --scale 7 --know "a message from Ira" --json
glimmers question history [-n N] [--json]
glimmers question list | add TEXT | archive ID
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from django.contrib.auth.models import User

from glimmers.cli.app import USER_HELP, app
from glimmers.cli.i18n import _
from glimmers.cli.runtime import CommandError, acting_user, friendly_errors, print_json, setup

question_app = typer.Typer(
    help=(
        "The Glimmer Question: how likely, from 0 to 10, is a small good change you did not "
        "plan; then how you would know, feel and see it, what your body would do, who would "
        "notice. Without --scale it asks each step in turn and saves after every answer."
    ),
    no_args_is_help=False,
    rich_markup_mode=None,
)
app.add_typer(question_app, name="question")


def _scale(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise CommandError(_("“{text}” is not a number from 0 to 10.").format(text=text)) from None


@question_app.callback(invoke_without_command=True)
def question(
    ctx: typer.Context,
    scale: str | None = typer.Option(
        None, "--scale", help="How likely, from 0 (not at all) to 10 (very); answers at once."
    ),
    know: str = typer.Option("", "--know", help="How you would know it had happened."),
    feel: str = typer.Option("", "--feel", help="What you would feel."),
    see: str = typer.Option("", "--see", help="What you would see or notice around you."),
    body: str = typer.Option("", "--body", help="What your body would do."),
    who: str = typer.Option("", "--who", help="Who around you would notice."),
    question_key: str | None = typer.Option(
        None,
        "--question",
        "-q",
        help="today (the default), week, kindness, or the id of your own question "
        "(see `glimmers question list`).",
    ),
    carry_on: bool = typer.Option(
        False, "--continue", help="Carry on with the answer you last left part-way."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the saved answer as JSON."),
    user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP),
) -> None:
    """Answer a Glimmer Question; prints the answer's id."""
    if ctx.invoked_subcommand is not None:
        return
    setup()
    with friendly_errors():
        from glimmers.questions import services
        from glimmers.questions.records import answer_record

        owner = acting_user(user, create=True)
        if carry_on:
            answer = services.unfinished(owner)
            if answer is None:
                raise CommandError(
                    _("Nothing was left part-way; run `glimmers question` to begin.")
                )
            _follow_ups(answer, recap=True)
        elif scale is not None:
            steps = {"know": know, "feel": feel, "see": see, "body": body, "who": who}
            answer = services.answer_at_once(
                owner, question_key or "today", _scale(scale), {k: v for k, v in steps.items() if v}
            )
        else:
            answer = _ask(owner, question_key)
        if as_json:
            print_json(answer_record(answer))
        else:
            typer.echo(str(answer.id))


def _ask(owner: User, key: str | None) -> Any:
    """Ask each step in turn, saving after every answer; Ctrl-C or the end of the input
    stops with everything so far kept."""
    from django.core.exceptions import ValidationError
    from rich.console import Console
    from rich.prompt import Prompt

    from glimmers.questions import services

    console = Console(highlight=False, markup=False)
    choices = services.choices(owner)
    if key is None:
        for number, choice in enumerate(choices, start=1):
            console.print(f"{number}. {choice.text}")
        picked = _prompt(lambda: Prompt.ask(_("Which question"), console=console, default="1"))
        if picked is None:
            raise CommandError(
                _("No answer was given; pass --scale N to answer without questions.")
            )
        if not picked.strip().isdigit() or not 1 <= int(picked) <= len(choices):
            raise CommandError(
                _("“{picked}” is not one of the numbers above.").format(picked=picked)
            )
        key = choices[int(picked) - 1].key
    words = services.resolve(owner, key)[2]
    console.print(f"\n{words}")
    while True:
        given = _prompt(lambda: Prompt.ask(_("0 to 10 (any number is fine)"), console=console))
        if given is None:
            raise CommandError(
                _("No answer was given; pass --scale N to answer without questions.")
            )
        try:
            number = services.check_scale(_scale(given))
        except CommandError as error:
            console.print(str(error))
        except ValidationError as error:
            console.print(error.messages[0])
        else:
            break
    return _follow_ups(services.start(owner, key, number))


def _follow_ups(answer: Any, *, recap: bool = False) -> Any:
    """Ask the follow-ups still empty, saving each; stop quietly at Ctrl-C or end of input."""
    from rich.console import Console
    from rich.prompt import Prompt

    from glimmers.questions import services
    from glimmers.questions.choices import Step

    console = Console(highlight=False, markup=False)
    if recap:
        console.print(f"{answer.question_text} {answer.scale}/10")
    for step in Step:
        if answer.step_text(step):
            if recap:
                console.print(f"{step.label} {answer.step_text(step)}")
            continue
        text = _prompt(
            lambda p=str(step.label): Prompt.ask(p, console=console, default="", show_default=False)
        )
        if text is None:
            typer.echo(
                _(
                    "Stopped here; everything you wrote so far is saved. "
                    "Carry on with `glimmers question --continue` or on the web."
                ),
                err=True,
            )
            return answer
        services.save_step(answer, step, text)
    services.finish(answer)
    return answer


def _prompt(ask: Any) -> str | None:
    try:
        return str(ask())
    except (EOFError, KeyboardInterrupt):
        return None


@question_app.command()
def history(
    number: int = typer.Option(20, "-n", "--number", min=1, help="How many (newest first)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON with the export's field names."),
    user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP),
) -> None:
    """Your answers, newest first: when, how likely, and the question."""
    setup()
    with friendly_errors():
        from django.utils import timezone

        from glimmers.cli.runtime import is_terminal
        from glimmers.questions import services
        from glimmers.questions.records import answer_record

        owner = acting_user(user)
        answers = list(reversed(services.history(owner, number)))
        if as_json:
            print_json([answer_record(answer) for answer in answers])
            return
        if not answers:
            typer.echo(_("No answers yet. One is enough to begin."))
            return
        zone = timezone.get_current_timezone()
        rows = [
            (
                f"{answer.asked_at.astimezone(zone):%Y-%m-%d %H:%M}",
                f"{answer.scale}/10",
                answer.question_text,
                str(answer.id),
            )
            for answer in answers
        ]
        if not is_terminal():
            for row in rows:
                typer.echo("\t".join(row))
            return
        from rich.console import Console
        from rich.table import Table

        table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
        for heading in (_("when"), _("how likely"), _("question")):
            table.add_column(heading, overflow="fold")
        for row in rows:
            table.add_row(*row[:3])
        Console().print(table)


@question_app.command("list")
def list_(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP),
) -> None:
    """The questions you can ask: the built-in ones and your own (id, then the words)."""
    setup()
    with friendly_errors():
        from glimmers.questions import services

        owner = acting_user(user)
        choices = services.choices(owner)
        if as_json:
            print_json([{"id": c.key, "text": c.text, "own": c.own} for c in choices])
            return
        for choice in choices:
            typer.echo(f"{choice.key}\t{choice.text}")


@question_app.command()
def add(
    text: str = typer.Argument(..., help="Your question, in your own words."),
    user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP),
) -> None:
    """Write a Glimmer Question of your own; prints its id for --question."""
    setup()
    with friendly_errors():
        from glimmers.questions import services

        owner = acting_user(user, create=True)
        typer.echo(str(services.add_question(owner, text).id))


@question_app.command()
def archive(
    question_id: str = typer.Argument(..., metavar="ID", help="The id of your own question."),
    user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP),
) -> None:
    """Put one of your questions away; its answers stay in your history."""
    setup()
    with friendly_errors():
        from glimmers.questions import services

        owner = acting_user(user)
        _builtin, own, _words = services.resolve(owner, question_id)
        if own is None:
            raise CommandError(_("Only your own questions can be put away."))
        services.archive_question(own)
        typer.echo(_("Put away: {question}").format(question=own.text))
