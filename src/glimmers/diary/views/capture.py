"""Home: capture a glimmer in seconds; today's glimmers, intention and beans below."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from glimmers.diary import services
from glimmers.diary.forms import GlimmerForm, IntentionForm
from glimmers.diary.models import Glimmer, is_storage_full
from glimmers.diary.views.common import (
    SignedInRequest,
    add_errors,
    back_to,
    guard_uploads,
    oversized_uploads,
)


def today_context(owner: User) -> dict[str, Any]:
    """Today's glimmers, intention and bean count, in the person's time zone."""
    today = timezone.localdate()
    start, end = services.day_bounds(today)
    glimmers = (
        Glimmer.objects.owned_by(owner)
        .alive()
        .filter(noticed_at__gte=start, noticed_at__lt=end)
        .newest_first()
        .prefetch_related("tags", "people", "photos")
    )
    intention = services.intention_on(owner, today)
    return {
        "today": today,
        "today_glimmers": list(glimmers),
        "intention": intention,
        "intention_form": IntentionForm(initial={"text": intention.text if intention else ""}),
        "beans": services.beans_on(owner, today),
    }


@login_required
@require_http_methods(["GET", "POST"])
@guard_uploads
def home(request: SignedInRequest) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = GlimmerForm(request.POST, request.FILES, oversized=oversized_uploads(request))
        if form.is_valid():
            try:
                glimmer = services.add_glimmer(request.user, form.to_input())
            except ValidationError as error:
                add_errors(form, error)
                if is_storage_full(error):
                    status = 413
            else:
                if not request.htmx:
                    messages.success(request, _("Saved. Thank you for noticing."))
                    return redirect(f"{reverse('diary:home')}?saved={glimmer.id}")
                context = {"form": GlimmerForm.fresh(), "saved": True, "saved_glimmer": glimmer}
                context.update(today_context(request.user))
                return render(request, "diary/_capture.html", context)
        status = status if status != 200 else 400
    else:
        form = GlimmerForm.fresh()
    context = {"form": form, "saved_glimmer": _just_saved(request), **today_context(request.user)}
    template = "diary/_capture.html" if request.htmx else "diary/home.html"
    return render(request, template, context, status=status)


def _just_saved(request: SignedInRequest) -> Glimmer | None:
    """The glimmer a plain (no-JavaScript) save just made, to offer anchoring it."""
    try:
        glimmer_id = uuid.UUID(request.GET.get("saved", ""))
    except ValueError:
        return None
    found: Glimmer | None = Glimmer.objects.owned_by(request.user).filter(id=glimmer_id).first()
    return found


@login_required
@require_POST
def bean(request: SignedInRequest) -> HttpResponse:
    """Count one moment with a single tap."""
    services.count_bean(request.user)
    if request.htmx:
        count = services.beans_on(request.user, timezone.localdate())
        context = {"beans": count, "counted": True, "beans_next": back_to(request, "")}
        return render(request, "diary/_beans.html", context)
    messages.success(request, _("Counted. One more small moment."))
    return redirect(back_to(request, reverse("diary:home")))  # the beans page sends `next`


@login_required
@require_POST
def intention(request: SignedInRequest) -> HttpResponse:
    """Set or replace today's intention."""
    form = IntentionForm(request.POST)
    if form.is_valid():
        try:
            current = services.set_intention(request.user, form.cleaned_data["text"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            if request.htmx:
                context = {"intention": current, "intention_form": form, "intention_saved": True}
                return render(request, "diary/_intention.html", context)
            messages.success(request, _("Your intention for today is set."))
            return redirect("diary:home")
    if request.htmx:
        context = {"intention": None, "intention_form": form}
        return render(request, "diary/_intention.html", context, status=400)
    context = {"form": GlimmerForm.fresh(), **today_context(request.user)}
    context["intention_form"] = form
    return render(request, "diary/home.html", context, status=400)
