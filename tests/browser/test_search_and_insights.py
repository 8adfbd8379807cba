"""In Chromium on a phone: search updates as you type and marks the words; the insights
pages draw their charts, open their tables by keyboard, and fit at 200% text."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from django.utils import timezone

from glimmers.diary.services import EntryInput, add_glimmer, add_trigger, count_bean
from tests.browser.conftest import no_sideways_scroll
from tests.browser.session import sign_in

pytestmark = pytest.mark.browser

MOMENTS = [
    ("Sun on the kitchen floor", ["sight", "touch"]),
    ("Bread rising in the oven", ["smell"]),
    ("A blackbird before the rain", ["hearing"]),
    ("Warm tea after the walk", ["taste", "body"]),
    ("Sunflowers at the market", ["sight"]),
    ("Her laugh on the phone", ["hearing", "intuition"]),
]


def fill_a_year(owner):
    chance = random.Random(3)
    now = timezone.now()
    for number in range(90):
        text, senses = MOMENTS[number % len(MOMENTS)]
        moment = now - timedelta(days=chance.randint(1, 360), hours=chance.randint(0, 12))
        add_glimmer(owner, EntryInput(text, noticed_at=moment, senses=senses))
    for number in range(12):
        add_trigger(owner, EntryInput("a siren", noticed_at=now - timedelta(days=number * 25 + 2)))
    for number in range(20):
        count_bean(owner, counted_at=now - timedelta(days=number * 9 + 1))
    add_glimmer(
        owner,
        EntryInput(
            "The sun came through the blinds in stripes",
            noticed_at=now - timedelta(hours=2),
            senses=["sight"],
            sense_lines={"sight": "gold stripes of sun on the wall"},
            intensity=5,
        ),
    )


def test_search_as_you_type_and_the_insights_pages(live_server, browser, owner, screens):
    fill_a_year(owner)
    context, page = sign_in(browser, live_server)

    page.get_by_role("link", name="Search").click()
    page.wait_for_url("**/search/")
    page.get_by_label("Find").press_sequentially("sun", delay=60)
    # No button pressed: the results arrive as the word is typed, and the address follows.
    page.locator("#results mark").first.wait_for()
    page.wait_for_url("**/search/?q=sun*")
    cards = page.locator("#results .card")
    assert cards.count() >= 3
    # Whole words rank above words that only start with "sun".
    assert "sunflowers" not in cards.first.inner_text().lower()
    marked = {text.lower() for text in page.locator("#results mark").all_inner_texts()}
    assert marked <= {"sun", "sunflowers"}
    page.screenshot(path=str(screens / "search-light.png"), full_page=False, animations="disabled")
    page.emulate_media(color_scheme="dark")
    page.screenshot(path=str(screens / "search-dark.png"), full_page=False, animations="disabled")
    page.emulate_media(color_scheme="light")
    page.get_by_label("Find").fill("blackbird rain")
    page.locator("#results .card", has_text="A blackbird before the rain").first.wait_for()
    page.wait_for_function("document.querySelectorAll('#results .card .card-text').length > 0")
    texts = page.locator("#results .card .card-text").all_inner_texts()
    assert texts and all("blackbird" in text for text in texts)

    page.get_by_role("link", name="Insights").click()
    page.wait_for_url("**/insights/")
    for name in ("weekly", "senses", "hours", "weekdays", "balance", "beans", "calendar"):
        chart = page.locator(f"svg.chart-{name}")
        assert chart.get_attribute("role") == "img"
        assert chart.bounding_box()["width"] > 100, name
    assert no_sideways_scroll(page)
    page.screenshot(path=str(screens / "insights-light.png"), full_page=True, animations="disabled")
    page.emulate_media(color_scheme="dark")
    page.screenshot(path=str(screens / "insights-dark.png"), full_page=True, animations="disabled")
    page.emulate_media(color_scheme="light")

    # Each chart's table opens from the keyboard.
    summary = page.locator("#senses-heading ~ details summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator("#senses-heading ~ details table").is_visible()

    page.get_by_role("link", name="The glimmer jar").click()
    page.wait_for_url("**/insights/jar/")
    first = page.locator("#jar .card-text").inner_text()
    page.get_by_role("link", name="Draw another").click()
    page.locator("#jar .card-text").wait_for()
    assert first and page.locator("#jar .card-text").count() == 1
    page.screenshot(path=str(screens / "jar.png"), full_page=True, animations="disabled")

    page.get_by_role("link", name="On this day").click()
    page.wait_for_url("**/insights/on-this-day/")
    page.screenshot(path=str(screens / "on-this-day.png"), full_page=True, animations="disabled")

    page.get_by_role("link", name="This week").click()
    page.wait_for_url("**/insights/week/")
    page.screenshot(path=str(screens / "week.png"), full_page=True, animations="disabled")

    for path in ("/search/?q=sun", "/insights/", "/insights/on-this-day/", "/insights/week/"):
        page.goto(live_server.url + path)
        page.add_style_tag(content="html { font-size: 200% !important; }")
        assert no_sideways_scroll(page), f"{path} at 200% text"
    context.close()
