"""A real Chromium on a phone: after a trigger, a glimmer with the same senses is offered."""

from __future__ import annotations

import pytest

from glimmers.diary import services as diary
from glimmers.diary.models import Trigger
from glimmers.practice.models import Pause
from tests.browser.practice import shoot, signed_in_phone

pytestmark = pytest.mark.browser


def test_after_a_trigger_a_glimmer_and_a_pause_are_offered(live_server, browser, owner, screens):
    diary.add_glimmer(
        owner, diary.EntryInput(text="My daughter singing in the bath", senses=["hearing"])
    )
    diary.add_glimmer(owner, diary.EntryInput(text="Pine needles after rain", senses=["smell"]))
    context, page = signed_in_phone(browser, live_server, owner)
    page.goto(live_server.url + "/triggers/")
    page.get_by_label("What happened?").fill("Sirens in the night")
    page.get_by_label("Hearing", exact=True).check()
    page.get_by_role("button", name="Note it").click()
    page.get_by_role("heading", name="It's good you noticed this").wait_for()
    assert Trigger.objects.get().senses == ["hearing"]
    assert page.get_by_text("My daughter singing in the bath").is_visible()
    assert page.get_by_text("It came through the same senses (Hearing).").is_visible()
    shoot(page, screens, "practice-after-trigger")

    # Taking the offered pause with that glimmer anchors it; nothing was forced.
    page.get_by_role("link", name="Pause with it").click()
    page.get_by_role("button", name="Begin the pause").click()
    page.get_by_role("button", name="Stop here and go on").click()
    page.get_by_role("button", name="Keep this with the glimmer").click()
    page.get_by_text("Anchored.").first.wait_for()
    assert Pause.objects.get().glimmer.text == "My daughter singing in the bath"
    context.close()
