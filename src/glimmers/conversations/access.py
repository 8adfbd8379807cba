"""Who may see a conversation: only its owner; anyone else gets a 404."""

from __future__ import annotations

import uuid

from django.shortcuts import get_object_or_404

from glimmers.conversations.models import Conversation
from glimmers.diary.access import Visitor, signed_in


def get_conversation_for(user: Visitor, conversation_id: uuid.UUID) -> Conversation:
    """The owner's conversation (in the trash or not), else 404."""
    owner = signed_in(user)
    conversation: Conversation = get_object_or_404(Conversation, id=conversation_id, owner=owner)
    return conversation
