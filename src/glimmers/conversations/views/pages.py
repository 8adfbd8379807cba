"""Note a conversation, look back at them, change one, set one aside and bring it back."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from glimmers.conversations import services
from glimmers.conversations.access import get_conversation_for
from glimmers.conversations.forms import ConversationForm
from glimmers.conversations.models import Conversation
from glimmers.diary.views.common import SignedInRequest, add_errors

PAGE = 100


@login_required
@require_http_methods(["GET", "POST"])
def conversations(request: SignedInRequest) -> HttpResponse:
    """The form to note one, and the ones noted before, newest first."""
    status = 200
    if request.method == "POST":
        form = ConversationForm(request.POST, owner=request.user)
        if form.is_valid():
            try:
                saved = services.add_conversation(request.user, form.to_input())
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(
                    request, _("Saved. Noticing glimmers in someone's story is a gift.")
                )
                return redirect("conversations:detail", conversation_id=saved.id)
        status = 400
    else:
        form = ConversationForm.fresh(request.user)
    past = (
        Conversation.objects.owned_by(request.user)
        .alive()
        .select_related("person")
        .prefetch_related("named")[:PAGE]
    )
    context = {"form": form, "past": list(past)}
    return render(request, "conversations/list.html", context, status=status)


@login_required
@require_GET
def detail(request: SignedInRequest, conversation_id: uuid.UUID) -> HttpResponse:
    conversation = get_conversation_for(request.user, conversation_id)
    return render(request, "conversations/detail.html", {"conversation": conversation})


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: SignedInRequest, conversation_id: uuid.UUID) -> HttpResponse:
    conversation = get_conversation_for(request.user, conversation_id)
    if request.method == "GET":
        form = ConversationForm.for_conversation(conversation)
        return render(
            request, "conversations/edit.html", {"form": form, "conversation": conversation}
        )
    form = ConversationForm.for_conversation(conversation, request.POST)
    if form.is_valid():
        try:
            services.edit_conversation(conversation, form.to_input())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect("conversations:detail", conversation_id=conversation.id)
    context = {"form": form, "conversation": conversation}
    return render(request, "conversations/edit.html", context, status=400)


@login_required
@require_POST
def trash(request: SignedInRequest, conversation_id: uuid.UUID) -> HttpResponse:
    conversation = get_conversation_for(request.user, conversation_id)
    services.move_to_trash(conversation)
    messages.success(request, _("Moved to the trash. You can bring it back from there."))
    return redirect("conversations:list")


@login_required
@require_POST
def restore(request: SignedInRequest, conversation_id: uuid.UUID) -> HttpResponse:
    conversation = get_conversation_for(request.user, conversation_id)
    services.restore(conversation)
    messages.success(request, _("Brought back from the trash."))
    return redirect("conversations:detail", conversation_id=conversation.id)
