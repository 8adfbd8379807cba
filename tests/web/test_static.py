"""Our own static files (htmx included) are served by the app itself, with no CDN."""

import pytest
from django.test import Client


@pytest.mark.parametrize(
    "path, kind",
    [
        ("/static/glimmers/app.css", "text/css"),
        ("/static/glimmers/app.js", "javascript"),
        ("/static/glimmers/htmx-2.0.11.min.js", "javascript"),
    ],
)
def test_static_files_are_served(owner, path, kind):
    response = Client().get(path)
    assert response.status_code == 200
    assert kind in response["Content-Type"]
    response.close()


def test_the_stylesheet_closes_every_block():
    """A block left open by a merge quietly swallows every rule after it (into @media print)."""
    from pathlib import Path

    css = (Path(__file__).resolve().parents[2] / "src/glimmers/static/glimmers/app.css").read_text()
    depth = 0
    for number, line in enumerate(css.splitlines(), start=1):
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"app.css:{number} closes a block that was never opened"
        if line.startswith("/*") and depth:
            raise AssertionError(f"app.css:{number} starts a section inside an open block")
    assert depth == 0
