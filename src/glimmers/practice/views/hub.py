"""The practice hub: every guided flow in one calm list."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from glimmers.diary.views.common import SignedInRequest
from glimmers.practice import services
from glimmers.practice.models import Draft


@login_required
@require_GET
def hub(request: SignedInRequest) -> HttpResponse:
    drafts = set(Draft.objects.filter(owner_id=request.user.pk).values_list("flow", flat=True))
    context = {"drafts": drafts, "onboarded": services.has_onboarded(request.user)}
    return render(request, "practice/hub.html", context)
