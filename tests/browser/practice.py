"""What the practice's browser tests share: a signed-in phone, and light and dark shots."""

from __future__ import annotations

from django.conf import settings
from django.test import Client

from tests.browser.conftest import PHONE, no_sideways_scroll


def signed_in_phone(browser, live_server, owner, **options):
    """A phone-sized browser already signed in as `owner` (the session made server-side)."""
    client = Client()
    client.force_login(owner, backend="django.contrib.auth.backends.ModelBackend")
    context = browser.new_context(
        viewport=PHONE, timezone_id="Europe/Kyiv", locale="en-GB", **options
    )
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    return context, context.new_page()


def shoot(page, screens, name):
    """A light and a dark full-page screenshot; the page must fit the phone's width."""
    assert no_sideways_scroll(page), name
    page.screenshot(path=str(screens / f"{name}-light.png"), full_page=True, animations="disabled")
    page.emulate_media(color_scheme="dark")
    page.screenshot(path=str(screens / f"{name}-dark.png"), full_page=True, animations="disabled")
    page.emulate_media(color_scheme="light")
