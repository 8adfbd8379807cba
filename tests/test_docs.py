"""Docs that cannot drift: the CLI reference and the settings list are checked against code."""

import re
from pathlib import Path

from glimmers.cli.reference import render

ROOT = Path(__file__).resolve().parent.parent


def test_cli_reference_is_current():
    committed = (ROOT / "docs" / "cli.md").read_text()
    assert committed == render(), "run: python -m glimmers.cli.reference > docs/cli.md"


def test_settings_list_names_every_variable():
    # Every module, so a variable read anywhere is listed the day it is read.
    sources = sorted((ROOT / "src" / "glimmers").rglob("*.py"))
    code = "\n".join(path.read_text() for path in sources)
    used = set(re.findall(r'"((?:GLIMMERS|DATABASE)_[A-Z_]+)"', code))
    documented = set(
        re.findall(r"^\| `([A-Z_]+)`", (ROOT / "docs" / "settings.md").read_text(), re.M)
    )
    assert used == documented
