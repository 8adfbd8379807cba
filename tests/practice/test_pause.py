"""A pause, and anchoring a glimmer with one: choose, breathe, keep what followed."""

from __future__ import annotations

from django.urls import reverse

from glimmers.diary.models import Glimmer
from glimmers.practice.models import Pause
from tests.web import entries

PAUSE = reverse("practice:pause")


def anchor_url(glimmer):
    return reverse("practice:anchor", args=[glimmer.id])


def test_setup_offers_lengths_the_toy_and_a_check_in(owner_client):
    html = owner_client.get(PAUSE + "?toy=1").content.decode()
    for value in ("15", "30", "45", "60"):
        assert f'name="seconds" value="{value}"' in html
    assert 'name="with_toy"' in html and "checked" in html
    assert "Safe and connected" in html and 'name="state_before"' in html


def test_breathe_step_works_without_javascript(owner_client):
    response = owner_client.get(PAUSE, {"seconds": "45", "state_before": "mobilized"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-seconds="45"' in html and "about 45 seconds" in html
    assert 'name="seconds" value="45"' in html and 'value="mobilized"' in html
    assert 'name="body"' in html and "pacer.js" in html


def test_a_length_out_of_range_is_one_clear_sentence(owner_client):
    response = owner_client.get(PAUSE, {"seconds": "5"})
    assert response.status_code == 400
    assert "Choose a pause between 15 and 60 seconds." in response.content.decode()
    response = owner_client.post(PAUSE, {"seconds": "600", "body": "slower breath"})
    assert response.status_code == 400
    assert "slower breath" in response.content.decode()  # the words are still there
    assert not Pause.objects.exists()


def test_a_plain_pause_is_kept_with_its_check_ins(owner_client, owner):
    response = owner_client.post(
        PAUSE,
        {"seconds": "30", "state_before": "shut-down", "state_after": "safe", "body": "warm"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("practice:hub")
    pause = Pause.objects.get()
    assert (pause.owner, pause.glimmer, pause.seconds) == (owner, None, 30)
    assert (pause.state_before, pause.state_after, pause.body) == ("shut-down", "safe", "warm")


def test_anchoring_saves_the_body_with_the_glimmer_and_shows_it_later(owner_client, owner):
    glimmer = entries.glimmer(owner, "bread in the oven")
    html = owner_client.get(anchor_url(glimmer)).content.decode()
    assert "bread in the oven" in html
    response = owner_client.post(
        anchor_url(glimmer),
        {
            "seconds": "15",
            "with_toy": "True",
            "state_before": "mobilized",
            "state_after": "safe",
            "body": "shoulders dropped",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("diary:detail", args=[glimmer.id])
    pause = Pause.objects.get()
    assert (pause.glimmer, pause.seconds, pause.with_toy) == (glimmer, 15, True)
    glimmer.refresh_from_db()
    assert glimmer.body == "shoulders dropped" and glimmer.version == 2
    detail = owner_client.get(response["Location"]).content.decode()
    assert "Anchored" in detail and "A 15-second pause" in detail
    assert "Mobilized" in detail and "Safe and connected" in detail
    assert "with a toy on the belly" in detail


def test_anchoring_keeps_a_body_line_already_written(owner_client, owner):
    glimmer = entries.glimmer(owner, body="a long breath")
    owner_client.post(anchor_url(glimmer), {"seconds": "60", "body": "warm hands"})
    assert Glimmer.objects.get().body == "a long breath"
    assert Pause.objects.get().body == "warm hands"


def test_done_goes_back_where_the_person_came_from_but_only_locally(owner_client):
    triggers = reverse("diary:triggers")
    response = owner_client.post(PAUSE, {"seconds": "15", "next": triggers})
    assert response["Location"] == triggers
    response = owner_client.post(PAUSE, {"seconds": "15", "next": "https://evil.example/"})
    assert response["Location"] == reverse("practice:hub")


def test_a_stranger_cannot_anchor_my_glimmer(stranger_client, owner):
    glimmer = entries.glimmer(owner)
    assert stranger_client.get(anchor_url(glimmer)).status_code == 404
    assert stranger_client.post(anchor_url(glimmer), {"seconds": "15"}).status_code == 404
    assert not Pause.objects.exists()


def test_capture_offers_to_anchor_what_was_just_saved(owner_client, owner):
    response = owner_client.post(
        reverse("diary:home"), {"text": "a robin", "kind": "moment"}, follow=True
    )
    glimmer = Glimmer.objects.get()
    assert anchor_url(glimmer) in response.content.decode()
    htmx = owner_client.post(
        reverse("diary:home"), {"text": "a wren", "kind": "moment"}, headers={"HX-Request": "true"}
    )
    assert anchor_url(Glimmer.objects.get(text="a wren")) in htmx.content.decode()


def test_the_detail_page_offers_anchoring(owner_client, owner):
    glimmer = entries.glimmer(owner)
    html = owner_client.get(reverse("diary:detail", args=[glimmer.id])).content.decode()
    assert anchor_url(glimmer) in html


def test_the_pacer_has_a_seconds_left_text_for_each_plural_form(owner_client):
    from django.conf import settings

    owner_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "uk"
    html = owner_client.get(PAUSE, {"seconds": "30"}).content.decode()
    assert 'data-left-one="Залишилася __N__ секунда"' in html
    assert 'data-left-few="Залишилося __N__ секунди"' in html
    assert 'data-left-many="Залишилося __N__ секунд"' in html
