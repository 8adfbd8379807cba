"""Where an instance keeps its data: GLIMMERS_HOME, the SQLite file, photos, the secret key."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


def glimmers_home() -> Path:
    """The data folder: GLIMMERS_HOME, or the platform's user data dir."""
    raw = os.environ.get("GLIMMERS_HOME", "").strip()
    if raw:
        home = Path(raw).expanduser()
    else:
        import platformdirs

        home = Path(platformdirs.user_data_dir("glimmers", appauthor=False))
    try:
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
        found = home.stat()
    except OSError as error:
        raise ImproperlyConfigured(
            f"Glimmers cannot use {home} as its data folder ({error.strerror})."
        ) from None
    # Diaries are private: a folder someone else owns, or anyone may write into, could be
    # read or changed behind its owner's back.
    if hasattr(os, "getuid") and found.st_uid != os.getuid():
        raise ImproperlyConfigured(
            f"Glimmers will not keep diaries in {home}: another user owns it."
        )
    if found.st_mode & stat.S_IWOTH:
        raise ImproperlyConfigured(
            f"Glimmers will not keep diaries in {home}: anyone may write to it (chmod o-w {home})."
        )
    return home


def private_file(path: Path) -> Path:
    """Make sure a file only its owner can read exists at `path` (the SQLite database:
    SQLite gives its -wal and -shm files the same mode)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        os.close(fd)
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)
    except OSError as error:
        raise ImproperlyConfigured(
            f"Glimmers cannot use {path} as its database ({error.strerror})."
        ) from None
    return path


def secret_key(home: Path) -> str:
    """GLIMMERS_SECRET_KEY, or a random key kept in the data folder (mode 0600)."""
    configured = os.environ.get("GLIMMERS_SECRET_KEY", "").strip()
    if configured:
        if len(configured) < 50:
            raise ImproperlyConfigured("GLIMMERS_SECRET_KEY must be at least 50 characters long.")
        return configured
    path = home / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    key = secrets.token_urlsafe(64)
    temporary = home / f".secret_key.{os.getpid()}"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    try:
        # A hard link publishes the whole file at once: when two processes start
        # together, exactly one key wins and both read it.
        os.link(temporary, path)
    except FileExistsError:
        key = path.read_text().strip()
    finally:
        temporary.unlink()
    return key
