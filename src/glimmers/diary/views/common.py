"""What the diary's views share: the htmx-aware request, error mapping, upload limits."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django_htmx.middleware import HtmxDetails

from glimmers.diary.models import PHOTOS_PER_SAVE

# Room for the words and fields that travel with the photos.
FORM_ALLOWANCE = 1024 * 1024


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


class SignedInRequest(HtmxHttpRequest):
    """A request to a view behind `login_required`: `user` is a person, never anonymous."""

    user: User


def back_to(request: HttpRequest, default: str) -> str:
    """Where to go when something is done: a safe local `next`, else `default`."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return default


def add_errors(form: forms.Form, error: ValidationError) -> None:
    """Attach a service's ValidationError to the form fields it names, the rest to the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def upload_limit() -> int:
    """The largest request body a save with photos may have."""
    return int(settings.PHOTO_MAX_BYTES) * PHOTOS_PER_SAVE + FORM_ALLOWANCE


class SkipOversizedFiles(FileUploadHandler):
    """Drop any uploaded file past the photo size limit as it streams in, noting its name.

    The rest of the form still arrives, so the person's words survive the error.
    """

    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.max_bytes = int(settings.PHOTO_MAX_BYTES)
        self.skipped: list[str] = []
        self.received = 0

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > self.max_bytes:
            self.skipped.append(self.file_name or "")
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


def oversized_uploads(request: HttpRequest) -> list[str]:
    """Names of the files SkipOversizedFiles dropped from this request."""
    for handler in request.upload_handlers:
        if isinstance(handler, SkipOversizedFiles):
            return handler.skipped
    return []


def guard_uploads(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Refuse a body too large to be photos before reading it; skip single oversized files.

    Upload handlers must be set before the CSRF check reads the body, hence Django's
    documented csrf_exempt-outside, csrf_protect-inside arrangement.
    """
    protected = csrf_protect(view)

    @csrf_exempt
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST":
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > upload_limit():
                return too_large(request)
            request.upload_handlers = [SkipOversizedFiles(request), *request.upload_handlers]
        return protected(request, *args, **kwargs)

    return wrapper


def too_large(request: HttpRequest) -> HttpResponse:
    context = {
        "limit_mb": upload_limit() // (1024 * 1024),
        "photo_mb": int(settings.PHOTO_MAX_BYTES) // (1024 * 1024),
        "max_photos": PHOTOS_PER_SAVE,
    }
    if getattr(request, "htmx", False):
        response = render(request, "diary/_too_large.html", context, status=413)
        # Show the note beside the form and leave the typed words where they are.
        response["HX-Retarget"] = "#capture-alert"
        response["HX-Reswap"] = "innerHTML"
        return response
    return render(request, "diary/too_large.html", context, status=413)
