"""Warm start: a resident helper that has Django loaded, so a command answers in milliseconds.

Starting Python, Django and the CLI costs about half a second on a small machine; a glimmer
should be saved faster than that. The first command runs as usual ("cold") and leaves a
helper behind in the background. Later commands hand their arguments and their terminal
(standard input, output and error, as file descriptors) to the helper over a Unix socket in
GLIMMERS_HOME; the helper forks a child that runs the command exactly as a cold start would,
and the exit code comes back. The helper leaves after GLIMMERS_WARM_IDLE seconds without
work, or as soon as the code or the settings it was started with change.
GLIMMERS_WARM=off turns all of this off; GLIMMERS_WARM=require fails (exit 1) instead of
starting cold, which shows whether a helper is answering.

This module is imported before anything heavy: it uses the standard library only.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

# Commands that never ask questions on a terminal and finish on their own. `serve` runs in
# the foreground, and `user` may ask for a password, which needs the real controlling tty.
WARM_COMMANDS = {
    "add",
    "trigger",
    "bean",
    "intention",
    "list",
    "search",
    "stats",
    "export",
    "import",
}
SOCKET_NAME = ".cli.sock"
DEFAULT_IDLE = 15 * 60
PACKAGE = Path(__file__).resolve().parent.parent
# Variables that only the running command reads; every other setting must match the helper's.
PER_COMMAND = {"GLIMMERS_USER", "GLIMMERS_WARM", "GLIMMERS_WARM_IDLE", "COLUMNS", "LINES", "TERM"}


def mode() -> str:
    """auto (the default), off, or require."""
    value = os.environ.get("GLIMMERS_WARM", "auto").strip().lower()
    if value in ("off", "0", "false", "no"):
        return "off"
    return "require" if value == "require" else "auto"


def _cold() -> int | None:
    """No helper answered: run this command cold (or refuse, when one is required)."""
    if mode() == "require":
        sys.stderr.write("No warm helper is answering for this data folder yet.\n")
        return 1
    return None


def home() -> Path | None:
    """The data folder, found the same way as settings find it (see glimmers.lib.home)."""
    raw = os.environ.get("GLIMMERS_HOME", "").strip()
    if raw:
        return Path(raw).expanduser()
    try:
        import platformdirs
    except ImportError:
        return None
    return Path(platformdirs.user_data_dir("glimmers", appauthor=False))


def fingerprint(environ: dict[str, str]) -> str:
    """What the helper's loaded code and settings depend on."""
    # A cold start sets the settings module itself before it starts a helper.
    environ = {"DJANGO_SETTINGS_MODULE": "glimmers.settings", **environ}
    digest = hashlib.sha256(sys.executable.encode())
    newest = max((path.stat().st_mtime_ns for path in PACKAGE.rglob("*.py")), default=0)
    digest.update(str(newest).encode())
    for key in sorted(environ):
        settings_related = key.startswith(("GLIMMERS_", "DJANGO_")) or key in ("DATABASE_URL", "TZ")
        if settings_related and key not in PER_COMMAND:
            digest.update(f"{key}={environ[key]}\0".encode())
    return digest.hexdigest()


def _send(connection: socket.socket, message: dict[str, Any], fds: list[int] | None = None) -> None:
    payload = json.dumps(message).encode()
    header = struct.pack("!I", len(payload))
    if fds:
        socket.send_fds(connection, [header + payload], fds)
    else:
        connection.sendall(header + payload)


def _receive(
    connection: socket.socket, *, with_fds: bool = False
) -> tuple[dict[str, Any] | None, list[int]]:
    if with_fds:
        data, fds, _flags, _address = socket.recv_fds(connection, 1 << 20, 3)
    else:
        data, fds = connection.recv(4), []
    if len(data) < 4:
        return None, fds
    (size,) = struct.unpack("!I", data[:4])
    body = data[4:]
    while len(body) < size:
        chunk = connection.recv(size - len(body))
        if not chunk:
            return None, fds
        body += chunk
    return json.loads(body), fds


# --- the client: the `glimmers` process a person starts ---------------------------------


def run_warm(argv: list[str]) -> int | None:
    """Run the command in the helper and return its exit code, or None to start cold."""
    if not argv or argv[0] not in WARM_COMMANDS or mode() == "off":
        return None
    folder = home()
    if folder is None:
        return _cold()
    environ = dict(os.environ)
    try:
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.connect(str(folder / SOCKET_NAME))
    except OSError:
        return _cold()
    with connection:
        request = {
            "argv": argv,
            "cwd": str(Path.cwd()),
            "env": environ,
            "fingerprint": fingerprint(environ),
        }
        try:
            _send(connection, request, [0, 1, 2])
            reply, _ = _receive(connection)
        except OSError:
            return _cold()
        if reply is None or "pid" not in reply:
            # A helper from older code or other settings: it is leaving; start cold.
            return _cold()
        child = int(reply["pid"])
        forward = lambda signum, frame: _signal_child(child, signum)  # noqa: E731
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, forward)
        try:
            outcome, _ = _receive(connection)
        except OSError:
            outcome = None
    if outcome is None:
        sys.stderr.write("The command stopped before it finished.\n")
        return 1
    return int(outcome["exit"])


def _signal_child(child: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(child, signum)


def after_cold(argv: list[str]) -> None:
    """After a cold command: leave a helper behind for the next one, unless one answers."""
    if not argv or argv[0] not in WARM_COMMANDS or mode() != "auto":
        return
    folder = home()
    if folder is None or not folder.is_dir():
        return
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        probe.connect(str(folder / SOCKET_NAME))
        return
    except OSError:
        pass
    finally:
        probe.close()
    with contextlib.suppress(OSError):
        subprocess.Popen(
            [sys.executable, "-m", "glimmers.cli.warm", "--serve"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
        )


# --- the helper ---------------------------------------------------------------------------


def serve_forever() -> None:
    folder = home()
    if folder is None:
        return
    # One helper per data folder: the lock is held for the helper's whole life.
    lock = (folder / ".cli.lock").open("w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return
    mine = fingerprint(dict(os.environ))  # as the client that started us sees it
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glimmers.settings")
    import django

    django.setup()
    from django.db import connections

    from glimmers.cli.app import app
    from glimmers.lib.schema import ensure_schema

    ensure_schema()
    connections.close_all()  # each child opens its own
    idle = float(os.environ.get("GLIMMERS_WARM_IDLE", DEFAULT_IDLE))
    path = folder / SOCKET_NAME
    path.unlink(missing_ok=True)  # left by a helper that was killed; we hold the lock
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old_mask = os.umask(0o177)  # the socket is born private (0600)
    try:
        listener.bind(str(path))
    finally:
        os.umask(old_mask)
    listener.listen(16)
    listener.settimeout(1.0)
    last_work = time.monotonic()
    try:
        while time.monotonic() - last_work < idle:
            _reap()
            try:
                connection, _address = listener.accept()
            except TimeoutError:
                continue
            last_work = time.monotonic()
            if not _same_user(connection):
                connection.close()
                continue
            if not _handle(connection, mine, app):
                break  # the code or the settings changed: make way for a fresh helper
    finally:
        path.unlink(missing_ok=True)
        listener.close()
        lock.close()


def _same_user(connection: socket.socket) -> bool:
    credentials = connection.getsockopt(
        socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i")
    )
    _pid, uid, _gid = struct.unpack("3i", credentials)
    return bool(uid == os.getuid())


def _reap() -> None:
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def _handle(connection: socket.socket, mine: str, app: Any) -> bool:
    try:
        request, fds = _receive(connection, with_fds=True)
    except OSError:
        connection.close()
        return True
    if request is None or len(fds) != 3 or request.get("fingerprint") != mine:
        for fd in fds:
            os.close(fd)
        with contextlib.suppress(OSError):
            _send(connection, {"stale": True})
        connection.close()
        return request is None or len(fds) != 3
    child = os.fork()
    if child == 0:
        _run_child(connection, request, fds, app)
    for fd in fds:
        os.close(fd)
    with contextlib.suppress(OSError):
        _send(connection, {"pid": child})
    connection.close()
    return True


def _run_child(
    connection: socket.socket, request: dict[str, Any], fds: list[int], app: Any
) -> None:
    """In the forked child: become the client's process, run the command, report the code."""
    code = 1
    try:
        os.setpgid(0, 0)
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGCHLD):
            signal.signal(signum, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        try:
            app(args=request["argv"], prog_name="glimmers")
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
        except KeyboardInterrupt:
            code = 130
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        with contextlib.suppress(OSError):
            _send(connection, {"exit": code})
        os._exit(code)


if __name__ == "__main__":
    if "--serve" in sys.argv:
        serve_forever()
