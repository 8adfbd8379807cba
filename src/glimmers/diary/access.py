"""Who may see what: one helper per object type, used by every view and media URL.

Anyone but the owner gets a 404, never a hint that the object exists. (The practice apps
keep their own helpers beside their models, built on `signed_in`.)
"""

from __future__ import annotations

import uuid

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, User
from django.http import Http404
from django.shortcuts import get_object_or_404

from glimmers.diary.models import Bean, EditConflict, Glimmer, Intention, Photo, Trigger

# Whoever is asking: a person, or someone not signed in.
Visitor = AbstractBaseUser | AnonymousUser


def signed_in(user: Visitor) -> User:
    """The person asking; anyone not signed in gets a 404."""
    if not isinstance(user, User) or not user.is_authenticated:
        raise Http404
    return user


def get_glimmer_for(user: Visitor, glimmer_id: uuid.UUID) -> Glimmer:
    """The owner's glimmer (in the trash or not), else 404."""
    owner = signed_in(user)
    glimmer: Glimmer = get_object_or_404(Glimmer.objects.owned_by(owner), id=glimmer_id)
    return glimmer


def get_trigger_for(user: Visitor, trigger_id: uuid.UUID) -> Trigger:
    """The owner's trigger (in the trash or not), else 404."""
    owner = signed_in(user)
    trigger: Trigger = get_object_or_404(Trigger.objects.owned_by(owner), id=trigger_id)
    return trigger


def get_photo_for(user: Visitor, photo_id: uuid.UUID) -> Photo:
    """A photo of one of the owner's glimmers, else 404."""
    owner = signed_in(user)
    return get_object_or_404(Photo, id=photo_id, glimmer__owner=owner)


def get_open_conflict_for(user: Visitor, conflict_id: uuid.UUID) -> EditConflict:
    """One of the owner's kept edits still waiting for a choice, else 404."""
    owner = signed_in(user)
    conflict: EditConflict = get_object_or_404(
        EditConflict.objects.select_related("glimmer", "trigger"),
        id=conflict_id,
        owner=owner,
        settled_at=None,
    )
    return conflict


def get_bean_for(user: Visitor, bean_id: uuid.UUID) -> Bean:
    """The owner's bean, else 404."""
    bean: Bean = get_object_or_404(Bean, id=bean_id, owner=signed_in(user))
    return bean


def get_intention_for(user: Visitor, intention_id: uuid.UUID) -> Intention:
    """The owner's intention, else 404."""
    intention: Intention = get_object_or_404(Intention, id=intention_id, owner=signed_in(user))
    return intention
