"""Forms for the first account and for a person's settings."""

from __future__ import annotations

import zoneinfo
from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from glimmers.accounts.models import TOKEN_NAME_MAX
from glimmers.diary.models import validate_time_zone


class FirstAccountForm(forms.Form):
    username = forms.CharField(
        label=_("Your name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters, not only digits, not a common password."),
    )
    time_zone = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_time_zone(self) -> str:
        zone: str = self.cleaned_data.get("time_zone") or ""
        return zone if zone in zoneinfo.available_timezones() else ""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        password = cleaned.get("password")
        if password:
            from django.contrib.auth import get_user_model

            user = get_user_model()(username=cleaned.get("username", ""))
            try:
                password_validation.validate_password(password, user)
            except ValidationError as error:
                self.add_error("password", error)
        return cleaned


class TimeZoneForm(forms.Form):
    time_zone = forms.ChoiceField(label=_("Your time zone"), choices=())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        zones = sorted(zoneinfo.available_timezones())
        self.fields["time_zone"].choices = [(zone, zone) for zone in zones]  # type: ignore[attr-defined]

    def clean_time_zone(self) -> str:
        zone: str = self.cleaned_data["time_zone"]
        validate_time_zone(zone)
        return zone


class DeleteAccountForm(forms.Form):
    confirm = forms.CharField(
        label=_("Type your name to confirm"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirm(self) -> str:
        value: str = self.cleaned_data["confirm"]
        if value.strip() != self.user.get_username():
            raise ValidationError(_("That is not your name; nothing was deleted."))
        return value

    def clean_password(self) -> str:
        value: str = self.cleaned_data["password"]
        if not self.user.check_password(value):
            raise ValidationError(_("That is not your password; nothing was deleted."))
        return value


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Device name"),
        max_length=TOKEN_NAME_MAX,
        required=False,
        help_text=_("So you can tell your tokens apart, e.g. “phone” or “laptop”."),
    )
