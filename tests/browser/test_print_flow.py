"""A real Chromium walks the print flow: settings, the booklet form (a mistake, then the
right dates), the PDF download, and the bookmarks with the strong glimmers already chosen."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from tests.booklet import diary, pdfcheck
from tests.browser.conftest import no_sideways_scroll
from tests.browser.session import sign_in

pytestmark = pytest.mark.browser


def test_print_a_booklet_and_bookmarks(live_server, browser, owner, screens):
    with timezone.override("Europe/Kyiv"):
        diary.fill(owner)
        yesterday = timezone.localdate() - timedelta(days=1)
    context, page = sign_in(browser, live_server)

    # From the settings page (behind the menu's "More") to the booklet form.
    page.get_by_text("More", exact=True).click()
    page.get_by_role("link", name="Settings").click()
    page.get_by_role("link", name="Print a booklet").click()
    page.wait_for_url("**/print/")
    assert page.get_by_label("The last 30 days").is_checked()
    assert page.get_by_label("Include the photos").is_checked()
    assert not page.get_by_label("Also list the triggers noted on those days").is_checked()
    assert no_sideways_scroll(page)
    page.screenshot(path=str(screens / "print-light.png"), full_page=True, animations="disabled")
    page.emulate_media(color_scheme="dark")
    page.screenshot(path=str(screens / "print-dark.png"), full_page=True, animations="disabled")
    page.emulate_media(color_scheme="light")

    # A slip: the last day before the first. One sentence, and the dates stay as typed.
    page.get_by_label("Dates I choose").check()
    page.get_by_label("First day").fill(yesterday.isoformat())
    page.get_by_label("Last day").fill((yesterday - timedelta(days=3)).isoformat())
    page.get_by_role("button", name="Make the booklet (PDF)").click()
    page.get_by_text("The period ends before it begins").wait_for()
    assert page.get_by_label("First day").input_value() == yesterday.isoformat()

    # The right dates, by keyboard: the PDF arrives and holds that day's glimmers.
    page.get_by_label("Last day").fill(yesterday.isoformat())
    page.get_by_label("Also list the triggers noted on those days").check()
    with page.expect_download() as download:
        page.get_by_role("button", name="Make the booklet (PDF)").press("Enter")
    assert download.value.suggested_filename == f"glimmers-{yesterday}-{yesterday}.pdf"
    data = Path(download.value.path()).read_bytes()
    text = pdfcheck.words(data)
    assert diary.GERMAN_TEXT in text and "Sirens at night" in text
    assert diary.KYIV_TEXT not in text

    # A whole year is made in the background: the page says so, then offers the PDF itself.
    page.goto(live_server.url + "/print/")
    page.get_by_label("Dates I choose").check()
    page.get_by_label("First day").fill((yesterday - timedelta(days=364)).isoformat())
    page.get_by_label("Last day").fill(yesterday.isoformat())
    page.get_by_role("button", name="Make the booklet (PDF)").click()
    page.wait_for_url("**/print/made/**")
    ready = page.get_by_role("link", name="Download the booklet (PDF)")
    ready.wait_for(timeout=60_000)
    page.screenshot(path=str(screens / "print-ready.png"), full_page=True, animations="disabled")
    with page.expect_download() as download:
        ready.click()
    assert diary.KYIV_TEXT in pdfcheck.words(Path(download.value.path()).read_bytes())

    # Bookmarks: the strong glimmers are ticked to begin with.
    page.goto(live_server.url + "/print/")
    page.get_by_role("link", name="Or print a few glimmers on bookmarks").click()
    page.wait_for_url("**/print/bookmarks/")
    assert page.locator('input[name="glimmers"]:checked').count() == 3
    page.add_style_tag(content="html { font-size: 200% !important; }")
    assert no_sideways_scroll(page)
    page.reload()
    page.screenshot(
        path=str(screens / "print-bookmarks.png"), full_page=True, animations="disabled"
    )
    with page.expect_download() as download:
        page.get_by_role("button", name="Make the bookmarks (PDF)").click()
    marks = Path(download.value.path()).read_bytes()
    assert len(pdfcheck.pages(marks, scale=0.3)) == 1
    assert "Хліб у печі" in pdfcheck.words(marks)
    context.close()
