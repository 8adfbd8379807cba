"""Creating and removing people. The web, the CLI and the tests call these."""

from __future__ import annotations

import os
import zoneinfo
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from glimmers.accounts.models import Profile, validate_time_zone
from glimmers.diary.models import Glimmer, Photo


def create_user(name: str, password: str | None, *, time_zone: str | None = None) -> Any:
    """A new person. Without a password they can use the CLI but not sign in on the web."""
    User = get_user_model()
    name = name.strip()
    if not name:
        raise ValidationError(_("A name is needed."))
    User.username_validator(name)
    if User.objects.filter(username__iexact=name).exists():
        raise ValidationError(_("The name “%(name)s” is already taken.") % {"name": name})
    zone = time_zone or local_time_zone()
    validate_time_zone(zone)
    user = User(username=name)
    if password is None:
        user.set_unusable_password()
    else:
        password_validation.validate_password(password, user)
        user.set_password(password)
    with transaction.atomic():
        user.save()
        Profile.objects.create(user=user, time_zone=zone)
    return user


def set_password(user: Any, password: str) -> None:
    password_validation.validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])


def set_time_zone(user: Any, zone: str) -> None:
    """Move a person to another time zone; their days are counted anew in it."""
    from glimmers.insights import tallies

    validate_time_zone(zone)
    with transaction.atomic():
        Profile.objects.update_or_create(user=user, defaults={"time_zone": zone})
        tallies.rebuild(user)


def time_zone_of(user: Any) -> zoneinfo.ZoneInfo:
    profile = Profile.objects.filter(user=user).first()
    return zoneinfo.ZoneInfo(profile.time_zone if profile else "UTC")


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


def delete_account(user: Any) -> None:
    """Remove a person, everything they wrote, and their photo files."""
    photos = list(Photo.objects.filter(glimmer__owner=user).values_list("image", flat=True))
    with transaction.atomic():
        Glimmer.objects.filter(owner=user).delete()
        user.delete()

        def remove_files() -> None:
            storage = Photo._meta.get_field("image").storage
            for name in photos:
                storage.delete(name)

        transaction.on_commit(remove_files)
