"""A real Chromium on a phone: the first steps right after the first account."""

from __future__ import annotations

import pytest

from glimmers.diary.models import Glimmer
from glimmers.practice.models import Onboarding
from tests.browser.conftest import PHONE
from tests.browser.practice import shoot
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_first_steps_after_the_first_account(live_server, browser, screens):
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/Kyiv", locale="en-GB")
    page = context.new_page()
    # Straight to the welcome page: the live server may already have served other tests.
    page.goto(live_server.url + "/accounts/welcome/")
    page.get_by_label("Your name").fill("olena")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create my diary").click()
    page.get_by_role("heading", name="What is a glimmer?").wait_for()
    shoot(page, screens, "practice-onboarding")
    page.get_by_role("link", name="Next").click()
    page.get_by_role("heading", name="Glimmers and triggers").wait_for()
    page.get_by_role("link", name="Next").click()
    page.get_by_label("What is the very first moment you would like to keep?").fill(
        "My grandmother's hands kneading dough"
    )
    shoot(page, screens, "practice-first-glimmer")
    page.get_by_role("button", name="Keep my first glimmer").click()
    page.get_by_text("Your first glimmer is kept. Welcome.").wait_for()
    assert Glimmer.objects.get().text == "My grandmother's hands kneading dough"
    assert Onboarding.objects.get().finished_at is not None

    # Findable again later, and skippable.
    page.get_by_role("link", name="Practice").click()
    page.get_by_role("link", name="First steps").click()
    page.get_by_role("button", name="Skip — I'll find this later under Practice").click()
    page.wait_for_url(live_server.url + "/")
    context.close()
