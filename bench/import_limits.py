"""What hostile files cost: a zip bomb, a 50 MB entry (JSON and jrnl text), a 50 MB jrnl
journal of ordinary entries, and 7000×7000 pictures (PNG and JPEG), each through the real
`glimmers import` (or the photo check a capture runs) in a fresh process of its own.

    .venv/bin/python -m bench.import_limits

For each: wall time, the process's peak memory (ru_maxrss of the child; the Python
interpreter and Django alone take ~50 MB) and the first line it printed. Printed, never
asserted; the goals (issue 10): refused in under a second with under 200 MB; a 7000×7000
photo under 150 MB.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from PIL import Image

GLIMMERS = str(Path(sys.executable).with_name("glimmers"))
MB = 1024 * 1024


def _zip_bomb(path: str) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        out.writestr("Journal.json", '{"metadata": {}, "entries": []}')
        with out.open("photos/bomb.jpeg", "w", force_zip64=True) as member:
            block = bytes(MB)
            for _ in range(1300):  # 1.3 GB of zeros, about 1.3 MB packed
                member.write(block)


def _long_json(path: str) -> None:
    entry = {"text": "x" * (50 * MB), "noticed_at": "2024-01-01T10:00:00Z"}
    Path(path).write_text(json.dumps({"format": "glimmers", "version": 1, "glimmers": [entry]}))


def _long_jrnl(path: str) -> None:
    with Path(path).open("w") as out:
        out.write("[2024-01-01 10:00] A long one\n")
        for _ in range(50):
            out.write("word " * (MB // 5) + "\n")
        out.write("[2024-01-02 10:00] A short one after it\n")


def _big_journal(path: str) -> None:
    with Path(path).open("w") as out:
        n = 0
        while out.tell() < JOURNAL_MB * MB:
            n += 1
            day = f"{2000 + n % 25}-{1 + n % 12:02d}-{1 + n % 28:02d}"
            out.write(f"[{day} {n % 24:02d}:{n % 60:02d}] Entry {n}: light on the water @walk\n")
            out.write("A second line of it, a few words long.\n\n")


def _picture(path: Path, fmt: str) -> None:
    Image.new("RGB", (7000, 7000), (200, 120, 60)).save(path, fmt)


# A legitimate large journal: about 10,700 entries a MB.
JOURNAL_MB = int(os.environ.get("BENCH_JOURNAL_MB", "10"))

CASES = {
    "bomb.zip": _zip_bomb,
    "long.json": _long_json,
    "long.txt": _long_jrnl,
    "big.png": lambda path: _picture(Path(path), "PNG"),
    "big.jpg": lambda path: _picture(Path(path), "JPEG"),
    "journal.txt": _big_journal,
}

PHOTO_CHECK = """
import os, sys, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glimmers.settings")
django.setup()
from glimmers.lib.photos import PhotoError, prepare_upload
try:
    with open(sys.argv[1], "rb") as source:
        photo = prepare_upload(source)
    print(f"kept as {photo.width}x{photo.height}, {len(photo.data) // 1024} KB")
except PhotoError as error:
    print(error)
"""


def _measure(command: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall time, this one child's peak memory (from wait4), and its first line."""
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as output:
        child = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=env)
        _pid, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        took = time.perf_counter() - start
        output.seek(0)
        said = output.read().strip().splitlines()
    first = said[0][:110] if said else f"exit {child.returncode}"
    return took, usage.ru_maxrss / 1024, first


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="glimmers-limits-"))
    env = {**os.environ, "GLIMMERS_HOME": str(work / "home"), "GLIMMERS_WARM": "off"}
    env.pop("DATABASE_URL", None)
    subprocess.run(
        [GLIMMERS, "user", "create", "bench", "--password-stdin"],
        input="a long enough password\n",
        text=True,
        env=env,
        check=True,
        capture_output=True,
    )
    env["GLIMMERS_USER"] = "bench"
    baseline = [sys.executable, "-c", "import django"]
    cases: list[tuple[str, str | None, str | list[str] | None]] = [
        ("python -c 'import django' (baseline)", None, baseline),
        ("zip bomb, 1.3 GB unpacked", "bomb.zip", None),
        ("one 50 MB entry, our JSON", "long.json", None),
        ("one 50 MB entry, jrnl text", "long.txt", None),
        ("PNG 7000×7000", "big.png", "photo"),
        ("JPEG 7000×7000", "big.jpg", "photo"),
        (f"jrnl journal of {JOURNAL_MB} MB, small entries", "journal.txt", None),
    ]
    print(f"{'case':40} {'file':>9} {'time':>7} {'peak RSS':>9}  said")
    for label, name, how in cases:
        if name is None:
            assert isinstance(how, list)
            command = how
            size = ""
        else:
            path = work / name
            # Made in a process of its own: a child inherits its parent's peak memory.
            maker = f"from bench.import_limits import CASES; CASES[{name!r}]({str(path)!r})"
            subprocess.run([sys.executable, "-c", maker], check=True)
            size = f"{path.stat().st_size / MB:.1f} MB"
            if how == "photo":
                command = [sys.executable, "-c", PHOTO_CHECK, str(path)]
            else:
                command = [GLIMMERS, "import", str(path)]
        took, peak, said = _measure(command, env)
        print(f"{label:40} {size:>9} {took:6.2f}s {peak:7.0f} MB  {said}")


if __name__ == "__main__":
    main()
