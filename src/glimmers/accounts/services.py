"""Creating and removing people. The web, the CLI and the tests call these."""

from __future__ import annotations

from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from glimmers.diary.models import Glimmer, Photo, Profile, validate_time_zone
from glimmers.diary.profile import local_time_zone


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


def set_password(user: User, password: str) -> None:
    password_validation.validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])


def delete_account(user: User) -> None:
    """Remove a person, everything they wrote, their photo files, and the records of their
    sign-ins (name, address, browser). With SQLite's secure_delete, the words do not stay
    behind in the file's free pages either."""
    photos = list(Photo.objects.filter(glimmer__owner=user).values_list("image", flat=True))
    name = user.get_username()
    with transaction.atomic():
        Glimmer.objects.filter(owner=user).delete()
        user.delete()
        for record in (AccessAttempt, AccessFailureLog, AccessLog):
            record.objects.filter(username=name).delete()

        def remove_files() -> None:
            storage = Photo._meta.get_field("image").storage
            for name in photos:
                storage.delete(name)

        transaction.on_commit(remove_files)
