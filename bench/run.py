"""Benchmark Glimmers at 1k, 10k and 100k glimmers over ten years, beside jrnl.

    .venv/bin/python -m bench.run                 # 1k, 10k, 100k on SQLite
    .venv/bin/python -m bench.run --sizes 1000    # a quick look
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres .venv/bin/python -m bench.run
                                                  # the same on a fresh PostgreSQL database

CLI figures are whole processes (start-up included), the median of several runs. Web figures
are server time for a request handled in-process by the real middleware stack and database.
jrnl runs the same operations on the same entries when it can be installed into bench/.jrnl.
Figures are printed, never asserted: this is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GLIMMERS = str(Path(sys.executable).with_name("glimmers"))
JRNL_VENV = ROOT / "bench" / ".jrnl"
JRNL_VERSION = "4.6"
WORDS = (
    "light warm bread rain birdsong laugh tea cat sun moss river wind quiet hands music "
    "snow garden smile stars kettle blanket honey morning evening window"
).split()
SENSES = ["sight", "hearing", "smell", "taste", "touch", "body", "intuition"]
START = datetime(2016, 1, 1, tzinfo=UTC)
SPAN = timedelta(days=3650)


def median_ms(
    command: list[str], env: dict[str, str], runs: int, limit: float | None = None
) -> float:
    """Median wall time of `runs` runs; with `limit` (seconds), one run past it ends the count."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        try:
            result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=limit)
        except subprocess.TimeoutExpired:
            return float("inf")
        times.append((time.perf_counter() - began) * 1000)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed: {result.stderr.strip()}")
    return statistics.median(times)


def entries(count: int, seed: int = 7) -> list[tuple[datetime, str, list[str]]]:
    """The same `count` entries for both tools, spread over ten years, oldest first."""
    rng = random.Random(seed)
    moments = sorted(START + SPAN * rng.random() for _ in range(count))
    return [
        (
            moment.replace(second=0, microsecond=0),
            " ".join(rng.choices(WORDS, k=rng.randint(4, 12))).capitalize() + ".",
            rng.sample(SENSES, rng.randint(0, 3)),
        )
        for moment in moments
    ]


def fill_glimmers(env: dict[str, str], rows: list[tuple[datetime, str, list[str]]]) -> None:
    """Create the person with the real CLI, then bulk-insert rows through the ORM."""
    subprocess.run(
        [GLIMMERS, "user", "create", "bench", "--no-password"],
        env=env,
        check=True,
        capture_output=True,
    )
    os.environ.update(env)
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    from glimmers.diary.models import Glimmer

    owner = get_user_model().objects.get(username="bench")
    objects = [
        Glimmer(
            id=uuid.uuid4(),
            owner=owner,
            text=text,
            noticed_at=moment,
            senses=senses,
            created_at=moment,
            updated_at=moment,
        )
        for moment, text, senses in rows
    ]
    Glimmer.objects.bulk_create(objects, batch_size=2000)
    # Rows inserted behind the services' back: bring the day tallies and search index up to
    # date, as an import does.
    from glimmers.diary.services import rebuild_derived

    began = time.perf_counter()
    rebuild_derived(owner)
    print(
        f"(indexing {len(objects):,} glimmers: {time.perf_counter() - began:.1f} s)",
        file=sys.stderr,
    )
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def start_warm_helper(env: dict[str, str]) -> None:
    """Run one command cold so it leaves the warm helper behind, then wait until it answers."""
    subprocess.run([GLIMMERS, "stats"], env={**env, "GLIMMERS_WARM": "auto"}, capture_output=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        probe = [GLIMMERS, "stats"]
        if (
            subprocess.run(
                probe, env={**env, "GLIMMERS_WARM": "require"}, capture_output=True
            ).returncode
            == 0
        ):
            return
        time.sleep(0.3)
    raise RuntimeError("the warm helper did not start")


def stop_warm_helper(env: dict[str, str]) -> None:
    # Other settings make the helper leave; "require" starts no new one.
    subprocess.run(
        [GLIMMERS, "stats"],
        env={
            **env,
            "GLIMMERS_WARM": "require",
            "GLIMMERS_WARM_IDLE": "1",
            "GLIMMERS_LOG_LEVEL": "ERROR",
        },
        capture_output=True,
    )


def web_timings(runs: int) -> tuple[float, float]:
    """p50 server time of the timeline's first page and of a capture POST."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    client.force_login(
        get_user_model().objects.get(username="bench"),
        backend="django.contrib.auth.backends.ModelBackend",
    )
    client.get("/timeline/")  # warm caches, as a running server would be
    timeline = []
    for _ in range(runs):
        began = time.perf_counter()
        response = client.get("/timeline/")
        timeline.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200
    capture = []
    for number in range(runs):
        began = time.perf_counter()
        response = client.post(
            "/", {"text": f"bench capture {number}", "senses": ["sight"], "kind": "moment"}
        )
        capture.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 302, response.status_code
    return statistics.median(timeline), statistics.median(capture)


def jrnl_binary() -> str | None:
    binary = JRNL_VENV / "bin" / "jrnl"
    if binary.exists():
        return str(binary)
    try:
        subprocess.run(
            [sys.executable, "-m", "venv", str(JRNL_VENV)], check=True, capture_output=True
        )
        subprocess.run(
            [str(JRNL_VENV / "bin" / "pip"), "install", "-q", f"jrnl=={JRNL_VERSION}"],
            check=True,
            capture_output=True,
        )
    except subprocess.CalledProcessError:
        print("(jrnl could not be installed; its column stays empty)")
        return None
    return str(binary)


def jrnl_env(folder: Path, rows: list[tuple[datetime, str, list[str]]]) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    journal = folder / "journal.txt"
    with journal.open("w") as out:
        for moment, text, senses in rows:
            tags = " ".join(f"@{sense}" for sense in senses)
            out.write(f"[{moment:%Y-%m-%d %H:%M}] {text} {tags}\n\n")
    config = folder / "config" / "jrnl"
    config.mkdir(parents=True)
    (config / "jrnl.yaml").write_text(
        "colors: {body: none, date: none, tags: none, title: none}\ndefault_hour: 9\n"
        "default_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\nindent_character: '|'\n"
        f"journals:\n  default: {{journal: {journal}}}\nlinewrap: 79\ntagsymbols: '#@'\n"
        f"template: false\ntimeformat: '%Y-%m-%d %H:%M'\nversion: v{JRNL_VERSION}\n"
    )
    return {**os.environ, "XDG_CONFIG_HOME": str(folder / "config")}


def measure(
    size: int, runs: int, jrnl: str | None, database_url: str | None
) -> dict[str, tuple[float, float | None]]:
    folder = Path(tempfile.mkdtemp(prefix=f"glimmers-bench-{size}-"))
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "GLIMMERS_USER", "PYTHONDONTWRITEBYTECODE")
    }
    env.update(GLIMMERS_HOME=str(folder / "home"), DJANGO_SETTINGS_MODULE="glimmers.settings")
    if database_url:
        env["DATABASE_URL"] = database_url
    rows = entries(size)
    fill_glimmers(env, rows)
    jenv = jrnl_env(folder / "jrnl", rows) if jrnl else None
    word = "kettle"
    export_file = folder / "export.json"
    operations: list[tuple[str, list[str], list[str] | None]] = [
        ("add", ["add", "sun on the wall", "-s", "sight"], ["sun on the wall @sight"]),
        ("list -n 10", ["list", "-n", "10"], ["-n", "10"]),
        (
            "list --sense hearing -n 10",
            ["list", "--sense", "hearing", "-n", "10"],
            ["-n", "10", "@hearing"],
        ),
        (
            "list one month (date range)",
            ["list", "--since", "2020-03-01", "--until", "2020-03-31", "-n", "1000"],
            ["-from", "2020-03-01", "-to", "2020-03-31"],
        ),
        (f"search {word} -n 10", ["search", word, "-n", "10"], ["-contains", word, "-n", "10"]),
        ("stats", ["stats"], None),
        (
            "export --format json",
            ["export", "--format", "json", "-o", str(export_file)],
            ["--format", "json", "--file", str(folder / "jrnl.json")],
        ),
    ]
    cold_env = {**env, "GLIMMERS_WARM": "off"}
    warm_env = {**env, "GLIMMERS_WARM": "require"}
    start_warm_helper(env)
    figures: dict[str, tuple[float, float | None, float | None]] = {}
    for label, ours, theirs in operations:
        count = 3 if "export" in label else runs
        cold = median_ms([GLIMMERS, *ours], cold_env, count)
        warm = median_ms([GLIMMERS, *ours], warm_env, count)
        # jrnl re-reads its whole journal on every run: minutes at 100k, so one bounded try.
        jrnl_runs, jrnl_limit = (1, 60.0) if size >= 50_000 else (count, None)
        other = (
            median_ms([jrnl, *theirs], jenv, jrnl_runs, jrnl_limit)
            if jrnl and jenv and theirs
            else None
        )
        figures[label] = (cold, warm, other)
    stop_warm_helper(env)
    timeline, capture = web_timings(max(runs * 4, 20))
    figures["web: timeline first page (server)"] = (timeline, None, None)
    figures["web: capture POST (server)"] = (capture, None, None)
    shutil.rmtree(folder, ignore_errors=True)
    return figures


def fresh_postgres_database(admin_url: str) -> str:
    import psycopg

    name = f"glimmers_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    return admin_url.rsplit("/", 1)[0] + "/" + name


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=7, help="runs per CLI figure (median)")
    parser.add_argument("--no-jrnl", action="store_true")
    parser.add_argument("--raw", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    jrnl = None if args.no_jrnl else jrnl_binary()
    admin_url = os.environ.get("DATABASE_URL")
    results = {}
    for size in sizes:
        # Each size runs in its own process: Django is set up once per process.
        if len(sizes) > 1:
            env = {**os.environ}
            output = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "bench.run",
                    "--sizes",
                    str(size),
                    "--runs",
                    str(args.runs),
                    *(["--no-jrnl"] if jrnl is None else []),
                    "--raw",
                ],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            if output.returncode != 0:
                raise SystemExit(output.stderr)
            raw = json.loads(output.stdout.strip().splitlines()[-1])
            results[size] = {label: tuple(values) for label, values in raw.items()}
        else:
            url = fresh_postgres_database(admin_url) if admin_url else None
            results[size] = measure(size, args.runs, jrnl, url)
    if "--raw" in sys.argv:
        print(json.dumps(results[sizes[0]]))
        return
    print_table(results, "PostgreSQL" if admin_url else "SQLite")


def print_table(
    results: dict[int, dict[str, tuple[float, float | None, float | None]]], database: str
) -> None:
    sizes = sorted(results)
    labels = list(results[sizes[0]])

    def cell(value: float | None) -> str:
        if value is None:
            return "–"
        return "> 60000" if value == float("inf") else f"{value:.0f}"

    print(f"\nGlimmers on {database}, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print("CLI: whole process, median ms; cold = GLIMMERS_WARM=off, warm = through the helper.")
    print("Web: server time per request, median ms.\n")
    head = ["operation"]
    for size in sizes:
        head += [f"cold {size:,}", f"warm {size:,}", f"jrnl {size:,}"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for label in labels:
        row = [label]
        for size in sizes:
            row += [cell(value) for value in results[size][label]]
        print("| " + " | ".join(row) + " |")
    if len(sizes) > 1:
        first, last = sizes[0], sizes[-1]
        print(f"\ngrowth from {first:,} to {last:,} (cold, warm):")
        for label in labels:
            ratios = [
                f"×{results[last][label][i] / results[first][label][i]:.2f}"  # type: ignore[operator]
                for i in (0, 1)
                if results[first][label][i] is not None
            ]
            print(f"  {label}: {', '.join(ratios)}")


if __name__ == "__main__":
    if "--raw" in sys.argv:
        sys.argv.remove("--raw")
        sys.argv.append("--raw")
    main()
