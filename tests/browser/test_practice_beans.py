"""A real Chromium on a phone: count beans, then give one of them words."""

from __future__ import annotations

import pytest

from glimmers.diary.models import Bean, Glimmer
from tests.browser.practice import shoot, signed_in_phone

pytestmark = pytest.mark.browser


def test_count_beans_then_turn_one_into_a_glimmer(live_server, browser, owner, screens):
    context, page = signed_in_phone(browser, live_server, owner)
    page.goto(live_server.url + "/practice/beans/")
    page.get_by_role("button", name="Count a moment").click()
    page.get_by_text("1 moment counted today").wait_for()
    page.get_by_role("button", name="Count a moment").click()
    page.get_by_text("2 moments counted today").wait_for()
    page.reload()
    shoot(page, screens, "practice-beans")
    page.get_by_role("link", name="Turn into a glimmer").first.click()
    page.get_by_label("What was the moment?").fill("The baker remembered my name")
    page.get_by_label("Hearing", exact=True).check()
    page.get_by_role("button", name="Save this glimmer").click()
    page.get_by_text("Your bean has its words now.").wait_for()
    glimmer = Glimmer.objects.get()
    bean = Bean.objects.get(glimmer=glimmer)
    assert glimmer.noticed_at == bean.counted_at and glimmer.senses == ["hearing"]
    page.goto(live_server.url + "/practice/beans/")
    assert page.get_by_role("link", name="Now a glimmer").count() == 1
    context.close()
