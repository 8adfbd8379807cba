"""The insights page: figures from the person's own days, charts with tables, no score."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from glimmers.diary.services import EntryInput, add_glimmer, add_trigger, count_bean, set_intention

URL = "/insights/"


def test_needs_a_login(client, owner):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_empty_diary_is_welcomed_not_judged(owner_client):
    html = owner_client.get(URL).content.decode()
    assert "Nothing to show yet, and that is fine." in html
    assert "<svg" not in html


def test_charts_and_tables_show_the_owners_figures(owner_client, owner, stranger):
    now = timezone.now()
    add_glimmer(owner, EntryInput("sun", noticed_at=now - timedelta(hours=1), senses=["sight"]))
    add_glimmer(owner, EntryInput("tea", noticed_at=now - timedelta(days=3), senses=["taste"]))
    add_trigger(owner, EntryInput("a slammed door", noticed_at=now - timedelta(hours=2)))
    count_bean(owner)
    set_intention(owner, "notice warm light")
    add_glimmer(stranger, EntryInput("not yours", senses=["smell"]))
    response = owner_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "You have noticed 2 glimmers" in html
    for name in ("weekly", "senses", "hours", "weekdays", "balance", "beans", "calendar"):
        assert f'aria-labelledby="{name}-title {name}-desc"' in html, name
    assert html.count("<table>") >= 6
    assert "Smell" in html  # every sense has a wedge, even an empty one
    assert "<td>Smell</td><td>0</td>" in html  # …and the stranger's glimmer isn't counted
    assert "In the last 90 days you set an intention on 1 day" in html
    assert "score" in html and "Every one of them counts." in html


def test_the_year_can_be_chosen_and_a_bad_one_is_ignored(owner_client, owner):
    add_glimmer(owner, EntryInput("old", noticed_at=datetime(2019, 5, 1, 12, tzinfo=UTC)))
    html = owner_client.get(URL + "?year=2019").content.decode()
    assert "A year of glimmers: 2019" in html
    for odd in ("1850", "soon", "99999999999999999999"):
        response = owner_client.get(URL + f"?year={odd}")
        assert response.status_code == 200
        assert f"A year of glimmers: {timezone.localdate().year}" in response.content.decode()


def test_queries_do_not_grow_with_the_diary(owner_client, owner):
    def queries_for_the_page():
        with CaptureQueriesContext(connection) as queries:
            owner_client.get(URL)
        return len(queries)

    now = timezone.now()
    for number in range(3):
        add_glimmer(owner, EntryInput(f"g{number}", noticed_at=now - timedelta(days=number)))
    few = queries_for_the_page()
    for number in range(3, 60):
        add_glimmer(owner, EntryInput(f"g{number}", noticed_at=now - timedelta(days=number * 40)))
    assert queries_for_the_page() == few <= 12


def test_the_glimmer_question_scale_is_drawn_too(owner_client, owner, stranger):
    from glimmers.questions import services as questions

    add_glimmer(owner, EntryInput("sun", noticed_at=timezone.now() - timedelta(hours=1)))
    html = owner_client.get(URL).content.decode()
    assert "your answers gather here over time" in html
    for scale in (3, 5, 8):
        questions.answer_at_once(owner, "today", scale, {})
    questions.answer_at_once(stranger, "today", 1, {})
    html = owner_client.get(URL).content.decode()
    assert 'aria-labelledby="scale-chart-title scale-chart-desc"' in html
    assert "the latest is 8 out of 10" in html
