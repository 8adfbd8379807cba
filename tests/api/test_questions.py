"""The Glimmer Question through the API: own questions, and answers kept step by step."""

from __future__ import annotations

import uuid

from glimmers.questions.models import Answer, GlimmerQuestion


def test_questions_built_in_and_own(owner_api):
    listed = owner_api.get("questions").json()
    assert [item["key"] for item in listed["builtin"]] == ["today", "week", "kindness"]
    assert listed["own"] == []
    made = owner_api.post("questions", {"text": "  How likely is a slow   morning? "})
    assert made.status_code == 201
    question = made.json()
    assert question["text"] == "How likely is a slow morning?"
    key = question["id"]
    changed = owner_api.put(f"questions/{key}", {"text": "How likely is a quiet evening?"})
    assert changed.json()["text"] == "How likely is a quiet evening?"
    assert owner_api.post(f"questions/{key}/archive").json()["archived_at"] is not None
    assert owner_api.get(f"questions/{key}").json()["archived_at"] is not None
    assert owner_api.post(f"questions/{key}/unarchive").json()["archived_at"] is None
    assert [item["id"] for item in owner_api.get("questions").json()["own"]] == [key]
    blank = owner_api.post("questions", {"text": "   "})
    assert blank.status_code == 400
    assert blank.json() == {"error": "Write your question in a few words.", "field": "text"}


def test_an_answer_step_by_step(owner_api):
    key = str(uuid.uuid4())
    started = owner_api.post("answers", {"id": key, "question": "today", "scale": 6})
    assert started.status_code == 201
    answer = started.json()
    assert answer["builtin"] == "today" and answer["scale"] == 6 and answer["finished_at"] is None
    # The same start again (a double tap) keeps one answer and changes only the scale.
    assert (
        owner_api.post("answers", {"id": key, "question": "week", "scale": 7}).json()["builtin"]
        == "today"
    )
    assert Answer.objects.count() == 1
    assert owner_api.put(f"answers/{key}/scale", {"scale": 8}).json()["scale"] == 8
    step = owner_api.put(f"answers/{key}/steps/know", {"text": " a message from Ira "})
    assert step.json()["know"] == "a message from Ira"
    owner_api.put(f"answers/{key}/steps/body", {"text": "a longer breath"})
    owner_api.put(f"answers/{key}/steps/know", {"text": ""})
    finished = owner_api.post(f"answers/{key}/finish").json()
    assert (finished["know"], finished["body"]) == ("", "a longer breath")
    assert finished["finished_at"] is not None
    assert owner_api.get("answers").json()["items"][0]["id"] == key
    assert owner_api.put(f"answers/{key}/steps/smell", {"text": "x"}).status_code == 400
    assert owner_api.delete(f"answers/{key}").status_code == 204
    assert not Answer.objects.exists()


def test_an_answer_to_an_own_question_keeps_its_words(owner_api):
    question = owner_api.post("questions", {"text": "How likely is a good talk?"}).json()
    answer = owner_api.post("answers", {"question": question["id"], "scale": 3}).json()
    owner_api.put(f"questions/{question['id']}", {"text": "Something else?"})
    again = owner_api.get(f"answers/{answer['id']}").json()
    assert again["question_id"] == question["id"]
    assert again["question"] == "How likely is a good talk?"


def test_scale_and_question_are_checked(owner_api, stranger_api):
    assert owner_api.post("answers", {"question": "today", "scale": 11}).json() == {
        "error": "scale must be at most 10.",
        "field": "scale",
    }
    assert owner_api.post("answers", {"question": "today", "scale": True}).status_code == 400
    theirs = stranger_api.post("questions", {"text": "Their question?"}).json()["id"]
    assert owner_api.post("answers", {"question": theirs, "scale": 3}).status_code == 404
    assert owner_api.post("answers", {"question": "tomorrow", "scale": 3}).status_code == 400


def test_strangers_get_404_and_no_token_401(owner_api, stranger_api, anonymous_api):
    question = owner_api.post("questions", {"text": "Mine?"}).json()["id"]
    answer = owner_api.post("answers", {"question": "today", "scale": 5}).json()["id"]
    calls = [
        stranger_api.get(f"questions/{question}"),
        stranger_api.put(f"questions/{question}", {"text": "Theirs?"}),
        stranger_api.post(f"questions/{question}/archive"),
        stranger_api.get(f"answers/{answer}"),
        stranger_api.put(f"answers/{answer}/scale", {"scale": 1}),
        stranger_api.put(f"answers/{answer}/steps/know", {"text": "x"}),
        stranger_api.post(f"answers/{answer}/finish"),
        stranger_api.delete(f"answers/{answer}"),
    ]
    assert [call.status_code for call in calls] == [404] * len(calls)
    assert stranger_api.get("questions").json()["own"] == []
    assert stranger_api.get("answers").json()["items"] == []
    assert anonymous_api.get("answers").status_code == 401
    assert GlimmerQuestion.objects.get().text == "Mine?"
