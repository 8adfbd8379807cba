"""A diary's owner: the time zone their days are counted in."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction

from glimmers.diary import tallies
from glimmers.diary.models import Profile, validate_time_zone


def set_time_zone(user: User, zone: str) -> None:
    """Move a person to another time zone; their days are counted anew in it."""
    validate_time_zone(zone)
    with transaction.atomic():
        Profile.objects.update_or_create(user=user, defaults={"time_zone": zone})
        tallies.rebuild(user)


def local_time_zone() -> str:
    """The zone a new diary starts in when nobody says: this machine's (see settings)."""
    return str(settings.MACHINE_TIME_ZONE)
