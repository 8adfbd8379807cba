"""A diary's owner: the time zone their days are counted in."""

from __future__ import annotations

import os
import zoneinfo
from pathlib import Path

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
    """This machine's IANA zone name (TZ, then /etc/localtime), or UTC."""
    candidate = os.environ.get("TZ", "").lstrip(":")
    if not candidate:
        try:
            target = str(Path("/etc/localtime").resolve())
            candidate = target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else ""
        except OSError:
            candidate = ""
    return candidate if candidate in zoneinfo.available_timezones() else "UTC"
