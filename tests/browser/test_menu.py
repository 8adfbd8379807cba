"""The main menu on a phone: the five main places in sight, the rest behind "More", which
opens and closes by keyboard, says where you are, and fits at 200% text."""

from __future__ import annotations

import pytest

from tests.browser.conftest import no_sideways_scroll
from tests.browser.session import sign_in

pytestmark = pytest.mark.browser

MAIN = ["Capture", "Timeline", "Search", "Insights", "Practice"]


def test_the_menu_keeps_the_rest_behind_more(live_server, browser, owner, screens):
    context, page = sign_in(browser, live_server)

    menu = page.get_by_role("navigation", name="Main")
    for name in MAIN:
        assert menu.get_by_role("link", name=name, exact=True).is_visible(), name
    triggers = menu.get_by_role("link", name="Triggers")
    assert not triggers.is_visible()
    # Two rows at most on a phone (each row is one 44 px tap target, plus a little air).
    assert menu.bounding_box()["height"] < 2 * 44 + 20

    # By keyboard: reach "More", open it, go to the trigger log.
    summary = menu.locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    triggers.wait_for(state="visible")
    page.screenshot(path=str(screens / "menu-open.png"), animations="disabled")
    page.emulate_media(color_scheme="dark")
    page.screenshot(path=str(screens / "menu-open-dark.png"), animations="disabled")
    page.emulate_media(color_scheme="light")
    # Escape folds it away again and leaves the focus on "More".
    page.keyboard.press("Escape")
    triggers.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    triggers.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/triggers/")

    # Where you are: "More" is marked, and the trigger log inside it is the current page.
    assert "here" in (menu.locator("summary").get_attribute("class") or "")
    assert menu.locator('a[href="/triggers/"]').get_attribute("aria-current") == "page"
    # A click elsewhere closes it.
    summary.click()
    triggers.wait_for(state="visible")
    page.locator(".site-footer").click()
    triggers.wait_for(state="hidden")

    # At 200% text and 320 px nothing spills sideways, open or closed.
    page.set_viewport_size({"width": 320, "height": 700})
    page.add_style_tag(content="html { font-size: 200% !important; }")
    assert no_sideways_scroll(page)
    summary.click()
    triggers.wait_for(state="visible")
    assert no_sideways_scroll(page)
    context.close()
