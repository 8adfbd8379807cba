"""Helpers for browser tests that start with an account already made."""

from __future__ import annotations

from tests.browser.conftest import PHONE
from tests.conftest import PASSWORD


def sign_in(browser, live_server, name="olena"):
    """A phone-sized context in Kyiv, signed in through the real sign-in page."""
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/Kyiv", locale="en-GB")
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server.url + "/")
    return context, page


def shoot(page, screens, name):
    """A full-page screenshot in light and in dark."""
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.screenshot(
            path=str(screens / f"{name}-{scheme}.png"), full_page=True, animations="disabled"
        )
    page.emulate_media(color_scheme="light")
