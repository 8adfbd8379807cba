"""One glimmer: read it, change it, move it to the trash and back."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from glimmers.diary import conflicts, services
from glimmers.diary.access import get_glimmer_for
from glimmers.diary.choices import SENSE_PROMPTS, Sense
from glimmers.diary.forms import EditGlimmerForm
from glimmers.diary.views.common import (
    SignedInRequest,
    add_errors,
    guard_uploads,
    oversized_uploads,
)


@login_required
@require_GET
def detail(request: SignedInRequest, glimmer_id: uuid.UUID) -> HttpResponse:
    glimmer = get_glimmer_for(request.user, glimmer_id)
    lines = [
        (SENSE_PROMPTS[Sense(sense)], line) for sense, line in (glimmer.sense_lines or {}).items()
    ]
    return render(request, "diary/detail.html", {"glimmer": glimmer, "lines": lines})


@login_required
@require_http_methods(["GET", "POST"])
@guard_uploads
def edit(request: SignedInRequest, glimmer_id: uuid.UUID) -> HttpResponse:
    glimmer = get_glimmer_for(request.user, glimmer_id)
    if request.method == "GET":
        form = EditGlimmerForm(glimmer=glimmer)
        return render(request, "diary/edit.html", {"form": form, "glimmer": glimmer})
    form = EditGlimmerForm(
        request.POST, request.FILES, glimmer=glimmer, oversized=oversized_uploads(request)
    )
    if form.is_valid():
        # A page from before versions were sent (no version) edits what is saved.
        version = form.cleaned_data["version"] or glimmer.version
        removed = form.cleaned_data["remove_photos"]
        try:
            saved = conflicts.edit_or_keep(glimmer, version, form.to_input(), remove_photos=removed)
        except ValidationError as error:
            add_errors(form, error)
        else:
            if saved is None:
                messages.warning(
                    request,
                    _(
                        "This glimmer was changed elsewhere after you opened it, so your "
                        "changes are kept beside it: choose which version stays."
                    ),
                )
            else:
                messages.success(request, _("Your changes are saved."))
            return redirect("diary:detail", glimmer_id=glimmer.id)
    return render(request, "diary/edit.html", {"form": form, "glimmer": glimmer}, status=400)


@login_required
@require_POST
def trash(request: SignedInRequest, glimmer_id: uuid.UUID) -> HttpResponse:
    glimmer = get_glimmer_for(request.user, glimmer_id)
    services.move_to_trash(glimmer)
    messages.success(request, _("Moved to the trash. You can bring it back from there."))
    return redirect("diary:timeline")


@login_required
@require_POST
def restore(request: SignedInRequest, glimmer_id: uuid.UUID) -> HttpResponse:
    glimmer = get_glimmer_for(request.user, glimmer_id)
    services.restore(glimmer)
    messages.success(request, _("Welcome back, little glimmer."))
    return redirect("diary:detail", glimmer_id=glimmer.id)
