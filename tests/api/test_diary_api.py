"""The rest of a diary through the API: whose it is and its time zone, insights, photos,
kept versions, the trash; and a walk over every operation with another person's ids."""

from __future__ import annotations

import base64
import io
import json

import pytest
from PIL import Image

from glimmers.api.api import api
from glimmers.diary.models import Glimmer, Profile


def _picture() -> str:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 120, 40)).save(out, format="PNG")
    return base64.b64encode(out.getvalue()).decode("ascii")


def test_me_and_the_time_zone(owner_api):
    assert owner_api.get("me").json() == {"username": "olena", "time_zone": "Europe/Kyiv"}
    moved = owner_api.put("me", {"time_zone": "Europe/Berlin"})
    assert moved.json()["time_zone"] == "Europe/Berlin"
    assert Profile.objects.get().time_zone == "Europe/Berlin"
    wrong = owner_api.put("me", {"time_zone": "Mars/Olympus"})
    assert wrong.status_code == 400 and wrong.json()["field"] == "time_zone"


def test_insights_are_the_stats_figures(owner_api):
    owner_api.post("glimmers", {"text": "a", "senses": ["sight", "touch"]})
    owner_api.post("triggers", {"text": "b"})
    figures = owner_api.get("insights").json()
    assert (figures["glimmers"], figures["triggers"]) == (1, 1)
    assert figures["senses"]["sight"] == 1 and sum(figures["hours"]) == 1
    assert len(figures["weeks"]) == 52 and len(figures["weekdays"]) == 7


def test_a_photo_is_served_to_its_owner_only(owner_api, stranger_api, anonymous_api):
    made = owner_api.post("glimmers", {"text": "the lamp", "photos": [{"data": _picture()}]})
    photo = made.json()["photos"][0]
    answer = owner_api.get(f"photos/{photo['id']}")
    assert answer.status_code == 200 and answer["Content-Type"] == "image/jpeg"
    with Image.open(io.BytesIO(b"".join(answer.streaming_content))) as image:
        assert image.size == (40, 30)
    assert stranger_api.get(f"photos/{photo['id']}").status_code == 404
    assert anonymous_api.get(f"photos/{photo['id']}").status_code == 401
    refused = owner_api.post(
        "glimmers", {"text": "x", "photos": [{"data": "bm90IGEgcGljdHVyZQ=="}]}
    )
    assert refused.status_code == 400 and refused.json()["field"] == "photos"


def test_kept_versions_can_be_chosen(owner_api):
    glimmer = owner_api.post("glimmers", {"text": "first"}).json()["id"]
    owner_api.put(f"glimmers/{glimmer}", {"text": "second", "version": 1})
    owner_api.put(f"glimmers/{glimmer}", {"text": "from the phone", "version": 1})
    kept = owner_api.get("conflicts").json()
    assert [edit["data"]["text"] for edit in kept] == ["from the phone"]
    used = owner_api.post(f"conflicts/{kept[0]['id']}/use")
    assert used.json()["text"] == "from the phone" and used.json()["version"] == 3
    assert owner_api.get("conflicts").json() == []
    assert owner_api.post(f"conflicts/{kept[0]['id']}/keep").status_code == 404


def test_the_trash_can_be_listed_and_emptied(owner_api):
    glimmer = owner_api.post("glimmers", {"text": "set aside"}).json()["id"]
    trigger = owner_api.post("triggers", {"text": "set aside too"}).json()["id"]
    owner_api.post(f"glimmers/{glimmer}/trash")
    owner_api.post(f"triggers/{trigger}/trash")
    assert [g["id"] for g in owner_api.get("glimmers", trash="true").json()["items"]] == [glimmer]
    assert [t["id"] for t in owner_api.get("triggers", trash="true").json()["items"]] == [trigger]
    assert owner_api.get("glimmers", trash="yes").status_code == 400
    assert owner_api.post("trash/empty").json() == {"deleted": 2}
    assert not Glimmer.objects.exists()


@pytest.fixture
def everything(owner_api):
    """One of each of the owner's things, by the name of the path parameter that finds it."""
    glimmer = owner_api.post("glimmers", {"text": "g", "photos": [{"data": _picture()}]}).json()
    owner_api.put(f"glimmers/{glimmer['id']}", {"text": "g2", "version": 1})
    owner_api.put(f"glimmers/{glimmer['id']}", {"text": "g3", "version": 1})
    return {
        "glimmer_id": glimmer["id"],
        "photo_id": glimmer["photos"][0]["id"],
        "trigger_id": owner_api.post("triggers", {"text": "t"}).json()["id"],
        "bean_id": owner_api.post("beans", {}).json()["id"],
        "intention_id": owner_api.post("intentions", {"text": "i"}).json()["id"],
        "question_id": owner_api.post("questions", {"text": "q?"}).json()["id"],
        "answer_id": owner_api.post("answers", {"question": "today", "scale": 4}).json()["id"],
        "conversation_id": owner_api.post("conversations", {"person": "A", "story": "s"}).json()[
            "id"
        ],
        "pause_id": owner_api.post("pauses", {"seconds": 15}).json()["id"],
        "conflict_id": owner_api.get("conflicts").json()[0]["id"],
        "step": "know",
    }


def test_every_operation_on_someone_elses_things_is_404(everything, stranger_api):
    """Walked from the description itself, so a new operation is covered the day it is
    added: with the owner's ids, the stranger finds nothing, whatever the method."""
    schema = api.get_openapi_schema()
    walked = 0
    for path, methods in schema["paths"].items():
        names = [part[1:-1] for part in path.split("/") if part.startswith("{")]
        if not any(name.endswith("_id") for name in names):
            continue
        url = path
        for name in names:
            url = url.replace(f"{{{name}}}", everything[name])
        for method, operation in methods.items():
            body = _example_body(schema, operation)
            answer = stranger_api.call(method, url, body if method != "get" else None)
            assert answer.status_code == 404, (method, path, answer.content)
            walked += 1
    assert walked >= 30


def _example_body(schema, operation):
    """A body the operation would accept from its owner (all its required fields)."""
    content = operation.get("requestBody", {}).get("content", {}).get("application/json")
    if content is None:
        return {} if operation.get("requestBody") is None else None
    name = content["schema"]["$ref"].rsplit("/", 1)[1]
    samples = {
        "text": "x",
        "version": 1,
        "scale": 1,
        "person": "p",
        "story": "s",
        "data": {},
        "hidden": True,
        "time_zone": "UTC",
    }
    required = schema["components"]["schemas"][name].get("required", [])
    return json.loads(json.dumps({key: samples[key] for key in required}))
