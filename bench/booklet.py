"""Benchmark the printable booklet on a ten-year diary of 100k glimmers.

    .venv/bin/python -m bench.booklet                      # 100k glimmers on SQLite
    .venv/bin/python -m bench.booklet --size 10000         # a quick look
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres .venv/bin/python -m bench.booklet

It times, in-process (the service the web view and the CLI call): a month's booklet, a year's
booklet with and without photos (one glimmer in twenty of that year carries a phone-sized
photo), and the bookmarks; the web download of a month through the real middleware; and the
whole `glimmers booklet` process for a month. It also counts the queries a month needs (the
same at any diary size; tests/booklet checks that). Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import subprocess
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

from bench.run import GLIMMERS, entries, fill_glimmers, fresh_postgres_database

MONTH = (date(2020, 3, 1), date(2020, 3, 31))
YEAR = (date(2020, 1, 1), date(2020, 12, 31))
PHOTO_EVERY = 20


def timed(work, runs: int) -> tuple[float, float, object]:
    """Median wall and CPU milliseconds of `runs` calls (CPU: every thread of this process,
    which a busy shared machine inflates less than wall time), and the last result."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        result = work()
        walls.append((time.perf_counter() - began) * 1000)
        cpus.append((time.process_time() - began_cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus), result


def add_photos(owner, media: Path) -> int:
    """Give one glimmer in twenty of the bench year a 2560×1920 photo, as phones send them."""
    from django.db import connection
    from PIL import Image

    from glimmers.booklet.services import day_range
    from glimmers.diary.models import Glimmer, Photo

    picture = Image.new("RGB", (2560, 1920))
    pixels = picture.load()
    for x in range(0, 2560, 4):  # a gradient, so the JPEG holds real detail
        for y in range(0, 1920, 4):
            pixels[x, y] = (x % 256, y % 256, (x + y) % 256)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=85)
    start, end = day_range(*YEAR)
    chosen = Glimmer.objects.filter(owner=owner, noticed_at__gte=start, noticed_at__lt=end)
    photos = []
    for number, glimmer_id in enumerate(chosen.order_by("noticed_at").values_list("id", flat=True)):
        if number % PHOTO_EVERY:
            continue
        photo_id = uuid.uuid4()
        name = f"photos/{owner.id}/{photo_id}.jpg"
        (media / name).parent.mkdir(parents=True, exist_ok=True)
        (media / name).write_bytes(buffer.getvalue())
        photos.append(
            Photo(id=photo_id, glimmer_id=glimmer_id, image=name, width=2560, height=1920)
        )
    Photo.objects.bulk_create(photos)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return len(photos)


def month_queries(owner) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from glimmers.booklet.services import BookletOptions, booklet_content

    with CaptureQueriesContext(connection) as captured:
        booklet_content(owner, BookletOptions(*MONTH))
    return len(captured)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="glimmers-bench-booklet-"))
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "GLIMMERS_USER", "PYTHONDONTWRITEBYTECODE")
    }
    env.update(
        GLIMMERS_HOME=str(folder / "home"),
        DJANGO_SETTINGS_MODULE="glimmers.settings",
        GLIMMERS_WARM="off",
    )
    admin_url = os.environ.get("DATABASE_URL")
    if admin_url:
        env["DATABASE_URL"] = fresh_postgres_database(admin_url)
    fill_glimmers(env, entries(args.size))

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.utils import timezone

    from glimmers.booklet.services import BookletOptions, make_booklet, make_bookmarks

    owner = get_user_model().objects.get(username="bench")
    timezone.activate("UTC")
    photo_count = add_photos(owner, Path(settings.MEDIA_ROOT))
    rows: list[tuple[str, float, float | None, str]] = []

    def booklet(label: str, period: tuple[date, date], photos: bool, runs: int) -> None:
        options = BookletOptions(*period, photos=photos)
        ms, cpu, printed = timed(lambda: make_booklet(owner, options), runs)
        note = f"{printed.glimmers:,} glimmers, {printed.pages:,} pages, "
        note += f"{len(printed.pdf) / 1e6:.1f} MB"
        rows.append((label, ms, cpu, note))

    booklet("month booklet (March 2020)", MONTH, True, args.runs)
    booklet("year booklet, no photos (2020)", YEAR, False, max(1, args.runs // 2))
    booklet(f"year booklet with {photo_count} photos (2020)", YEAR, True, max(1, args.runs // 2))
    ms, cpu, printed = timed(lambda: make_bookmarks(owner), args.runs)
    rows.append(("bookmarks (gentle default)", ms, cpu, f"{printed.pages} page"))

    client = Client(HTTP_HOST="localhost")
    client.force_login(owner, backend="django.contrib.auth.backends.ModelBackend")
    query = {"make": "1", "period": "dates", "since": "2020-03-01", "until": "2020-03-31"}
    query.update(photos="on", paper="a4")
    ms, cpu, response = timed(lambda: client.get("/print/", query), args.runs)
    assert response.status_code == 200, response.status_code
    rows.append(("web: month booklet download (server)", ms, cpu, f"{len(response.content):,} B"))

    target = folder / "month.pdf"
    command = [GLIMMERS, "booklet", "--since", "2020-03-01", "--until", "2020-03-31"]
    ms, _cpu, _result = timed(
        lambda: subprocess.run(
            [*command, "-o", str(target)], env=env, check=True, capture_output=True
        ),
        args.runs,
    )
    rows.append(("CLI: glimmers booklet, a month (whole process, cold)", ms, None, ""))

    queries = month_queries(owner)
    database = "PostgreSQL" if admin_url else "SQLite"
    print(f"\nBooklet on {database}, {args.size:,} glimmers over ten years, {os.cpu_count()} cores")
    print("Median ms, wall and CPU (all threads of the process; a child process is not")
    print("counted); the service is what the web view and the CLI both call.\n")
    print("| operation | wall ms | CPU ms | what came out |")
    print("|---|---|---|---|")
    for label, wall, cpu, note in rows:
        print(f"| {label} | {wall:.0f} | {'–' if cpu is None else f'{cpu:.0f}'} | {note} |")
    print(f"\nqueries to read a month's booklet at {args.size:,} glimmers: {queries}")
    shutil.rmtree(folder, ignore_errors=True)
    if admin_url:  # leave the shared server as it was
        import psycopg
        from django.db import connections

        connections.close_all()
        name = env["DATABASE_URL"].rsplit("/", 1)[1]
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
