"""The Glimmer Question's pages: the scale, the follow-ups saved one by one, the history."""

from __future__ import annotations

import uuid

import pytest
from django.urls import reverse

from glimmers.questions import services
from glimmers.questions.choices import BuiltIn
from glimmers.questions.models import Answer

HUB = reverse("questions:hub")
ASK = reverse("questions:ask")


def step_url(answer, step):
    return reverse("questions:step", args=[answer.id, step])


def test_the_hub_offers_the_built_in_questions(owner_client):
    html = owner_client.get(HUB).content.decode()
    assert "something small and good happens today" in html
    assert "Your answers will show here" in html


def test_the_scale_page_names_the_question(owner_client):
    response = owner_client.get(ASK, {"q": "week"})
    assert response.status_code == 200
    assert str(BuiltIn.WEEK.label) in response.content.decode()


def test_an_unknown_question_is_not_found(owner_client):
    assert owner_client.get(ASK, {"q": "nope"}).status_code == 404


def test_saving_the_scale_starts_an_answer_and_goes_on(owner_client, owner):
    answer_id = uuid.uuid4()
    form = {"id": str(answer_id), "question": "today", "scale": "7", "go": "next"}
    response = owner_client.post(ASK, form)
    answer = Answer.objects.get()
    assert answer.id == answer_id and answer.owner == owner and answer.scale == 7
    assert answer.builtin == "today" and "today" in answer.question_text
    assert response.url == step_url(answer, "know")
    # the same first step again (a double tap, or the save while choosing) keeps one answer
    owner_client.post(ASK, {**form, "scale": "8"})
    assert Answer.objects.get().scale == 8


@pytest.mark.parametrize("scale", ["11", "-1", "", "seven"])
def test_a_scale_outside_0_to_10_is_one_sentence(owner_client, scale):
    response = owner_client.post(ASK, {"question": "today", "scale": scale})
    assert response.status_code == 400
    assert "Choose a number from 0 to 10" in response.content.decode()
    assert not Answer.objects.exists()


def test_each_step_saves_and_stop_keeps_it_for_later(owner_client, owner):
    answer = services.start(owner, "today", 4)
    response = owner_client.post(step_url(answer, "know"), {"text": "a message", "go": "next"})
    assert response.url == step_url(answer, "feel")
    response = owner_client.post(step_url(answer, "feel"), {"text": "lighter", "go": "stop"})
    assert response.url == HUB
    answer.refresh_from_db()
    assert (answer.know, answer.feel, answer.finished) == ("a message", "lighter", False)
    html = owner_client.get(HUB).content.decode()
    assert "Carry on where you stopped" in html
    assert step_url(answer, "see") in html
    detail = owner_client.get(reverse("questions:answer", args=[answer.id])).content.decode()
    assert "not finished yet" in detail and step_url(answer, "see") in detail
    # the page shows what was written before
    assert "lighter" in owner_client.get(step_url(answer, "feel")).content.decode()


def test_back_goes_to_the_step_before_and_then_the_scale(owner_client, owner):
    answer = services.start(owner, "today", 4)
    response = owner_client.post(step_url(answer, "feel"), {"text": "", "go": "back"})
    assert response.url == step_url(answer, "know")
    response = owner_client.post(step_url(answer, "know"), {"text": "", "go": "back"})
    assert response.url == reverse("questions:scale", args=[answer.id])
    response = owner_client.post(response.url, {"id": str(answer.id), "scale": "9", "go": "next"})
    answer.refresh_from_db()
    assert answer.scale == 9 and response.url == step_url(answer, "know")


def test_the_last_step_finishes_and_shows_everything(owner_client, owner):
    answer = services.start(owner, "kindness", 6)
    response = owner_client.post(step_url(answer, "who"), {"text": "my sister", "go": "next"})
    assert response.url == reverse("questions:answer", args=[answer.id])
    answer.refresh_from_db()
    assert answer.finished and answer.who == "my sister"
    html = owner_client.get(response.url).content.decode()
    assert "my sister" in html and "6 out of 10" in html


def test_saving_while_typing_answers_htmx_quietly(owner_client, owner):
    answer = services.start(owner, "today", 5)
    response = owner_client.post(
        step_url(answer, "see"), {"text": "sun on the wall"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "Saved as you typed." in response.content.decode()
    answer.refresh_from_db()
    assert answer.see == "sun on the wall"


def test_an_answer_too_long_keeps_the_words_on_the_page(owner_client, owner):
    answer = services.start(owner, "today", 5)
    response = owner_client.post(step_url(answer, "body"), {"text": "x" * 2001, "go": "next"})
    assert response.status_code == 400
    assert "x" * 100 in response.content.decode()


def test_an_unknown_step_is_not_found(owner_client, owner):
    answer = services.start(owner, "today", 5)
    assert owner_client.get(step_url(answer, "smell")).status_code == 404


def test_the_history_chart_is_accessible(owner_client, owner):
    for scale in (3, 5, 8):
        services.start(owner, "today", scale)
    html = owner_client.get(HUB).content.decode()
    assert 'role="img"' in html and "<title id=" in html
    assert "3 answers from" in html and "the latest is 8 out of 10" in html
    assert "<table" in html and html.count("<circle") == 3


def test_strangers_get_404_everywhere(stranger_client, owner):
    answer = services.start(owner, "today", 5)
    for url in (
        reverse("questions:answer", args=[answer.id]),
        reverse("questions:scale", args=[answer.id]),
        step_url(answer, "know"),
    ):
        assert stranger_client.get(url).status_code == 404
    for url in (reverse("questions:scale", args=[answer.id]), step_url(answer, "know")):
        assert stranger_client.post(url, {"text": "mine now", "scale": "1"}).status_code == 404
    # nor can they take over the answer by sending its id to the first step
    response = stranger_client.post(ASK, {"id": str(answer.id), "question": "today", "scale": "0"})
    assert response.status_code == 400
    answer.refresh_from_db()
    assert answer.scale == 5 and answer.know == ""


def test_signed_out_visitors_are_sent_to_sign_in(client, owner):
    assert client.get(HUB).url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("uk", ["Запитання про проблиск", "Наскільки ймовірно, що сьогодні"]),
        ("de", ["Eine Glimmer-Frage", "Wie wahrscheinlich ist es, dass heute"]),
    ],
)
def test_the_pages_speak_ukrainian_and_german(owner_client, owner, lang, words):
    from django.conf import settings

    owner_client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    services.start(owner, "today", 5)
    html = owner_client.get(HUB).content.decode()
    assert all(word in html for word in words)
    conversations = owner_client.get(reverse("conversations:list")).content.decode()
    assert {"uk": "З ким була розмова?", "de": "Mit wem hast du gesprochen?"}[lang] in conversations


def test_an_answer_can_be_deleted_after_asking_once(owner_client, owner):
    answer = services.answer_at_once(owner, "today", 6, {"know": "a letter comes"})
    kept = services.answer_at_once(owner, "today", 3, {})
    page = owner_client.get(reverse("questions:answer", args=[answer.id])).content.decode()
    delete = reverse("questions:delete", args=[answer.id])
    assert delete in page
    confirm = owner_client.get(delete)
    assert confirm.status_code == 200 and "6 out of 10" in confirm.content.decode()
    assert Answer.objects.filter(id=answer.id).exists()  # asking changes nothing
    response = owner_client.post(delete, follow=True)
    assert response.redirect_chain[-1][0] == HUB
    assert "That answer is gone." in response.content.decode()
    assert list(Answer.objects.values_list("id", flat=True)) == [kept.id]
    assert owner_client.post(delete).status_code == 404  # gone is gone


def test_strangers_cannot_delete_an_answer(stranger_client, client, owner):
    answer = services.start(owner, "today", 5)
    delete = reverse("questions:delete", args=[answer.id])
    assert stranger_client.get(delete).status_code == 404
    assert stranger_client.post(delete).status_code == 404
    assert client.post(delete).url.startswith(reverse("accounts:login"))
    assert Answer.objects.filter(id=answer.id).exists()
