"""Choosing between two versions of an entry, after an edit from another device arrived for
an older version of it."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from glimmers.diary import conflicts
from glimmers.diary.access import get_open_conflict_for
from glimmers.diary.models import EditConflict
from glimmers.diary.views.common import SignedInRequest


def _back(conflict: EditConflict) -> HttpResponse:
    if conflict.glimmer_id:
        return redirect("diary:detail", glimmer_id=conflict.glimmer_id)
    return redirect("diary:triggers")


@login_required
@require_POST
def use(request: SignedInRequest, conflict_id: uuid.UUID) -> HttpResponse:
    """Make the other device's version the saved one."""
    conflict = get_open_conflict_for(request.user, conflict_id)
    try:
        conflicts.use_other_version(conflict)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The other version is the saved one now."))
    return _back(conflict)


@login_required
@require_POST
def keep(request: SignedInRequest, conflict_id: uuid.UUID) -> HttpResponse:
    """Keep the saved version and let the other one go."""
    conflict = get_open_conflict_for(request.user, conflict_id)
    conflicts.settle(conflict)
    messages.success(request, _("Kept as it is."))
    return _back(conflict)
