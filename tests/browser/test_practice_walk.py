"""A real Chromium on a phone walks a memory through the senses, leaving and coming back."""

from __future__ import annotations

import pytest

from glimmers.diary.models import Glimmer
from tests.browser.conftest import PHONE, no_sideways_scroll
from tests.browser.practice import shoot, signed_in_phone

pytestmark = pytest.mark.browser


def test_senses_walk_of_a_memory(live_server, browser, owner, screens):
    context, page = signed_in_phone(browser, live_server, owner)
    page.goto(live_server.url + "/practice/")
    shoot(page, screens, "practice-hub")
    page.get_by_role("link", name="Senses walk").click()
    page.get_by_label("A memory").check()
    page.get_by_label("When was it, roughly?").fill("2019-07-14")
    page.get_by_role("button", name="Next").click()
    page.get_by_label("I saw…").fill("Waves folding over the pebbles")
    page.get_by_role("button", name="Next").click()
    page.get_by_label("I heard…").fill("Gulls and my grandpa humming")
    shoot(page, screens, "practice-walk")

    # Leave in the middle: the walk waits on the hub, with every line still there.
    page.get_by_role("button", name="Leave for now").click()
    page.get_by_text("Your walk is waiting where you left it.").wait_for()
    page.get_by_role("link", name="Senses walk").click()
    assert page.get_by_label("I heard…").input_value() == "Gulls and my grandpa humming"
    assert page.get_by_text("Waves folding over the pebbles").is_visible()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("I smelled…").fill("Salt")
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Next").click()  # nothing tasted; skipping is fine
    page.get_by_label("I touched…").fill("Warm sand under my feet")
    page.get_by_role("button", name="Next").click()
    page.get_by_label("I…", exact=True).fill("felt completely safe")
    page.get_by_label("Inside the body").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Give the glimmer a few words of its own").fill("The sea with grandpa")
    page.get_by_role("button", name="Save this glimmer").click()
    page.get_by_text("You walked this glimmer through your senses.").wait_for()

    glimmer = Glimmer.objects.get()
    assert glimmer.text == "The sea with grandpa" and glimmer.kind == "memory"
    assert glimmer.senses == ["sight", "hearing", "smell", "touch", "body"]
    assert glimmer.sense_lines["hearing"] == "Gulls and my grandpa humming"
    assert glimmer.sense_lines["body"] == "felt completely safe"
    assert page.get_by_text("Warm sand under my feet").is_visible()

    # Every practice page fits a small phone, and at 200% text (a phone's largest font).
    pages = ["/practice/", "/practice/pause/", "/practice/walk/1/", "/practice/morning/"]
    pages += ["/practice/evening/", "/practice/beans/", "/practice/dark-time/"]
    pages += ["/practice/photo/", "/practice/prompts/", "/practice/welcome/3/"]
    pages += [f"/practice/anchor/{glimmer.id}/?seconds=30"]
    page.set_viewport_size({"width": 320, "height": 700})
    for path in pages:
        page.goto(live_server.url + path)
        assert no_sideways_scroll(page), path
    page.set_viewport_size(PHONE)
    for path in pages:
        page.goto(live_server.url + path)
        page.add_style_tag(content="html { font-size: 200% !important; }")
        assert no_sideways_scroll(page), f"{path} at 200% text"

    # By keyboard alone: the walk's first step, choosing with the arrow keys, Enter for Next.
    page.goto(live_server.url + "/practice/walk/0/")
    page.get_by_label("A moment from now or today").focus()
    page.keyboard.press("ArrowDown")
    assert page.get_by_label("A memory").is_checked()
    page.get_by_label("When was it, roughly?").focus()
    page.keyboard.type("2020-05-01")
    page.keyboard.press("Enter")
    page.wait_for_url("**/practice/walk/1/")
    context.close()
