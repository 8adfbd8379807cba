"""Who may see what in the practice: the owner only; anyone else gets a 404."""

from __future__ import annotations

import uuid

from django.shortcuts import get_object_or_404

from glimmers.diary.access import User, _signed_in
from glimmers.diary.models import Bean


def get_bean_for(user: User, bean_id: uuid.UUID) -> Bean:
    """The owner's bean, else 404."""
    owner = _signed_in(user)
    bean: Bean = get_object_or_404(Bean, id=bean_id, owner=owner)
    return bean
