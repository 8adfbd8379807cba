"""Triggers: a brief log, set aside and brought back by their owner only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from glimmers.diary import services
from glimmers.diary.models import Trigger
from tests.web import entries

TRIGGERS = reverse("diary:triggers")


def test_page_offers_a_brief_form(owner_client):
    response = owner_client.get(TRIGGERS)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="text"' in html and 'name="senses"' in html and 'name="body"' in html
    assert 'name="photos"' not in html


def test_noting_a_trigger_is_met_gently(owner_client, owner):
    response = owner_client.post(
        TRIGGERS,
        {
            "text": "a siren outside",
            "senses": ["hearing"],
            "body": "tight chest",
            "noticed_at": "2025-01-05T07:00",
        },
    )
    trigger = Trigger.objects.get()
    # The practice offers a pause or a glimmer next (tests/practice/test_after_trigger.py).
    after = reverse("practice:after_trigger", args=[trigger.id])
    assert response.status_code == 302 and response["Location"] == after
    assert (trigger.owner, trigger.text, trigger.senses) == (owner, "a siren outside", ["hearing"])
    assert trigger.noticed_at == datetime(2025, 1, 5, 5, 0, tzinfo=UTC)
    html = owner_client.get(after).content.decode()
    assert "It's good you noticed this" in html
    assert "a siren outside" in owner_client.get(TRIGGERS).content.decode()


@pytest.mark.parametrize(
    "data, message",
    [
        ({"text": ""}, "A few words are enough."),
        ({"text": "x", "senses": ["sonar"]}, "sonar"),
        ({"text": "x", "noticed_at": "2999-01-01T00:00"}, "already happened"),
    ],
)
def test_bad_input_is_a_form_error(owner_client, data, message):
    response = owner_client.post(TRIGGERS, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Trigger.objects.exists()


def test_lists_only_my_living_triggers(owner_client, owner, stranger):
    entries.trigger(owner, "my trigger")
    services.move_to_trash(entries.trigger(owner, "set aside one"))
    entries.trigger(stranger, "their trigger")
    html = owner_client.get(TRIGGERS).content.decode()
    assert "my trigger" in html
    assert "set aside one" not in html and "their trigger" not in html


def test_trash_and_restore_a_trigger(owner_client, owner):
    trigger = entries.trigger(owner, ago=timedelta(hours=1))
    response = owner_client.post(reverse("diary:trigger_trash", args=[trigger.id]))
    assert response.status_code == 302
    trigger.refresh_from_db()
    assert trigger.in_trash
    response = owner_client.post(reverse("diary:trigger_restore", args=[trigger.id]))
    assert response.status_code == 302
    trigger.refresh_from_db()
    assert not trigger.in_trash


@pytest.mark.parametrize("name", ["diary:trigger_trash", "diary:trigger_restore"])
def test_strangers_get_404(stranger_client, owner, name):
    trigger = entries.trigger(owner)
    services.move_to_trash(trigger) if name.endswith("restore") else None
    before = Trigger.objects.get(id=trigger.id).trashed_at
    assert stranger_client.post(reverse(name, args=[trigger.id])).status_code == 404
    assert Trigger.objects.get(id=trigger.id).trashed_at == before


@pytest.mark.parametrize("name", ["diary:trigger_trash", "diary:trigger_restore"])
def test_anonymous_is_sent_to_sign_in(client, owner, name):
    trigger = entries.trigger(owner)
    response = client.post(reverse(name, args=[trigger.id]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert client.get(TRIGGERS).status_code == 302


def test_a_repeated_trigger_form_saves_once(owner_client, owner, stranger):
    import uuid

    from django.urls import reverse

    from glimmers.diary.models import Trigger

    same = str(uuid.uuid4())
    url = reverse("diary:triggers")
    for _ in range(2):
        response = owner_client.post(url, {"id": same, "text": "a door slammed"})
        assert response.status_code == 302
    assert Trigger.objects.filter(owner=owner).count() == 1
    from django.test import Client

    theirs = Client()
    theirs.force_login(stranger, backend="django.contrib.auth.backends.ModelBackend")
    response = theirs.post(url, {"id": same, "text": "not yours"})
    assert response.status_code == 400
    assert "already taken" in response.content.decode()
    assert Trigger.objects.count() == 1


def test_the_log_asks_the_same_few_questions_however_many_triggers(owner_client, owner):
    """Each trigger may carry an edit kept beside it; they are read for the whole list at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from glimmers.diary.models import EditConflict

    def queries_for_the_page():
        with CaptureQueriesContext(connection) as captured:
            assert owner_client.get(TRIGGERS).status_code == 200
        return len(captured)

    first = entries.trigger(owner, "a door slammed")
    EditConflict.objects.create(
        owner=owner, trigger=first, base_version=1, saved_version=2, data={"text": "a door"}
    )
    few = queries_for_the_page()
    for number in range(8):
        entries.trigger(owner, f"a siren {number}")
    assert queries_for_the_page() == few
    assert "a door" in owner_client.get(TRIGGERS).content.decode()
