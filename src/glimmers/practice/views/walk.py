"""The senses walk: one glimmer, traced through the senses one step at a time.

Every step keeps what was typed in a server-side draft, so a person can leave at any
step and come back later; "save what I have" is on every step.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from glimmers.diary.views.common import SignedInRequest, add_errors
from glimmers.practice import services
from glimmers.practice.forms import WalkNameForm, WalkOpenForm, WalkSenseForm, WalkStartForm
from glimmers.practice.models import Flow
from glimmers.practice.services import WALK_SENSES

# 0: now or a memory; 1–5: the five senses; 6: the open "I…"; 7: a name and the body.
OPEN_STEP = len(WALK_SENSES) + 1
LAST_STEP = OPEN_STEP + 1


def _form(step: int, data: Any, draft: dict[str, Any]) -> forms.Form:
    if step == 0:
        # A walk begun in the terminal may hold a full time; the form shows its day.
        day = str(draft.get("noticed_at") or "")[: len("2024-05-01")]
        return WalkStartForm(data, initial={"when": draft.get("when", "now"), "noticed_at": day})
    if step <= len(WALK_SENSES):
        sense = WALK_SENSES[step - 1]
        return WalkSenseForm(data, sense=sense, initial={"line": draft.get(sense.value, "")})
    if step == OPEN_STEP:
        initial = {"line": draft.get("other", ""), "other_sense": draft.get("other_sense")}
        return WalkOpenForm(data, initial={k: v for k, v in initial.items() if v})
    return WalkNameForm(data, initial=draft)


def _keep(step: int, form: forms.Form, draft: dict[str, Any]) -> dict[str, Any]:
    """Fold a step's answers into the draft."""
    data = form.cleaned_data
    if step == 0:
        draft["when"] = data["when"]
        day = data.get("noticed_at")
        draft["noticed_at"] = day.isoformat() if day and data["when"] == "memory" else ""
    elif step <= len(WALK_SENSES):
        draft[WALK_SENSES[step - 1].value] = data["line"]
    elif step == OPEN_STEP:
        draft["other"] = data["line"]
        draft["other_sense"] = data.get("other_sense") or ""
    else:
        draft["text"] = data["text"]
        draft["body"] = data["body"]
    draft["step"] = step
    return draft


@login_required
@require_GET
def walk(request: SignedInRequest) -> HttpResponse:
    """Start the walk, or go back to the step where it was left."""
    draft = services.load_draft(request.user, Flow.WALK)
    return redirect("practice:walk_step", step=int(draft.get("step", 0)))


@login_required
@require_http_methods(["GET", "POST"])
def walk_step(request: SignedInRequest, step: int) -> HttpResponse:
    if step > LAST_STEP:
        return redirect("practice:walk_step", step=LAST_STEP)
    draft = services.load_draft(request.user, Flow.WALK)
    if request.method == "GET":
        return _render(request, step, _form(step, None, draft), draft)
    form = _form(step, request.POST, draft)
    if not form.is_valid():
        return _render(request, step, form, draft, status=400)
    draft = _keep(step, form, draft)
    action = request.POST.get("action", "next")
    if action == "save" or (action == "next" and step == LAST_STEP):
        try:
            glimmer = services.finish_walk(request.user, draft)
        except ValidationError as error:
            services.save_draft(request.user, Flow.WALK, draft)
            add_errors(form, error)
            return _render(request, step, form, draft, status=400)
        messages.success(request, _("Saved. You walked this glimmer through your senses."))
        return redirect("diary:detail", glimmer_id=glimmer.id)
    if action == "back":
        draft["step"] = max(step - 1, 0)
    elif action == "next":
        draft["step"] = step + 1
    services.save_draft(request.user, Flow.WALK, draft)
    if action == "leave":
        messages.success(request, _("Your walk is kept. Come back to it any time."))
        return redirect("practice:hub")
    return redirect("practice:walk_step", step=draft["step"])


@login_required
@require_http_methods(["POST"])
def walk_discard(request: SignedInRequest) -> HttpResponse:
    services.drop_draft(request.user, Flow.WALK)
    messages.success(request, _("The walk is cleared."))
    return redirect("practice:hub")


def _render(
    request: HttpRequest, step: int, form: forms.Form, draft: dict[str, Any], status: int = 200
) -> HttpResponse:
    context = {
        "form": form,
        "step": step,
        "number": step + 1,
        "total": LAST_STEP + 1,
        "last": step == LAST_STEP,
        "so_far": _so_far(draft),
        "action": reverse("practice:walk_step", args=[step]),
    }
    return render(request, "practice/walk.html", context, status=status)


def _so_far(draft: dict[str, Any]) -> list[str]:
    """The lines written so far, for a calm reminder on each step."""
    lines = [str(draft[sense.value]) for sense in WALK_SENSES if draft.get(sense.value)]
    if draft.get("other"):
        lines.append(str(draft["other"]))
    return lines
