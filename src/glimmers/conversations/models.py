"""Glimmering conversations: someone's story, the glimmers you named in it, one shared back."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy

from glimmers.diary.fields import BoundedTextField
from glimmers.diary.models import LINE_MAX, Glimmer, Person, check_moment


class ConversationQuerySet(models.QuerySet[Any]):
    def owned_by(self, user: User) -> ConversationQuerySet:
        return self.filter(owner=user)

    def alive(self) -> ConversationQuerySet:
        return self.filter(trashed_at__isnull=True)

    def trashed(self) -> ConversationQuerySet:
        return self.filter(trashed_at__isnull=False)


class Conversation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conversations"
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="conversations"
    )
    story = BoundedTextField(gettext_lazy("their story"), max_length=LINE_MAX)
    happened_at = models.DateTimeField(
        gettext_lazy("when"), default=timezone.now, validators=[check_moment]
    )
    # The glimmers you named in their story, saved as conversation glimmers of your own.
    named = models.ManyToManyField(Glimmer, blank=True, related_name="named_in")
    shared_back = models.BooleanField(gettext_lazy("you shared one of yours"), default=False)
    shared_glimmer = models.ForeignKey(
        Glimmer, null=True, blank=True, on_delete=models.SET_NULL, related_name="shared_in"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)
    trashed_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        ordering = ["-happened_at", "-id"]
        indexes = [models.Index(fields=["owner", "-happened_at"], name="conversation_by_owner")]

    def __str__(self) -> str:
        return self.story[:60]

    @property
    def in_trash(self) -> bool:
        return self.trashed_at is not None
