"""The senses walk: step by step, a draft kept on the server, "save what I have" anywhere."""

from __future__ import annotations

from django.urls import reverse

from glimmers.diary.models import Glimmer
from glimmers.practice.models import Draft


def step(n):
    return reverse("practice:walk_step", args=[n])


def test_the_walk_starts_at_the_first_step_and_resumes_where_it_was_left(owner_client):
    assert owner_client.get(reverse("practice:walk"))["Location"] == step(0)
    owner_client.post(step(0), {"when": "now", "action": "next"})
    owner_client.post(step(1), {"line": "the sun on the wall", "action": "next"})
    response = owner_client.post(step(2), {"line": "a blackbird", "action": "leave"})
    assert response["Location"] == reverse("practice:hub")
    hub = owner_client.get(reverse("practice:hub")).content.decode()
    assert "Your walk is waiting where you left it." in hub
    assert owner_client.get(reverse("practice:walk"))["Location"] == step(2)
    html = owner_client.get(step(2)).content.decode()
    assert "a blackbird" in html and "the sun on the wall" in html  # nothing lost


def test_a_whole_walk_of_a_memory_saves_one_glimmer(owner_client, owner):
    owner_client.post(step(0), {"when": "memory", "noticed_at": "2019-07-14", "action": "next"})
    for number, line in enumerate(
        ["waves", "gulls", "salt", "cold watermelon", "warm sand"], start=1
    ):
        owner_client.post(step(number), {"line": line, "action": "next"})
    owner_client.post(step(6), {"line": "free", "other_sense": "body", "action": "next"})
    response = owner_client.post(
        step(7), {"text": "The sea with grandpa", "body": "a smile", "action": "next"}
    )
    glimmer = Glimmer.objects.get()
    assert response["Location"] == reverse("diary:detail", args=[glimmer.id])
    assert glimmer.owner == owner and glimmer.kind == "memory"
    assert glimmer.text == "The sea with grandpa" and glimmer.body == "a smile"
    assert glimmer.senses == ["sight", "hearing", "smell", "taste", "touch", "body"]
    assert glimmer.sense_lines["taste"] == "cold watermelon"
    assert glimmer.sense_lines["body"] == "free"
    assert glimmer.noticed_at.date().isoformat() == "2019-07-14"
    assert not Draft.objects.exists()


def test_save_what_i_have_at_any_step(owner_client):
    owner_client.post(step(0), {"when": "now", "action": "next"})
    owner_client.post(step(1), {"line": "", "action": "next"})
    response = owner_client.post(step(2), {"line": "rain on the roof", "action": "save"})
    glimmer = Glimmer.objects.get()
    assert response["Location"] == reverse("diary:detail", args=[glimmer.id])
    assert glimmer.text == "rain on the roof" and glimmer.senses == ["hearing"]
    assert glimmer.kind == "moment"


def test_saving_an_empty_walk_says_so_and_keeps_the_draft(owner_client):
    owner_client.post(step(0), {"when": "now", "action": "next"})
    response = owner_client.post(step(1), {"line": "", "action": "save"})
    assert response.status_code == 400
    assert "Write at least one line" in response.content.decode()
    assert not Glimmer.objects.exists() and Draft.objects.exists()


def test_back_keeps_the_line_and_start_over_clears(owner_client):
    owner_client.post(step(1), {"line": "the kettle", "action": "back"})
    assert "the kettle" in owner_client.get(step(1)).content.decode()
    owner_client.post(reverse("practice:walk_discard"))
    assert not Draft.objects.exists()


def test_a_too_long_line_is_one_sentence(owner_client):
    response = owner_client.post(step(1), {"line": "x" * 3000, "action": "next"})
    assert response.status_code == 400
    assert "at most 2000 characters" in response.content.decode()


def test_drafts_are_each_persons_own(owner_client, stranger_client):
    owner_client.post(step(1), {"line": "mine", "action": "next"})
    assert "mine" not in stranger_client.get(step(1)).content.decode()


def test_a_walk_begun_in_the_terminal_shows_its_day_on_the_web(owner_client, owner):
    from glimmers.practice import services
    from glimmers.practice.models import Flow

    services.save_draft(
        owner, Flow.WALK, {"when": "memory", "noticed_at": "2019-07-14T18:00:00+03:00"}
    )
    assert 'value="2019-07-14"' in owner_client.get(step(0)).content.decode()
