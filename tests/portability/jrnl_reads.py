"""jrnl 4 itself (a test dependency) reading a journal file, as its own `--format json`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

JRNL = Path(sys.executable).with_name("jrnl")


def jrnl_reads(journal: Path, home: Path, *, timeformat: str = "%Y-%m-%d %I:%M:%S %p") -> Any:
    """What jrnl finds in `journal`: {"tags": …, "entries": [{"title", "body", "date",
    "time", "tags", "starred"}, …]}, oldest first."""
    if not JRNL.exists() and shutil.which("jrnl") is None:
        raise RuntimeError("jrnl is a test dependency; install the project with [dev]")
    home.mkdir(parents=True, exist_ok=True)
    config = home / "jrnl.yaml"
    config.write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
        "indent_character: '|'\nlinewrap: 79\ntagsymbols: '@'\ntemplate: false\n"
        f"timeformat: '{timeformat}'\nversion: v4.6\n"
        f"journals:\n  default:\n    journal: {journal}\n"
    )
    result = subprocess.run(
        [str(JRNL if JRNL.exists() else "jrnl"), "--config-file", str(config), "--format", "json"],
        capture_output=True,
        text=True,
        env={**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home), "NO_COLOR": "1"},
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)
