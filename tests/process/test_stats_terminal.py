"""`glimmers stats` in a real terminal (a pseudo-terminal) draws its charts; in a pipe it
prints plain lines only."""

from __future__ import annotations

import os
import pty
import re
import subprocess

from tests.process.conftest import GLIMMERS


def test_stats_draws_charts_in_a_terminal_and_not_in_a_pipe(instance):
    for number in range(3):
        instance.run(
            "add",
            f"moment {number}",
            "--sense",
            "sight",
            "--at",
            f"{number + 1} days ago",
            check=True,
        )
    piped = instance.run("stats", check=True).stdout
    assert "Glimmers noticed: 3" in piped
    assert "█" not in piped and "Each week" not in piped

    leader, follower = pty.openpty()
    env = {**instance.env, "COLUMNS": "100", "LINES": "40"}
    with subprocess.Popen(
        [GLIMMERS, "stats"], stdin=subprocess.DEVNULL, stdout=follower, stderr=follower, env=env
    ) as process:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the child closed its end
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert process.wait(timeout=60) == 0
    os.close(leader)
    shown = re.sub(r"\x1b\[[0-9;]*m", "", b"".join(chunks).decode())
    assert "Glimmers noticed: 3" in shown
    assert "Each week, the last 52" in shown and "Senses" in shown and "█" in shown
