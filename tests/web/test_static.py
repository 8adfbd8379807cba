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
