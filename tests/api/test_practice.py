"""The practice through the API: pauses with check-ins, morning and evening, drafts, prompts,
and a bean given its words."""

from __future__ import annotations

import uuid
from datetime import timedelta

import time_machine
from django.utils import timezone

from glimmers.diary.models import Bean, Glimmer
from glimmers.practice.models import Draft, Pause


def test_a_pause_anchors_a_glimmer_once(owner_api):
    glimmer = owner_api.post("glimmers", {"text": "sun on the wall"}).json()["id"]
    key = str(uuid.uuid4())
    body = {
        "id": key,
        "glimmer": glimmer,
        "seconds": 30,
        "with_toy": True,
        "state_before": "mobilized",
        "state_after": "safe",
        "body": "softer shoulders",
    }
    made = owner_api.post("pauses", body)
    assert made.status_code == 201
    assert made.json()["state_after"] == "safe"
    assert owner_api.post("pauses", body).json()["id"] == key
    assert Pause.objects.count() == 1
    assert owner_api.get(f"glimmers/{glimmer}").json()["body"] == "softer shoulders"
    assert owner_api.get(f"pauses/{key}").json()["with_toy"] is True
    assert [item["id"] for item in owner_api.get("pauses").json()["items"]] == [key]
    too_long = owner_api.post("pauses", {"seconds": 61})
    assert too_long.json() == {"error": "seconds must be at most 60.", "field": "seconds"}
    assert owner_api.post("pauses", {"seconds": 20, "state_after": "calm"}).status_code == 400


def test_morning_and_the_evening_look_back(owner_api, owner):
    with time_machine.travel("2025-05-02 06:00:00+03:00", tick=False):
        morning = owner_api.post(
            "morning", {"intention": "kind voices", "moments": ["tea with Mila", "rain"]}
        )
        assert morning.status_code == 200
        kept = morning.json()
        assert kept["intention"]["text"] == "kind voices"
        assert [g["text"] for g in kept["glimmers"]] == ["tea with Mila", "rain"]  # as given
        owner_api.post("beans", {"counted_at": "2025-05-01T20:00:00+03:00"})
        day = owner_api.get("days/2025-05-01").json()
        assert sorted(g["text"] for g in day["glimmers"]) == ["rain", "tea with Mila"]
        assert len(day["beans"]) == 1 and day["intention"] is None
        assert owner_api.get("days/2025-05-02").json()["intention"]["text"] == "kind voices"
        four = owner_api.post("morning", {"moments": ["a", "b", "c", "d"]})
        assert four.json() == {"error": "moments can hold at most 3 items.", "field": "moments"}
        assert owner_api.get("days/2025-13-01").status_code == 400


def test_drafts_are_kept_and_let_go(owner_api):
    assert owner_api.get("drafts").json() == []
    assert owner_api.get("drafts/walk").status_code == 404
    kept = owner_api.put("drafts/walk", {"data": {"sight": "the lamp", "hearing": ""}}).json()
    assert kept["flow"] == "walk" and kept["data"] == {"sight": "the lamp"}
    assert [draft["flow"] for draft in owner_api.get("drafts").json()] == ["walk"]
    assert owner_api.delete("drafts/walk").status_code == 204
    assert not Draft.objects.exists()
    assert owner_api.put("drafts/cooking", {"data": {}}).status_code == 400


def test_prompts_can_be_hidden_and_offered_again(owner_api):
    listed = owner_api.get("prompts").json()
    assert listed["today"] is not None
    keys = [prompt["key"] for prompt in listed["prompts"]]
    hidden = owner_api.put(f"prompts/{keys[0]}", {"hidden": True}).json()
    assert hidden == {**hidden, "key": keys[0], "hidden": True}
    for key in keys:
        owner_api.put(f"prompts/{key}", {"hidden": True})
    assert owner_api.get("prompts").json()["today"] is None
    assert owner_api.put(f"prompts/{keys[0]}", {"hidden": False}).json()["hidden"] is False
    assert owner_api.put("prompts/no-such-prompt", {"hidden": True}).status_code == 404


def test_a_bean_becomes_a_glimmer_at_its_time(owner_api):
    counted = (timezone.now() - timedelta(hours=3)).isoformat()
    bean = owner_api.post("beans", {"counted_at": counted}).json()
    made = owner_api.post(f"beans/{bean['id']}/glimmer", {"text": "a robin", "senses": ["sight"]})
    assert made.status_code == 201
    assert made.json()["noticed_at"] == bean["counted_at"]
    again = owner_api.post(f"beans/{bean['id']}/glimmer", {"text": "another"})
    assert again.status_code == 200 and again.json()["id"] == made.json()["id"]
    assert Glimmer.objects.count() == 1
    assert str(Bean.objects.get().glimmer_id) == made.json()["id"]


def test_strangers_get_404(owner_api, stranger_api, anonymous_api):
    pause = owner_api.post("pauses", {"seconds": 15}).json()["id"]
    bean = owner_api.post("beans", {}).json()["id"]
    owner_api.put("drafts/morning", {"data": {"intention": "mine"}})
    glimmer = owner_api.post("glimmers", {"text": "mine"}).json()["id"]
    calls = [
        stranger_api.get(f"pauses/{pause}"),
        stranger_api.post(f"beans/{bean}/glimmer", {"text": "theirs"}),
        stranger_api.post("pauses", {"seconds": 15, "glimmer": glimmer}),
        stranger_api.get("drafts/morning"),
    ]
    assert [call.status_code for call in calls] == [404] * len(calls)
    assert stranger_api.get("pauses").json()["items"] == []
    assert stranger_api.get("drafts").json() == []
    assert anonymous_api.get("pauses").status_code == 401
    assert Pause.objects.count() == 1
