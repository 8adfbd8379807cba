"""The practice's rules. Web views and CLI commands call these; diary rules stay in
`glimmers.diary.services`, which these build on."""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from glimmers.diary import services as diary
from glimmers.diary.choices import Kind, Sense
from glimmers.diary.models import SENSE_FIELDS, Bean, DayTally, Glimmer, Intention, Trigger
from glimmers.diary.services import EntryInput
from glimmers.practice.models import Draft, Flow, Onboarding, Pause

MORNING_MOMENTS = 3
# A good moment from yesterday whose hour nobody remembers sits at yesterday's noon.
YESTERDAY_HOUR = time(12, 0)


# --- pauses and anchors -----------------------------------------------------------------


def record_pause(
    owner: User,
    *,
    seconds: int,
    glimmer: Glimmer | None = None,
    with_toy: bool = False,
    state_before: str = "",
    state_after: str = "",
    body: str = "",
    paused_at: datetime | None = None,
    pause_id: uuid.UUID | None = None,
) -> Pause:
    """Keep a finished pause. With a glimmer it anchors it: what the body did is saved
    on the glimmer too, when the glimmer has no words for the body yet. With a client's own
    id, sending it again keeps it once."""
    existing = diary.saved_before(Pause, pause_id, owner)
    if existing is not None:
        return existing
    pause = Pause(
        id=pause_id or uuid.uuid4(),
        owner=owner,
        glimmer=glimmer,
        seconds=seconds,
        with_toy=with_toy,
        state_before=state_before,
        state_after=state_after,
        body=body.strip(),
        paused_at=paused_at or timezone.now(),
    )
    pause.full_clean(exclude=["owner", "glimmer"], validate_unique=False)
    try:
        with transaction.atomic():
            pause.save(force_insert=True)
            if glimmer is not None and pause.body and not glimmer.body:
                rewrite_glimmer(glimmer, body=pause.body)
    except IntegrityError:
        # The same pause sent twice at once: the first one saved is the one kept.
        existing = diary.saved_before(Pause, pause.id, owner)
        if existing is None:
            raise
        return existing
    return pause


def rewrite_glimmer(glimmer: Glimmer, **changes: Any) -> None:
    """Change a few of a glimmer's fields through the diary's one edit rule."""
    data = EntryInput.of(glimmer)
    for name, value in changes.items():
        setattr(data, name, value)
    diary.edit_glimmer(glimmer, data)


# --- drafts of multi-step flows ---------------------------------------------------------


def load_draft(owner: User, flow: Flow) -> dict[str, Any]:
    draft = Draft.objects.filter(owner=owner, flow=flow).first()
    return dict(draft.data) if draft else {}


def save_draft(owner: User, flow: Flow, data: dict[str, Any]) -> None:
    """Keep what was entered so far; empty answers are dropped."""
    kept = {key: value for key, value in data.items() if value not in ("", None, [], {})}
    Draft.objects.update_or_create(
        owner=owner, flow=flow, defaults={"data": kept, "updated_at": timezone.now()}
    )


def drop_draft(owner: User, flow: Flow) -> None:
    Draft.objects.filter(owner=owner, flow=flow).delete()


# --- the senses walk --------------------------------------------------------------------

# The walk's steps in order; the last is the open "I…", which the person files under
# the body or under intuition and any further sense.
WALK_SENSES = [Sense.SIGHT, Sense.HEARING, Sense.SMELL, Sense.TASTE, Sense.TOUCH]
OPEN_SENSES = [Sense.BODY, Sense.INTUITION]


def walk_input(data: dict[str, Any]) -> EntryInput:
    """A glimmer from what a senses walk holds so far (any part of it may be missing)."""
    lines = {
        sense.value: str(data.get(sense.value) or "").strip()
        for sense in WALK_SENSES
        if str(data.get(sense.value) or "").strip()
    }
    for sense, line in (data.get("extra") or {}).items():
        if sense in Sense.values and str(line).strip():
            lines[sense] = str(line).strip()
    other = str(data.get("other") or "").strip()
    if other:
        open_sense = data.get("other_sense") or Sense.INTUITION.value
        if open_sense not in Sense.values:
            open_sense = Sense.INTUITION.value
        lines[open_sense] = other
    text = str(data.get("text") or "").strip() or next(iter(lines.values()), "")
    if not text:
        raise ValidationError(_("Write at least one line: what did you notice?"))
    memory = data.get("when") == "memory"
    noticed_at = _parse_moment(data.get("noticed_at")) if memory else None
    if memory and noticed_at is None:
        noticed_at = timezone.now()
    return EntryInput(
        text=text,
        noticed_at=noticed_at,
        senses=list(lines),
        sense_lines=lines,
        body=str(data.get("body") or "").strip(),
        kind=Kind.MEMORY if memory else Kind.MOMENT,
    )


def finish_walk(owner: User, data: dict[str, Any], *, from_draft: bool = True) -> Glimmer:
    """Save the walk as a glimmer and, when it was the kept draft, let that go (a walk given
    whole, as the CLI's flags do, leaves a walk in the middle elsewhere waiting)."""
    with transaction.atomic():
        glimmer = diary.add_glimmer(owner, walk_input(data))
        if from_draft:
            drop_draft(owner, Flow.WALK)
    return glimmer


def _parse_moment(value: Any) -> datetime | None:
    """A stored draft date or datetime (ISO text) as an aware datetime."""
    if not value:
        return None
    if len(str(value)) == len("2024-05-01"):
        try:
            return moment_on(date.fromisoformat(str(value)))
        except ValueError:
            return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def moment_on(day: date) -> datetime:
    """Noon of a day in the current time zone: the time of a moment known only by its day."""
    return timezone.make_aware(datetime.combine(day, YESTERDAY_HOUR))


# --- dark times -------------------------------------------------------------------------


def dark_time_input(data: dict[str, Any]) -> EntryInput:
    text = str(data.get("moment") or "").strip()
    if not text:
        raise ValidationError(_("Write a few words about the small moment."))
    when = _parse_moment(data.get("day"))
    return EntryInput(
        text=text,
        noticed_at=when,
        senses=[s for s in data.get("senses") or [] if s in Sense.values],
        body=str(data.get("body") or "").strip(),
        kind=Kind.DARK_TIME,
        tags=[str(data["period"])] if data.get("period") else [],
    )


def keep_dark_time_moment(owner: User, data: dict[str, Any]) -> Glimmer:
    """Save one small moment from a hard time; the draft keeps the time itself, so
    another moment from it can follow."""
    with transaction.atomic():
        glimmer = diary.add_glimmer(owner, dark_time_input(data))
        rest = {key: data[key] for key in ("period", "day") if data.get(key)}
        rest["kept"] = [*data.get("kept", []), str(glimmer.id)]
        rest["step"] = 1
        save_draft(owner, Flow.DARK_TIME, rest)
    return glimmer


# --- morning and evening ----------------------------------------------------------------


# A save-as-you-type still on its way when the morning is kept must not bring the kept
# moments back as a draft (they would be offered, and kept, twice).
LATE_DRAFT = timedelta(seconds=15)


def morning_draft(owner: User) -> dict[str, Any]:
    """What was typed on this morning's page and not kept yet (a draft from another day is
    let go: its "yesterday" has passed)."""
    draft = load_draft(owner, Flow.MORNING)
    if draft.get("kept_at") or draft.get("day") != timezone.localdate().isoformat():
        return {}
    return draft


def save_morning_draft(owner: User, fields: dict[str, str]) -> None:
    kept_at = load_draft(owner, Flow.MORNING).get("kept_at")
    if kept_at and timezone.now() - datetime.fromisoformat(kept_at) < LATE_DRAFT:
        return
    save_draft(owner, Flow.MORNING, {**fields, "day": timezone.localdate().isoformat()})


def morning(owner: User, *, intention: str = "", moments: Sequence[str] = ()) -> dict[str, Any]:
    """Set today's intention (if given) and keep up to three good moments from yesterday."""
    words = [" ".join(moment.split()) for moment in moments]
    words = [moment for moment in words if moment]
    if len(words) > MORNING_MOMENTS:
        raise ValidationError(_("Up to three moments are plenty."))
    yesterday = timezone.localdate() - timedelta(days=1)
    with transaction.atomic():
        saved_intention = diary.set_intention(owner, intention) if intention.strip() else None
        glimmers = [
            diary.add_glimmer(owner, EntryInput(text=text, noticed_at=moment_on(yesterday)))
            for text in words
        ]
        save_draft(owner, Flow.MORNING, {"kept_at": timezone.now().isoformat()})
    return {"intention": saved_intention, "glimmers": glimmers}


@dataclass
class DayReview:
    day: date
    intention: Intention | None
    glimmers: list[Glimmer]
    beans: list[Bean]


def day_review(owner: User, day: date) -> DayReview:
    """A day's intention beside its glimmers and beans."""
    start, end = diary.day_bounds(day)
    glimmers = (
        Glimmer.objects.owned_by(owner)
        .alive()
        .filter(noticed_at__gte=start, noticed_at__lt=end)
        .order_by("noticed_at", "id")
    )
    beans = Bean.objects.filter(owner=owner, counted_at__gte=start, counted_at__lt=end)
    return DayReview(
        day=day,
        intention=diary.intention_on(owner, day),
        glimmers=list(glimmers),
        beans=list(beans.order_by("counted_at", "id")),
    )


# --- beans ------------------------------------------------------------------------------


def bean_to_glimmer(bean: Bean, data: EntryInput) -> Glimmer:
    """Turn a counted bean into a full glimmer that keeps the bean's time."""
    if bean.glimmer_id is not None and bean.glimmer is not None:
        return bean.glimmer
    data.noticed_at = bean.counted_at
    with transaction.atomic():
        glimmer = diary.add_glimmer(bean.owner, data)
        bean.glimmer = glimmer
        bean.save(update_fields=["glimmer"])
    return glimmer


# --- after a trigger --------------------------------------------------------------------


def glimmer_for_trigger(trigger: Trigger) -> Glimmer | None:
    """One of the person's own glimmers to come back to, preferring shared senses.

    A day is drawn from the day tallies (one row a day, and only days holding such a
    glimmer), then a glimmer of that day: a few small queries after every trigger however
    long the diary, instead of shuffling all of it."""
    chance = random.Random()  # noqa: S311 - a gentle surprise, not a secret
    mine = Glimmer.objects.owned_by(trigger.owner).alive()
    days = DayTally.objects.filter(owner=trigger.owner, glimmers__gt=0)
    tries: list[tuple[QuerySet[DayTally], QuerySet[Glimmer]]] = []
    if trigger.senses:
        on_days, in_glimmers = Q(), Q()
        for sense in trigger.senses:
            on_days |= Q(**{f"{SENSE_FIELDS[sense]}__gt": 0})
            in_glimmers |= Q(senses__has=sense)
        tries.append((days.filter(on_days), mine.filter(in_glimmers)))
    tries.append((days, mine))
    for tallies, glimmers in tries:
        found = list(tallies.values_list("day", flat=True))
        if found:
            start, end = diary.day_bounds(chance.choice(found))
            of_the_day: list[Glimmer] = list(
                glimmers.filter(noticed_at__gte=start, noticed_at__lt=end)
            )
            if of_the_day:
                return chance.choice(of_the_day)
    newest: Glimmer | None = mine.order_by("-noticed_at", "-id").first()  # tallies being mended
    return newest


# --- onboarding -------------------------------------------------------------------------


def finish_onboarding(owner: User) -> None:
    Onboarding.objects.update_or_create(owner=owner, defaults={"finished_at": timezone.now()})


def has_onboarded(owner: User) -> bool:
    return Onboarding.objects.filter(owner=owner, finished_at__isnull=False).exists()
