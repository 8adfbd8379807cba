"""Web pages of the API app: device tokens in the settings, and choosing between two
versions of an entry after an edit conflict."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from glimmers.api import conflicts
from glimmers.api.forms import TokenForm
from glimmers.api.models import DeviceToken, EditConflict
from glimmers.api.tokens import create_token, revoke_token


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    """Make a device token and show it, this once."""
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            record, token = create_token(request.user, form.cleaned_data["name"])
        except ValidationError as error:
            form.add_error("name", error)
        else:
            return render(request, "api/token_created.html", {"record": record, "token": token})
    messages.error(request, " ".join(str(message) for message in form.errors.get("name", [])))
    return redirect("accounts:settings")


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: uuid.UUID) -> HttpResponse:
    try:
        record = revoke_token(request.user, token_id)
    except DeviceToken.DoesNotExist:
        raise Http404 from None
    messages.success(request, _("“%(name)s” can no longer reach your diary.") % {"name": record})
    return redirect("accounts:settings")


def _conflict_for(request: HttpRequest, conflict_id: uuid.UUID) -> EditConflict:
    """One of the person's open conflicts, else 404."""
    conflict: EditConflict = get_object_or_404(
        EditConflict.objects.select_related("glimmer", "trigger"),
        id=conflict_id,
        owner=request.user,
        settled_at=None,
    )
    return conflict


def _back(conflict: EditConflict) -> HttpResponse:
    if conflict.glimmer_id:
        return redirect("diary:detail", glimmer_id=conflict.glimmer_id)
    return redirect("diary:triggers")


@login_required
@require_POST
def conflict_use(request: HttpRequest, conflict_id: uuid.UUID) -> HttpResponse:
    """Make the other device's version the saved one."""
    conflict = _conflict_for(request, conflict_id)
    try:
        conflicts.use_other_version(conflict)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The other version is the saved one now."))
    return _back(conflict)


@login_required
@require_POST
def conflict_keep(request: HttpRequest, conflict_id: uuid.UUID) -> HttpResponse:
    """Keep the saved version and let the other one go."""
    conflict = _conflict_for(request, conflict_id)
    conflicts.settle(conflict)
    messages.success(request, _("Kept as it is."))
    return _back(conflict)
