"""Photo URLs: the file for its owner, nothing for anyone else."""

from __future__ import annotations

import pytest
from django.urls import reverse

from glimmers.diary import services
from tests.web import entries, images


@pytest.fixture
def photo(owner):
    glimmer = entries.glimmer(owner)
    services.save_photos(glimmer, [images.prepared()])
    return glimmer.photos.get()


def photo_url(photo):
    return reverse("diary:photo", args=[photo.id])


def test_owner_gets_the_jpeg_privately(owner_client, photo):
    response = owner_client.get(photo_url(photo))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"].startswith("private")
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xff\xd8")
    with photo.image.open("rb") as handle:
        assert body == handle.read()


def test_photo_of_a_trashed_glimmer_still_shows_to_its_owner(owner_client, photo):
    services.move_to_trash(photo.glimmer)
    response = owner_client.get(photo_url(photo))
    assert response.status_code == 200
    response.close()


def test_stranger_gets_404(stranger_client, photo):
    assert stranger_client.get(photo_url(photo)).status_code == 404


def test_anonymous_gets_no_file(client, photo):
    response = client.get(photo_url(photo))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert not getattr(response, "streaming", False)


def test_unknown_photo_is_404(owner_client):
    assert owner_client.get("/photos/00000000-0000-0000-0000-000000000000").status_code == 404


def test_only_get(owner_client, photo):
    assert owner_client.post(photo_url(photo)).status_code == 405
