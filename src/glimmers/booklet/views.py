"""Print pages: a booklet of a period, and bookmarks. Both forms are GET, so a filled-in
form is a link one can keep; only the signed-in owner's glimmers are ever read."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from glimmers.booklet import jobs
from glimmers.booklet.forms import BookletForm, BookmarkForm
from glimmers.booklet.models import BookletJob
from glimmers.booklet.services import (
    BOOKMARKS_PER_PAGE,
    MAX_BOOKMARKS,
    Printed,
    bookmark_choices,
    check_booklet,
    make_booklet,
    make_bookmarks,
)
from glimmers.diary.views.common import SignedInRequest, add_errors


def _pdf(printed: Printed, filename: str) -> HttpResponse:
    response = HttpResponse(printed.pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def booklet(request: SignedInRequest) -> HttpResponse:
    if "make" not in request.GET:
        return render(request, "booklet/booklet.html", {"form": BookletForm()})
    form = BookletForm(request.GET)
    if form.is_valid():
        options = form.cleaned_data["options"]
        try:
            if jobs.in_background(options):  # a long one: made while the person waits elsewhere
                check_booklet(request.user, options)
                return redirect("booklet:job", job_id=jobs.start(request.user, options).id)
            printed = make_booklet(request.user, options)
        except ValidationError as error:
            add_errors(form, error)
        else:
            name = f"glimmers-{options.since.isoformat()}-{options.until.isoformat()}.pdf"
            return _pdf(printed, name)
    return render(request, "booklet/booklet.html", {"form": form}, status=400)


@login_required
@require_GET
def bookmarks(request: SignedInRequest) -> HttpResponse:
    choices = bookmark_choices(request.user)
    context = {"max": MAX_BOOKMARKS, "empty": not choices}
    if "make" not in request.GET:
        # The choices begin with the gentle default (`bookmark_choices`): tick those.
        initial = {"glimmers": [str(glimmer.id) for glimmer in choices[:BOOKMARKS_PER_PAGE]]}
        form = BookmarkForm(initial=initial, choices=choices)
        return render(request, "booklet/bookmarks.html", {**context, "form": form})
    form = BookmarkForm(request.GET, choices=choices)
    if form.is_valid():
        try:
            printed = make_bookmarks(
                request.user, form.cleaned_data["glimmers"], form.cleaned_data["paper"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            return _pdf(printed, f"glimmer-bookmarks-{timezone.localdate().isoformat()}.pdf")
    return render(request, "booklet/bookmarks.html", {**context, "form": form}, status=400)


def _job_for(request: HttpRequest, job_id: uuid.UUID) -> BookletJob:
    """The person's own booklet job; anyone else's is not found."""
    job = BookletJob.objects.filter(id=job_id, owner_id=request.user.pk).first()
    if job is None:
        raise Http404
    return job


@login_required
@require_GET
def job(request: SignedInRequest, job_id: uuid.UUID) -> HttpResponse:
    """How a long booklet is coming along; then the way to download it."""
    found = _job_for(request, job_id)
    jobs.sweep(request.user)  # the day-old ones go even if no new booklet is asked for
    context = {
        "job": found,
        "options": jobs.options_of(found),
        "stopped": jobs.stopped(found),
        "kept_hours": int(jobs.KEPT.total_seconds() // 3600),
    }
    template = "booklet/_job.html" if request.htmx else "booklet/job.html"
    return render(request, template, context)


@login_required
@require_GET
def job_pdf(request: SignedInRequest, job_id: uuid.UUID) -> FileResponse:
    found = _job_for(request, job_id)
    if found.state != BookletJob.State.READY or not found.pdf:
        raise Http404
    options = jobs.options_of(found)
    name = f"glimmers-{options.since.isoformat()}-{options.until.isoformat()}.pdf"
    response = FileResponse(
        found.pdf.open("rb"), as_attachment=True, filename=name, content_type="application/pdf"
    )
    response["Cache-Control"] = "private, no-store"
    return response
