"""Accounts pages: the first account, signing in, lockout, settings, export and leaving."""

from __future__ import annotations

import json
from pathlib import Path

from axes.models import AccessAttempt, AccessLog
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from glimmers.diary import services
from glimmers.diary.models import Glimmer, Profile
from tests.conftest import PASSWORD
from tests.web import entries, images

WELCOME = reverse("accounts:welcome")
LOGIN = reverse("accounts:login")
SETTINGS = reverse("accounts:settings")


def test_a_fresh_install_leads_to_welcome(db):
    client = Client()
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == WELCOME
    html = client.get(WELCOME).content.decode()
    assert "Welcome to Glimmers" in html
    assert 'type="hidden" name="time_zone"' in html
    assert "glimmers/app.js" in html


def test_welcome_creates_the_first_account_in_my_zone(db):
    client = Client()
    response = client.post(
        WELCOME, {"username": "olena", "password": PASSWORD, "time_zone": "Europe/Berlin"}
    )
    # A new person is offered the first steps (skippable; see tests/practice/test_onboarding.py).
    assert response.status_code == 302 and response["Location"] == reverse("practice:onboarding")
    user = get_user_model().objects.get()
    assert Profile.objects.get(user=user).time_zone == "Europe/Berlin"
    assert client.get("/").status_code == 200


def test_welcome_explains_a_weak_password(db):
    response = Client().post(WELCOME, {"username": "olena", "password": "123", "time_zone": ""})
    assert response.status_code == 200
    assert "too short" in response.content.decode()
    assert not get_user_model().objects.exists()


def test_welcome_is_closed_once_someone_has_an_account(client, owner):
    assert client.get(WELCOME)["Location"] == LOGIN
    client.post(WELCOME, {"username": "intruder", "password": PASSWORD})
    assert get_user_model().objects.count() == 1


def test_login_is_gentle(client, owner):
    html = client.get(LOGIN).content.decode()
    assert "Welcome back" in html and 'name="password"' in html
    response = client.post(LOGIN, {"username": "olena", "password": "not it"})
    assert "Take your time and try again." in response.content.decode()
    response = client.post(LOGIN, {"username": "olena", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("diary:home")


def test_too_many_attempts_rest_the_account(client, owner, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": "olena", "password": "wrong"})
    response = client.post(LOGIN, {"username": "olena", "password": PASSWORD})
    assert response.status_code == 429
    assert "try again in 15 minutes" in response.content.decode()


def test_logout_needs_a_post(owner_client):
    assert owner_client.get(reverse("accounts:logout")).status_code == 405
    response = owner_client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert owner_client.get("/")["Location"].startswith(LOGIN)


def test_page_language_and_landmarks(owner_client):
    html = owner_client.get(SETTINGS).content.decode()
    assert '<html lang="en"' in html
    assert 'href="#main"' in html and '<main id="main"' in html and "<nav" in html
    assert 'hx-headers=\'{"X-CSRFToken"' in html
    assert "glimmers/htmx-2.0.11.min.js" in html
    assert 'role="status"' in html
    german = owner_client.get(SETTINGS, headers={"Accept-Language": "de"}).content.decode()
    assert '<html lang="de"' in german


def test_settings_change_the_time_zone(owner_client, owner):
    response = owner_client.get(SETTINGS)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Download everything (JSON)" in html and reverse("accounts:export") in html
    response = owner_client.post(SETTINGS, {"time_zone": "America/Toronto"})
    assert response.status_code == 302
    assert Profile.objects.get(user=owner).time_zone == "America/Toronto"


def test_settings_refuse_an_unknown_zone(owner_client, owner):
    response = owner_client.post(SETTINGS, {"time_zone": "Mars/Olympus"})
    assert response.status_code == 200
    assert Profile.objects.get(user=owner).time_zone == "Europe/Kyiv"


def test_export_is_for_the_signed_in_owner(client, owner_client, owner, stranger, stranger_client):
    entries.glimmer(owner, "for the archive")
    entries.glimmer(stranger, "not yours")
    response = owner_client.get(reverse("accounts:export"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    document = json.loads(response.content)
    assert [g["text"] for g in document["glimmers"]] == ["for the archive"]
    theirs = json.loads(stranger_client.get(reverse("accounts:export")).content)
    assert [g["text"] for g in theirs["glimmers"]] == ["not yours"]
    anonymous = client.get(reverse("accounts:export"))
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(LOGIN)


def test_deleting_the_account_needs_my_name(
    owner_client, owner, django_capture_on_commit_callbacks
):
    glimmer = entries.glimmer(owner)
    services.save_photos(glimmer, [images.prepared()])
    photo_path = Path(glimmer.photos.get().image.path)
    assert photo_path.exists()
    response = owner_client.post(
        reverse("accounts:delete"), {"confirm": "someone", "password": PASSWORD}
    )
    assert response.status_code == 400
    assert "That is not your name; nothing was deleted." in response.content.decode()
    assert '<option value="Europe/Kyiv" selected>' in response.content.decode()
    wrong = owner_client.post(reverse("accounts:delete"), {"confirm": "olena", "password": "x"})
    assert wrong.status_code == 400
    assert "That is not your password; nothing was deleted." in wrong.content.decode()
    assert Glimmer.objects.count() == 1
    # The sign-in records of that name go with the account.
    AccessAttempt.objects.create(username="olena", ip_address="192.0.2.1", failures_since_start=1)
    AccessLog.objects.create(username="olena", ip_address="192.0.2.1", user_agent="phone")
    AccessLog.objects.create(username="stranger", ip_address="192.0.2.9", user_agent="laptop")
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(
            reverse("accounts:delete"), {"confirm": "olena", "password": PASSWORD}
        )
    assert response.status_code == 302
    assert not get_user_model().objects.filter(username="olena").exists()
    assert Glimmer.objects.count() == 0
    assert not photo_path.exists()
    assert not AccessAttempt.objects.filter(username="olena").exists()
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["stranger"]
    # That was the only account: the next visitor is offered a fresh start.
    assert owner_client.get("/")["Location"] == reverse("accounts:welcome")


def test_anonymous_settings_redirect(client, owner):
    assert client.get(SETTINGS)["Location"].startswith(LOGIN)
