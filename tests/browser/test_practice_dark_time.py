"""A real Chromium on a phone: a gentle look back at a hard time, with a way out."""

from __future__ import annotations

import pytest

from glimmers.diary.models import Glimmer
from tests.browser.practice import shoot, signed_in_phone

pytestmark = pytest.mark.browser


def test_dark_time_reflection(live_server, browser, owner, screens):
    context, page = signed_in_phone(browser, live_server, owner)
    page.goto(live_server.url + "/practice/")
    page.get_by_role("link", name="Dark times").click()
    assert page.get_by_role("link", name="Take a grounding pause").is_visible()
    page.get_by_label("Name that time in a few words, if you like").fill("Winter of blackouts")
    page.get_by_label("Roughly when was it?").fill("2022-11-23")
    page.get_by_role("button", name="Next").click()
    page.get_by_label("What small moment brought you calm, strength or connection then?").fill(
        "Stars over the dark city"
    )
    page.get_by_label("Sight", exact=True).check()

    # A grounding pause in the middle, then back: the words wait in the draft.
    page.get_by_role("button", name="Leave for now").click()
    page.get_by_text("Your reflection is waiting where you left it.").wait_for()
    page.get_by_role("link", name="Dark times").click()
    field = page.get_by_label("What small moment brought you calm, strength or connection then?")
    assert field.input_value() == "Stars over the dark city"
    shoot(page, screens, "practice-dark-time")
    page.get_by_role("button", name="Keep this moment").click()
    page.get_by_text("That small moment is part of your story too.").wait_for()
    page.get_by_role("button", name="Finish").click()
    page.get_by_text("Thank you for looking back with such care.").wait_for()

    glimmer = Glimmer.objects.get()
    assert glimmer.kind == "dark-time" and glimmer.senses == ["sight"]
    assert glimmer.noticed_at.date().isoformat() == "2022-11-23"
    assert [tag.name for tag in glimmer.tags.all()] == ["winter of blackouts"]
    context.close()
