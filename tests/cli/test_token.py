"""`glimmers token create / list / revoke`, and that the token reaches the API."""

import subprocess
import sys

from django.test import Client

from glimmers.accounts.models import DeviceToken
from glimmers.accounts.tokens import digest


def test_create_list_and_revoke(run, owner):
    made = run("token", "create", "--name", "laptop")
    assert made.exit_code == 0, made.output
    token = made.stdout.strip()
    assert token.startswith("glm_")
    assert "not shown again" in made.stderr
    record = DeviceToken.objects.get()
    assert record.token_hash == digest(token) != token  # only the hash is kept
    assert record.owner == owner

    api = Client(headers={"Authorization": f"Bearer {token}"})
    assert api.get("/api/v1/glimmers").status_code == 200

    listed = run("token", "list").stdout
    assert str(record.id) in listed
    assert "laptop" in listed
    assert token not in listed

    revoked = run("token", "revoke", str(record.id))
    assert revoked.exit_code == 0
    assert "Revoked “laptop”." in revoked.stdout
    assert api.get("/api/v1/glimmers").status_code == 401
    assert run("token", "list").stdout == ""


def test_someone_elses_or_an_unknown_token_cannot_be_revoked(run, owner, stranger):
    theirs = DeviceToken.objects.create(owner=stranger, name="x", token_hash="0" * 64)
    for wrong in (str(theirs.id), "not-an-id"):
        result = run("token", "revoke", wrong, "--user", "olena")
        assert result.exit_code == 1
        assert "no token with the id" in result.stderr
    assert DeviceToken.objects.filter(id=theirs.id).exists()


def test_token_commands_stay_free_of_the_api_libraries(owner, tmp_path):
    # The CLI's start is a measured number: ninja and pydantic must not load for it.
    code = (
        "import sys; from typer.testing import CliRunner; from glimmers.cli.app import app;"
        "CliRunner().invoke(app, ['token', 'list', '--help']);"
        "import django; from glimmers.cli.runtime import setup; setup();"
        "print(sorted(m for m in ('ninja', 'pydantic') if m in sys.modules))"
    )
    env = {"GLIMMERS_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
