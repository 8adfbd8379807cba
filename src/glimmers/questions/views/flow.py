"""The flow: a question and its 0–10 scale, then one follow-up per page, saved as you go.

Each page has three ways on: next, back, and "stop here for now"; all of them save first.
With JavaScript, htmx also saves while a person types, so closing the page loses nothing.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from glimmers.diary.views.common import HtmxHttpRequest, SignedInRequest, add_errors
from glimmers.questions import services
from glimmers.questions.access import get_answer_for
from glimmers.questions.chart import scale_chart
from glimmers.questions.choices import STEPS, BuiltIn, Step
from glimmers.questions.forms import ScaleForm, StepForm
from glimmers.questions.models import Answer

CHART_SIZE = 30  # the last answers shown in the chart and its table
RECENT = 10  # the answers listed below it


@login_required
@require_GET
def hub(request: SignedInRequest) -> HttpResponse:
    """Pick a question, carry on with one left part-way, see the scale over time."""
    answers = services.history(request.user, CHART_SIZE)
    context = {
        "choices": services.choices(request.user),
        "unfinished": services.unfinished(request.user),
        "answers": answers,
        "recent": list(reversed(answers))[:RECENT],
        "chart": scale_chart(answers),
    }
    return render(request, "questions/hub.html", context)


def _saved(request: HtmxHttpRequest) -> HttpResponse:
    """What htmx gets back after a save while typing: a quiet note for screen readers."""
    return render(request, "_saved_as_you_type.html")


def _question_words(request: SignedInRequest, key: str) -> str:
    try:
        return services.resolve(request.user, key)[2]
    except ValidationError:
        raise Http404 from None


@login_required
@require_http_methods(["GET", "POST"])
def ask(request: SignedInRequest) -> HttpResponse:
    """The first step: how likely, from 0 to 10."""
    if request.method == "GET":
        key = request.GET.get("q") or BuiltIn.TODAY.value
        form = ScaleForm.fresh(key)
        words = _question_words(request, key)
        return render(request, "questions/ask.html", {"form": form, "words": words})
    form = ScaleForm(request.POST)
    key = request.POST.get("question") or ""
    words = _question_words(request, key)
    if form.is_valid():
        try:
            answer = services.start(
                request.user,
                form.cleaned_data["question"],
                form.cleaned_data["scale"],
                answer_id=form.cleaned_data["id"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            if request.htmx:
                return _saved(request)
            return _onward(request, answer, None)
    context = {"form": form, "words": words}
    return render(request, "questions/ask.html", context, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def scale(request: SignedInRequest, answer_id: uuid.UUID) -> HttpResponse:
    """The first step again, for an answer already started."""
    answer = get_answer_for(request.user, answer_id)
    status = 200
    if request.method == "GET":
        key = answer.builtin or str(answer.question_id or "")
        form = ScaleForm(initial={"id": answer.id, "question": key, "scale": answer.scale})
    else:
        form = ScaleForm(request.POST)
        form.fields["question"].required = False
        if form.is_valid():
            services.set_scale(answer, form.cleaned_data["scale"])
            if request.htmx:
                return _saved(request)
            return _onward(request, answer, None)
        status = 400
    context = {"form": form, "words": answer.question_text, "answer": answer}
    return render(request, "questions/ask.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def step(request: SignedInRequest, answer_id: uuid.UUID, step: str) -> HttpResponse:
    """One follow-up."""
    answer = get_answer_for(request.user, answer_id)
    if step not in Step.values:
        raise Http404
    if request.method == "GET":
        form = StepForm(initial={"text": answer.step_text(step)}, step=step)
    else:
        form = StepForm(request.POST, step=step)
        if form.is_valid():
            try:
                services.save_step(answer, step, form.cleaned_data["text"])
            except ValidationError as error:
                add_errors(form, error)
            else:
                if request.htmx:
                    return _saved(request)
                return _onward(request, answer, step)
    number = Step.values.index(step) + 1
    context = {
        "form": form,
        "answer": answer,
        "step": step,
        "number": number + 1,  # the scale is step one
        "total": len(STEPS) + 1,
        "last": number == len(STEPS),
    }
    return render(request, "questions/step.html", context, status=400 if form.errors else 200)


def _onward(request: HtmxHttpRequest, answer: Answer, current: str | None) -> HttpResponse:
    """Where the pressed button leads: on, back, or out (everything is already saved)."""
    go = request.POST.get("go", "next")
    position = -1 if current is None else Step.values.index(current)
    if go == "stop":
        messages.success(request, _("Saved. You can carry on whenever you like."))
        return redirect("questions:hub")
    if go == "back":
        if position <= 0:
            return redirect("questions:scale", answer_id=answer.id)
        return redirect("questions:step", answer_id=answer.id, step=Step.values[position - 1])
    if position + 1 < len(STEPS):
        return redirect("questions:step", answer_id=answer.id, step=Step.values[position + 1])
    services.finish(answer)
    messages.success(request, _("Thank you for imagining it. It is saved."))
    return redirect("questions:answer", answer_id=answer.id)


@login_required
@require_GET
def answer_detail(request: SignedInRequest, answer_id: uuid.UUID) -> HttpResponse:
    answer = get_answer_for(request.user, answer_id)
    rows = [(item.value, item.label, answer.step_text(item)) for item in Step]
    return render(request, "questions/answer.html", {"answer": answer, "rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: SignedInRequest, answer_id: uuid.UUID) -> HttpResponse:
    """Ask once, then let the answer go for good."""
    answer = get_answer_for(request.user, answer_id)
    if request.method == "GET":
        return render(request, "questions/answer_delete.html", {"answer": answer})
    services.delete_answer(answer)
    messages.success(request, _("That answer is gone."))
    return redirect("questions:hub")
