"""Shared by the browser tests: Debian's Chromium (never a downloaded build), a phone-sized
viewport, a small photo, and where screenshots go."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from django.db import connections
from PIL import Image

CHROMIUM = Path("/usr/bin/chromium")
# GLIMMERS_UPDATE_SCREENS=1 refreshes the README's screenshots; otherwise they go to a
# temporary folder, so running the tests leaves the work tree as it was.
DOCS_SCREENS = Path(__file__).resolve().parents[2] / "docs" / "screens"
PHONE = {"width": 390, "height": 844}
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture
def browser(live_server, monkeypatch):
    if not CHROMIUM.exists():
        if os.environ.get("GLIMMERS_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium is not installed at /usr/bin/chromium")
        pytest.skip("Chromium is not installed at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; the ORM calls
    # the test makes between browser steps are still plain synchronous ones.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()
        # ORM calls made while Playwright's event loop runs get their own connection (Django
        # keys connections by context); close it, or PostgreSQL keeps the test database busy.
        connections.close_all()


@pytest.fixture
def photo_file(tmp_path):
    image = Image.new("RGB", (64, 48), (240, 190, 90))
    for x in range(20, 44):
        for y in range(14, 34):
            image.putpixel((x, y), (60, 120, 100))
    path = tmp_path / "window-light.jpg"
    out = io.BytesIO()
    image.save(out, format="JPEG")
    path.write_bytes(out.getvalue())
    return path


@pytest.fixture
def screens(tmp_path) -> Path:
    """docs/screens with GLIMMERS_UPDATE_SCREENS=1, else a throw-away folder."""
    folder = DOCS_SCREENS if os.environ.get("GLIMMERS_UPDATE_SCREENS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
