"""Backups taken while people write restore, every one: twenty `glimmers backup` runs while
one client captures through the API (with photos) and another through the CLI; each backup
restores into an empty SQLite instance and an empty PostgreSQL database, with exactly the
rows its own check counted (one snapshot, and a file for every photo in it)."""

from __future__ import annotations

import base64
import io
import json
import os
import re
import sqlite3
import threading
import urllib.request
import uuid

import psycopg
from PIL import Image

from tests.process.conftest import Instance, _admin_url, make_instance
from tests.process.web import running_server

BACKUPS = 20
PG = os.environ.get("GLIMMERS_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/glimmers")
COUNTED = re.compile(r"(\d+) records and (\d+) photos")


def _picture(number: int) -> str:
    out = io.BytesIO()
    Image.new("RGB", (24, 16), (number % 255, 90, 160)).save(out, format="JPEG")
    return base64.b64encode(out.getvalue()).decode("ascii")


def _rows(instance: Instance) -> tuple[int, int]:
    """(glimmers, photos) in an instance, asked of its database directly."""
    query = "SELECT (SELECT count(*) FROM diary_glimmer), (SELECT count(*) FROM diary_photo)"
    if instance.database_url:
        with psycopg.connect(instance.database_url) as connection:
            found = connection.execute(query).fetchone()
    else:
        with sqlite3.connect(instance.home / "glimmers.sqlite3") as connection:
            found = connection.execute(query).fetchone()
    assert found is not None
    return int(found[0]), int(found[1])


def _pg_available() -> bool:
    try:
        psycopg.connect(_admin_url(PG), connect_timeout=3).close()
    except psycopg.OperationalError:
        return False
    return True


def test_twenty_backups_taken_while_two_clients_write_all_restore(instance, tmp_path):
    instance.run("user", "create", "olena", check=True)
    token = instance.run("token", "create", "--name", "phone", check=True).stdout.strip()
    stop = threading.Event()
    written = {"api": 0, "cli": 0}

    def through_the_api(base: str) -> None:
        number = 0
        while not stop.is_set():
            number += 1
            body = {"id": str(uuid.uuid4()), "text": f"api {number}"}
            if number % 2:
                body["photos"] = [{"data": _picture(number)}]
            request = urllib.request.Request(
                f"{base}/api/v1/glimmers",
                data=json.dumps(body).encode(),
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            )
            with urllib.request.urlopen(request, timeout=30) as answer:
                assert answer.status == 201
            written["api"] += 1
            # Now and then one goes again, photo and all: the trash keeps its file.
            if number % 7 == 0:
                trash = urllib.request.Request(
                    f"{base}/api/v1/glimmers/{body['id']}/trash",
                    data=b"{}",
                    headers={
                        "Authorization": f"Bearer {token}",
                        "Content-Type": "application/json",
                    },
                )
                urllib.request.urlopen(trash, timeout=30).close()

    def through_the_cli() -> None:
        number = 0
        while not stop.is_set():
            number += 1
            instance.run("add", f"cli {number}", "--tag", "cli", check=True)
            written["cli"] += 1

    archives = []
    with running_server(instance) as base:
        writers = [
            threading.Thread(target=through_the_api, args=(base,)),
            threading.Thread(target=through_the_cli),
        ]
        for writer in writers:
            writer.start()
        try:
            for number in range(BACKUPS):
                archive = tmp_path / f"backup-{number:02d}.zip"
                made = instance.run("backup", str(archive))
                assert made.returncode == 0, made.stderr
                archives.append(archive)
        finally:
            stop.set()
            for writer in writers:
                writer.join(timeout=60)
    assert written["api"] > 5 and written["cli"] > 5

    targets = [None] + ([PG] if _pg_available() else [])
    if os.environ.get("GLIMMERS_REQUIRE_PG") == "1":
        assert PG in targets, "PostgreSQL is required for this test"
    counts = set()
    for archive in archives:
        checked = instance.run("restore", "--check", str(archive), check=True).stdout
        records, photos = map(int, COUNTED.search(checked).groups())
        for database in targets:
            fresh = make_instance(tmp_path, database=database)
            target = next(fresh)
            try:
                restored = target.run("restore", str(archive))
                assert restored.returncode == 0, (archive.name, restored.stderr)
                assert f"Restored {records} records" in restored.stdout
                glimmers, kept_photos = _rows(target)
                assert kept_photos == photos
                counts.add(glimmers)
            finally:
                next(fresh, None)
    # The writers kept writing: the backups hold different moments.
    assert len(counts) > 1
