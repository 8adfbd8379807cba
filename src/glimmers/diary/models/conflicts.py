"""Edits that arrived for an older version of an entry (another device, another tab)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from glimmers.diary.models.entries import Glimmer, Trigger


class EditConflict(models.Model):
    """An edit made on top of an older version than the one saved: kept, never dropped,
    until the person chooses which version stays."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="edit_conflicts"
    )
    glimmer = models.ForeignKey(
        Glimmer, null=True, blank=True, on_delete=models.CASCADE, related_name="edit_conflicts"
    )
    trigger = models.ForeignKey(
        Trigger, null=True, blank=True, on_delete=models.CASCADE, related_name="edit_conflicts"
    )
    # The version the other device started from, and the one saved when its edit came.
    base_version = models.PositiveIntegerField()
    saved_version = models.PositiveIntegerField()
    # The edit as it came, with the export's field names.
    data = models.JSONField()
    received_at = models.DateTimeField(default=timezone.now, editable=False)
    settled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["received_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(glimmer__isnull=False) ^ Q(trigger__isnull=False),
                name="conflict_has_one_entry",
            )
        ]

    def __str__(self) -> str:
        return f"{self.base_version} → {self.saved_version}"

    @property
    def entry(self) -> Glimmer | Trigger:
        entry = self.glimmer or self.trigger
        assert entry is not None
        return entry
