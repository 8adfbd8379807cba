"""Dark times: looking back at a hard period for the small moments that helped.

Handled with care: a way out and a grounding pause on every step, and nothing typed is
lost when a person leaves (the draft stays until they finish).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from glimmers.diary.models import Glimmer
from glimmers.diary.views.common import SignedInRequest, add_errors
from glimmers.practice import services
from glimmers.practice.forms import DarkTimeMomentForm, DarkTimeStartForm
from glimmers.practice.models import Flow


def _form(step: int, data: Any, draft: dict[str, Any]) -> forms.Form:
    if step == 0:
        return DarkTimeStartForm(data, initial=draft)
    return DarkTimeMomentForm(data, initial=draft)


@login_required
@require_http_methods(["GET", "POST"])
def dark_time(request: SignedInRequest) -> HttpResponse:
    draft = services.load_draft(request.user, Flow.DARK_TIME)
    step = 1 if int(draft.get("step", 0)) >= 1 else 0
    if request.method == "GET":
        return _render(request, step, _form(step, None, draft), draft)
    action = request.POST.get("action", "next")
    typed = step == 1 and request.POST.get("moment", "").strip()
    if action == "finish" and not typed:
        return _finish(request)
    form = _form(step, request.POST, draft)
    if not form.is_valid():
        return _render(request, step, form, draft, status=400)
    data = form.cleaned_data
    if step == 0:
        draft.update(period=data["period"], day=data["day"].isoformat() if data["day"] else "")
    else:
        draft.update(moment=data["moment"], senses=data["senses"], body=data["body"])
    if action in ("save", "finish") and step == 1:  # finishing keeps a moment typed last
        try:
            services.keep_dark_time_moment(request.user, draft)
        except ValidationError as error:
            services.save_draft(request.user, Flow.DARK_TIME, draft)
            add_errors(form, error)
            return _render(request, step, form, draft, status=400)
        if action == "finish":
            return _finish(request)
        messages.success(request, _("Kept. That small moment is part of your story too."))
        return redirect("practice:dark_time")
    draft["step"] = 0 if action == "back" else 1
    services.save_draft(request.user, Flow.DARK_TIME, draft)
    if action == "leave":
        messages.success(request, _("What you wrote is kept. Come back whenever you wish."))
        return redirect("practice:hub")
    return redirect("practice:dark_time")


def _finish(request: SignedInRequest) -> HttpResponse:
    services.drop_draft(request.user, Flow.DARK_TIME)
    messages.success(request, _("Thank you for looking back with such care."))
    return redirect("practice:hub")


def _render(
    request: SignedInRequest, step: int, form: forms.Form, draft: dict[str, Any], status: int = 200
) -> HttpResponse:
    kept = list(Glimmer.objects.owned_by(request.user).filter(id__in=draft.get("kept", [])))
    context = {
        "form": form,
        "step": step,
        "draft": draft,
        "looking_back_day": date.fromisoformat(draft["day"]) if draft.get("day") else None,
        "kept": kept,
        "pause_url": reverse("practice:pause") + "?next=" + reverse("practice:dark_time"),
    }
    return render(request, "practice/dark_time.html", context, status=status)
