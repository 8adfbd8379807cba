"""The first account, signing in and out, and a person's settings."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import get_user_model, login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from glimmers.accounts.forms import DeleteAccountForm, FirstAccountForm, TimeZoneForm
from glimmers.accounts.services import create_user, delete_account
from glimmers.diary.models import Profile
from glimmers.diary.profile import set_time_zone
from glimmers.diary.views.common import SignedInRequest
from glimmers.portability.export import export_json


@require_http_methods(["GET", "POST"])
def welcome(request: HttpRequest) -> HttpResponse:
    """On a fresh install: create the first account. Afterwards: go and sign in."""
    User = get_user_model()
    if User.objects.exists():
        return redirect("accounts:login")
    form = FirstAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if User.objects.exists():  # someone else was quicker
                return redirect("accounts:login")
            try:
                user = create_user(
                    form.cleaned_data["username"],
                    form.cleaned_data["password"],
                    time_zone=form.cleaned_data["time_zone"] or "UTC",
                )
            except ValidationError as error:
                form.add_error("username", error)
                return render(request, "accounts/welcome.html", {"form": form})
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("practice:onboarding")
    return render(request, "accounts/welcome.html", {"form": form})


class GentleLoginView(LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    response = redirect("accounts:login")
    # The browser forgets the offline queue, the kept pages and the service worker too.
    response["Clear-Site-Data"] = '"storage"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: SignedInRequest) -> HttpResponse:
    profile, _created = Profile.objects.get_or_create(user=request.user)
    form = TimeZoneForm(request.POST or None, initial={"time_zone": profile.time_zone})
    if request.method == "POST" and form.is_valid():
        set_time_zone(request.user, form.cleaned_data["time_zone"])
        messages.success(request, _("Saved."))
        return redirect("accounts:settings")
    delete_form = DeleteAccountForm(user=request.user)
    return render(request, "accounts/settings.html", {"form": form, "delete_form": delete_form})


@login_required
def export_download(request: SignedInRequest) -> HttpResponse:
    """Everything the person owns, as our lossless JSON."""
    document = export_json(request.user)
    stamp = timezone.localdate().isoformat()
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="glimmers-{stamp}.json"'
    return response


@login_required
@require_POST
def delete_account_view(request: SignedInRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST, user=request.user)
    if not form.is_valid():
        # The middleware has activated the person's zone; show it, not a default.
        tz_form = TimeZoneForm(initial={"time_zone": timezone.get_current_timezone_name()})
        return render(
            request,
            "accounts/settings.html",
            {"form": tz_form, "delete_form": form},
            status=400,
        )
    user = request.user
    logout(request)
    delete_account(user)
    return redirect("accounts:login")
