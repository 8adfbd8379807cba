"""Triggers: noted briefly, without judgement, and set aside when wished."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from glimmers.diary import services
from glimmers.diary.access import get_trigger_for
from glimmers.diary.conflicts import with_open_conflicts
from glimmers.diary.forms import TriggerForm
from glimmers.diary.models import Trigger
from glimmers.diary.views.common import SignedInRequest, add_errors

RECENT = 50


@login_required
@require_http_methods(["GET", "POST"])
def triggers(request: SignedInRequest) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = TriggerForm(request.POST)
        if form.is_valid():
            try:
                trigger = services.add_trigger(request.user, form.to_input())
            except ValidationError as error:
                add_errors(form, error)
            else:
                # The practice offers (never forces) a pause or one of the person's glimmers.
                return redirect("practice:after_trigger", trigger_id=trigger.id)
        status = 400
    else:
        form = TriggerForm(initial={"id": uuid.uuid4()})
    recent = with_open_conflicts(Trigger.objects.owned_by(request.user).alive().newest_first())
    recent = recent[:RECENT]
    context = {"form": form, "triggers": list(recent), "recent": RECENT}
    return render(request, "diary/triggers.html", context, status=status)


@login_required
@require_POST
def trigger_trash(request: SignedInRequest, trigger_id: uuid.UUID) -> HttpResponse:
    trigger = get_trigger_for(request.user, trigger_id)
    services.move_to_trash(trigger)
    messages.success(request, _("Set aside in the trash."))
    return redirect("diary:triggers")


@login_required
@require_POST
def trigger_restore(request: SignedInRequest, trigger_id: uuid.UUID) -> HttpResponse:
    trigger = get_trigger_for(request.user, trigger_id)
    services.restore(trigger)
    messages.success(request, _("Brought back from the trash."))
    return redirect("diary:trash_page")
