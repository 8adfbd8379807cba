"""A real Chromium walks the first visit: welcome, capture with senses and a photo, timeline.

Debian's Chromium is used directly; no browser is downloaded.
"""

from __future__ import annotations

import pytest

from glimmers.diary.models import Glimmer, Profile
from tests.browser.conftest import PHONE, no_sideways_scroll
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_first_visit_capture_and_timeline(live_server, browser, photo_file, screens):
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/Kyiv", locale="en-GB")
    page = context.new_page()

    # A fresh install: the first visit asks for the first account.
    page.goto(live_server.url + "/")
    assert page.url.endswith("/accounts/welcome/")
    # The page's script fills in the browser's zone (Chromium still says "Europe/Kiev").
    zone = page.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone")
    assert zone in ("Europe/Kyiv", "Europe/Kiev")
    assert page.input_value('input[name="time_zone"]') == zone
    page.screenshot(path=str(screens / "welcome.png"), full_page=True, animations="disabled")
    page.get_by_label("Your name").fill("olena")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create my diary").click()
    # The first steps are offered first (tests/browser/test_practice_onboarding.py); skip them.
    page.get_by_role("button", name="Skip — I'll find this later under Practice").click()
    page.get_by_role("heading", name="Notice a glimmer").wait_for()
    assert page.url == live_server.url + "/"
    assert page.evaluate("document.activeElement.name") == "text"  # autofocus on the words

    # Capture: a few words, two senses, a photo.
    page.get_by_label("What did you notice?").fill("Sun through the kitchen window")
    page.get_by_label("Sight", exact=True).check()
    page.get_by_label("Hearing", exact=True).check()
    page.set_input_files('input[name="photos"]', str(photo_file))
    page.get_by_role("button", name="Save this glimmer").click()
    page.get_by_text("Saved. Thank you for noticing.").wait_for()
    # htmx swapped in a fresh form: the words are cleared, ready for the next one.
    assert page.input_value('textarea[name="text"]') == ""
    assert Profile.objects.get().time_zone == zone
    glimmer = Glimmer.objects.get()
    assert glimmer.senses == ["sight", "hearing"]
    assert glimmer.photos.count() == 1
    assert no_sideways_scroll(page)
    page.wait_for_function("[...document.images].every(img => img.complete)")
    page.screenshot(path=str(screens / "capture-light.png"), full_page=True, animations="disabled")
    page.emulate_media(color_scheme="dark")
    page.screenshot(path=str(screens / "capture-dark.png"), full_page=True, animations="disabled")
    page.emulate_media(color_scheme="light")

    # The timeline shows it, with both senses and a photo that really loads.
    page.get_by_role("link", name="Timeline").click()
    page.wait_for_url("**/timeline/")
    card = page.locator(".card", has_text="Sun through the kitchen window")
    assert card.count() == 1
    chips = card.locator(".chip").all_inner_texts()
    assert "Sight" in chips and "Hearing" in chips
    image = card.locator("img")
    image.wait_for()
    loaded = "img => img.complete && img.naturalWidth > 0"
    page.wait_for_function(loaded, arg=image.element_handle())
    assert image.evaluate("img => img.naturalWidth") > 0
    page.screenshot(path=str(screens / "timeline.png"), full_page=True, animations="disabled")

    page.goto(live_server.url + "/triggers/")
    page.screenshot(path=str(screens / "triggers.png"), full_page=True, animations="disabled")

    # At 320 px wide nothing should spill sideways.
    page.set_viewport_size({"width": 320, "height": 700})
    for path in ("/", "/timeline/", "/triggers/", "/accounts/settings/"):
        page.goto(live_server.url + path)
        assert no_sideways_scroll(page), path

    # At 200% text size (a phone's largest font setting) the pages still fit, and the
    # capture works by keyboard alone: type, tick a sense with the space bar, press Save.
    page.set_viewport_size(PHONE)
    for path in ("/", "/timeline/", "/triggers/", "/trash/", "/accounts/settings/"):
        page.goto(live_server.url + path)
        page.add_style_tag(content="html { font-size: 200% !important; }")
        assert no_sideways_scroll(page), f"{path} at 200% text"
    page.goto(live_server.url + "/")
    # Chromium moves focus to an autofocus field at its next frame, not at "load": a person
    # cannot type in that gap, a test can, so wait for the words to hold the focus first.
    page.wait_for_function("document.activeElement && document.activeElement.name === 'text'")
    page.keyboard.type("Birdsong before the alarm")
    page.get_by_label("Hearing", exact=True).focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Save this glimmer").focus()
    page.keyboard.press("Enter")
    page.get_by_text("Saved. Thank you for noticing.").wait_for()
    assert Glimmer.objects.filter(
        text="Birdsong before the alarm", senses__has="hearing"
    ).exists(), list(Glimmer.objects.values_list("text", "senses"))

    # Without JavaScript the same form saves with a plain POST and a redirect.
    plain = browser.new_context(
        viewport=PHONE, java_script_enabled=False, storage_state=context.storage_state()
    )
    still = plain.new_page()
    still.goto(live_server.url + "/")
    still.get_by_label("What did you notice?").fill("Bread in the oven")
    still.get_by_label("Smell", exact=True).check()
    still.get_by_role("button", name="Save this glimmer").click()
    still.wait_for_url(live_server.url + "/?saved=*")
    assert "Saved. Thank you for noticing." in still.content()
    assert Glimmer.objects.filter(text="Bread in the oven", senses__has="smell").exists()
    plain.close()
    context.close()
