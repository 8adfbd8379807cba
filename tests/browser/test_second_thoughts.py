"""Second thoughts, on a phone: an edit from an older tab kept beside the newer one, and
letting a Glimmer Question answer go — both pages looked at, light and dark."""

from __future__ import annotations

import pytest

from glimmers.diary.services import EntryInput, add_glimmer
from glimmers.questions import services as questions
from glimmers.questions.models import Answer
from tests.browser.conftest import no_sideways_scroll
from tests.browser.session import shoot, sign_in

pytestmark = pytest.mark.browser


def test_an_older_tabs_edit_is_kept_beside_the_newer_one(live_server, browser, owner, screens):
    glimmer = add_glimmer(owner, EntryInput("Steam from the kettle", senses=["sight"]))
    context, page = sign_in(browser, live_server)
    old_tab = context.new_page()
    for tab in (page, old_tab):
        tab.goto(f"{live_server.url}/g/{glimmer.id}/edit/")
    page.get_by_label("What did you notice?").fill("Steam from the kettle, curling")
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text("Your changes are saved.").wait_for()
    old_tab.get_by_label("What did you notice?").fill("Steam, and the window fogged")
    old_tab.get_by_role("button", name="Save changes").click()
    old_tab.get_by_text("changed elsewhere after you opened it").wait_for()
    assert old_tab.get_by_text("Steam, and the window fogged").count() >= 1
    assert no_sideways_scroll(old_tab)
    shoot(old_tab, screens, "edit-kept-beside")
    context.close()


def test_an_answer_is_let_go_after_asking_once(live_server, browser, owner, screens):
    answer = questions.answer_at_once(owner, "today", 6, {"know": "a letter comes"})
    context, page = sign_in(browser, live_server)
    page.goto(f"{live_server.url}/questions/a/{answer.id}/")
    page.get_by_role("link", name="Delete this answer").click()
    page.get_by_role("heading", name="Delete this answer?").wait_for()
    assert no_sideways_scroll(page)
    shoot(page, screens, "question-delete")
    page.get_by_role("button", name="Delete it").click()
    page.get_by_text("That answer is gone.").wait_for()
    assert not Answer.objects.exists()
    context.close()
