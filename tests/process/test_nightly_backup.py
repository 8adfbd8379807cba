"""`glimmers serve --backup-to` takes its daily backup by itself, at the local time asked,
keeps the newest N, and each one restores."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from tests.process.web import running_server

pytestmark = pytest.mark.process


def test_serve_backs_up_at_the_time_asked_and_keeps_the_newest(instance, tmp_path):
    instance.extra_env["TZ"] = "UTC"
    instance.run("add", "bread from the oven", check=True)
    folder = tmp_path / "nightly"
    folder.mkdir()
    (folder / "glimmers-backup-20000101-030000.zip").write_bytes(b"an old one")
    (folder / "notes.txt").write_text("not a backup: left alone")
    at = (datetime.now(UTC) + timedelta(seconds=4)).strftime("%H:%M:%S")
    with running_server(
        instance, "--backup-to", str(folder), "--backup-at", at, "--backup-keep", "1"
    ):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            taken = [p for p in folder.glob("glimmers-backup-*.zip") if p.stat().st_size > 100]
            if taken:
                break
            time.sleep(0.5)
        time.sleep(1)  # the older one is let go just after
    assert len(taken) == 1, sorted(p.name for p in folder.iterdir())
    assert sorted(p.name for p in folder.iterdir()) == sorted([taken[0].name, "notes.txt"])
    assert taken[0].stat().st_mode & 0o077 == 0
    checked = instance.run("restore", "--check", str(taken[0]))
    assert checked.returncode == 0, checked.stderr


def test_a_time_that_is_not_one_is_refused_with_a_sentence(instance, tmp_path):
    result = instance.run("serve", "--backup-to", str(tmp_path), "--backup-at", "3am")
    assert result.returncode != 0
    assert "“3am” is not a time of day; give it as HH:MM, e.g. 03:00." in result.stderr
