"""A guided pause with a breathing pacer; from a glimmer it anchors that glimmer."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from glimmers.diary.access import get_glimmer_for
from glimmers.diary.models import Glimmer
from glimmers.diary.views.common import SignedInRequest, add_errors
from glimmers.practice import services
from glimmers.practice.forms import PauseAfterForm, PauseSetupForm
from glimmers.practice.views.common import back_to, safe_next


@login_required
@require_http_methods(["GET", "POST"])
def pause(request: SignedInRequest) -> HttpResponse:
    return _pause(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def anchor(request: SignedInRequest, glimmer_id: uuid.UUID) -> HttpResponse:
    return _pause(request, get_glimmer_for(request.user, glimmer_id))


def _pause(request: SignedInRequest, glimmer: Glimmer | None) -> HttpResponse:
    """Three steps: choose (GET), breathe (GET with the choice), keep what followed (POST)."""
    context: dict[str, Any] = {"glimmer": glimmer, "next": safe_next(request)}
    if request.method == "POST":
        after = PauseAfterForm(request.POST)
        if after.is_valid():
            data = after.cleaned_data
            try:
                services.record_pause(
                    request.user,
                    glimmer=glimmer,
                    seconds=data["seconds"],
                    with_toy=data["with_toy"],
                    state_before=data["state_before"],
                    state_after=data["state_after"],
                    body=data["body"],
                )
            except ValidationError as error:
                add_errors(after, error)
            else:
                if glimmer is not None:
                    messages.success(
                        request, _("Anchored. This glimmer has a little more room now.")
                    )
                    default = reverse("diary:detail", args=[glimmer.id])
                else:
                    messages.success(request, _("Thank you for pausing."))
                    default = reverse("practice:hub")
                return redirect(back_to(request, default))
        context.update(after=after, seconds=request.POST.get("seconds"))
        return render(request, "practice/pause_breathe.html", context, status=400)
    if "seconds" in request.GET:
        setup = PauseSetupForm(request.GET)
        if setup.is_valid():
            data = setup.cleaned_data
            after = PauseAfterForm(initial={**data, "seconds": data["seconds"]})
            context.update(after=after, **data)
            return render(request, "practice/pause_breathe.html", context)
        return render(request, "practice/pause.html", {**context, "setup": setup}, status=400)
    setup = PauseSetupForm(initial={"with_toy": request.GET.get("toy") == "1"})
    return render(request, "practice/pause.html", {**context, "setup": setup})
