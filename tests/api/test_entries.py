"""Glimmers and triggers through the API: every endpoint for the owner, and for others."""

from __future__ import annotations

import base64
import io
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from PIL import Image

from glimmers.diary.models import EditConflict, Glimmer, Trigger

GLIMMER = {
    "text": "bread in the oven",
    "noticed_at": "2024-05-01T06:30:00.123456Z",
    "senses": ["smell", "sight"],
    "sense_lines": {"smell": "warm crust"},
    "body": "shoulders dropped",
    "kind": "memory",
    "tags": ["#Home", "kitchen"],
    "people": ["Mila"],
    "intensity": 4,
}
FIELDS = {
    "id",
    "text",
    "noticed_at",
    "time_zone",
    "details",
    "senses",
    "sense_lines",
    "body",
    "kind",
    "tags",
    "people",
    "intensity",
    "photos",
    "created_at",
    "updated_at",
    "trashed_at",
    "version",
}


def _jpeg() -> str:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(out, "JPEG")
    return base64.b64encode(out.getvalue()).decode()


def test_create_get_and_list_use_the_export_field_names(owner_api, owner):
    created = owner_api.post("glimmers", {**GLIMMER, "photos": [{"data": _jpeg()}]})
    assert created.status_code == 201, created.content
    body = created.json()
    assert set(body) == FIELDS
    assert body["noticed_at"] == "2024-05-01T06:30:00.123456Z"
    assert body["senses"] == ["sight", "smell"]
    assert body["tags"] == ["home", "kitchen"]
    assert body["version"] == 1
    assert body["photos"][0]["width"] == 40
    assert owner_api.get(f"glimmers/{body['id']}").json() == body
    listed = owner_api.get("glimmers").json()
    assert listed == {"items": [body], "next": None}
    assert Glimmer.objects.get().owner == owner


def test_a_replayed_create_saves_once_and_answers_the_same(owner_api):
    key = str(uuid.uuid4())
    answers = [owner_api.post("glimmers", {**GLIMMER, "id": key}) for _ in range(4)]
    assert {answer.status_code for answer in answers} == {201}
    assert len({answer.content for answer in answers}) == 1
    assert Glimmer.objects.filter(id=key).count() == 1


def test_paging_walks_every_glimmer_once_newest_first(owner_api):
    start = datetime(2024, 1, 1, tzinfo=UTC)
    for number in range(7):
        moment = start + timedelta(hours=number // 2)  # pairs share a time: the id breaks ties
        owner_api.post("glimmers", {"text": f"g{number}", "noticed_at": moment.isoformat()})
    seen, cursor = [], None
    while True:
        query = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = owner_api.get("glimmers", **query).json()
        seen += page["items"]
        cursor = page["next"]
        if cursor is None:
            break
    assert len(seen) == 7 == len({item["id"] for item in seen})
    keys = [(item["noticed_at"], item["id"]) for item in seen]
    assert keys == sorted(keys, reverse=True)


def test_filters_match_the_cli(owner_api):
    owner_api.post("glimmers", {**GLIMMER})
    owner_api.post("glimmers", {"text": "a laugh", "senses": ["hearing"], "tags": ["kids"]})

    def texts(**query):
        return [item["text"] for item in owner_api.get("glimmers", **query).json()["items"]]

    assert texts(sense="hearing") == ["a laugh"]
    assert texts(kind="memory") == ["bread in the oven"]
    assert texts(tag="HOME") == ["bread in the oven"]
    assert texts(until="2024-06-01T00:00:00Z") == ["bread in the oven"]
    assert texts(since="2024-06-01T00:00:00+00:00") == ["a laugh"]
    assert texts(q="LAUGH") == ["a laugh"]
    assert texts(q="bread", sense="hearing") == []
    for number in range(3):
        owner_api.post("glimmers", {"text": f"bread again {number}"})
    first = owner_api.get("glimmers", q="bread", limit=2).json()
    rest = owner_api.get("glimmers", q="bread", limit=2, cursor=first["next"]).json()
    assert len(first["items"]) + len(rest["items"]) == 4
    assert rest["next"] is None


def test_a_search_can_come_best_match_first_in_pages(owner_api, stranger_api):
    owner_api.post("glimmers", {"text": "tea tea tea, the best cup", "tags": ["tea"]})
    for number in range(4):
        owner_api.post("glimmers", {"text": f"a walk, then tea {number}"})
    stranger_api.post("glimmers", {"text": "tea tea tea tea"})  # someone else's: never

    def get(**query):
        answer = owner_api.get("glimmers", q="tea", order="best", limit=2, **query)
        assert answer.status_code == 200, answer.json()
        return answer.json()

    first = get()
    assert first["items"][0]["text"] == "tea tea tea, the best cup"  # not the newest
    second = get(cursor=first["next"])
    third = get(cursor=second["next"])
    assert third["next"] is None
    ids = [item["id"] for one in (first, second, third) for item in one["items"]]
    assert len(ids) == 5 == len(set(ids))
    # The filters narrow it as ever. A newest-first cursor names a place in that list (a
    # time): in the ranking it lies past the end, an empty page and never an error, since
    # the description allows every cursor of that shape.
    assert [i["text"] for i in get(tag="tea")["items"]] == ["tea tea tea, the best cup"]
    newest = owner_api.get("glimmers", q="tea", limit=2).json()["next"]
    assert get(cursor=newest) == {"items": [], "next": None}
    refused = owner_api.get("glimmers", q="tea", order="best", cursor="yesterday")
    assert refused.status_code == 400
    assert refused.json()["error"] == "That cursor is not one this server gave out."
    assert owner_api.get("glimmers", q="tea", order="worst").status_code == 400


def test_update_needs_the_saved_version_and_keeps_the_other_edit(owner_api, owner_client):
    glimmer = owner_api.post("glimmers", GLIMMER).json()
    first = owner_api.put(f"glimmers/{glimmer['id']}", {"text": "phone edit", "version": 1})
    assert first.status_code == 200
    assert first.json()["version"] == 2
    assert first.json()["noticed_at"] == GLIMMER["noticed_at"]  # left out: kept
    # The same edit again (a retry after a lost answer) is no conflict.
    again = owner_api.put(f"glimmers/{glimmer['id']}", {"text": "phone edit", "version": 1})
    assert again.status_code == 200
    assert again.json()["version"] == 2

    stale = owner_api.put(f"glimmers/{glimmer['id']}", {"text": "laptop edit", "version": 1})
    assert stale.status_code == 409
    assert stale.json()["field"] == "version"
    assert stale.json()["current"]["text"] == "phone edit"
    assert Glimmer.objects.get().text == "phone edit"
    kept = EditConflict.objects.get()
    assert kept.data["text"] == "laptop edit"
    assert (kept.base_version, kept.saved_version) == (1, 2)
    # Sent twice, kept once.
    owner_api.put(f"glimmers/{glimmer['id']}", {"text": "laptop edit", "version": 1})
    assert EditConflict.objects.count() == 1
    # The person is told on the glimmer's page, and can choose.
    page = owner_client.get(f"/g/{glimmer['id']}/").content.decode()
    assert "laptop edit" in page
    response = owner_client.post(f"/conflicts/{kept.id}/use/")
    assert response.status_code == 302
    assert Glimmer.objects.get().text == "laptop edit"
    assert Glimmer.objects.get().version == 3
    assert "laptop edit" not in owner_client.get(f"/g/{glimmer['id']}/").content.decode()[:0]
    assert EditConflict.objects.get().settled_at is not None


def test_keep_mine_settles_the_other_version(owner_api, owner_client, stranger_client):
    glimmer = owner_api.post("glimmers", GLIMMER).json()
    owner_api.put(f"glimmers/{glimmer['id']}", {"text": "one", "version": 1})
    owner_api.put(f"glimmers/{glimmer['id']}", {"text": "two", "version": 1})
    kept = EditConflict.objects.get()
    assert stranger_client.post(f"/conflicts/{kept.id}/keep/").status_code == 404
    assert owner_client.post(f"/conflicts/{kept.id}/keep/").status_code == 302
    assert Glimmer.objects.get().text == "one"
    assert "two" not in owner_client.get(f"/g/{glimmer['id']}/").content.decode()


def test_trash_and_restore(owner_api):
    glimmer = owner_api.post("glimmers", GLIMMER).json()
    trashed = owner_api.post(f"glimmers/{glimmer['id']}/trash").json()
    assert trashed["trashed_at"] is not None
    assert owner_api.post(f"glimmers/{glimmer['id']}/trash").json() == trashed
    assert owner_api.get("glimmers").json()["items"] == []
    assert owner_api.get(f"glimmers/{glimmer['id']}").json()["trashed_at"] is not None
    restored = owner_api.post(f"glimmers/{glimmer['id']}/restore").json()
    assert restored["trashed_at"] is None


def test_triggers_work_the_same_way(owner_api):
    key = str(uuid.uuid4())
    body = {"id": key, "text": "a siren", "senses": ["hearing"], "body": "tight chest"}
    first = owner_api.post("triggers", body)
    assert first.status_code == 201
    assert owner_api.post("triggers", body).content == first.content
    assert Trigger.objects.count() == 1
    assert owner_api.get("triggers", sense="hearing").json()["items"][0]["id"] == key
    edited = owner_api.put(f"triggers/{key}", {"text": "a far siren", "version": 1})
    assert edited.json()["version"] == 2
    stale = owner_api.put(f"triggers/{key}", {"text": "other", "version": 1})
    assert stale.status_code == 409
    assert EditConflict.objects.get().trigger_id == uuid.UUID(key)
    assert owner_api.post(f"triggers/{key}/trash").json()["trashed_at"]
    assert owner_api.get("triggers").json()["items"] == []
    assert owner_api.post(f"triggers/{key}/restore").json()["trashed_at"] is None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": "   "}, "text"),
        ({"text": "x", "senses": ["smellovision"]}, "senses"),
        ({"text": "x", "noticed_at": "2020-01-01T10:00:00"}, "noticed_at"),
        ({"text": "x", "noticed_at": "2999-01-01T10:00:00Z"}, "noticed_at"),
        ({"text": "x", "intensity": 9}, "intensity"),
        ({"text": "x", "kind": "dream"}, "kind"),
        ({"text": "x\x00y"}, "text"),
        ({"text": "x", "photos": [{"data": "not base64!"}]}, None),
        (
            {"text": "x", "photos": [{"data": base64.b64encode(b"not a picture").decode()}]},
            "photos",
        ),
        ({}, "text"),
    ],
)
def test_bad_input_is_one_sentence(owner_api, body, field):
    response = owner_api.post("glimmers", body)
    assert response.status_code == 400
    answer = response.json()
    assert set(answer) == {"error", "field"}
    assert answer["error"].endswith(".")
    assert answer["field"] == field
    assert Glimmer.objects.count() == 0


def test_malformed_json_and_bad_cursor(owner_api):
    response = owner_api.client.post(
        "/api/v1/glimmers", "{nope", content_type="application/json", headers=owner_api.headers
    )
    assert response.status_code == 400
    assert set(response.json()) == {"error", "field"}
    assert owner_api.get("glimmers", cursor="zzz").status_code == 400


def test_an_id_someone_else_used_is_refused(owner_api, stranger_api):
    key = str(uuid.uuid4())
    owner_api.post("glimmers", {"id": key, "text": "mine"})
    taken = stranger_api.post("glimmers", {"id": key, "text": "theirs"})
    assert taken.status_code == 400
    assert Glimmer.objects.get().text == "mine"


def test_strangers_get_404_on_every_entry_endpoint(owner_api, stranger_api):
    glimmer = owner_api.post("glimmers", GLIMMER).json()["id"]
    trigger = owner_api.post("triggers", {"text": "a siren"}).json()["id"]
    for kind, key in (("glimmers", glimmer), ("triggers", trigger)):
        calls = [
            stranger_api.get(f"{kind}/{key}"),
            stranger_api.put(f"{kind}/{key}", {"text": "mine now", "version": 1}),
            stranger_api.post(f"{kind}/{key}/trash"),
            stranger_api.post(f"{kind}/{key}/restore"),
        ]
        assert [call.status_code for call in calls] == [404] * 4
        assert calls[0].json() == {"error": "There is nothing here with that id.", "field": None}
        assert stranger_api.get(kind).json()["items"] == []
    assert Glimmer.objects.get().text == GLIMMER["text"]
    assert Glimmer.objects.get().trashed_at is None
    assert EditConflict.objects.count() == 0


@pytest.mark.parametrize("token", [None, "glm_wrong", "Bearer", "x" * 500])
def test_without_a_valid_token_the_answer_is_401(anonymous_api, owner, token, db):
    anonymous_api.headers = {"Authorization": f"Bearer {token}"} if token else {}
    for response in (
        anonymous_api.get("glimmers"),
        anonymous_api.post("glimmers", {"text": "x"}),
        anonymous_api.get(f"glimmers/{uuid.uuid4()}"),
        anonymous_api.get("beans"),
    ):
        assert response.status_code == 401
        assert response.json()["error"].endswith(".")
    assert Glimmer.objects.count() == 0


def test_the_web_session_may_call_the_api_with_its_csrf_token(owner):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(owner, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get("/api/v1/glimmers").status_code == 200
    refused = client.post("/api/v1/glimmers", {"text": "x"}, content_type="application/json")
    assert refused.status_code == 403
    assert set(refused.json()) == {"error", "field"}
    client.get("/")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    saved = client.post(
        "/api/v1/glimmers",
        {"text": "from the page"},
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert saved.status_code == 201
    assert Glimmer.objects.get().owner == owner


def test_openapi_and_docs_are_served(anonymous_api):
    schema = anonymous_api.get("openapi.json").json()
    assert "/api/v1/glimmers" in schema["paths"]
    docs = anonymous_api.get("docs")
    assert docs.status_code == 200
    assert b"/static/ninja/swagger-ui-bundle.js" in docs.content  # our own copy, no CDN
    assert b"cdn" not in docs.content.lower()
    bundle = anonymous_api.client.get("/static/ninja/swagger-ui-bundle.js")
    assert bundle.status_code == 200
    bundle.close()


def test_deleting_an_account_takes_its_tokens_and_kept_versions(owner_api, owner):
    from glimmers.accounts.models import DeviceToken
    from glimmers.accounts.services import delete_account

    glimmer = owner_api.post("glimmers", GLIMMER).json()["id"]
    owner_api.put(f"glimmers/{glimmer}", {"text": "one", "version": 1})
    owner_api.put(f"glimmers/{glimmer}", {"text": "two", "version": 1})
    assert EditConflict.objects.count() == 1
    delete_account(owner)
    assert DeviceToken.objects.count() == 0
    assert EditConflict.objects.count() == 0


def test_a_version_beyond_what_is_stored_is_refused(owner_api):
    glimmer = owner_api.post("glimmers", GLIMMER).json()["id"]
    answer = owner_api.put(f"glimmers/{glimmer}", {"text": "x", "version": 5_591_709_234})
    assert answer.status_code == 400
    assert answer.json()["field"] == "version"
    assert EditConflict.objects.count() == 0


def test_a_stranger_cannot_use_my_kept_version(owner_api, stranger_client):
    glimmer = owner_api.post("glimmers", GLIMMER).json()
    owner_api.put(f"glimmers/{glimmer['id']}", {"text": "one", "version": 1})
    owner_api.put(f"glimmers/{glimmer['id']}", {"text": "two", "version": 1})
    kept = EditConflict.objects.get()
    assert stranger_client.post(f"/conflicts/{kept.id}/use/").status_code == 404
    assert Glimmer.objects.get().text == "one" and EditConflict.objects.get().settled_at is None


def test_an_export_holds_only_its_tokens_owner(owner_api, stranger_api):
    owner_api.post("glimmers", {**GLIMMER, "text": "mine alone"})
    stranger_api.post("glimmers", {**GLIMMER, "text": "theirs alone"})
    for api, mine, theirs in ((owner_api, "mine", "theirs"), (stranger_api, "theirs", "mine")):
        document = api.get("export").json()
        texts = [record["text"] for record in document["glimmers"]]
        assert texts == [f"{mine} alone"]
        text = api.get("export/text", format="markdown").json()["text"]
        assert f"{mine} alone" in text and f"{theirs} alone" not in text
