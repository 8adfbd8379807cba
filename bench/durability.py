"""What durability on power loss costs a capture on SQLite: `synchronous=FULL` (every commit
waits for the write-ahead log to reach the disk) against `NORMAL` (a commit may wait for the
next checkpoint, so a power cut can lose the last few acknowledged captures).

    .venv/bin/python -m bench.durability            # 300 captures each way
    .venv/bin/python -m bench.durability -n 1000

Each round makes a fresh SQLite diary in a temporary folder on the same disk as the project
and saves glimmers one after another through the diary's own `add_glimmer` (the tallies and
the search index written in the same transaction, as a real capture is), in this process,
with the setting switched on the connection. Printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=300, help="captures each way")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="glimmers-durability-", dir=Path.cwd()))
    os.environ["GLIMMERS_HOME"] = str(home)
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glimmers.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from glimmers.accounts.services import create_user
    from glimmers.diary.services import EntryInput, add_glimmer

    call_command("migrate", verbosity=0)
    owner = create_user("bench", None, time_zone="Europe/Kyiv")
    print(f"{args.n} captures each, one after another, SQLite in {home}")
    print(f"{'synchronous':<12} {'p50 ms':>8} {'p95 ms':>8} {'captures/s':>11}")
    for level in ("NORMAL", "FULL", "NORMAL", "FULL"):
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA synchronous={level}")
        took = []
        started = time.perf_counter()
        for number in range(args.n):
            begin = time.perf_counter()
            add_glimmer(owner, EntryInput(f"bread in the oven {number}", senses=["smell"]))
            took.append((time.perf_counter() - begin) * 1000)
        rate = args.n / (time.perf_counter() - started)
        p95 = statistics.quantiles(took, n=20)[-1]
        print(f"{level:<12} {statistics.median(took):>8.2f} {p95:>8.2f} {rate:>11.0f}")


if __name__ == "__main__":
    main()
