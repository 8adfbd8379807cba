"""Warm start, the client side: hand a command to a helper that already has Django loaded.

Starting Python, Django and the CLI costs about half a second on a small machine; a glimmer
should be saved faster than that. The first command runs as usual ("cold") and leaves a
helper behind (`warm_helper`). Later commands pass their arguments, environment, folder and
terminal (standard input, output and error, as file descriptors) to it over a Unix socket
in GLIMMERS_HOME; the helper forks a child that runs the command exactly as a cold start
would, and the exit code comes back. The helper leaves after GLIMMERS_WARM_IDLE seconds
without work, or as soon as the code or the settings it was started with change.
GLIMMERS_WARM=off turns all of this off; GLIMMERS_WARM=require fails (exit 1) instead of
starting cold, which shows whether a helper is answering.

Every `glimmers` process imports this module first, so it imports almost nothing.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import socket
import stat
import struct
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

# Commands that never ask questions on a terminal and finish on their own. `serve` runs in
# the foreground, and `user` may ask for a password, which needs the real controlling tty.
WARM_COMMANDS = frozenset(
    [
        "add",
        "trigger",
        "bean",
        "intention",
        "list",
        "search",
        "stats",
        "export",
        "import",
        "booklet",
        "bookmark",
    ]
)
SOCKET_NAME = ".cli.sock"
PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # noqa: PTH100, PTH120
# Variables only the running command reads; every other setting must match the helper's.
PER_COMMAND = frozenset(
    ["GLIMMERS_USER", "GLIMMERS_WARM", "GLIMMERS_WARM_IDLE", "GLIMMERS_SERVER", "GLIMMERS_TOKEN"]
)


def mode() -> str:
    """auto (the default), off, or require."""
    value = os.environ.get("GLIMMERS_WARM", "auto").strip().lower()
    if value in ("off", "0", "false", "no"):
        return "off"
    return "require" if value == "require" else "auto"


def home() -> str | None:
    """The data folder, found the same way the settings find it (glimmers.lib.home)."""
    raw = os.environ.get("GLIMMERS_HOME", "").strip()
    if raw:
        return os.path.expanduser(raw)  # noqa: PTH111
    try:
        import platformdirs
    except ImportError:
        return None
    return str(platformdirs.user_data_dir("glimmers", appauthor=False))


def fingerprint(environ: dict[str, str]) -> str:
    """What the helper's loaded code and settings depend on."""
    # A cold start sets the settings module itself before it starts a helper.
    environ = {"DJANGO_SETTINGS_MODULE": "glimmers.settings", **environ}
    newest = 0
    for folder, _dirs, files in os.walk(PACKAGE):
        for name in files:
            if name.endswith(".py"):
                newest = max(newest, os.stat(os.path.join(folder, name)).st_mtime_ns)  # noqa: PTH116, PTH118
    parts = [sys.executable, str(newest)]
    for key in sorted(environ):
        settings_related = key.startswith(("GLIMMERS_", "DJANGO_")) or key == "DATABASE_URL"
        if settings_related and key not in PER_COMMAND:
            parts.append(f"{key}={environ[key]}")
    return "\0".join(parts)


def send(connection: socket.socket, message: dict[str, Any], fds: list[int] | None = None) -> None:
    payload = marshal.dumps(message)
    data = struct.pack("!I", len(payload)) + payload
    if fds:
        socket.send_fds(connection, [data], fds)
    else:
        connection.sendall(data)


def receive(
    connection: socket.socket, *, with_fds: bool = False
) -> tuple[dict[str, Any] | None, list[int]]:
    """One message (and, when asked, the file descriptors sent with it).

    Reads exactly one message's bytes, so a second message that arrives right behind the
    first (a quick command's pid and exit code) stays in the socket for the next call.
    """
    if with_fds:
        first, fds, _flags, _address = socket.recv_fds(connection, 4, 3)
    else:
        first, fds = connection.recv(4), []
    head = _read_exactly(connection, 4, first)
    if head is None:
        return None, fds
    body = _read_exactly(connection, struct.unpack("!I", head)[0])
    if body is None:
        return None, fds
    # Only processes of the same user reach the socket (0600 in a private folder; the
    # helper also checks the peer's uid), and both ends run the same interpreter.
    message = marshal.loads(body)  # noqa: S302
    return (message if isinstance(message, dict) else None), fds


def _read_exactly(connection: socket.socket, size: int, start: bytes = b"") -> bytes | None:
    data = start
    while len(data) < size:
        chunk = connection.recv(size - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def _cold() -> int | None:
    """No helper answered: run this command cold (or refuse, when one is required)."""
    if mode() == "require":
        from glimmers.cli.i18n import _

        sys.stderr.write(_("No warm helper is answering for this data folder yet.") + "\n")
        return 1
    return None


# What a command may need of the environment it runs in; nothing else is handed over.
NEEDED = ("GLIMMERS_", "DJANGO_", "LC_")
NEEDED_NAMES = {
    "DATABASE_URL",
    "LANG",
    "LANGUAGE",
    "TZ",
    "TERM",
    "COLUMNS",
    "LINES",
    "NO_COLOR",
    "FORCE_COLOR",
    "HOME",
    "USER",
    "LOGNAME",
}


def needed(environ: Mapping[str, str]) -> dict[str, str]:
    """The part of the environment a command reads (settings, language, terminal)."""
    return {
        key: value
        for key, value in environ.items()
        if key.startswith(NEEDED) or key in NEEDED_NAMES
    }


def _ours(address: str) -> bool:
    """Speak only to a socket of our own user that nobody else may use: another user's
    could be anything listening there, and it would be handed our words and terminal."""
    try:
        found = os.lstat(address)
    except OSError:
        return False
    return (
        stat.S_ISSOCK(found.st_mode) and found.st_uid == os.getuid() and not found.st_mode & 0o077
    )


def run_warm(argv: list[str]) -> int | None:
    """Run the command in the helper and return its exit code, or None to start cold."""
    if not argv or argv[0] not in WARM_COMMANDS or mode() == "off":
        return None
    folder = home()
    if folder is None:
        return _cold()
    address = os.path.join(folder, SOCKET_NAME)  # noqa: PTH118
    if not _ours(address):
        return _cold()
    environ = needed(os.environ)
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with connection:
        try:
            connection.connect(address)
            request = {
                "argv": argv,
                "cwd": os.getcwd(),  # noqa: PTH109
                "env": environ,
                "fingerprint": fingerprint(environ),
            }
            send(connection, request, [0, 1, 2])
            started, _fds = receive(connection)
        except OSError:
            return _cold()
        if started is None or "pid" not in started:
            # A helper from older code or other settings: it is leaving. Nothing ran.
            return _cold()
        _forward_signals(int(started["pid"]))
        try:
            finished, _fds = receive(connection)
        except OSError:
            finished = None
    if finished is None:
        from glimmers.cli.i18n import _

        sys.stderr.write(_("The command stopped before it finished.") + "\n")
        return 1
    return int(finished["exit"])


def _forward_signals(child: int) -> None:
    """Ctrl+C and friends reach this process; pass them on to the child doing the work."""
    import signal

    def forward(signum: int, _frame: object) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signum)

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, forward)


def after_cold(argv: list[str], environ: dict[str, str]) -> None:
    """After a cold command: leave a helper behind for the next one, unless one answers.

    `environ` is the environment the command started with (Django changes TZ, for one).
    """
    if not argv or argv[0] not in WARM_COMMANDS or mode() != "auto":
        return
    folder = home()
    if folder is None or not os.path.isdir(folder):  # noqa: PTH112
        return
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        probe.connect(os.path.join(folder, SOCKET_NAME))  # noqa: PTH118
        return
    except OSError:
        pass
    finally:
        probe.close()
    import subprocess

    with contextlib.suppress(OSError):  # no helper this time; commands still work cold
        subprocess.Popen(
            [sys.executable, "-m", "glimmers.cli.warm_helper"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
            env=environ,
        )
