"""Each person's photos have a room (GLIMMERS_PHOTO_QUOTA_MB): a photo that would go past it
is refused with one sentence — HTTP 413 on the capture page and in the API, named in an
import report — words are never refused, and the settings page shows the room taken."""

import base64
import io
import json
import uuid

import pytest
from django.urls import reverse
from PIL import Image

from glimmers.accounts.tokens import create_token
from glimmers.diary.models import Glimmer, Photo, photo_room
from glimmers.diary.services import EntryInput, add_glimmer
from glimmers.portability.imports import import_file
from tests.api.conftest import ApiClient
from tests.web import images

MB = 1024 * 1024


@pytest.fixture
def nearly_full(owner, settings):
    settings.PHOTO_QUOTA_BYTES = 1 * MB
    glimmer = add_glimmer(owner, EntryInput(text="an old photo"))
    Photo.objects.create(glimmer=glimmer, width=1, height=1, size=MB - 100, image="photos/x.jpg")
    return owner


def test_the_capture_page_refuses_the_photo_and_keeps_the_words(owner_client, nearly_full):
    response = owner_client.post(
        "/",
        {
            "text": "first snow",
            "kind": "moment",
            "id": str(uuid.uuid4()),
            "photos": [images.jpeg()],
        },
    )
    assert response.status_code == 413
    page = response.content.decode()
    assert "Your photos have filled the room this diary gives them (1 MB)" in page
    assert "first snow" in page
    assert not Glimmer.objects.filter(text="first snow").exists()
    # Without the photo, the words are saved.
    saved = owner_client.post(
        "/", {"text": "first snow", "kind": "moment", "id": str(uuid.uuid4())}
    )
    assert saved.status_code == 302 and Glimmer.objects.filter(text="first snow").exists()


def _jpeg_b64():
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(out, "JPEG")
    return base64.b64encode(out.getvalue()).decode()


def test_the_api_answers_413_with_one_sentence(nearly_full):
    owner_api = ApiClient(create_token(nearly_full, "phone")[1])
    response = owner_api.post("glimmers", {"text": "first snow", "photos": [{"data": _jpeg_b64()}]})
    assert response.status_code == 413
    body = response.json()
    assert body["field"] == "photos" and "filled the room" in body["error"]


def test_an_import_names_each_photo_it_had_no_room_for(nearly_full, tmp_path):
    document = {
        "format": "glimmers",
        "version": 1,
        "glimmers": [
            {
                "text": "with a picture",
                "noticed_at": "2024-01-01T10:00:00Z",
                "photos": [{"data": _jpeg_b64()}],
            }
        ],
    }
    path = tmp_path / "e.json"
    path.write_text(json.dumps(document))
    report = import_file(nearly_full, path)
    assert Glimmer.objects.filter(text="with a picture").exists()
    assert report.skipped[0].sentence.startswith("Glimmer 1, photo 1: Your photos have filled")


def test_settings_show_the_room_taken(owner_client, nearly_full):
    page = owner_client.get(reverse("accounts:settings")).content.decode()
    assert "Your photos take 1023.9\xa0KB of the 1.0\xa0MB this diary gives them." in page


def test_photo_sizes_add_up_as_photos_are_saved(owner, settings):
    settings.PHOTO_QUOTA_BYTES = 0  # no limit
    from glimmers.lib.photos import prepare_upload

    prepared = prepare_upload(images.jpeg())
    add_glimmer(owner, EntryInput(text="one", photos=[prepared]))
    assert photo_room(owner) == (len(prepared.data), 0)
