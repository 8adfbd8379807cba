"""Pictures made on the spot with Pillow, for upload tests."""

from __future__ import annotations

import io

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from glimmers.lib.photos import prepare_photo

ORIENTATION = 0x0112
GPS_IFD = 0x8825


def jpeg(width=40, height=20, *, orientation=None, gps=False, name="photo.jpg"):
    """A small JPEG, optionally carrying an EXIF orientation and a GPS position."""
    image = Image.new("RGB", (width, height), (200, 160, 90))
    exif = Image.Exif()
    if orientation:
        exif[ORIENTATION] = orientation
    if gps:
        exif[GPS_IFD] = {1: "N", 2: (50.0, 27.0, 0.0), 3: "E", 4: (30.0, 31.0, 0.0)}
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes())
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def png_bomb():
    """A PNG of a few KB that declares 20000×20000 pixels."""
    out = io.BytesIO()
    Image.new("1", (20000, 20000)).save(out, format="PNG")
    return SimpleUploadedFile("bomb.png", out.getvalue(), content_type="image/png")


def not_an_image():
    return SimpleUploadedFile(
        "notes.jpg", b"just some words, not pixels", content_type="image/jpeg"
    )


def big_file(size):
    return SimpleUploadedFile("huge.jpg", b"\xff" * size, content_type="image/jpeg")


def prepared():
    """A photo ready for services.save_photos, made the way the web form makes it."""
    return prepare_photo(
        jpeg(),
        max_bytes=settings.PHOTO_MAX_BYTES,
        max_pixels=settings.PHOTO_MAX_PIXELS,
        max_side=settings.PHOTO_MAX_SIDE,
    )
