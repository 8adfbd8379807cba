"""The house points one way: an app imports only the floors below it, and no two apps import
each other. Read from the source itself, so a new import upward fails here the day it is made.

    lib  ←  diary  ←  practice, questions, conversations, insights
         ←  accounts, portability, api, booklet  ←  cli

The project's own shell (settings, urls, wsgi) ties the apps together and may import any."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import glimmers

PACKAGE = Path(glimmers.__file__).parent
FLOORS = {
    "lib": 0,
    "diary": 1,
    "practice": 2,
    "questions": 2,
    "conversations": 2,
    "insights": 2,
    "accounts": 3,
    "portability": 3,
    "api": 3,
    "booklet": 3,
    "cli": 4,
}
SHELL = {"settings", "urls", "wsgi", "__main__", "__init__"}


def floor(name: str) -> int:
    """An app's floor; the shell counts as the top one (the CLI may start the WSGI app)."""
    return FLOORS.get(name, max(FLOORS.values()))


def imports() -> dict[tuple[str, str], set[str]]:
    """(importing app, imported app) → the modules where that happens."""
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if "migrations" in relative.parts:
            continue
        app = relative.parts[0].removesuffix(".py")
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                parts = name.split(".")
                if parts[0] == "glimmers" and len(parts) > 1 and parts[1] != app:
                    found[(app, parts[1])].add(str(relative))
    return found


def test_every_app_has_a_floor():
    apps = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").exists()}
    assert apps - {"locale", "static", "templates"} == set(FLOORS)


def test_no_app_imports_a_floor_above_it():
    upward = {
        (app, target): sorted(where)
        for (app, target), where in imports().items()
        if app not in SHELL and floor(target) > floor(app)
    }
    assert upward == {}


def test_no_two_apps_import_each_other():
    pairs = set(imports())
    mutual = sorted((a, b) for a, b in pairs if (b, a) in pairs and a < b and a not in SHELL)
    assert mutual == []


def test_the_diary_stands_alone():
    """The ground floor knows only `lib` (what builds on it joins in through registries)."""
    above = {target for (app, target) in imports() if app == "diary"}
    assert above <= {"lib"}


def test_lib_knows_no_app():
    assert {target for (app, target) in imports() if app == "lib"} == set()
