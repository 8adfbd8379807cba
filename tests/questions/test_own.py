"""A person's own Glimmer Questions: write, ask, change, put away, bring back."""

from __future__ import annotations

from django.urls import reverse

from glimmers.questions import services
from glimmers.questions.models import GlimmerQuestion

OWN = reverse("questions:own")


def test_writing_a_question_offers_it_on_the_hub(owner_client, owner):
    response = owner_client.post(OWN, {"text": "  Will I  laugh tonight? "})
    assert response.url == OWN
    question = GlimmerQuestion.objects.get()
    assert question.owner == owner and question.text == "Will I laugh tonight?"
    html = owner_client.get(reverse("questions:hub")).content.decode()
    assert "Will I laugh tonight?" in html and f"?q={question.id}" in html


def test_an_empty_question_is_refused(owner_client):
    response = owner_client.post(OWN, {"text": "  "})
    assert response.status_code == 400
    assert "Write your question in a few words." in response.content.decode()


def test_changing_keeps_the_words_of_earlier_answers(owner_client, owner):
    question = services.add_question(owner, "first words")
    answer = services.start(owner, str(question.id), 3)
    url = reverse("questions:own_edit", args=[question.id])
    assert owner_client.post(url, {"text": "second words"}).url == OWN
    question.refresh_from_db()
    answer.refresh_from_db()
    assert question.text == "second words" and answer.question_text == "first words"


def test_putting_away_and_bringing_back(owner_client, owner):
    question = services.add_question(owner, "quiet one")
    owner_client.post(reverse("questions:own_archive", args=[question.id]))
    question.refresh_from_db()
    assert question.archived
    assert "quiet one" not in owner_client.get(reverse("questions:hub")).content.decode()
    assert "Use it again" in owner_client.get(OWN).content.decode()
    owner_client.post(reverse("questions:own_unarchive", args=[question.id]))
    question.refresh_from_db()
    assert not question.archived


def test_strangers_get_404_and_cannot_ask_my_question(stranger_client, owner):
    question = services.add_question(owner, "my own words")
    for name in ("own_edit", "own_archive", "own_unarchive"):
        url = reverse(f"questions:{name}", args=[question.id])
        assert stranger_client.post(url, {"text": "theirs"}).status_code == 404
    assert stranger_client.get(reverse("questions:ask"), {"q": str(question.id)}).status_code == 404
    assert "my own words" not in stranger_client.get(OWN).content.decode()
    question.refresh_from_db()
    assert question.text == "my own words" and not question.archived
