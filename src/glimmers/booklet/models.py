"""A long booklet is made in the background: its job, and the PDF it leaves for a day."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


def booklet_path(job: BookletJob, filename: str) -> str:
    return f"booklets/{job.owner_id}/{job.id}.pdf"


class BookletJob(models.Model):
    """One booklet being made, made, or given up on; its file is the owner's only."""

    class State(models.TextChoices):
        WORKING = "working"
        READY = "ready"
        FAILED = "failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="booklet_jobs"
    )
    options = models.JSONField()
    time_zone = models.CharField(max_length=64)
    language = models.CharField(max_length=16)
    state = models.CharField(max_length=10, choices=State.choices, default=State.WORKING)
    pdf = models.FileField(upload_to=booklet_path, max_length=200, blank=True)
    glimmers = models.PositiveIntegerField(default=0)
    pages = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "-created_at"], name="booklet_job_by_owner")]

    def __str__(self) -> str:
        return f"booklet {self.state}"
