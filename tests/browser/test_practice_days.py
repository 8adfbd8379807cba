"""A real Chromium on a phone: the morning page, then the evening look-back."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from glimmers.diary import services as diary
from glimmers.diary.models import Glimmer, Intention
from glimmers.practice.models import Draft
from tests.browser.practice import shoot, signed_in_phone

pytestmark = pytest.mark.browser


def test_morning_then_evening(live_server, browser, owner, screens):
    context, page = signed_in_phone(browser, live_server, owner)
    page.goto(live_server.url + "/practice/")
    page.get_by_role("link", name="Morning").click()
    page.get_by_label("Today I would like to notice…").fill("kind voices")
    page.get_by_label("A good moment from yesterday (1)").fill("Tea with Mila on the balcony")
    page.get_by_label("A good moment from yesterday (2)").fill("The first snowdrops")
    # Saved as it is typed: leaving and coming back loses nothing.
    page.get_by_text("Saved as you typed.").wait_for()
    for _ in range(50):  # the last words typed may still be on their way
        draft = Draft.objects.filter(owner=owner, flow="morning").first()
        if draft and draft.data.get("moment_2") == "The first snowdrops":
            break
        time.sleep(0.2)
    page.reload()
    assert page.get_by_label("A good moment from yesterday (2)").input_value() == (
        "The first snowdrops"
    )
    assert page.get_by_label("Today I would like to notice…").input_value() == "kind voices"
    shoot(page, screens, "practice-morning")
    page.get_by_role("button", name="Keep my morning").click()
    page.get_by_text("Kept 2 good moments from yesterday.").wait_for()
    assert Intention.objects.get().text == "kind voices"
    yesterday = timezone.localdate() - timedelta(days=1)
    with timezone.override("Europe/Kyiv"):
        days = {timezone.localdate(g.noticed_at) for g in Glimmer.objects.all()}
    assert Glimmer.objects.count() == 2 and days == {yesterday}

    # The evening: the intention beside the day's glimmers and beans.
    diary.add_glimmer(owner, diary.EntryInput(text="A stranger held the door", senses=["sight"]))
    diary.count_bean(owner)
    page.goto(live_server.url + "/practice/")
    page.get_by_role("link", name="Evening").click()
    assert page.get_by_text("kind voices").is_visible()
    assert page.get_by_text("A stranger held the door").is_visible()
    assert page.get_by_text("And 1 moment counted without words.").is_visible()
    assert page.get_by_text("One a day is enough.").is_visible()
    shoot(page, screens, "practice-evening")
    context.close()
