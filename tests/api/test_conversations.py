"""Glimmering conversations through the API."""

from __future__ import annotations

import uuid

from glimmers.conversations.models import Conversation
from glimmers.diary.models import Glimmer


def test_a_conversation_keeps_its_named_glimmers(owner_api):
    mine = owner_api.post("glimmers", {"text": "bread in the oven"}).json()["id"]
    key = str(uuid.uuid4())
    body = {
        "id": key,
        "person": "  Ira ",
        "story": "She fixed the old bicycle",
        "new_glimmers": ["her pride in the wheel", "the bell"],
        "shared_glimmer": mine,
        "happened_at": "2025-03-02T18:00:00+02:00",
    }
    made = owner_api.post("conversations", body)
    assert made.status_code == 201
    record = made.json()
    assert record["person"] == "Ira" and record["shared_back"] is True
    assert record["shared_glimmer"] == mine
    assert record["happened_at"] == "2025-03-02T16:00:00Z"
    named = Glimmer.objects.filter(id__in=record["named"])
    assert sorted(glimmer.text for glimmer in named) == ["her pride in the wheel", "the bell"]
    assert {glimmer.kind for glimmer in named} == {"conversation"}
    # Sent again (a retry): saved once.
    assert owner_api.post("conversations", body).json()["id"] == key
    assert Conversation.objects.count() == 1 and Glimmer.objects.count() == 3

    changed = owner_api.put(
        f"conversations/{key}",
        {"person": "Ira", "story": "She fixed the bicycle, then rode it", "new_glimmers": ["wind"]},
    ).json()
    assert changed["story"] == "She fixed the bicycle, then rode it"
    assert len(changed["named"]) == 3 and changed["shared_glimmer"] is None

    assert owner_api.post(f"conversations/{key}/trash").json()["trashed_at"] is not None
    assert owner_api.get("conversations").json()["items"] == []
    assert [
        item["id"] for item in owner_api.get("conversations", trash="true").json()["items"]
    ] == [key]
    assert owner_api.post(f"conversations/{key}/restore").json()["trashed_at"] is None


def test_one_sentence_for_what_is_missing(owner_api, stranger_api):
    blank = owner_api.post("conversations", {"person": " ", "story": "a story"})
    assert blank.json() == {"error": "Write who you talked with.", "field": "person"}
    no_story = owner_api.post("conversations", {"person": "Ira"})
    assert no_story.json() == {"error": "story is needed.", "field": "story"}
    theirs = stranger_api.post("glimmers", {"text": "theirs"}).json()["id"]
    shared = owner_api.post(
        "conversations", {"person": "Ira", "story": "x", "shared_glimmer": theirs}
    )
    assert shared.status_code == 404
    assert not Conversation.objects.exists()


def test_strangers_get_404(owner_api, stranger_api, anonymous_api):
    key = owner_api.post("conversations", {"person": "Ira", "story": "mine"}).json()["id"]
    calls = [
        stranger_api.get(f"conversations/{key}"),
        stranger_api.put(f"conversations/{key}", {"person": "X", "story": "theirs"}),
        stranger_api.post(f"conversations/{key}/trash"),
        stranger_api.post(f"conversations/{key}/restore"),
    ]
    assert [call.status_code for call in calls] == [404] * len(calls)
    assert stranger_api.get("conversations").json()["items"] == []
    assert anonymous_api.get("conversations").status_code == 401
    assert Conversation.objects.get().story == "mine"
