"""Request-wide rules: a fresh install asks for its first account; times in the person's zone."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from glimmers.accounts.models import Profile


class FirstRunMiddleware:
    """Until someone has an account, every page leads to the welcome page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.has_users = False  # once true, stays true for the life of the process

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.has_users:
            self.has_users = get_user_model().objects.exists()
            welcome = reverse("accounts:welcome")
            open_paths = (welcome, "/static/", "/healthz")
            if not self.has_users and not request.path.startswith(open_paths):
                return redirect(welcome)
        if request.user.is_authenticated:
            profile = Profile.objects.filter(user=request.user).only("time_zone").first()
            timezone.activate(zoneinfo.ZoneInfo(profile.time_zone if profile else "UTC"))
        else:
            timezone.deactivate()
        return self.get_response(request)
