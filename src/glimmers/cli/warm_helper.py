"""Warm start, the helper side: Django loaded once, a forked child for every command.

Started in the background by `warm.after_cold`; see `warm` for the whole story.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import socket
import struct
import sys
import time
from pathlib import Path
from typing import Any

import typer

from glimmers.cli.warm import SOCKET_NAME, fingerprint, home, receive, send

DEFAULT_IDLE = 15 * 60


def serve_forever() -> None:
    folder = home()
    if folder is None:
        return
    # One helper per data folder: the lock is held for the helper's whole life.
    with Path(folder, ".cli.lock").open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return
        _serve(folder)


def _serve(folder: str) -> None:
    mine = fingerprint(dict(os.environ))  # as the command that started us saw it
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glimmers.settings")
    import django

    django.setup()
    from django.db import connections

    from glimmers.cli.app import app
    from glimmers.lib.schema import ensure_schema

    ensure_schema()
    _preload()
    connections.close_all()  # each child opens its own
    command = typer.main.get_command(app)  # built once, not in every child
    idle = float(os.environ.get("GLIMMERS_WARM_IDLE", DEFAULT_IDLE))
    path = Path(folder, SOCKET_NAME)
    path.unlink(missing_ok=True)  # left by a helper that was killed; we hold the lock now
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
            if not _handle(connection, mine, command):
                break  # the code or the settings changed: make way for a fresh helper
    finally:
        path.unlink(missing_ok=True)
        listener.close()


def _preload() -> None:
    """Import what the commands import lazily, once here instead of in every child."""
    import rich.console
    import rich.progress
    import rich.table  # noqa: F401


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
    """Fork a child for one command; False when this helper should make way for a new one."""
    with connection:
        if not _same_user(connection):
            return True
        try:
            request, fds = receive(connection, with_fds=True)
        except (OSError, ValueError, EOFError):
            return True
        if request is None or len(fds) != 3 or request.get("fingerprint") != mine:
            for fd in fds:
                os.close(fd)
            with contextlib.suppress(OSError):
                send(connection, {"stale": True})
            return request is None or len(fds) != 3
        if os.fork() == 0:
            _run_child(connection, request, fds, app)
        for fd in fds:
            os.close(fd)
    return True


def _run_child(
    connection: socket.socket, request: dict[str, Any], fds: list[int], app: Any
) -> None:
    """In the forked child: become the caller's process, run the command, report its code.

    Only the child speaks on the connection: first its pid (for Ctrl+C), then the exit code,
    so the caller can never mistake one for the other.
    """
    code = 1
    try:
        for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGCHLD):
            signal.signal(signum, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        send(connection, {"pid": os.getpid()})
        try:
            app.main(args=request["argv"], prog_name="glimmers")
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        except KeyboardInterrupt:
            code = 130
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        with contextlib.suppress(OSError):
            send(connection, {"exit": code})
        os._exit(code)


if __name__ == "__main__":
    serve_forever()
