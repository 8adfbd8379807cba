"""The real `glimmers` command against a live server: add, list, search and export through the
API with a token from a flag, the environment or GLIMMERS_HOME/remote.toml; clear errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from glimmers.accounts.tokens import create_token
from glimmers.diary.models import Glimmer

GLIMMERS = str(Path(sys.executable).with_name("glimmers"))


@pytest.fixture
def glimmers(tmp_path, transactional_db):
    home = tmp_path / "home"
    home.mkdir()

    def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
        base = {k: v for k, v in os.environ.items() if not k.startswith(("GLIMMERS_", "DJANGO"))}
        base.pop("DATABASE_URL", None)
        base.update(GLIMMERS_HOME=str(home), GLIMMERS_WARM="off", TZ="Europe/Kyiv", **env)
        return subprocess.run(
            [GLIMMERS, *args], capture_output=True, text=True, env=base, timeout=60
        )

    run.home = home  # type: ignore[attr-defined]
    return run


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "light.jpg"
    Image.new("RGB", (60, 40), "gold").save(path, "JPEG")
    return path


@pytest.fixture
def token(owner):
    return create_token(owner, "laptop")[1]


def test_add_list_search_and_export_on_a_server(glimmers, live_server, token, owner, photo):
    where = ["--server", live_server.url, "--token", token]
    added = glimmers(
        "add",
        "rain on the roof",
        "-s",
        "hearing",
        "-t",
        "home",
        "--at",
        "2024-05-01 07:00",
        "--photo",
        str(photo),
        *where,
    )
    assert added.returncode == 0, added.stderr
    saved = Glimmer.objects.get()
    assert str(saved.id) == added.stdout.strip()
    assert saved.owner == owner
    assert saved.noticed_at.isoformat() == "2024-05-01T04:00:00+00:00"  # 07:00 in Kyiv
    assert saved.photos.count() == 1

    env = {"GLIMMERS_SERVER": live_server.url, "GLIMMERS_TOKEN": token}
    glimmers("add", "warm tea", "-s", "taste", **env)
    listed = json.loads(glimmers("list", "--json", **env).stdout)
    assert [record["text"] for record in listed] == ["warm tea", "rain on the roof"]
    narrowed = json.loads(glimmers("list", "--json", "--tag", "home", **env).stdout)
    assert [record["text"] for record in narrowed] == ["rain on the roof"]
    assert "rain on the roof" in glimmers("list", "--until", "2024-05-02", "-n", "1", **env).stdout
    found = glimmers("search", "TEA", **env)
    assert found.returncode == 0
    assert "warm tea" in found.stdout and "rain" not in found.stdout
    # Best match first, as a search on this computer: not the newest.
    glimmers("add", "tea, tea and more tea", "--at", "2024-01-01 09:00", **env)
    glimmers("add", "a cup of tea at last", **env)
    ranked = json.loads(glimmers("search", "tea", "--json", **env).stdout)
    assert ranked[0]["text"] == "tea, tea and more tea" and len(ranked) == 3

    (glimmers.home / "remote.toml").write_text(f'server = "{live_server.url}"\ntoken = "{token}"\n')
    exported = json.loads(glimmers("export").stdout)
    assert exported["format"] == "glimmers"
    assert len(exported["glimmers"]) == 4
    rain = next(g for g in exported["glimmers"] if g["text"] == "rain on the roof")
    assert rain["photos"][0]["data"]
    markdown = glimmers("export", "--format", "markdown", "-o", str(glimmers.home / "d.md"))
    assert markdown.returncode == 0
    assert "rain on the roof" in (glimmers.home / "d.md").read_text()


def test_a_wrong_token_or_no_server_is_one_sentence(glimmers, live_server, token):
    wrong = glimmers("add", "x", "--server", live_server.url, "--token", "glm_nope")
    assert wrong.returncode == 1
    assert "did not accept the token" in wrong.stderr
    assert "Traceback" not in wrong.stderr
    away = glimmers("list", "--server", "http://127.0.0.1:9", "--token", token)
    assert away.returncode == 1
    assert away.stderr.startswith("Cannot reach the server at http://127.0.0.1:9")
    assert len(away.stderr.strip().splitlines()) == 1
    missing = glimmers("list", "--server", live_server.url)
    assert missing.returncode == 1
    assert "A token is needed" in missing.stderr
    odd = glimmers("list", "--server", "ftp://example.org", "--token", token)
    assert "is not a server address" in odd.stderr
    refused = glimmers("add", "   ", "--server", live_server.url, "--token", token)
    assert refused.returncode == 1
    assert refused.stderr.strip() == "Write a few words about the moment."
    assert Glimmer.objects.count() == 0


def test_a_remote_command_loads_no_django(tmp_path):
    code = (
        "import sys; from typer.testing import CliRunner; from glimmers.cli.app import app;"
        "r = CliRunner().invoke(app, ['list', '--server', 'http://127.0.0.1:9', '--token', 't']);"
        "print(r.exit_code, sorted(m for m in ('django', 'ninja', 'pydantic') if m in sys.modules))"
    )
    env = {"GLIMMERS_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "1 []"
