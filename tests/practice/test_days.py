"""Morning and evening: an intention and yesterday's moments; a gentle look back."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine
from django.urls import reverse

from glimmers.diary import services as diary
from glimmers.diary.models import Glimmer, Intention
from tests.web import entries

MORNING = reverse("practice:morning")
EVENING = reverse("practice:evening")
KYIV = ZoneInfo("Europe/Kyiv")


@time_machine.travel(datetime(2025, 3, 10, 7, 30, tzinfo=KYIV), tick=False)
def test_morning_sets_the_intention_and_keeps_yesterdays_moments(owner_client, owner):
    response = owner_client.post(
        MORNING,
        {"intention": "notice warm light", "moment_1": "tea with Mila", "moment_3": "a robin"},
    )
    assert response.status_code == 302
    assert Intention.objects.get().text == "notice warm light"
    kept = Glimmer.objects.order_by("text")
    assert [g.text for g in kept] == ["a robin", "tea with Mila"]
    for glimmer in kept:
        assert glimmer.noticed_at.astimezone(KYIV) == datetime(2025, 3, 9, 12, 0, tzinfo=KYIV)
    html = owner_client.get(MORNING).content.decode()
    assert "Kept 2 good moments from yesterday." in html
    assert "tea with Mila" in html and "notice warm light" in html


def test_an_empty_morning_is_fine(owner_client):
    response = owner_client.post(MORNING, {}, follow=True)
    assert "Your morning is set. Have a gentle day." in response.content.decode()
    assert not Glimmer.objects.exists() and not Intention.objects.exists()


def test_a_too_long_intention_keeps_the_moments_typed(owner_client):
    response = owner_client.post(MORNING, {"intention": "x" * 600, "moment_1": "a robin"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "at most 500 characters" in html and "a robin" in html
    assert not Glimmer.objects.exists()


def test_evening_shows_the_intention_beside_the_days_glimmers_and_beans(owner_client, owner):
    diary.set_intention(owner, "notice voices")
    entries.glimmer(owner, "my son's laugh", ago=timedelta(seconds=5))
    diary.count_bean(owner)
    diary.count_bean(owner)
    html = owner_client.get(EVENING).content.decode()
    assert "notice voices" in html and "my son&#x27;s laugh" in html
    assert "And 2 moments counted without words." in html
    assert "One a day is enough" in html


def test_an_empty_evening_carries_no_guilt(owner_client):
    html = owner_client.get(EVENING).content.decode()
    assert "No glimmers written down today. Some days are like that" in html
    assert "No intention today, and that is all right." in html


HTMX = {"HX-Request": "true", "HX-Target": "save-status"}


def test_the_morning_keeps_what_is_typed_until_it_is_kept(owner_client, owner):
    """Typing saves a draft (htmx): leaving the page and coming back loses nothing."""
    with time_machine.travel(datetime(2025, 3, 10, 7, 30, tzinfo=KYIV), tick=False):
        saved = owner_client.post(
            MORNING, {"intention": "soft light", "moment_2": "a robin"}, headers=HTMX
        )
        assert saved.status_code == 200 and "Saved as you typed." in saved.content.decode()
        assert not Glimmer.objects.exists() and not Intention.objects.exists()
        page = owner_client.get(MORNING).content.decode()
        assert 'value="soft light"' in page and 'value="a robin"' in page
        # Even what is too long to keep is kept as typed, to be mended later.
        owner_client.post(MORNING, {"moment_1": "x" * 30_000}, headers=HTMX)
        assert "x" * 100 in owner_client.get(MORNING).content.decode()
        owner_client.post(MORNING, {"intention": "soft light", "moment_2": "a robin"}, headers=HTMX)
        # Kept: the draft is done with, and a late save-as-you-type cannot bring it back.
        owner_client.post(MORNING, {"intention": "soft light", "moment_2": "a robin"})
        owner_client.post(MORNING, {"intention": "soft light", "moment_2": "a robin"}, headers=HTMX)
        assert 'value="a robin"' not in owner_client.get(MORNING).content.decode()
        assert Glimmer.objects.count() == 1
    # The next morning a new page starts empty, whatever was left typed the day before.
    with time_machine.travel(datetime(2025, 3, 10, 9, 0, tzinfo=KYIV), tick=False):
        owner_client.post(MORNING, {"moment_1": "a second thought"}, headers=HTMX)
    with time_machine.travel(datetime(2025, 3, 11, 7, 0, tzinfo=KYIV), tick=False):
        assert "a second thought" not in owner_client.get(MORNING).content.decode()
