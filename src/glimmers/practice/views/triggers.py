"""After a trigger: an offer, never a demand — a pause, or one of your own glimmers."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from glimmers.diary.access import get_trigger_for
from glimmers.diary.choices import Sense
from glimmers.diary.views.common import SignedInRequest
from glimmers.practice import services


@login_required
@require_GET
def after_trigger(request: SignedInRequest, trigger_id: uuid.UUID) -> HttpResponse:
    trigger = get_trigger_for(request.user, trigger_id)
    glimmer = services.glimmer_for_trigger(trigger)
    shared = [str(Sense(s).label) for s in trigger.senses if glimmer and s in glimmer.senses]
    context = {"trigger": trigger, "glimmer": glimmer, "shared": shared}
    return render(request, "practice/after_trigger.html", context)
