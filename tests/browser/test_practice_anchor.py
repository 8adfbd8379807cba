"""A real Chromium on a phone: anchor a glimmer right after capturing it."""

from __future__ import annotations

import pytest

from glimmers.diary.models import Glimmer
from glimmers.practice.models import Pause
from tests.browser.practice import shoot, signed_in_phone

pytestmark = pytest.mark.browser


def test_capture_then_anchor_with_the_pacer(live_server, browser, owner, screens):
    context, page = signed_in_phone(browser, live_server, owner)
    page.goto(live_server.url + "/")
    page.get_by_label("What did you notice?").fill("Warm bread from the corner bakery")
    page.get_by_label("Smell", exact=True).check()
    page.get_by_role("button", name="Save this glimmer").click()
    page.get_by_role("link", name="Anchor it with a short pause").click()

    # Choose: 15 seconds, a check-in before.
    page.get_by_label("15 seconds").check()
    page.get_by_label("Mobilized: restless, on alert").check()
    shoot(page, screens, "practice-anchor")
    # The page's own clock, so the 15 seconds can pass at once.
    page.clock.install()
    page.get_by_role("button", name="Begin the pause").click()

    # The pacer counts down; the form waits until the pause is over (or stopped).
    page.get_by_text("seconds left").wait_for()
    assert page.locator(".pacer.running").count() == 1
    assert page.locator("[data-pacer-after]").is_hidden()
    phase = page.locator("[data-phase]").inner_text()
    assert phase in ("Breathe in…", "Breathe out, slowly…")
    shoot(page, screens, "practice-pacer")
    page.clock.run_for(5_000)
    assert page.locator("[data-phase]").inner_text() == "Breathe out, slowly…"
    assert page.get_by_text("10 seconds left").is_visible()
    page.clock.run_for(10_000)
    page.get_by_text("The pause is over. Welcome back.").first.wait_for()
    assert page.locator("[data-pacer-after]").is_visible()
    page.get_by_label("What did your body do?").fill("My jaw let go")
    page.get_by_label("Safe and connected").check()
    page.get_by_role("button", name="Keep this with the glimmer").click()

    page.get_by_text("Anchored. This glimmer has a little more room now.").wait_for()
    glimmer = Glimmer.objects.get()
    pause = Pause.objects.get()
    assert (pause.glimmer, pause.seconds) == (glimmer, 15)
    assert (pause.state_before, pause.state_after) == ("mobilized", "safe")
    assert glimmer.body == "My jaw let go"
    assert page.get_by_role("heading", name="Anchored").is_visible()
    shoot(page, screens, "practice-anchored")
    context.close()


def test_reduced_motion_keeps_the_circle_still_and_the_toy_variant(live_server, browser, owner):
    context, page = signed_in_phone(browser, live_server, owner, reduced_motion="reduce")
    page.goto(live_server.url + "/practice/pause/?toy=1")
    assert page.get_by_label("Breathe with a child: a soft toy resting on the belly").is_checked()
    page.get_by_role("button", name="Begin the pause").click()
    page.get_by_text("seconds left").wait_for()
    assert page.get_by_role("heading", name="Breathe with your toy").is_visible()
    circle = page.locator(".pacer-circle")
    assert circle.evaluate("el => getComputedStyle(el).animationName") == "none"
    page.get_by_role("button", name="Stop here and go on").click()
    page.get_by_role("button", name="Done").click()
    page.get_by_text("Thank you for pausing.").wait_for()
    assert Pause.objects.get().with_toy is True
    context.close()


def test_the_pause_works_without_javascript(live_server, browser, owner):
    context, page = signed_in_phone(browser, live_server, owner, java_script_enabled=False)
    page.goto(live_server.url + "/practice/pause/")
    page.get_by_label("1 minute").check()
    page.get_by_role("button", name="Begin the pause").click()
    # No pacer script: calm words say how to breathe, and the form waits below them.
    assert page.get_by_text("Stay for about 60 seconds.").is_visible()
    page.get_by_label("What did your body do?").fill("A long sigh")
    page.get_by_role("button", name="Done").click()
    page.get_by_text("Thank you for pausing.").wait_for()
    pause = Pause.objects.get()
    assert (pause.seconds, pause.body) == (60, "A long sigh")
    context.close()
