"""Beans and intentions through the API, for the owner and for others."""

from __future__ import annotations

import uuid

from glimmers.diary.models import Bean, Intention


def test_beans_count_once_per_id_page_update_and_delete(owner_api):
    key = str(uuid.uuid4())
    first = owner_api.post("beans", {"id": key, "note": "a smile"})
    assert first.status_code == 201
    assert owner_api.post("beans", {"id": key, "note": "a smile"}).content == first.content
    assert Bean.objects.count() == 1
    for hour in range(3):
        owner_api.post("beans", {"counted_at": f"2024-01-01T0{hour}:00:00Z"})
    page = owner_api.get("beans", limit=2).json()
    assert page["items"][0]["id"] == key
    rest = owner_api.get("beans", limit=2, cursor=page["next"]).json()
    assert len(page["items"]) + len(rest["items"]) == 4
    assert rest["next"] is None
    changed = owner_api.put(f"beans/{key}", {"note": " a laugh "})
    assert changed.json()["note"] == "a laugh"
    assert owner_api.delete(f"beans/{key}").status_code == 204
    assert Bean.objects.count() == 3


def test_intentions_are_one_a_day(owner_api):
    made = owner_api.post("intentions", {"text": "notice warm light", "day": "2024-05-01"})
    assert made.status_code == 201
    again = owner_api.post("intentions", {"text": "notice  birdsong", "day": "2024-05-01"})
    assert again.json()["id"] == made.json()["id"]
    assert again.json()["text"] == "notice birdsong"
    today = owner_api.post("intentions", {"text": "slow breaths"}).json()
    assert [item["id"] for item in owner_api.get("intentions").json()["items"]] == [
        today["id"],
        made.json()["id"],
    ]
    key = made.json()["id"]
    assert owner_api.put(f"intentions/{key}", {"text": "the sky"}).json()["text"] == "the sky"
    assert owner_api.get(f"intentions/{key}").json()["day"] == "2024-05-01"
    assert owner_api.delete(f"intentions/{key}").status_code == 204
    assert Intention.objects.count() == 1
    empty = owner_api.post("intentions", {"text": "   "})
    assert empty.status_code == 400
    assert empty.json()["error"] == "Write a few words for your intention."


def test_strangers_get_404_on_every_bean_and_intention_endpoint(owner_api, stranger_api):
    bean = owner_api.post("beans", {"note": "mine"}).json()["id"]
    intention = owner_api.post("intentions", {"text": "mine"}).json()["id"]
    calls = [
        stranger_api.get(f"beans/{bean}"),
        stranger_api.put(f"beans/{bean}", {"note": "theirs"}),
        stranger_api.delete(f"beans/{bean}"),
        stranger_api.get(f"intentions/{intention}"),
        stranger_api.put(f"intentions/{intention}", {"text": "theirs"}),
        stranger_api.delete(f"intentions/{intention}"),
    ]
    assert [call.status_code for call in calls] == [404] * 6
    assert stranger_api.get("beans").json()["items"] == []
    assert stranger_api.get("intentions").json()["items"] == []
    taken = stranger_api.post("beans", {"id": bean})
    assert taken.status_code == 400
    assert Bean.objects.get().note == "mine"
    assert Intention.objects.get().text == "mine"
