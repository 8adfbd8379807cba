"""Dark times: small moments from a hard period, saved with their past dates, gently."""

from __future__ import annotations

from django.urls import reverse

from glimmers.diary.models import Glimmer
from glimmers.practice.models import Draft

DARK = reverse("practice:dark_time")


def test_each_step_offers_a_way_out_and_a_grounding_pause(owner_client):
    html = owner_client.get(DARK).content.decode()
    assert "Leave for now" in html and "Take a grounding pause" in html
    assert reverse("practice:pause") + "?next=" + DARK in html


def test_moments_from_one_hard_time_are_kept_with_its_date(owner_client, owner):
    owner_client.post(
        DARK, {"period": "The winter of blackouts", "day": "2022-11-23", "action": "next"}
    )
    response = owner_client.post(
        DARK,
        {
            "moment": "Stars over the dark city",
            "senses": ["sight"],
            "body": "calm",
            "action": "save",
        },
    )
    assert response["Location"] == DARK
    html = owner_client.get(DARK).content.decode()
    assert "Stars over the dark city" in html and "Is there another small moment?" in html
    owner_client.post(DARK, {"moment": "Tea on a camping stove", "action": "save"})
    glimmers = Glimmer.objects.order_by("text")
    assert [g.text for g in glimmers] == ["Stars over the dark city", "Tea on a camping stove"]
    for glimmer in glimmers:
        assert glimmer.kind == "dark-time" and glimmer.owner == owner
        assert glimmer.noticed_at.date().isoformat() == "2022-11-23"
        assert [tag.name for tag in glimmer.tags.all()] == ["the winter of blackouts"]
    assert glimmers[0].senses == ["sight"] and glimmers[0].body == "calm"
    response = owner_client.post(DARK, {"action": "finish"})
    assert response["Location"] == reverse("practice:hub") and not Draft.objects.exists()


def test_finishing_keeps_the_moment_typed_last(owner_client, owner):
    owner_client.post(DARK, {"period": "the long spring", "day": "2022-04-02", "action": "next"})
    response = owner_client.post(DARK, {"moment": "A cat asleep on the bags", "action": "finish"})
    assert response["Location"] == reverse("practice:hub") and not Draft.objects.exists()
    kept = Glimmer.objects.get()
    assert kept.text == "A cat asleep on the bags" and kept.kind == "dark-time"


def test_leaving_keeps_what_was_typed(owner_client):
    owner_client.post(DARK, {"period": "after the move", "action": "next"})
    owner_client.post(DARK, {"moment": "a neighbour's soup", "action": "leave"})
    assert (
        "Your reflection is waiting" in owner_client.get(reverse("practice:hub")).content.decode()
    )
    assert "a neighbour&#x27;s soup" in owner_client.get(DARK).content.decode()
    assert not Glimmer.objects.exists()


def test_an_empty_moment_is_one_sentence(owner_client):
    owner_client.post(DARK, {"action": "next"})
    response = owner_client.post(DARK, {"moment": " ", "action": "save"})
    assert response.status_code == 400
    assert "Write a few words about the small moment." in response.content.decode()


def test_a_future_day_is_refused_and_nothing_is_lost(owner_client):
    response = owner_client.post(DARK, {"period": "hope", "day": "2999-01-01", "action": "next"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "in the future" in html and 'value="hope"' in html
