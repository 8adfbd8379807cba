"""Every practice page with an object id in it: a stranger gets 404, and nothing changes."""

from __future__ import annotations

import pytest
from django.urls import reverse

from glimmers.diary import services as diary
from glimmers.diary.models import Bean, Glimmer
from glimmers.practice.models import Pause
from tests.web import entries


@pytest.fixture
def owned(owner):
    glimmer = entries.glimmer(owner, "mine", kind="photo")
    return {
        "glimmer": glimmer,
        "trigger": entries.trigger(owner),
        "bean": diary.count_bean(owner),
    }


def urls(owned):
    return [
        reverse("practice:anchor", args=[owned["glimmer"].id]),
        reverse("practice:photo_reflect", args=[owned["glimmer"].id]),
        reverse("practice:bean_glimmer", args=[owned["bean"].id]),
        reverse("practice:after_trigger", args=[owned["trigger"].id]),
    ]


def test_a_stranger_gets_404_on_every_practice_url_with_an_id(stranger_client, owned):
    for url in urls(owned):
        assert stranger_client.get(url).status_code == 404, url
        response = stranger_client.post(url, {"seconds": "15", "text": "taken"})
        assert response.status_code in (404, 405), url
    assert not Pause.objects.exists()
    assert Glimmer.objects.get().text == "mine"
    assert Bean.objects.get().glimmer is None


def test_the_owner_opens_each_of_them(owner_client, owned):
    for url in urls(owned):
        assert owner_client.get(url).status_code == 200, url


def test_an_unknown_id_is_a_404_too(owner_client):
    missing = "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"
    for name in ("practice:anchor", "practice:photo_reflect", "practice:bean_glimmer"):
        assert owner_client.get(reverse(name, args=[missing])).status_code == 404
