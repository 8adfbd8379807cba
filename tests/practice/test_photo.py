"""A photo that glimmers: the photo is kept at once, then a few questions about it."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from glimmers.diary.models import Glimmer
from tests.web import entries

PHOTO = reverse("practice:photo")


def jpeg(taken: str | None = None, gps: bool = False) -> SimpleUploadedFile:
    image = Image.new("RGB", (40, 30), "orange")
    exif = Image.Exif()
    if taken:
        exif.get_ifd(0x8769)[0x9003] = taken  # DateTimeOriginal
    if gps:
        exif[0x8825] = {1: "N", 2: (50.0, 27.0, 0.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return SimpleUploadedFile("sea.jpg", out.getvalue(), content_type="image/jpeg")


def test_the_photo_is_kept_at_once_with_its_own_date(owner_client, owner):
    response = owner_client.post(PHOTO, {"photos": jpeg("2021:08:01 18:30:00", gps=True)})
    glimmer = Glimmer.objects.get()
    assert response["Location"] == reverse("practice:photo_reflect", args=[glimmer.id])
    assert glimmer.kind == "photo" and glimmer.photos.count() == 1
    assert glimmer.noticed_at.isoformat().startswith("2021-08-01T15:30")  # 18:30 in Kyiv
    photo = glimmer.photos.get()
    with photo.image.open("rb") as handle:
        assert not Image.open(handle).getexif()  # no place, no metadata at all
    html = owner_client.get(response["Location"]).content.decode()
    assert "The photo says it was taken on" in html and 'value="2021-08-01T18:30"' in html


def test_the_answers_change_the_glimmer(owner_client, owner):
    owner_client.post(PHOTO, {"photos": jpeg()})
    glimmer = Glimmer.objects.get()
    url = reverse("practice:photo_reflect", args=[glimmer.id])
    response = owner_client.post(
        url,
        {
            "noticed_at": "2020-06-01T10:00",
            "text": "Our first morning by the sea",
            "body": "my chest opens",
        },
    )
    assert response["Location"] == reverse("diary:detail", args=[glimmer.id])
    glimmer.refresh_from_db()
    assert glimmer.text == "Our first morning by the sea" and glimmer.body == "my chest opens"
    assert glimmer.noticed_at.isoformat().startswith("2020-06-01T07:00")
    assert glimmer.kind == "photo" and glimmer.photos.count() == 1


def test_no_photo_or_not_a_photo_is_one_sentence(owner_client):
    response = owner_client.post(PHOTO, {})
    assert response.status_code == 400 and "Choose a photo first." in response.content.decode()
    bad = SimpleUploadedFile("notes.jpg", b"not an image", content_type="image/jpeg")
    response = owner_client.post(PHOTO, {"photos": bad})
    assert response.status_code == 400
    assert not Glimmer.objects.exists()


def test_a_stranger_cannot_reflect_on_my_photo(stranger_client, owner):
    glimmer = entries.glimmer(owner, kind="photo")
    url = reverse("practice:photo_reflect", args=[glimmer.id])
    assert stranger_client.get(url).status_code == 404
    assert stranger_client.post(url, {"text": "mine now"}).status_code == 404


def test_sending_the_same_photo_form_twice_keeps_one_glimmer(owner_client):
    html = owner_client.get(PHOTO).content.decode()
    form_id = html.split('name="id" value="')[1].split('"')[0]
    first = owner_client.post(PHOTO, {"id": form_id, "photos": jpeg()})
    second = owner_client.post(PHOTO, {"id": form_id, "photos": jpeg()})
    assert first["Location"] == second["Location"]
    assert Glimmer.objects.count() == 1
