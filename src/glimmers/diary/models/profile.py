"""What a diary keeps about its owner beyond Django's user: the time zone its days are in."""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


def validate_time_zone(name: str) -> None:
    if name not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(zone)s” is not a time zone name.") % {"zone": name})


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    time_zone = models.CharField(
        gettext_lazy("time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )

    def __str__(self) -> str:
        return f"{self.user} ({self.time_zone})"


def time_zone_of(user: User) -> zoneinfo.ZoneInfo:
    """The zone a person's days are counted in (UTC until they choose one)."""
    profile = Profile.objects.filter(user=user).only("time_zone").first()
    return zoneinfo.ZoneInfo(profile.time_zone if profile else "UTC")
