"""Benchmark the reading views at scale: one person with 100k glimmers over ten years among
199 others (1M glimmers in all), so one person's pages are shown not to slow with others' data.

    .venv/bin/python -m bench.reading                      # SQLite, 100k + 900k others
    .venv/bin/python -m bench.reading --others 0           # the person alone
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres .venv/bin/python -m bench.reading
    .venv/bin/python -m bench.reading --keep /tmp/reading  # fill once, reuse on later runs

Server time per request, in-process through the real middleware, templates and database:
p50 and p95 of many requests. Then `glimmers search` and `glimmers stats` as whole processes
(cold and through the warm helper). Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from bench.run import (
    GLIMMERS,
    SENSES,
    SPAN,
    START,
    WORDS,
    entries,
    fresh_postgres_database,
    median_ms,
    start_warm_helper,
    stop_warm_helper,
)

# Most glimmers are moments; a few of each other kind.
KINDS = ["moment"] * 12 + ["memory", "dark-time", "conversation", "photo"]


def label(owner: Any, glimmers: list[Any], rng: random.Random) -> None:
    """Tags on one glimmer in eight ("garden") or in thirteen ("home"), a person on one in
    eleven ("Oksana"), as a person who labels sometimes would have."""
    from glimmers.diary.models import Glimmer, Person, Tag

    garden = Tag.objects.create(owner=owner, name="garden")
    home = Tag.objects.create(owner=owner, name="home")
    oksana = Person.objects.create(owner=owner, name="Oksana")
    tags, people = Glimmer.tags.through, Glimmer.people.through
    tag_links, person_links = [], []
    for glimmer in glimmers:
        for tag, odds in ((garden, 8), (home, 13)):
            if rng.randrange(odds) == 0:
                tag_links.append(tags(glimmer_id=glimmer.id, tag_id=tag.id))
        if rng.randrange(11) == 0:
            person_links.append(people(glimmer_id=glimmer.id, person_id=oksana.id))
    tags.objects.bulk_create(tag_links, batch_size=5000)
    people.objects.bulk_create(person_links, batch_size=5000)


def fill(person_count: int, main_size: int, others_total: int) -> None:
    """The bench person first, then the others, each through bulk inserts + reindexing."""
    from django.contrib.auth import get_user_model

    from glimmers.accounts.services import create_user
    from glimmers.diary.models import Glimmer
    from glimmers.diary.services import rebuild_derived

    rng = random.Random(11)
    began = time.perf_counter()
    for number in range(person_count):
        name = "bench" if number == 0 else f"other{number}"
        if not get_user_model().objects.filter(username=name).exists():
            create_user(name, None, time_zone="Europe/Kyiv")
        owner = get_user_model().objects.get(username=name)
        if number == 0:
            rows = entries(main_size)
        else:
            size = others_total // max(person_count - 1, 1)
            rows = [
                (
                    START + SPAN * rng.random(),
                    " ".join(rng.choices(WORDS, k=rng.randint(3, 8))),
                    rng.sample(SENSES, rng.randint(0, 2)),
                )
                for _ in range(size)
            ]
        glimmers = [
            Glimmer(
                id=uuid.uuid4(),
                owner=owner,
                text=text,
                noticed_at=moment,
                senses=senses,
                kind=rng.choice(KINDS),
                intensity=rng.choice([None, None, None, 3, 4, 5]),
                created_at=moment,
                updated_at=moment,
            )
            for moment, text, senses in rows
        ]
        Glimmer.objects.bulk_create(glimmers, batch_size=5000)
        label(owner, glimmers, rng)
        rebuild_derived(owner)
        if number % 20 == 0:
            print(f"  filled {number + 1}/{person_count} people", file=sys.stderr)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"(filling took {time.perf_counter() - began:.0f} s)", file=sys.stderr)


def server_times(runs: int) -> list[tuple[str, float, float, int]]:
    """(page, p50 ms, p95 ms, queries) for each reading page, for the bench person."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    client.force_login(
        get_user_model().objects.get(username="bench"),
        backend="django.contrib.auth.backends.ModelBackend",
    )
    pages = [
        ("timeline, first page", "/timeline/"),
        ("search: a common word (kettle)", "/search/?q=kettle"),
        ("search: two words (warm bread)", "/search/?q=warm+bread"),
        ("search: as-you-type partial", "/search/?q=river+tea"),
        ("search: a prefix + a sense (sno, sight)", "/search/?q=sno&sense=sight"),
        ("search: a word in one month", "/search/?q=kettle&since=2020-03-01&until=2020-03-31"),
        ("search: a word + a kind (memory)", "/search/?q=kettle&kind=memory"),
        ("search: a word + a tag (garden)", "/search/?q=bread&tag=garden"),
        ("search: a word + a person (Oksana)", "/search/?q=tea&person=oksana"),
        ("search: a word from one date on", "/search/?q=bread&since=2019-06-01&sense=touch"),
        ("insights page", "/insights/"),
        ("on this day", "/insights/on-this-day/"),
        ("glimmer jar", "/insights/jar/"),
        ("a week to look back on", "/insights/week/?of=2020-06-10"),
    ]
    figures = []
    for label, url in pages:
        headers = {"HX-Request": "true", "HX-Target": "results"} if "partial" in label else {}
        client.get(url, headers=headers)  # warm caches, as a running server would be
        times = []
        for _ in range(runs):
            began = time.perf_counter()
            response = client.get(url, headers=headers)
            times.append((time.perf_counter() - began) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(url, headers=headers)
        times.sort()
        figures.append(
            (label, statistics.median(times), times[int(len(times) * 0.95) - 1], len(queries))
        )
    # Capturing: the tallies and the search index are written in the same transaction.
    times = []
    for number in range(runs):
        began = time.perf_counter()
        response = client.post(
            "/", {"text": f"bench capture {number}", "senses": ["sight"], "kind": "moment"}
        )
        times.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 302, response.status_code
    times.sort()
    figures.append(("capture POST", statistics.median(times), times[int(len(times) * 0.95) - 1], 0))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=100_000, help="the bench person's glimmers")
    parser.add_argument("--others", type=int, default=900_000, help="everyone else's, in all")
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="keep the filled diary in DIR (and, on PostgreSQL, its database) to reuse next time",
    )
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="glimmers-bench-reading-"))
    folder.mkdir(parents=True, exist_ok=True)
    admin_url = os.environ.get("DATABASE_URL")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "GLIMMERS_USER", "PYTHONDONTWRITEBYTECODE")
    }
    env.update(GLIMMERS_HOME=str(folder / "home"), DJANGO_SETTINGS_MODULE="glimmers.settings")
    kept = folder / "database-url"
    if admin_url and args.keep and kept.exists():
        env["DATABASE_URL"] = kept.read_text().strip()
    elif admin_url:
        env["DATABASE_URL"] = fresh_postgres_database(admin_url)
        if args.keep:
            kept.write_text(env["DATABASE_URL"])
    os.environ.update(env)
    subprocess.run([GLIMMERS, "user", "list"], env=env, capture_output=True, check=True)
    import django

    django.setup()
    people = args.people if args.others else 1
    if not (folder / "filled").exists():
        fill(people, args.size, args.others)
        if args.keep:
            (folder / "filled").write_text(f"{people} {args.size} {args.others}\n")
    pages = server_times(args.runs)

    cold_env = {**env, "GLIMMERS_WARM": "off", "GLIMMERS_USER": "bench"}
    warm_env = {**env, "GLIMMERS_WARM": "require", "GLIMMERS_USER": "bench"}
    start_warm_helper({**env, "GLIMMERS_USER": "bench"})
    commands = [
        ("glimmers search kettle -n 10", ["search", "kettle", "-n", "10"]),
        ("glimmers search 'warm bread' -n 10", ["search", "warm bread", "-n", "10"]),
        ("glimmers stats", ["stats"]),
        ("glimmers stats --json", ["stats", "--json"]),
    ]
    cli = [
        (
            label,
            median_ms([GLIMMERS, *command], cold_env, 5),
            median_ms([GLIMMERS, *command], warm_env, 9),
        )
        for label, command in commands
    ]
    stop_warm_helper({**env, "GLIMMERS_USER": "bench"})

    from django.db import connection

    total = args.size + (args.others if people > 1 else 0)
    print(
        f"\nGlimmers on {connection.vendor}: one person with {args.size:,} glimmers, "
        f"{people} people, {total:,} glimmers in all; {os.cpu_count()} cores\n"
    )
    print("| page (server time) | p50 ms | p95 ms | queries |")
    print("|---|---|---|---|")
    for label, p50, p95, queries in pages:
        print(f"| {label} | {p50:.1f} | {p95:.1f} | {queries} |")
    print("\n| command (whole process) | cold ms | warm ms |")
    print("|---|---|---|")
    for label, cold, warm in cli:
        print(f"| {label} | {cold:.0f} | {warm:.0f} |")
    if args.keep:
        return
    if admin_url:
        connection.close()
        import psycopg

        name = env["DATABASE_URL"].rsplit("/", 1)[1]
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
