"""A real Chromium on a phone walks the Glimmer Question: the scale, the follow-ups, leaving
half-way and coming back to find every word, finishing, the chart, and a question of one's own.
"""

from __future__ import annotations

import pytest

from glimmers.accounts.services import create_user
from glimmers.questions import services
from glimmers.questions.models import Answer, GlimmerQuestion
from tests.browser.conftest import PHONE, no_sideways_scroll
from tests.browser.session import shoot, sign_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_the_glimmer_question_from_start_to_end(live_server, browser, screens):
    owner = create_user("olena", PASSWORD, time_zone="Europe/Kyiv")
    for scale in (3, 4, 4, 6, 5):  # earlier answers, for the chart
        services.answer_at_once(owner, "today", scale, {})
    context, page = sign_in(browser, live_server)

    page.goto(live_server.url + "/questions/")
    asking = page.get_by_role("region", name="Ask yourself")
    asking.get_by_role("link", name="something small and good happens today").click()
    page.get_by_role("heading", name="something small and good happens today").wait_for()
    # By keyboard: the numbers are radio buttons, so the arrow keys move between them.
    page.get_by_label("6", exact=True).focus()
    page.keyboard.press("ArrowRight")
    assert page.get_by_label("7", exact=True).is_checked()
    # htmx saves the number as soon as it is chosen
    page.locator("#save-status").get_by_text("Saved as you typed.").wait_for()
    assert Answer.objects.filter(owner=owner, scale=7).count() == 1
    assert no_sideways_scroll(page)
    shoot(page, screens, "question-scale")
    page.get_by_role("button", name="Next").click()

    page.get_by_label("How would you know it had happened?").fill("A message from Ira")
    page.get_by_role("button", name="Next").click()
    feel = page.get_by_label("What would you feel?")
    feel.fill("Lighter, a little surprised")
    page.locator("#save-status").get_by_text("Saved as you typed.").wait_for()
    shoot(page, screens, "question-step")

    # Leave half-way without pressing anything: both answers are kept.
    page.goto(live_server.url + "/questions/")
    answer = Answer.objects.get(owner=owner, scale=7)
    assert (answer.know, answer.feel, answer.finished) == (
        "A message from Ira",
        "Lighter, a little surprised",
        False,
    )
    page.get_by_role("link", name="Carry on where you stopped").click()
    page.get_by_label("What would you see or notice around you?").fill("Her name on my phone")
    page.get_by_role("button", name="Back").click()
    assert page.get_by_label("What would you feel?").input_value() == "Lighter, a little surprised"
    page.get_by_role("button", name="Next").click()
    assert (
        page.get_by_label("What would you see or notice around you?").input_value()
        == "Her name on my phone"
    )
    page.get_by_role("button", name="Next").click()
    page.get_by_label("What would your body do?").fill("A long breath out")
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Who around you would notice").fill("My son, he would see me smile")
    page.get_by_role("button", name="Finish").click()
    page.get_by_text("Thank you for imagining it.").wait_for()
    answer.refresh_from_db()
    assert answer.finished and answer.who == "My son, he would see me smile"
    assert answer.see == "Her name on my phone" and answer.body == "A long breath out"
    shoot(page, screens, "question-answer")

    # The chart of the scale: an image with a name, and the same numbers as a table.
    page.goto(live_server.url + "/questions/")
    chart = page.get_by_role("img", name="How likely a small good change felt")
    chart.wait_for()
    assert page.locator(".scale-chart circle").count() == 6
    page.get_by_text("The same as a table").click()
    cells = page.locator(".scale-table tbody td:last-child").all_inner_texts()
    assert cells == ["3", "4", "4", "6", "5", "7"]
    assert no_sideways_scroll(page)
    shoot(page, screens, "question-history")

    # A question of one's own, asked at once.
    page.get_by_role("link", name="Write your own questions").click()
    page.get_by_label("Your question").fill("How likely is it that I laugh with someone tonight?")
    page.get_by_role("button", name="Keep this question").click()
    page.get_by_text("Your question is ready to ask.").wait_for()
    page.get_by_role("link", name="Ask it now").click()
    page.get_by_label("2", exact=True).check()
    page.get_by_role("button", name="Stop here for now").click()
    page.get_by_text("Saved. You can carry on whenever you like.").wait_for()
    own = GlimmerQuestion.objects.get(owner=owner)
    assert Answer.objects.get(question=own).scale == 2

    # At 200% text the pages still fit.
    for path in ("/questions/", f"/questions/a/{answer.id}/know/", "/questions/mine/"):
        page.goto(live_server.url + path)
        page.add_style_tag(content="html { font-size: 200% !important; }")
        assert no_sideways_scroll(page), f"{path} at 200% text"
    context.close()


def test_the_glimmer_question_without_javascript(live_server, browser):
    create_user("olena", PASSWORD, time_zone="Europe/Kyiv")
    context, _page = sign_in(browser, live_server)
    plain = browser.new_context(
        viewport=PHONE, java_script_enabled=False, storage_state=context.storage_state()
    )
    still = plain.new_page()
    still.goto(live_server.url + "/questions/ask/?q=week")
    still.get_by_label("9", exact=True).check()
    still.get_by_role("button", name="Next").click()
    still.get_by_label("How would you know it had happened?").fill("Quieter mornings")
    still.get_by_role("button", name="Stop here for now").click()
    still.get_by_text("Saved. You can carry on whenever you like.").wait_for()
    answer = Answer.objects.get()
    assert (answer.builtin, answer.scale, answer.know) == ("week", 9, "Quieter mornings")
    plain.close()
    context.close()
