"""Device tokens: made once, shown once, kept only as a hash, revoked by id.

The API authenticates with `owner_of`. Kept free of django-ninja, so the CLI's
`glimmers token` commands start quickly.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from glimmers.accounts.models import TOKEN_NAME_MAX, DeviceToken

PREFIX = "glm_"
# Writing "last used" on every request would make each read a write; once a minute will do.
LAST_USED_STEP = timedelta(minutes=1)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(owner: User, name: str = "") -> tuple[DeviceToken, str]:
    """A new token for one of the owner's devices: the saved record and the token itself."""
    name = " ".join(name.split()) or _("A device")
    if len(name) > TOKEN_NAME_MAX:
        raise ValidationError(
            _("A device name can be at most %(max)d characters.") % {"max": TOKEN_NAME_MAX}
        )
    token = PREFIX + secrets.token_urlsafe(32)
    record = DeviceToken.objects.create(owner=owner, name=name, token_hash=digest(token))
    return record, token


def owner_of(token: str) -> Any | None:
    """The person a token belongs to (and note that it was used), or None."""
    if not token.startswith(PREFIX) or len(token) > 200:
        return None
    record = DeviceToken.objects.select_related("owner").filter(token_hash=digest(token)).first()
    if record is None or not record.owner.is_active:
        return None
    now = timezone.now()
    if record.last_used_at is None or now - record.last_used_at > LAST_USED_STEP:
        DeviceToken.objects.filter(pk=record.pk).update(last_used_at=now)
    return record.owner


def tokens_of(owner: User) -> list[DeviceToken]:
    return list(DeviceToken.objects.filter(owner=owner).order_by("created_at", "id"))


def revoke_token(owner: User, token_id: str | uuid.UUID) -> DeviceToken:
    """Revoke one of the owner's tokens; anyone else's (or an unknown id) is not found."""
    try:
        key = uuid.UUID(str(token_id))
    except ValueError:
        raise DeviceToken.DoesNotExist from None
    record = DeviceToken.objects.get(owner=owner, id=key)
    record.delete()
    return record
