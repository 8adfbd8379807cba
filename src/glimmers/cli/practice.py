"""The practice in a terminal: pause, walk, morning, evening.

Each is interactive in a terminal and scriptable with flags; without a terminal nothing
is asked, so they work in scripts and pipes.
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from django.contrib.auth.models import User

from glimmers.cli.app import USER_HELP, app
from glimmers.cli.capture import _lines, _when
from glimmers.cli.i18n import _, ngettext
from glimmers.cli.runtime import CommandError, acting_user, friendly_errors, print_json, setup

STATES = "safe, mobilized or shut-down"
IN_SECONDS = 4
CYCLE = 10  # breathe in for 4 seconds, out for 6


def interactive() -> bool:
    """Ask questions only when a person is at a terminal on both ends."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def _state(value: str | None) -> str:
    from glimmers.practice.models import State

    if not value:
        return ""
    if value not in State.values:
        raise CommandError(
            _("“{value}” is not a state; choose safe, mobilized or shut-down.").format(value=value)
        )
    return value


def _ask(question: str, default: str = "") -> str:
    """One line from the person; Enter keeps the default (or skips)."""
    from rich.prompt import Prompt

    return Prompt.ask(question, default=default, show_default=bool(default)).strip()


def _chose(answer: str, english: str, word: str) -> bool:
    """Whether `answer` picks `word` by its first letter, as typed in English ("m" for memory)
    or in the terminal's language (`word`, already translated)."""
    first = answer[:1].lower()
    return bool(first) and first in {english[:1], word[:1].lower()}


# --- pause ------------------------------------------------------------------------------


def _pacer(seconds: int, *, toy: bool, still: bool = False) -> None:
    """A breathing pacer drawn with Rich in a terminal; plain lines, one per breath, in a
    pipe or when asked to keep still."""
    breathe_in = _("The toy rises… breathe in") if toy else _("Breathe in…")
    breathe_out = _("The toy sinks… breathe out") if toy else _("Breathe out, slowly…")
    if still or not sys.stdout.isatty():
        for second in range(seconds):
            if second % CYCLE == 0:
                typer.echo(breathe_in)
            elif second % CYCLE == IN_SECONDS:
                typer.echo(breathe_out)
            time.sleep(1)
        return
    from rich.align import Align
    from rich.console import Group
    from rich.live import Live
    from rich.panel import Panel
    from rich.text import Text

    width = 30
    steps_per_second = 10
    with Live(refresh_per_second=steps_per_second, transient=True) as live:
        for tick in range(seconds * steps_per_second):
            moment = (tick / steps_per_second) % CYCLE
            if moment < IN_SECONDS:
                fullness, words = moment / IN_SECONDS, breathe_in
            else:
                fullness, words = 1 - (moment - IN_SECONDS) / (CYCLE - IN_SECONDS), breathe_out
            size = max(1, round(fullness * width))
            left = seconds - tick // steps_per_second
            circle = Text("●" * size, style="green")
            live.update(
                Panel(
                    Group(Align.center(circle), Align.center(Text(words, style="bold"))),
                    subtitle=_("{seconds} s").format(seconds=left),
                    width=width + 6,
                )
            )
            time.sleep(1 / steps_per_second)


@app.command()
def pause(
    seconds: int = typer.Option(30, "--seconds", min=15, max=60, help="How long: 15 to 60."),
    toy: bool = typer.Option(False, "--toy", help="With a child: a soft toy on the belly."),
    still: bool = typer.Option(
        False, "--still", help="No moving circle: one calm line per breath (less motion)."
    ),
    before: str | None = typer.Option(None, "--before", help=f"Where you are now: {STATES}."),
    after: str | None = typer.Option(None, "--after", help=f"Where you are after: {STATES}."),
    body: str | None = typer.Option(None, "--body", "-b", help="What your body did."),
    glimmer: str | None = typer.Option(
        None, "--glimmer", help="Anchor this glimmer (its id) with the pause."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the kept pause as JSON."),
    user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP),
) -> None:
    """A guided breathing pause; with --glimmer it anchors that glimmer."""
    setup()
    with friendly_errors():
        from glimmers.practice.services import record_pause

        owner = acting_user(user, create=True)
        anchored = _owned_glimmer(owner, glimmer) if glimmer else None
        state_before = _state(before)
        if anchored is not None and not as_json:
            typer.echo(_("Stay with it: {text}").format(text=anchored.text))
        try:
            _pacer(seconds, toy=toy, still=still)
        except KeyboardInterrupt:
            typer.echo("")  # stopping early is fine; what followed is still asked for
        if interactive():
            if body is None:
                body = _ask(_("What did your body do? (Enter to skip)"))
            if after is None:
                after = _ask(_("Where are you now? (safe, mobilized or shut-down, Enter to skip)"))
        kept = record_pause(
            owner,
            seconds=seconds,
            glimmer=anchored,
            with_toy=toy,
            state_before=state_before,
            state_after=_state(after),
            body=body or "",
        )
        if as_json:
            from glimmers.practice.records import pause_record

            print_json(pause_record(kept))
        else:
            typer.echo(_("Thank you for pausing.") if anchored is None else _("Anchored."))


def _owned_glimmer(owner: User, glimmer_id: str) -> Any:
    import uuid

    from glimmers.diary.models import Glimmer

    try:
        wanted = uuid.UUID(glimmer_id)
    except ValueError:
        raise CommandError(_("“{id}” is not a glimmer id.").format(id=glimmer_id)) from None
    found = Glimmer.objects.owned_by(owner).filter(id=wanted).first()
    if found is None:
        raise CommandError(_("There is no glimmer {id} in your diary.").format(id=glimmer_id))
    return found


# --- walk -------------------------------------------------------------------------------


@app.command()
def walk(
    saw: str = typer.Option("", "--saw", help="I saw…"),
    heard: str = typer.Option("", "--heard", help="I heard…"),
    smelled: str = typer.Option("", "--smelled", help="I smelled…"),
    tasted: str = typer.Option("", "--tasted", help="I tasted…"),
    touched: str = typer.Option("", "--touched", help="I touched…"),
    felt: str = typer.Option("", "--felt", help="I… (inside the body)."),
    sensed: str = typer.Option("", "--sensed", help="I… (intuition or any further sense)."),
    line: list[str] = typer.Option(
        [], "--line", help='A line for one sense, as SENSE=TEXT ("sight=sun on the wall").'
    ),
    text: str = typer.Option(
        "", "--text", help="A few words of its own (default: the first line)."
    ),
    body: str = typer.Option("", "--body", "-b", help="What your body does as you remember it."),
    at: str | None = typer.Option(
        None,
        "--at",
        help='For a memory: when it was (2019-07-14, "yesterday 18:00"); default: now.',
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the saved glimmer as JSON."),
    user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP),
) -> None:
    """The senses walk: trace one glimmer through each sense, then save it."""
    setup()
    with friendly_errors():
        from glimmers.practice import services
        from glimmers.practice.models import Flow

        owner = acting_user(user, create=True)
        given = {"sight": saw, "hearing": heard, "smell": smelled, "taste": tasted}
        given.update({"touch": touched, "body": felt, "intuition": sensed, **_lines(line)})
        given = {sense: words for sense, words in given.items() if words.strip()}
        moment = _when(at)
        scripted = bool(given or text or body) or at is not None
        walked_the_draft = interactive() and not scripted
        if walked_the_draft:
            draft = _walk_interactively(owner, services.load_draft(owner, Flow.WALK))
        else:
            draft = _as_walk(given, text, body)
            if moment is not None:
                draft.update(when="memory", noticed_at=moment.isoformat())
        glimmer = services.finish_walk(owner, draft, from_draft=walked_the_draft)
        _print_glimmer(glimmer, as_json)


def _as_walk(given: dict[str, str], text: str, body: str) -> dict[str, Any]:
    """Lines by sense (from flags) → the walk's draft; body and intuition lines go as extras."""
    from glimmers.diary.choices import Sense
    from glimmers.practice.services import WALK_SENSES

    unknown = sorted(set(given) - set(Sense.values))
    if unknown:
        raise CommandError(_("“{sense}” is not a sense Glimmers knows.").format(sense=unknown[0]))
    walked = [sense.value for sense in WALK_SENSES]
    draft: dict[str, Any] = {k: v for k, v in given.items() if k in walked}
    draft["extra"] = {k: v for k, v in given.items() if k not in walked}
    draft.update(text=text, body=body)
    return draft


def _walk_interactively(owner: User, draft: dict[str, Any]) -> dict[str, Any]:
    """Ask sense by sense; Ctrl-C keeps the walk as a draft to finish later (here or on the web)."""
    from glimmers.diary.choices import SENSE_PROMPTS
    from glimmers.practice import services
    from glimmers.practice.models import Flow

    # Translators: the words typed to answer "Now or a memory?" and "Was that in your body?";
    # the first letter is enough, so words with different first letters work best.
    now, memory, yes, no = _("now"), _("memory"), _("yes"), _("no")
    try:
        typer.echo(_("Think of one glimmer, from today or from memory. Enter skips a sense."))
        when = _ask(
            _("Now or a memory? ({now}/{memory})").format(now=now, memory=memory),
            memory if draft.get("when") == "memory" else now,
        )
        draft["when"] = "memory" if _chose(when, "memory", memory) else "now"
        if draft["when"] == "memory":
            day = _ask(_("When was it, roughly? (e.g. 2019-07-14)"), draft.get("noticed_at", ""))
            moment = _when(day) if day else None
            draft["noticed_at"] = moment.isoformat() if moment else ""
        # The web's prompts for the walk's senses ("I saw…"), in the terminal's language.
        for sense in services.WALK_SENSES:
            draft[sense.value] = _ask(str(SENSE_PROMPTS[sense]), draft.get(sense.value, ""))
        draft["other"] = _ask(_("I…"), draft.get("other", ""))
        if draft["other"]:
            where = _ask(_("Was that in your body? ({y}/{n})").format(y=yes[:1], n=no[:1]), yes[:1])
            draft["other_sense"] = "body" if _chose(where, "yes", yes) else "intuition"
        draft["text"] = _ask(
            _("A few words of its own (Enter: your first line)"), draft.get("text", "")
        )
        draft["body"] = _ask(_("What does your body do as you remember it?"), draft.get("body", ""))
    except (KeyboardInterrupt, EOFError):
        services.save_draft(owner, Flow.WALK, draft)
        kept = _("Your walk is kept; `glimmers walk` (or the web) picks it up again.")
        typer.echo("\n" + kept, err=True)
        raise typer.Exit(0) from None
    return draft


def _print_glimmer(glimmer: Any, as_json: bool) -> None:
    if as_json:
        from glimmers.diary.models import Glimmer
        from glimmers.diary.records import glimmer_records

        print_json(glimmer_records(Glimmer.objects.filter(id=glimmer.id))[0])
    else:
        typer.echo(str(glimmer.id))


# --- morning and evening ----------------------------------------------------------------


@app.command()
def morning(
    intention: str | None = typer.Option(None, "--intention", "-i", help="Today's intention."),
    moment: list[str] = typer.Option(
        [], "--moment", "-m", help="A good moment from yesterday; up to three."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print what was kept as JSON."),
    user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP),
) -> None:
    """Set today's intention and keep one to three good moments from yesterday."""
    setup()
    with friendly_errors():
        from django.utils import timezone

        from glimmers.diary.services import intention_on
        from glimmers.practice import services

        owner = acting_user(user, create=True)
        if interactive() and intention is None and not moment:
            current = intention_on(owner, timezone.localdate())
            intention = _ask(_("Today I would like to notice…"), current.text if current else "")
            typer.echo(_("Good moments from yesterday, up to three (Enter when done):"))
            for number in range(1, services.MORNING_MOMENTS + 1):
                words = _ask(f"  {number}")
                if not words:
                    break
                moment.append(words)
        kept = services.morning(owner, intention=intention or "", moments=moment)
        if as_json:
            from glimmers.diary.models import Glimmer
            from glimmers.diary.records import glimmer_records

            ids = [glimmer.id for glimmer in kept["glimmers"]]
            print_json(
                {
                    "intention": kept["intention"].text if kept["intention"] else None,
                    "glimmers": glimmer_records(
                        Glimmer.objects.filter(id__in=ids).order_by("created_at", "id")
                    ),
                }
            )
            return
        if kept["intention"]:
            typer.echo(_("Intention: {text}").format(text=kept["intention"].text))
        count = len(kept["glimmers"])
        typer.echo(
            ngettext(
                "Kept {count} good moment from yesterday.",
                "Kept {count} good moments from yesterday.",
                count,
            ).format(count=count)
            if count
            else _("Have a gentle day.")
        )


@app.command()
def evening(
    add: str | None = typer.Option(None, "--add", help="Keep one more glimmer from today."),
    as_json: bool = typer.Option(False, "--json", help="Print the day as JSON."),
    user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP),
) -> None:
    """Look back on today: the intention beside the day's glimmers and beans."""
    setup()
    with friendly_errors():
        from django.utils import timezone

        from glimmers.diary.services import EntryInput, add_glimmer
        from glimmers.practice import services

        owner = acting_user(user, create=add is not None)
        if add:
            add_glimmer(owner, EntryInput(text=add))
        review = services.day_review(owner, timezone.localdate())
        if as_json:
            from glimmers.diary.models import Glimmer
            from glimmers.diary.records import glimmer_records

            ids = [glimmer.id for glimmer in review.glimmers]
            print_json(
                {
                    "day": review.day.isoformat(),
                    "intention": review.intention.text if review.intention else None,
                    "glimmers": glimmer_records(
                        Glimmer.objects.filter(id__in=ids).order_by("noticed_at", "id")
                    ),
                    "beans": len(review.beans),
                }
            )
            return
        _print_review(review)
        if interactive() and add is None:
            words = _ask(_("Anything you would like to keep from today? (Enter to skip)"))
            if words:
                add_glimmer(owner, EntryInput(text=words))
                typer.echo(_("Kept. Sleep well."))


def _print_review(review: Any) -> None:
    from django.utils import timezone

    typer.echo(
        _("This morning you meant to notice: {intention}").format(intention=review.intention.text)
        if review.intention
        else _("No intention today, and that is all right.")
    )
    if review.glimmers:
        typer.echo(_("What you noticed:"))
        for glimmer in review.glimmers:
            moment = timezone.localtime(glimmer.noticed_at)
            typer.echo(f"  {moment:%H:%M}  {glimmer.text}")
    else:
        typer.echo(_("No glimmers written down today. Some days are like that."))
    if review.beans:
        count = len(review.beans)
        typer.echo(
            ngettext(
                "And {count} moment counted without words.",
                "And {count} moments counted without words.",
                count,
            ).format(count=count)
        )
    typer.echo(_("One a day is enough."))
