"""Glimmer Questions and conversations in imports, backups and account deletion."""

import json

import pytest

from glimmers.accounts.services import create_user, delete_account
from glimmers.conversations import services as conversations
from glimmers.conversations.models import Conversation
from glimmers.conversations.services import ConversationInput
from glimmers.diary.models import Glimmer
from glimmers.lib.records import ImportProblem
from glimmers.portability.backup import restore_backup, write_backup
from glimmers.portability.export import export_json
from glimmers.portability.imports import read_document, save_parts
from glimmers.questions import services as questions
from glimmers.questions.models import Answer, GlimmerQuestion


def _fill(owner):
    own = questions.add_question(owner, "my question")
    questions.answer_at_once(owner, str(own.id), 6, {"feel": "warm"})
    conversations.add_conversation(
        owner, ConversationInput(person="Ivan", story="a long week", named=["his tea"])
    )


def test_importing_the_same_export_twice_adds_nothing_new(db):
    owner = create_user("twice", None)
    _fill(owner)
    document = json.loads(json.dumps(export_json(owner)))
    result = save_parts(owner, read_document(document))
    assert (result.count("question_answers"), result.count("conversations")) == (0, 0)
    assert Answer.objects.count() == 1 and Conversation.objects.count() == 1


@pytest.mark.parametrize(
    ("key", "record", "message"),
    [
        (
            "question_answers",
            {"question": "q", "scale": 11, "asked_at": "2024-01-01T00:00:00Z"},
            "Answer 1 has a scale that is not a number from 0 to 10.",
        ),
        (
            "question_answers",
            {"question": "q", "scale": 3, "asked_at": "soon"},
            "Answer 1 has a time that cannot be read: soon.",
        ),
        ("questions", {"text": ""}, "Question 1 has no text."),
        (
            "conversations",
            {"story": "x", "happened_at": "2024-01-01T00:00:00Z", "named": "a"},
            "Conversation 1 has a list that is not a list of text.",
        ),
    ],
)
def test_a_bad_record_is_one_sentence_and_saves_nothing(db, key, record, message):
    owner = create_user("careful", None)
    document = {
        "format": "glimmers",
        "version": 1,
        "glimmers": [{"text": "kept?", "noticed_at": "2024-01-01T00:00:00Z"}],
        key: [record],
    }
    with pytest.raises(ImportProblem, match="^" + message.replace(".", r"\.") + "$"):
        save_parts(owner, read_document(document))
    assert not Glimmer.objects.exists()


def test_backup_and_restore_keep_them(db, tmp_path):
    owner = create_user("backed", None)
    _fill(owner)
    before = export_json(owner)
    target = tmp_path / "all.zip"
    write_backup(target)
    delete_account(owner)
    restore_backup(target)
    from django.contrib.auth import get_user_model

    again = get_user_model().objects.get(username="backed")
    assert export_json(again) == before


def test_deleting_the_account_removes_them(db):
    owner = create_user("leaving", None)
    stays = create_user("staying", None)
    _fill(owner)
    _fill(stays)
    delete_account(owner)
    assert GlimmerQuestion.objects.get().owner == stays
    assert Answer.objects.get().owner == stays
    assert Conversation.objects.get().owner == stays
