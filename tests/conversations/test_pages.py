"""Glimmering conversations: note one, see it, change it, set it aside and bring it back."""

from __future__ import annotations

import uuid

from django.urls import reverse

from glimmers.conversations import services
from glimmers.conversations.models import Conversation
from glimmers.conversations.services import ConversationInput
from glimmers.diary.models import Glimmer, Person
from tests.web import entries

LIST = reverse("conversations:list")


def note(owner, **fields):
    data = {"person": "Mariia", "story": "her first day at the new school", **fields}
    return services.add_conversation(owner, ConversationInput(**data))


def test_noting_a_conversation_saves_the_named_glimmers(owner_client, owner):
    mine = entries.glimmer(owner, "bread in the oven")
    form = {
        "id": str(uuid.uuid4()),
        "person": " Mariia ",
        "story": "her first day at the new school",
        "named": "a girl shared her pencils\n\n the teacher knew her name",
        "shared_back": "on",
        "shared_glimmer": str(mine.id),
    }
    response = owner_client.post(LIST, form)
    conversation = Conversation.objects.get()
    assert response.url == reverse("conversations:detail", args=[conversation.id])
    assert conversation.owner == owner and conversation.person.name == "Mariia"
    assert conversation.shared_back and conversation.shared_glimmer == mine
    named = sorted(conversation.named.all(), key=lambda glimmer: glimmer.text)
    assert [glimmer.text for glimmer in named] == [
        "a girl shared her pencils",
        "the teacher knew her name",
    ]
    assert all(glimmer.kind == "conversation" for glimmer in named)
    assert [person.name for person in named[0].people.all()] == ["Mariia"]
    # a double tap saves once
    owner_client.post(LIST, form)
    assert Conversation.objects.count() == 1 and Glimmer.objects.count() == 3
    html = owner_client.get(response.url).content.decode()
    assert "With Mariia" in html and "the teacher knew her name" in html
    assert "bread in the oven" in html


def test_the_list_shows_mine_only(owner_client, owner, stranger):
    note(owner, story="grandpa's garden", named=["first tomatoes"])
    note(stranger, story="their secret story")
    html = owner_client.get(LIST).content.decode()
    assert '<option value="Mariia">' in html  # people already known are offered
    assert "grandpa&#x27;s garden" in html and "1 glimmer named" in html
    assert "their secret story" not in html


def test_missing_words_are_one_sentence_each(owner_client):
    response = owner_client.post(LIST, {"person": "", "story": "  "})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Write who you talked with." in html and "Write a line about their story." in html
    assert not Conversation.objects.exists()


def test_a_glimmer_of_someone_else_cannot_be_shared(owner_client, stranger):
    theirs = entries.glimmer(stranger, "not mine")
    form = {"person": "Ivan", "story": "a long week", "shared_glimmer": str(theirs.id)}
    response = owner_client.post(LIST, form)
    assert response.status_code == 400
    assert not Conversation.objects.exists()


def test_editing_changes_words_and_adds_named_glimmers(owner_client, owner):
    conversation = note(owner, named=["pencils"])
    url = reverse("conversations:edit", args=[conversation.id])
    assert owner_client.get(url).status_code == 200
    form = {"person": "Mariia K", "story": "her second day", "named": "a song in the bus"}
    assert owner_client.post(url, form).url == reverse(
        "conversations:detail", args=[conversation.id]
    )
    conversation.refresh_from_db()
    assert conversation.story == "her second day" and conversation.person.name == "Mariia K"
    assert conversation.named.count() == 2 and not conversation.shared_back
    assert Person.objects.filter(owner=owner).count() == 2


def test_trash_restore_and_empty_with_the_diary_trash(owner_client, owner):
    conversation = note(owner, named=["pencils"])
    owner_client.post(reverse("conversations:trash", args=[conversation.id]))
    conversation.refresh_from_db()
    assert conversation.in_trash
    assert "her first day" not in owner_client.get(LIST).content.decode()
    trash = owner_client.get(reverse("diary:trash_page")).content.decode()
    assert "her first day" in trash
    detail = owner_client.get(reverse("conversations:detail", args=[conversation.id]))
    assert "This conversation is in the trash." in detail.content.decode()
    owner_client.post(reverse("conversations:restore", args=[conversation.id]))
    conversation.refresh_from_db()
    assert not conversation.in_trash
    services.move_to_trash(conversation)
    empty = owner_client.get(reverse("diary:empty_trash")).content.decode()
    assert "1 entry will be deleted for good" in empty
    owner_client.post(reverse("diary:empty_trash"))
    assert not Conversation.objects.exists()
    assert Glimmer.objects.filter(text="pencils").exists()  # the glimmer stays in the diary


def test_strangers_get_404(stranger_client, owner):
    conversation = note(owner)
    for name in ("detail", "edit"):
        url = reverse(f"conversations:{name}", args=[conversation.id])
        assert stranger_client.get(url).status_code == 404
    for name in ("edit", "trash", "restore"):
        url = reverse(f"conversations:{name}", args=[conversation.id])
        assert stranger_client.post(url, {"person": "x", "story": "y"}).status_code == 404
    conversation.refresh_from_db()
    assert conversation.story == "her first day at the new school" and not conversation.in_trash


def test_a_conversations_story_is_searchable_with_its_glimmers(owner):
    from glimmers.conversations.services import ConversationInput, add_conversation, move_to_trash
    from glimmers.diary.queries import search

    conversation = add_conversation(
        owner,
        ConversationInput(
            person="Halyna",
            story="her grandmother kept bees by the river",
            named=["the way she laughed about the bees"],
        ),
    )
    assert [g.text for g in search(owner, "grandmother")] == ["the way she laughed about the bees"]
    move_to_trash(conversation)
    assert list(search(owner, "grandmother")) == []
