"""A real Chromium on a phone: a photo that glimmers, dated by the photo itself."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from glimmers.diary.models import Glimmer
from tests.browser.practice import shoot, signed_in_phone

pytestmark = pytest.mark.browser


def test_photo_that_glimmers(live_server, browser, owner, screens, tmp_path):
    image = Image.new("RGB", (120, 80), (240, 190, 90))
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = "2021:08:01 18:30:00"
    path = tmp_path / "sea.jpg"
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    path.write_bytes(out.getvalue())

    context, page = signed_in_phone(browser, live_server, owner)
    page.goto(live_server.url + "/practice/")
    page.get_by_role("link", name="A photo that glimmers").click()
    page.set_input_files('input[name="photos"]', str(path))
    page.get_by_role("button", name="Keep this photo").click()
    page.get_by_role("heading", name="About this photo").wait_for()
    assert page.get_by_label("When was it?").input_value() == "2021-08-01T18:30"
    page.get_by_label("What was special about that moment?").fill("Our first evening by the sea")
    page.get_by_label("How does it feel to come back to it now?").fill("Warm, and a little teary")
    page.wait_for_function("[...document.images].every(img => img.complete)")
    shoot(page, screens, "practice-photo")
    page.get_by_role("button", name="Keep my answers").click()
    page.get_by_text("Come back to this photo whenever you need it.").wait_for()

    glimmer = Glimmer.objects.get()
    assert glimmer.kind == "photo" and glimmer.text == "Our first evening by the sea"
    assert glimmer.body == "Warm, and a little teary"
    assert glimmer.noticed_at.isoformat().startswith("2021-08-01T15:30")
    assert glimmer.photos.count() == 1
    context.close()
