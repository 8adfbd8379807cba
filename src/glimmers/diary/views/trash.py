"""The trash: what was set aside, a way back, and emptying it for good."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from glimmers.conversations import services as conversation_services
from glimmers.conversations.models import Conversation
from glimmers.diary import services
from glimmers.diary.models import Glimmer, Trigger
from glimmers.diary.views.common import HtmxHttpRequest


@login_required
@require_GET
def trash_page(request: HtmxHttpRequest) -> HttpResponse:
    glimmers = (
        Glimmer.objects.owned_by(request.user)
        .trashed()
        .order_by("-trashed_at", "-id")
        .prefetch_related("photos")
    )
    triggers = Trigger.objects.owned_by(request.user).trashed().order_by("-trashed_at", "-id")
    conversations = (
        Conversation.objects.owned_by(request.user)
        .trashed()
        .select_related("person")
        .order_by("-trashed_at", "-id")
    )
    context = {
        "glimmers": list(glimmers),
        "triggers": list(triggers),
        "conversations": list(conversations),
    }
    return render(request, "diary/trash.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def empty_trash(request: HtmxHttpRequest) -> HttpResponse:
    """GET asks once more; POST deletes everything in the trash for good."""
    if request.method == "POST":
        count = services.empty_trash(request.user)
        count += conversation_services.empty_trash(request.user)
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
    glimmers = Glimmer.objects.owned_by(request.user).trashed().count()
    triggers = Trigger.objects.owned_by(request.user).trashed().count()
    conversations = Conversation.objects.owned_by(request.user).trashed().count()
    context = {"count": glimmers + triggers + conversations}
    return render(request, "diary/empty_trash.html", context)
