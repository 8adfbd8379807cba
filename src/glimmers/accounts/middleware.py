"""Request-wide rules: a fresh install asks for its first account; times in the person's zone."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from glimmers.diary.models import Profile

OPEN_PATHS = ("/accounts/welcome/", "/static/", "/healthz", "/api/")


class FirstRunMiddleware:
    """Until someone has an account, every page leads to the welcome page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Someone signed in is proof enough; for visitors one tiny query asks again each time,
        # so removing the last account brings the welcome page back.
        if (
            not request.user.is_authenticated
            and not request.path.startswith(OPEN_PATHS)
            and not get_user_model().objects.exists()
        ):
            return redirect(reverse("accounts:welcome"))
        if request.user.is_authenticated:
            profile = Profile.objects.filter(user=request.user).only("time_zone").first()
            timezone.activate(zoneinfo.ZoneInfo(profile.time_zone if profile else "UTC"))
        else:
            timezone.deactivate()
        return self.get_response(request)
