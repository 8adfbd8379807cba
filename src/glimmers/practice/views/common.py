"""What the practice's views share."""

from __future__ import annotations

from django.http import HttpRequest, QueryDict

from glimmers.diary.views.common import back_to

__all__ = ["back_to", "posted", "safe_next"]


def safe_next(request: HttpRequest) -> str:
    """The request's `next`, if it is safe to send a person there; else empty."""
    return back_to(request, "")


def posted(request: HttpRequest) -> QueryDict | None:
    """The POST data to bind a form to, even when empty; None on GET."""
    return request.POST if request.method == "POST" else None
