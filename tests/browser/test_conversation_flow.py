"""A real Chromium on a phone notes a glimmering conversation, finds it again, changes it,
sets it aside in the trash and brings it back."""

from __future__ import annotations

import pytest

from glimmers.accounts.services import create_user
from glimmers.conversations.models import Conversation
from glimmers.diary.models import Glimmer
from glimmers.diary.services import EntryInput, add_glimmer
from tests.browser.conftest import no_sideways_scroll
from tests.browser.session import shoot, sign_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_a_glimmering_conversation_from_start_to_end(live_server, browser, screens):
    owner = create_user("olena", PASSWORD, time_zone="Europe/Kyiv")
    add_glimmer(owner, EntryInput(text="Bread rising in the warm kitchen"))
    context, page = sign_in(browser, live_server)

    page.goto(live_server.url + "/conversations/")
    page.get_by_label("Who did you talk with?").fill("Mariia")
    page.get_by_label("A line about their story").fill(
        "Her first week at the new school, tired but proud"
    )
    page.get_by_label("The glimmers you named in it").fill(
        "A girl shared her pencils\nThe teacher remembered her name"
    )
    page.get_by_label("I shared a glimmer of mine back").check()
    page.get_by_label("Which one (if you like)").select_option(
        label="Bread rising in the warm kitchen"
    )
    assert no_sideways_scroll(page)
    shoot(page, screens, "conversation-note")
    page.get_by_role("button", name="Keep this conversation").click()
    page.get_by_text("Noticing glimmers in someone's story is a gift.").wait_for()

    conversation = Conversation.objects.get(owner=owner)
    assert conversation.person.name == "Mariia" and conversation.shared_back
    assert conversation.shared_glimmer.text == "Bread rising in the warm kitchen"
    named = Glimmer.objects.filter(named_in=conversation, kind="conversation")
    assert sorted(named.values_list("text", flat=True)) == [
        "A girl shared her pencils",
        "The teacher remembered her name",
    ]
    page.get_by_role("heading", name="With Mariia").wait_for()
    shoot(page, screens, "conversation-detail")

    # The named glimmers are glimmers like any other, in the timeline.
    page.get_by_role("link", name="A girl shared her pencils").click()
    page.get_by_text("A conversation").first.wait_for()
    page.go_back()

    # Change it: a second line, one more glimmer named.
    page.get_by_role("link", name="Change").click()
    page.get_by_label("A line about their story").fill("Her first week, and a new friend")
    page.get_by_label("More glimmers you named in it").fill("They walked home together")
    page.get_by_role("button", name="Save the change").click()
    page.get_by_text("Your changes are saved.").wait_for()
    conversation.refresh_from_db()
    assert conversation.story == "Her first week, and a new friend"
    assert conversation.named.count() == 3

    # The list, then the trash and back.
    page.goto(live_server.url + "/conversations/")
    card = page.locator(".card", has_text="Her first week, and a new friend")
    assert "3 glimmers named" in card.inner_text()
    shoot(page, screens, "conversation-list")
    card.get_by_role("link").click()
    page.get_by_role("button", name="Move to trash").click()
    page.get_by_text("Moved to the trash.").wait_for()
    page.goto(live_server.url + "/trash/")
    set_aside = page.locator(".card", has_text="Her first week")
    set_aside.get_by_role("button", name="Bring it back").click()
    page.get_by_role("heading", name="With Mariia").wait_for()
    conversation.refresh_from_db()
    assert not conversation.in_trash

    # A half-filled form with a missing name is held back by the browser, every word kept.
    page.goto(live_server.url + "/conversations/")
    page.get_by_label("A line about their story").fill("Grandpa's tomatoes are red at last")
    page.get_by_label("The glimmers you named in it").fill("The smell of the leaves")
    page.get_by_role("button", name="Keep this conversation").click()
    assert page.evaluate("document.querySelector('#id_person').validity.valueMissing")
    assert Conversation.objects.count() == 1
    assert (
        page.get_by_label("A line about their story").input_value()
        == "Grandpa's tomatoes are red at last"
    )
    assert page.get_by_label("The glimmers you named in it").input_value() == (
        "The smell of the leaves"
    )
    page.add_style_tag(content="html { font-size: 200% !important; }")
    assert no_sideways_scroll(page)
    context.close()
