"""The practice commands in a real terminal (a pseudo-terminal), as a person types, and in
a pipe, where nothing is asked."""

from __future__ import annotations

import fcntl
import json
import os
import select
import subprocess
import termios
import time

from tests.process.conftest import GLIMMERS


def _own_terminal() -> None:
    """In the child: a session of its own with the pseudo-terminal as its terminal, so
    Ctrl-C reaches it as an interrupt, as in a real shell."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def in_terminal(instance, *args: str, answers: list[str], timeout: float = 60) -> str:
    """Run the command on a pseudo-terminal, typing each answer once its question shows."""
    leader, follower = os.openpty()
    process = subprocess.Popen(
        [GLIMMERS, *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env={**instance.env, "COLUMNS": "80", "TERM": "xterm"},
        close_fds=True,
        preexec_fn=_own_terminal,
    )
    os.close(follower)
    output = b""
    pending = list(answers)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(leader, 4096)
                except OSError:  # the command ended and closed the terminal
                    break
                if not chunk:
                    break
                output += chunk
                # A question ends in ": " (Rich's prompt); answer it.
                if pending and output.rstrip(b" ").endswith(b":"):
                    answer = pending.pop(0)
                    # Ctrl-C is sent as the key itself; anything else as a typed line.
                    os.write(leader, b"\x03" if answer == "^C" else answer.encode() + b"\r")
            elif process.poll() is not None:
                break
        process.wait(timeout=10)
    finally:
        os.close(leader)
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, output.decode(errors="replace")
    return output.decode(errors="replace")


def test_walk_asks_sense_by_sense_in_a_terminal(instance):
    instance.run("user", "create", "olena", check=True)
    screen = in_terminal(
        instance,
        "walk",
        answers=["memory", "2019-07-14", "waves", "gulls", "", "", "warm sand", "", "", ""],
    )
    assert "I saw…" in screen and "I heard…" in screen and "I…" in screen
    records = json.loads(instance.run("list", "--json", check=True).stdout)
    assert records[0]["text"] == "waves" and records[0]["kind"] == "memory"
    assert records[0]["senses"] == ["sight", "hearing", "touch"]
    assert records[0]["noticed_at"].startswith("2019-07-1")


def test_leaving_the_walk_with_ctrl_c_keeps_it_for_later(instance):
    instance.run("user", "create", "olena", check=True)
    screen = in_terminal(instance, "walk", answers=["now", "the first snowdrops", "^C"])
    assert "Your walk is kept" in screen
    drafts = json.loads(instance.run("export", check=True).stdout)["practice"]["drafts"]
    assert drafts[0]["flow"] == "walk" and drafts[0]["data"]["sight"] == "the first snowdrops"
    # Next time every answer so far is offered again; Enter keeps it.
    in_terminal(instance, "walk", answers=["", "", "a blackbird", "", "", "", "", "", ""])
    records = json.loads(instance.run("list", "--json", check=True).stdout)
    assert records[0]["sense_lines"] == {"sight": "the first snowdrops", "hearing": "a blackbird"}
    assert json.loads(instance.run("export", check=True).stdout)["practice"]["drafts"] == []


def test_morning_then_evening_in_a_terminal_and_in_a_pipe(instance):
    instance.run("user", "create", "olena", check=True)
    in_terminal(instance, "morning", answers=["kind voices", "tea with Mila", ""])
    evening = instance.run("evening", check=True)  # a pipe: nothing asked, the day shown
    assert "This morning you meant to notice: kind voices" in evening.stdout
    assert "One a day is enough." in evening.stdout
    records = json.loads(instance.run("list", "--json", check=True).stdout)
    assert [r["text"] for r in records] == ["tea with Mila"]


def test_pause_draws_the_pacer_in_a_terminal_then_asks_what_followed(instance):
    """The one whole-process pause (15 real seconds); the pipe path is in tests/cli."""
    instance.run("user", "create", "olena", check=True)
    screen = in_terminal(instance, "pause", "--seconds", "15", answers=["warm hands", "safe"])
    assert "Breathe in" in screen and "●" in screen  # drawn by Rich
    assert "What did your body do?" in screen and "Thank you for pausing." in screen
    pauses = json.loads(instance.run("export", check=True).stdout)["practice"]["pauses"]
    assert [(p["seconds"], p["body"], p["state_after"]) for p in pauses] == [
        (15, "warm hands", "safe")
    ]
