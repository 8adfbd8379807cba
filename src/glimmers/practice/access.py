"""Who may see what in the practice: the owner only; anyone else gets a 404.

Glimmers and triggers use the diary's helpers (`glimmers.diary.access`); beans are here.
"""

from __future__ import annotations

import uuid

from django.shortcuts import get_object_or_404

from glimmers.diary.access import Visitor, signed_in
from glimmers.diary.models import Bean


def get_bean_for(user: Visitor, bean_id: uuid.UUID) -> Bean:
    """The owner's bean, else 404."""
    bean: Bean = get_object_or_404(Bean, id=bean_id, owner=signed_in(user))
    return bean
