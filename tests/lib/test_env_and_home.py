import os
import stat

import pytest
from django.core.exceptions import ImproperlyConfigured

from glimmers.lib.env import env_bool, env_int, env_list
from glimmers.lib.home import glimmers_home, private_file, secret_key


def test_bool(monkeypatch):
    monkeypatch.setenv("X_FLAG", "Yes")
    assert env_bool("X_FLAG") is True
    monkeypatch.setenv("X_FLAG", "off")
    assert env_bool("X_FLAG", True) is False
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG must be true or false"):
        env_bool("X_FLAG")


def test_int(monkeypatch):
    monkeypatch.setenv("X_N", "12")
    assert env_int("X_N", 1) == 12
    monkeypatch.setenv("X_N", "twelve")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("X_N", 1)
    monkeypatch.setenv("X_N", "0")
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        env_int("X_N", 1, minimum=1)


def test_list(monkeypatch):
    monkeypatch.setenv("X_L", " a.example, b.example ,,")
    assert env_list("X_L", []) == ["a.example", "b.example"]


def test_secret_key_is_made_once_and_private(tmp_path, monkeypatch):
    monkeypatch.delenv("GLIMMERS_SECRET_KEY", raising=False)
    first = secret_key(tmp_path)
    assert len(first) >= 50
    assert secret_key(tmp_path) == first
    mode = stat.S_IMODE((tmp_path / "secret_key").stat().st_mode)
    assert mode == 0o600


def test_a_short_configured_secret_key_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("GLIMMERS_SECRET_KEY", "short")
    with pytest.raises(ImproperlyConfigured, match="at least 50"):
        secret_key(tmp_path)


def test_the_database_file_is_private_and_made_so(tmp_path):
    fresh = private_file(tmp_path / "new.sqlite3")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600
    older = tmp_path / "older.sqlite3"
    older.write_bytes(b"")
    older.chmod(0o644)
    assert stat.S_IMODE(private_file(older).stat().st_mode) == 0o600


def test_a_home_anyone_may_write_to_is_refused(tmp_path, monkeypatch):
    home = tmp_path / "open"
    home.mkdir()
    home.chmod(0o777)
    monkeypatch.setenv("GLIMMERS_HOME", str(home))
    with pytest.raises(ImproperlyConfigured, match="anyone may write to it"):
        glimmers_home()
    home.chmod(0o755)  # readable by others, but not writable: the files inside are 0600
    assert glimmers_home() == home


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_a_home_someone_else_owns_is_refused(tmp_path, monkeypatch):
    home = tmp_path / "theirs"
    home.mkdir()
    os.chown(home, 65534, 65534)
    monkeypatch.setenv("GLIMMERS_HOME", str(home))
    with pytest.raises(ImproperlyConfigured, match="another user owns it"):
        glimmers_home()
