"""Device tokens on the settings page: make one (shown this once), revoke one."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from glimmers.accounts.forms import TokenForm
from glimmers.accounts.models import DeviceToken
from glimmers.accounts.tokens import create_token, revoke_token
from glimmers.diary.views.common import SignedInRequest


@login_required
@require_POST
def create(request: SignedInRequest) -> HttpResponse:
    """Make a device token and show it, this once."""
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            record, token = create_token(request.user, form.cleaned_data["name"])
        except ValidationError as error:
            form.add_error("name", error)
        else:
            context = {"record": record, "token": token}
            return render(request, "accounts/token_created.html", context)
    messages.error(request, " ".join(str(message) for message in form.errors.get("name", [])))
    return redirect("accounts:settings")


@login_required
@require_POST
def revoke(request: SignedInRequest, token_id: uuid.UUID) -> HttpResponse:
    try:
        record = revoke_token(request.user, token_id)
    except DeviceToken.DoesNotExist:
        raise Http404 from None
    messages.success(request, _("“%(name)s” can no longer reach your diary.") % {"name": record})
    return redirect("accounts:settings")
