"""What a diary holds: glimmers and triggers, their labels and photos, beans, intentions.

Limits live here once; forms, API schemas, the CLI and the importers all read them.
Business rules live here and in `services`; views only call them."""

from __future__ import annotations

import json
import uuid
import zoneinfo
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from glimmers.diary.choices import Kind, Sense, unknown_sense
from glimmers.diary.fields import BoundedTextField, SenseSetField
from glimmers.diary.models.profile import validate_time_zone

TEXT_MAX = 20_000  # a glimmer's or a trigger's words
LINE_MAX = 2_000  # a sense line, a body note, a follow-up answer
NAME_MAX = 80  # a tag, a person
LABELS_MAX = 50  # tags (and people) on one glimmer
PHOTOS_PER_SAVE = 5  # photos one save may carry
BEAN_NOTE_MAX = 200
INTENTION_MAX = 500
# Clocks on phones and laptops drift; a moment a little "in the future" is still now.
CLOCK_SKEW = timedelta(minutes=10)
# The earliest moment a diary holds: older than any memory, and shown in every time zone.
# (A day early in UTC, so 1900 begins at the writer's own midnight, wherever that was.)
EARLIEST_YEAR = 1900
EARLIEST = datetime(EARLIEST_YEAR - 1, 12, 31, tzinfo=UTC)


def check_moment(moment: datetime) -> None:
    """A glimmer has already happened, and in living memory: refuse a time beyond now (plus
    clock skew), or before 1900."""
    if moment > timezone.now() + CLOCK_SKEW:
        raise ValidationError(
            _("That time is in the future; a glimmer is a moment that has already happened."),
            code="future",
        )
    if moment < EARLIEST:
        raise ValidationError(
            _("That time is before %(year)d; please choose a later one.") % {"year": EARLIEST_YEAR},
            code="too_early",
        )


# The validator's first name, which the first migrations use.
check_not_future = check_moment


def clean_sense_lines(lines: Any, senses: list[str]) -> dict[str, str]:
    """Keep one non-empty line per chosen-or-known sense; anything else is an error."""
    if lines in (None, ""):
        return {}
    if not isinstance(lines, dict):
        raise ValidationError(_("Sense lines must map a sense to a line of text."))
    cleaned: dict[str, str] = {}
    for sense, line in lines.items():
        if sense not in Sense.values:
            raise unknown_sense(sense)
        if not isinstance(line, str):
            raise ValidationError(_("A sense line must be text."))
        if len(line) > LINE_MAX:
            raise ValidationError(
                _("A sense line can be at most %(max)d characters.") % {"max": LINE_MAX}
            )
        if line.strip():
            cleaned[sense] = line.strip()
    return dict(sorted(cleaned.items(), key=lambda item: Sense.values.index(item[0])))


# What another journal knew of a moment that Glimmers has no field for, kept with the glimmer:
# each key, and the most it may hold.
DETAIL_LINE_MAX = 300
DETAILS_NOT_KEPT_MAX = 20


def clean_details(details: Any) -> dict[str, Any]:
    """A glimmer's details from elsewhere, checked: {"source": "Day One", "place": "…",
    "coordinates": [lat, lon], "weather": "…", "pinned": true, "not_kept": ["1 video", …]};
    nothing else."""
    if details in (None, ""):
        return {}
    if not isinstance(details, dict):
        raise ValidationError(_("Details must map a name to a value."))
    cleaned: dict[str, Any] = {}
    for key, value in details.items():
        if key in ("source", "place", "weather"):
            if not isinstance(value, str) or len(value) > DETAIL_LINE_MAX:
                raise _bad_detail(key)
            if value.strip():
                cleaned[key] = value.strip()
        elif key == "pinned":
            if not isinstance(value, bool):
                raise _bad_detail(key)
            if value:
                cleaned[key] = True
        elif key == "coordinates":
            if not _is_position(value):
                raise _bad_detail(key)
            cleaned[key] = [float(value[0]), float(value[1])]
        elif key == "not_kept":
            if (
                not isinstance(value, list)
                or len(value) > DETAILS_NOT_KEPT_MAX
                or not all(isinstance(item, str) and len(item) <= DETAIL_LINE_MAX for item in value)
            ):
                raise _bad_detail(key)
            if value:
                cleaned[key] = [item.strip() for item in value if item.strip()]
        else:
            raise _bad_detail(key)
    return cleaned


def _is_position(value: Any) -> bool:
    if not isinstance(value, list | tuple) or len(value) != 2:
        return False
    if not all(isinstance(part, int | float) and not isinstance(part, bool) for part in value):
        return False
    return bool(-90 <= value[0] <= 90 and -180 <= value[1] <= 180)


def _bad_detail(key: str) -> ValidationError:
    return ValidationError(_("The detail “%(key)s” cannot be kept as it is.") % {"key": key[:40]})


class ReadableJSONEncoder(json.JSONEncoder):
    """Stores non-ASCII text as itself (not \\u escapes), so searching inside it works."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ensure_ascii"] = False
        super().__init__(*args, **kwargs)


class EntryQuerySet(models.QuerySet[Any]):
    def owned_by(self, user: User) -> EntryQuerySet:
        return self.filter(owner=user)

    def alive(self) -> EntryQuerySet:
        return self.filter(trashed_at__isnull=True)

    def trashed(self) -> EntryQuerySet:
        return self.filter(trashed_at__isnull=False)

    def newest_first(self) -> EntryQuerySet:
        return self.order_by("-noticed_at", "-id")


class Entry(models.Model):
    """What glimmers and triggers share: words, a time, the senses, the body."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="%(class)ss"
    )
    text = BoundedTextField(
        gettext_lazy("what happened"),
        max_length=TEXT_MAX,
        error_messages={"blank": gettext_lazy("Write a few words about the moment.")},
    )
    noticed_at = models.DateTimeField(
        gettext_lazy("when"), default=timezone.now, validators=[check_moment]
    )
    # The zone it was written in, when that is not the diary's (an entry brought from a
    # journal kept while travelling): its day and hour are shown as its writer saw them.
    time_zone = models.CharField(
        gettext_lazy("written in the time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
    )
    senses = SenseSetField(gettext_lazy("senses"))
    sense_lines = models.JSONField(
        gettext_lazy("a line per sense"), default=dict, blank=True, encoder=ReadableJSONEncoder
    )
    body = BoundedTextField(gettext_lazy("what the body did"), max_length=LINE_MAX, blank=True)
    intensity = models.PositiveSmallIntegerField(
        gettext_lazy("how strong"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)
    trashed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Goes up by one on every edit, so two devices editing the same entry can tell.
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = EntryQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-noticed_at", "-id"]

    def clean(self) -> None:
        self.text = (self.text or "").strip()
        if not self.text:
            raise ValidationError({"text": _("Write a few words about the moment.")})
        self.body = (self.body or "").strip()
        self.sense_lines = clean_sense_lines(self.sense_lines, self.senses)

    @property
    def in_trash(self) -> bool:
        return self.trashed_at is not None

    @property
    def shown_zone(self) -> zoneinfo.ZoneInfo:
        """The zone its time is shown in: its own, or the diary's (the one active now)."""
        if self.time_zone:
            return zoneinfo.ZoneInfo(self.time_zone)
        return timezone.get_current_timezone()

    @property
    def written_elsewhere(self) -> bool:
        """It was written in a zone other than the one its diary is shown in now."""
        return bool(self.time_zone) and self.time_zone != timezone.get_current_timezone_name()

    def local_day(self) -> date:
        return timezone.localtime(self.noticed_at, self.shown_zone).date()


class Tag(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(max_length=NAME_MAX)

    class Meta:
        constraints = [models.UniqueConstraint("owner", "name", name="tag_unique_per_owner")]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def normalize(name: str) -> str:
        return name.strip().lstrip("#").strip().lower()


class Person(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(max_length=NAME_MAX)

    class Meta:
        constraints = [models.UniqueConstraint("owner", "name", name="person_unique_per_owner")]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def normalize(name: str) -> str:
        return " ".join(name.split())


def clean_names(model: type[Tag] | type[Person], names: Iterable[str]) -> list[str]:
    """A glimmer's tags or people as they are kept: each normalized and once, in the order
    given. More than LABELS_MAX, or one longer than NAME_MAX, is a ValidationError."""
    field = "tags" if model is Tag else "people"
    wanted = list(dict.fromkeys(n for n in (model.normalize(name) for name in names) if n))
    if len(wanted) > LABELS_MAX:
        raise ValidationError(
            {field: _("A glimmer can have at most %(max)d of these.") % {"max": LABELS_MAX}}
        )
    for name in wanted:
        if len(name) > NAME_MAX:
            raise ValidationError(
                {
                    field: _("“%(name)s…” is longer than %(max)d characters.")
                    % {"name": name[:20], "max": NAME_MAX}
                }
            )
    return wanted


class Glimmer(Entry):
    """A small moment of safety, calm, joy or connection."""

    kind = models.CharField(
        gettext_lazy("kind"), max_length=20, choices=Kind.choices, default=Kind.MOMENT
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="glimmers")
    people = models.ManyToManyField(Person, blank=True, related_name="glimmers")
    details = models.JSONField(
        gettext_lazy("details from elsewhere"),
        default=dict,
        blank=True,
        encoder=ReadableJSONEncoder,
        validators=[clean_details],
    )

    class Meta(Entry.Meta):
        indexes = [
            models.Index(
                fields=["owner", "-noticed_at", "-id"],
                condition=Q(trashed_at__isnull=True),
                name="glimmer_timeline",
            ),
            models.Index(fields=["owner", "trashed_at"], name="glimmer_trash"),
        ]

    def __str__(self) -> str:
        return self.text[:60]

    def clean(self) -> None:
        super().clean()
        self.details = clean_details(self.details)


class Trigger(Entry):
    """A moment that pulled toward danger, noted briefly."""

    class Meta(Entry.Meta):
        indexes = [
            models.Index(
                fields=["owner", "-noticed_at", "-id"],
                condition=Q(trashed_at__isnull=True),
                name="trigger_timeline",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]


STORAGE_FULL = "storage_full"


def photo_room(owner: User) -> tuple[int, int]:
    """What a person's photos take now and the most they may take (0: no limit), in bytes."""
    used = Photo.objects.filter(glimmer__owner=owner).aggregate(total=models.Sum("size"))
    return int(used["total"] or 0), int(settings.PHOTO_QUOTA_BYTES)


def check_photo_room(owner: User, adding: int) -> None:
    """Refuse photos that would take a person past their room (GLIMMERS_PHOTO_QUOTA_MB)."""
    if adding <= 0:
        return
    used, limit = photo_room(owner)
    if limit and used + adding > limit:
        full = _(
            "Your photos have filled the room this diary gives them (%(limit)d MB), so this "
            "one was not saved. Your words can be saved without it; moving old photos to the "
            "trash and emptying it makes room."
        ) % {"limit": limit // (1024 * 1024)}
        raise ValidationError({"photos": ValidationError(full, code=STORAGE_FULL)})


def is_storage_full(error: ValidationError) -> bool:
    """The error says a person's photos have no more room."""
    if hasattr(error, "error_dict"):
        items = [item for found in error.error_dict.values() for item in found]
    else:
        items = error.error_list
    return any(item.code == STORAGE_FULL for item in items)


def photo_path(photo: Photo, filename: str) -> str:
    return f"photos/{photo.glimmer.owner_id}/{photo.id}.jpg"


class Photo(models.Model):
    """A re-encoded picture of a glimmer: no GPS, no other metadata."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    glimmer = models.ForeignKey(Glimmer, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(upload_to=photo_path, max_length=200)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    size = models.PositiveIntegerField(default=0, editable=False)  # bytes of the stored file
    taken_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.width}x{self.height}"


class Bean(models.Model):
    """One moment counted with a single tap and no words."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="beans"
    )
    counted_at = models.DateTimeField(default=timezone.now, validators=[check_moment])
    note = models.CharField(max_length=BEAN_NOTE_MAX, blank=True)
    glimmer = models.ForeignKey(Glimmer, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-counted_at", "-id"]
        indexes = [models.Index(fields=["owner", "-counted_at"], name="bean_by_owner")]

    def __str__(self) -> str:
        return self.note or str(self.counted_at)


class Intention(models.Model):
    """What a person means to notice today."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="intentions"
    )
    day = models.DateField()
    text = models.CharField(gettext_lazy("today's intention"), max_length=INTENTION_MAX)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint("owner", "day", name="one_intention_a_day"),
        ]

    def __str__(self) -> str:
        return self.text
