"""A person's own Glimmer Questions: write, change, put away, bring back."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from glimmers.diary.views.common import SignedInRequest, add_errors
from glimmers.questions import services
from glimmers.questions.access import get_question_for
from glimmers.questions.forms import QuestionForm
from glimmers.questions.models import GlimmerQuestion


@login_required
@require_http_methods(["GET", "POST"])
def own(request: SignedInRequest) -> HttpResponse:
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_question(request.user, form.cleaned_data["text"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your question is ready to ask."))
            return redirect("questions:own")
    questions = list(GlimmerQuestion.objects.filter(owner_id=request.user.pk))
    context = {
        "form": form,
        "active": [question for question in questions if not question.archived],
        "archived": [question for question in questions if question.archived],
    }
    return render(request, "questions/own.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def own_edit(request: SignedInRequest, question_id: uuid.UUID) -> HttpResponse:
    question = get_question_for(request.user, question_id)
    form = QuestionForm(request.POST or None, initial={"text": question.text})
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_question(question, form.cleaned_data["text"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your question is changed."))
            return redirect("questions:own")
    context = {"form": form, "question": question}
    return render(request, "questions/own_edit.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def own_archive(request: SignedInRequest, question_id: uuid.UUID) -> HttpResponse:
    services.archive_question(get_question_for(request.user, question_id))
    messages.success(request, _("Put away. Your answers to it stay in your history."))
    return redirect("questions:own")


@login_required
@require_POST
def own_unarchive(request: SignedInRequest, question_id: uuid.UUID) -> HttpResponse:
    services.unarchive_question(get_question_for(request.user, question_id))
    messages.success(request, _("Your question is back among the ones to ask."))
    return redirect("questions:own")
