"""The installable app's parts: manifest, icons, service worker, and a logout that forgets."""

import json

from PIL import Image

from glimmers.settings import PACKAGE_DIR

STATIC = PACKAGE_DIR / "static" / "glimmers"


def test_manifest_names_icons_that_exist():
    manifest = json.loads((STATIC / "manifest.webmanifest").read_text())
    assert manifest["start_url"] == manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    sizes = set()
    for icon in manifest["icons"]:
        path = STATIC / icon["src"].removeprefix("/static/glimmers/")
        assert path.exists(), icon["src"]
        if icon["type"] == "image/png":
            with Image.open(path) as image:
                assert f"{image.width}x{image.height}" == icon["sizes"]
                sizes.add(image.width)
    assert {192, 512} <= sizes


def test_service_worker_is_served_from_the_root(client, owner):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert b"glimmers-shell" in response.content


def test_pages_link_the_manifest_and_the_queue_status(owner_client):
    page = owner_client.get("/").content.decode()
    assert 'rel="manifest"' in page
    assert 'id="queue-status"' in page
    assert "data-signed-in" in page
    assert "offline.js" in page


def test_logging_out_asks_the_browser_to_forget_stored_data(owner_client):
    response = owner_client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"storage"'
