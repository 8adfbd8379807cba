"""Sync and capture through the API against a real `glimmers serve` (waitress).

    .venv/bin/python -m bench.sync                  # SQLite
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres .venv/bin/python -m bench.sync
                                                    # a fresh PostgreSQL database

Two figures:

- **sync 500 queued**: one phone sends 500 glimmers that waited offline, one request after
  another, each with its own id and time (as the offline queue does); then the same 500
  again (a replay after a lost answer), which must add nothing.
- **capture, 50 clients**: 50 clients at once, each saving glimmers as fast as answers
  come; latency p50/p99 and captures per second.

The clients run in this process (threads, keep-alive connections), on the same machine as
the server, so the figures include their cost too. Printed, never asserted.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.process.web import free_port

from bench.run import GLIMMERS, fresh_postgres_database


class Client:
    """A keep-alive API client, like one phone."""

    def __init__(self, port: int, token: str) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}

    def create(self, body: dict[str, object]) -> tuple[int, float]:
        began = time.perf_counter()
        self.connection.request("POST", "/api/v1/glimmers", json.dumps(body), self.headers)
        response = self.connection.getresponse()
        response.read()
        return response.status, (time.perf_counter() - began) * 1000

    def count(self) -> int:
        total, cursor = 0, ""
        while True:
            self.connection.request(
                "GET", f"/api/v1/glimmers?limit=200{cursor}", None, self.headers
            )
            page = json.loads(self.connection.getresponse().read())
            total += len(page["items"])
            if not page["next"]:
                return total
            cursor = f"&cursor={page['next']}"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def glimmer(number: int, start: datetime) -> dict[str, object]:
    return {
        "id": str(uuid.uuid4()),
        "text": f"a small moment, number {number}",
        "senses": ["sight", "hearing"][: number % 3],
        "noticed_at": (start + timedelta(minutes=number)).isoformat(),
    }


def sync_queue(port: int, token: str, size: int) -> dict[str, float | int]:
    client = Client(port, token)
    queue = [glimmer(n, datetime(2024, 1, 1, tzinfo=UTC)) for n in range(size)]
    figures: dict[str, float | int] = {}
    for label in ("first", "replay"):
        began = time.perf_counter()
        latencies = []
        for body in queue:
            status, ms = client.create(body)
            assert status == 201, status
            latencies.append(ms)
        figures[f"{label} total s"] = time.perf_counter() - began
        figures[f"{label} p50 ms"] = statistics.median(latencies)
        figures[f"{label} p99 ms"] = percentile(latencies, 0.99)
    figures["rows after replay"] = client.count()
    return figures


def capture_load(port: int, token: str, clients: int, each: int) -> dict[str, float | int]:
    latencies: list[float] = []
    failures = []
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)

    def phone(number: int) -> None:
        client = Client(port, token)
        mine = []
        start.wait()
        for count in range(each):
            status, ms = client.create(
                glimmer(number * each + count, datetime(2025, 1, 1, tzinfo=UTC))
            )
            if status != 201:
                failures.append(status)
            mine.append(ms)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=phone, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    return {
        "captures": len(latencies),
        "failed": len(failures),
        "p50 ms": statistics.median(latencies),
        "p99 ms": percentile(latencies, 0.99),
        "captures/s": len(latencies) / elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--queued", type=int, default=500)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--each", type=int, default=20, help="captures per client")
    parser.add_argument("--threads", type=int, default=8, help="waitress threads")
    args = parser.parse_args()
    admin_url = os.environ.get("DATABASE_URL")
    folder = Path(tempfile.mkdtemp(prefix="glimmers-bench-sync-"))
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "GLIMMERS_USER")}
    env.update(GLIMMERS_HOME=str(folder / "home"), GLIMMERS_WARM="off")
    if admin_url:
        env["DATABASE_URL"] = fresh_postgres_database(admin_url)
    subprocess.run(
        [GLIMMERS, "user", "create", "bench", "--no-password"],
        env=env,
        check=True,
        capture_output=True,
    )
    token = subprocess.run(
        [GLIMMERS, "token", "create", "--name", "bench"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    port = free_port()
    server = subprocess.Popen(
        [GLIMMERS, "serve", "--port", str(port), "--threads", str(args.threads)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(300):
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/healthz")
                break
            except OSError:
                time.sleep(0.2)
        database = "PostgreSQL" if admin_url else "SQLite"
        print(f"## API sync and capture on {database} (waitress, {args.threads} threads)\n")
        synced = sync_queue(port, token, args.queued)
        print(f"sync {args.queued} queued glimmers, one after another:")
        for key, value in synced.items():
            print(
                f"  {key:>20}: {value:,.2f}"
                if isinstance(value, float)
                else f"  {key:>20}: {value}"
            )
        loaded = capture_load(port, token, args.clients, args.each)
        print(f"\ncapture with {args.clients} clients at once, {args.each} each:")
        for key, value in loaded.items():
            print(
                f"  {key:>20}: {value:,.1f}"
                if isinstance(value, float)
                else f"  {key:>20}: {value}"
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
        if admin_url and "DATABASE_URL" in env:
            import psycopg

            name = env["DATABASE_URL"].rsplit("/", 1)[1]
            with psycopg.connect(admin_url, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
