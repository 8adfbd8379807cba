"""The prompt library: every prompt by practice; hide the ones that do not suit you."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from glimmers.diary.views.common import SignedInRequest
from glimmers.practice import prompts as library
from glimmers.practice.views.common import back_to


@login_required
@require_GET
def prompts(request: SignedInRequest) -> HttpResponse:
    return render(request, "practice/prompts.html", {"groups": library.grouped(request.user)})


@login_required
@require_POST
def prompt_visibility(request: SignedInRequest) -> HttpResponse:
    library.set_hidden(request.user, request.POST.get("key", ""), request.POST.get("hide") == "1")
    return redirect(back_to(request, reverse("practice:prompts")))
