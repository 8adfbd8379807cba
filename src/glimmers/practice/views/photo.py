"""A photo that glimmers: pick a photo, then a few questions about the moment it holds.

The photo is saved as a glimmer at once, so nothing is lost if the person stops there;
the questions then change that glimmer. The photo's own date is offered as the moment's.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from glimmers.diary import services as diary
from glimmers.diary.access import get_glimmer_for
from glimmers.diary.choices import Kind
from glimmers.diary.forms import GlimmerForm
from glimmers.diary.views.common import (
    SignedInRequest,
    add_errors,
    guard_uploads,
    oversized_uploads,
)
from glimmers.practice import services
from glimmers.practice.forms import PhotoReflectionForm
from glimmers.practice.views.common import posted


@login_required
@require_http_methods(["GET", "POST"])
@guard_uploads
def photo(request: SignedInRequest) -> HttpResponse:
    """Step one: choose the photo."""
    posted = None
    if request.method == "POST":
        posted = request.POST.copy()
        posted["text"] = posted.get("text") or _("A photo that glimmers")
        posted["kind"] = Kind.PHOTO
    form = GlimmerForm(
        posted,
        request.FILES or None,
        oversized=oversized_uploads(request),
        initial={"id": uuid.uuid4()},  # a repeated submit keeps one glimmer
    )
    if request.method == "POST":
        if form.is_valid() and not form.prepared:
            form.add_error("photos", _("Choose a photo first."))
        if form.is_valid():
            data = form.to_input()
            taken = data.photos[0].taken_at
            if taken is not None and data.noticed_at is None:
                # The photo's own date is the moment's, until the person says otherwise.
                data.noticed_at = timezone.make_aware(taken) if timezone.is_naive(taken) else taken
            try:
                glimmer = diary.add_glimmer(request.user, data)
            except ValidationError as error:
                add_errors(form, error)
            else:
                return redirect("practice:photo_reflect", glimmer_id=glimmer.id)
    status = 400 if form.errors else 200
    return render(request, "practice/photo.html", {"form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def photo_reflect(request: SignedInRequest, glimmer_id: uuid.UUID) -> HttpResponse:
    """Step two: when was it, what was special, how does coming back to it feel."""
    glimmer = get_glimmer_for(request.user, glimmer_id)
    first = glimmer.photos.first()
    taken_at = first.taken_at if first else None
    initial = {"noticed_at": glimmer.noticed_at, "body": glimmer.body}
    if glimmer.text != _("A photo that glimmers"):
        initial["text"] = glimmer.text
    form = PhotoReflectionForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.rewrite_glimmer(
                glimmer,
                text=data["text"],
                body=data["body"],
                noticed_at=data["noticed_at"] or glimmer.noticed_at,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Kept. Come back to this photo whenever you need it."))
            return redirect("diary:detail", glimmer_id=glimmer.id)
    status = 400 if form.errors else 200
    context = {"form": form, "glimmer": glimmer, "photo": first, "taken_at": taken_at}
    return render(request, "practice/photo_reflect.html", context, status=status)
