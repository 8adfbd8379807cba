"""What the practice's views share."""

from __future__ import annotations

from django.http import HttpRequest, QueryDict
from django.utils.http import url_has_allowed_host_and_scheme


def back_to(request: HttpRequest, default: str) -> str:
    """Where to go when a flow is done: a safe local `next`, else `default`."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return default


def safe_next(request: HttpRequest) -> str:
    """The request's `next`, if it is safe to send a person there; else empty."""
    return back_to(request, "")


def posted(request: HttpRequest) -> QueryDict | None:
    """The POST data to bind a form to, even when empty; None on GET."""
    return request.POST if request.method == "POST" else None
