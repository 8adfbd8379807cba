"""A glimmer's photo, for its owner's eyes only."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.views.decorators.http import require_GET

from glimmers.diary.access import get_photo_for
from glimmers.diary.views.common import SignedInRequest


@login_required
@require_GET
def photo(request: SignedInRequest, photo_id: uuid.UUID) -> FileResponse:
    found = get_photo_for(request.user, photo_id)
    response = FileResponse(found.image.open("rb"), content_type="image/jpeg")
    # A photo never changes under its id; only this person's browser may keep it.
    response["Cache-Control"] = "private, max-age=86400"
    return response
