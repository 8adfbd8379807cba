"""The trash: what was set aside, shelf by shelf, a way back, and emptying it for good.

The diary keeps glimmers and triggers there; other apps add shelves of their own (see
`glimmers.diary.places`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from glimmers.diary import places
from glimmers.diary.views.common import SignedInRequest


@dataclass
class FilledShelf:
    template: str
    items: list[Any]


@login_required
@require_GET
def trash_page(request: SignedInRequest) -> HttpResponse:
    filled = [
        FilledShelf(shelf.template, list(shelf.trashed(request.user))) for shelf in places.shelves()
    ]
    return render(request, "diary/trash.html", {"shelves": [s for s in filled if s.items]})


@login_required
@require_http_methods(["GET", "POST"])
def empty_trash(request: SignedInRequest) -> HttpResponse:
    """GET asks once more; POST deletes everything in the trash for good."""
    if request.method == "POST":
        count = places.empty_trash(request.user)
        messages.success(
            request,
            ngettext(
                "The trash is empty; %(count)d entry was deleted for good.",
                "The trash is empty; %(count)d entries were deleted for good.",
                count,
            )
            % {"count": count},
        )
        return redirect("diary:trash_page")
    return render(request, "diary/empty_trash.html", {"count": places.in_trash(request.user)})
