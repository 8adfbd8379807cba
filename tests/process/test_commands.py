"""The command as a person runs it from a shell: exit codes, stderr, no tracebacks."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.process.conftest import make_instance

ROOT = Path(__file__).resolve().parents[2]


def test_the_terminal_path_needs_no_set_up(instance):
    added = instance.run("add", "first light on the wall", "-s", "sight")
    assert added.returncode == 0, added.stderr
    assert "made a diary for" in added.stderr
    records = json.loads(instance.run("list", "--json", check=True).stdout)
    assert [r["id"] for r in records] == [added.stdout.strip()]


def test_a_booklet_from_a_shell(instance, tmp_path):
    instance.run("add", "Хліб у печі, тепло на кухні", "-s", "smell", check=True)
    target = tmp_path / "booklet.pdf"
    result = instance.run("booklet", "-o", str(target), "--language", "uk")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Wrote {target}: 1 glimmer from ")
    assert target.read_bytes().startswith(b"%PDF-")
    empty = instance.run(
        "booklet", "--since", "2001-01-01", "--until", "2001-01-31", "-o", str(tmp_path / "x.pdf")
    )
    assert empty.returncode == 1 and "Traceback" not in empty.stderr
    assert empty.stderr.startswith("There are no glimmers from 1 January 2001 to 31 January 2001")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", ""], "Write a few words"),
        (["add", "x", "--sense", "sonar"], "not a sense"),
        (["add", "x", "--at", "someday"], "not a time"),
        (["add", "x", "--at", "2999-01-01"], "in the future"),
        (["import", "/nonexistent/file.json"], "Cannot read"),
        (["restore", "/nonexistent/backup.zip"], "Cannot read"),
        (["question", "--scale", "11"], "The scale goes from 0 to 10."),
        (["question", "--scale", "5", "-q", "nope"], "not one of your Glimmer Questions"),
    ],
)
def test_errors_are_one_sentence_without_a_traceback(instance, args, message):
    result = instance.run(*args)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2  # a welcome line may come first


def test_bad_settings_stop_with_one_sentence(instance):
    instance.extra_env["GLIMMERS_DEBUG"] = "perhaps"
    result = instance.run("list")
    assert result.returncode == 1
    assert result.stderr.strip() == "GLIMMERS_DEBUG must be true or false, not 'perhaps'."


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["add"],
        ["trigger"],
        ["bean"],
        ["intention"],
        ["list"],
        ["search"],
        ["stats"],
        ["export"],
        ["import"],
        ["booklet"],
        ["bookmark"],
        ["backup"],
        ["restore"],
        ["serve"],
        ["user"],
        ["user", "create"],
        ["question"],
        ["question", "history"],
    ],
)
def test_every_command_has_help(instance, command):
    result = instance.run(*command, "--help")
    assert result.returncode == 0
    assert "Usage: glimmers" in result.stdout


def test_deploy_check_is_clean_when_behind_https(instance):
    instance.extra_env.update(GLIMMERS_SECURE="true", GLIMMERS_ALLOWED_HOSTS="glimmers.example.org")
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=instance.env,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_backup_from_sqlite_restores_into_an_empty_instance(tmp_path):
    """SQLite → (the suite's database): the documented way to move to PostgreSQL."""
    source = next(make_instance(tmp_path, database=None))
    from PIL import Image

    picture = tmp_path / "p.jpg"
    Image.new("RGB", (32, 24), "orange").save(picture)
    source.run("user", "create", "olena", "--password-stdin", input="bread and quiet\n", check=True)
    source.run(
        "add", "kitten asleep", "-s", "touch", "--photo", str(picture), "--tag", "home", check=True
    )
    source.run("trigger", "siren", check=True)
    source.run("bean", check=True)
    source.run("token", "create", "--name", "phone", check=True)
    tokens = source.run("token", "list", check=True).stdout
    before = json.loads(source.run("export", check=True).stdout)
    archive = tmp_path / "backup.zip"
    source.run("backup", str(archive), check=True)

    target_iter = make_instance(tmp_path, database=os.environ.get("DATABASE_URL"))
    target = next(target_iter)
    try:
        restored = target.run("restore", str(archive))
        assert restored.returncode == 0, restored.stderr
        after = json.loads(target.run("export", check=True).stdout)
        assert after == before
        assert target.run("token", "list", check=True).stdout == tokens  # devices keep working
        # the restored instance keeps working: new rows get fresh ids
        target.run("add", "after the move", check=True)
        again = target.run("restore", str(archive))
        assert again.returncode == 1 and "already has people" in again.stderr
    finally:
        next(target_iter, None)


def test_serve_says_so_when_the_port_is_taken(instance):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = instance.run("serve", "--port", str(port))
    assert result.returncode == 1
    assert f"Cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_diary_first_used_from_the_terminal_takes_the_machines_zone(instance, tmp_path):
    """Django sets the process's TZ to its own setting; the machine's zone is read first, so
    a jrnl entry written at 15:39 in Los Angeles is kept as 22:39 UTC, not 15:39."""
    instance.extra_env["TZ"] = "America/Los_Angeles"
    journal = tmp_path / "journal.txt"
    journal.write_text("[2024-05-01 15:39] Rain on the tin roof.\n")
    instance.run("import", str(journal), check=True)
    document = json.loads(instance.run("export", check=True).stdout)
    assert document["owner"]["time_zone"] == "America/Los_Angeles"
    assert document["glimmers"][0]["noticed_at"] == "2024-05-01T22:39:00Z"
