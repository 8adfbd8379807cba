"""The fixed sets of the diary."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Sense(models.TextChoices):
    SIGHT = "sight", _("Sight")
    HEARING = "hearing", _("Hearing")
    SMELL = "smell", _("Smell")
    TASTE = "taste", _("Taste")
    TOUCH = "touch", _("Touch")
    BODY = "body", _("Inside the body")
    INTUITION = "intuition", _("Intuition and more")


# The opening words of a sense's line: "I saw …", "I heard …".
SENSE_PROMPTS = {
    Sense.SIGHT: _("I saw…"),
    Sense.HEARING: _("I heard…"),
    Sense.SMELL: _("I smelled…"),
    Sense.TASTE: _("I tasted…"),
    Sense.TOUCH: _("I touched…"),
    Sense.BODY: _("In my body I felt…"),
    Sense.INTUITION: _("I sensed…"),
}


class Kind(models.TextChoices):
    MOMENT = "moment", _("A moment")
    MEMORY = "memory", _("A memory")
    DARK_TIME = "dark-time", _("From a dark time")
    CONVERSATION = "conversation", _("A conversation")
    PHOTO = "photo", _("A photo")


def unknown_sense(value: str) -> ValidationError:
    """The one sentence for a sense Glimmers does not know (forms, API, CLI, imports)."""
    return ValidationError(
        gettext("“%(sense)s” is not a sense Glimmers knows; choose from %(known)s.")
        % {"sense": value, "known": ", ".join(Sense.values)},
        code="unknown_sense",
    )


def unknown_kind(value: str) -> ValidationError:
    """The one sentence for a kind of glimmer Glimmers does not know."""
    return ValidationError(
        gettext("“%(kind)s” is not a kind; choose from %(known)s.")
        % {"kind": value, "known": ", ".join(Kind.values)},
        code="unknown_kind",
    )


def check_kind(value: str) -> str:
    """A kind of glimmer Glimmers knows, else the one sentence for it."""
    if value not in Kind.values:
        raise unknown_kind(value)
    return value
