"""Who may see what in the practice: the owner only; anyone else gets a 404.

Glimmers and triggers use the diary's helpers (`glimmers.diary.access`); beans are here.
"""

from __future__ import annotations

import uuid

from django.http import Http404
from django.shortcuts import get_object_or_404

from glimmers.diary.access import User
from glimmers.diary.models import Bean


def get_bean_for(user: User, bean_id: uuid.UUID) -> Bean:
    """The owner's bean, else 404."""
    if not user.is_authenticated:
        raise Http404
    bean: Bean = get_object_or_404(Bean, id=bean_id, owner_id=user.pk)
    return bean
