"""Idempotent sync through a real `glimmers serve`: the same create sent at once from several
threads is saved once and answered the same; two stale edits at once never overwrite."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

from tests.process.web import running_server

REPLAYS = 5
ENTRIES = 4


def call(base: str, token: str, method: str, path: str, body: object = None) -> tuple[int, bytes]:
    request = urllib.request.Request(
        f"{base}/api/v1/{path}",
        data=None if body is None else json.dumps(body).encode(),
        method=method,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_concurrent_replays_save_once_and_stale_edits_are_kept(instance):
    instance.run("user", "create", "olena", "--no-password", check=True)
    token = instance.run("token", "create", "--name", "phone", check=True).stdout.strip()
    with running_server(instance) as base:
        keys = [str(uuid.uuid4()) for _ in range(ENTRIES)]
        start = threading.Barrier(REPLAYS * ENTRIES)

        def send(key: str) -> tuple[int, bytes]:
            start.wait(timeout=30)
            body = {"id": key, "text": f"replayed {key[:4]}", "noticed_at": "2024-05-01T06:30:00Z"}
            return call(base, token, "POST", "glimmers", body)

        with ThreadPoolExecutor(max_workers=REPLAYS * ENTRIES) as pool:
            answers = list(pool.map(send, [key for key in keys for _ in range(REPLAYS)]))
        for number, key in enumerate(keys):
            mine = answers[number * REPLAYS : (number + 1) * REPLAYS]
            assert {status for status, _ in mine} == {201}, mine
            assert len({body for _, body in mine}) == 1  # the same answer every time
            assert json.loads(mine[0][1])["id"] == key
        status, listed = call(base, token, "GET", "glimmers?limit=200")
        assert status == 200
        assert sorted(item["id"] for item in json.loads(listed)["items"]) == sorted(keys)

        # Two devices edit the same version at the same moment: one wins, one is kept.
        edits = threading.Barrier(2)

        def edit(text: str) -> tuple[int, bytes]:
            edits.wait(timeout=30)
            return call(base, token, "PUT", f"glimmers/{keys[0]}", {"text": text, "version": 1})

        with ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(edit, ["from the phone", "from the laptop"]))
        assert sorted(status for status, _ in results) == [200, 409]
        status, saved = call(base, token, "GET", f"glimmers/{keys[0]}")
        assert json.loads(saved)["version"] == 2
    exported = json.loads(instance.run("export", check=True).stdout)
    kept = exported["edit_conflicts"]
    assert len(kept) == 1
    assert {kept[0]["data"]["text"], json.loads(saved)["text"]} == {
        "from the phone",
        "from the laptop",
    }
