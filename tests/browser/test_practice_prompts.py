"""A real Chromium on a phone: today's prompt on the capture page, hidden for good."""

from __future__ import annotations

import pytest

from glimmers.practice.models import HiddenPrompt
from tests.browser.practice import shoot, signed_in_phone

pytestmark = pytest.mark.browser


def test_hide_a_prompt_and_bring_it_back(live_server, browser, owner, screens):
    context, page = signed_in_phone(browser, live_server, owner)
    page.goto(live_server.url + "/")
    offered = page.locator(".prompt-offer p").inner_text()
    page.get_by_role("button", name="Don't show this one again").click()
    page.wait_for_url(live_server.url + "/")
    assert page.locator(".prompt-offer p").inner_text() != offered
    hidden = HiddenPrompt.objects.get()

    page.goto(live_server.url + "/practice/prompts/")
    shoot(page, screens, "practice-prompts")
    button = page.get_by_role("button", name=offered)
    assert button.inner_text().startswith("Offer again")
    button.click()
    page.wait_for_url("**/practice/prompts/")
    assert not HiddenPrompt.objects.filter(key=hidden.key).exists()
    context.close()
