"""Who may see the practice's records: only their owner; anyone else gets a 404.

Glimmers, triggers and beans use the diary's helpers (`glimmers.diary.access`)."""

from __future__ import annotations

import uuid

from django.shortcuts import get_object_or_404

from glimmers.diary.access import Visitor, signed_in
from glimmers.practice.models import Draft, Flow, Pause


def get_pause_for(user: Visitor, pause_id: uuid.UUID) -> Pause:
    """The owner's pause, else 404."""
    pause: Pause = get_object_or_404(Pause, id=pause_id, owner=signed_in(user))
    return pause


def get_draft_for(user: Visitor, flow: Flow) -> Draft:
    """The owner's draft of a flow, else 404 (none kept is nothing to show)."""
    draft: Draft = get_object_or_404(Draft, flow=flow, owner=signed_in(user))
    return draft
