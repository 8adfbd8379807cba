"""After a trigger: a pause or one of my own glimmers is offered, never forced."""

from __future__ import annotations

from django.urls import reverse

from tests.web import entries


def after_url(trigger):
    return reverse("practice:after_trigger", args=[trigger.id])


def test_a_glimmer_with_the_same_senses_is_preferred(owner_client, owner):
    entries.glimmer(owner, "the smell of pine", senses=["smell"])
    entries.glimmer(owner, "my daughter singing", senses=["hearing"])
    trigger = entries.trigger(owner, "sirens", senses=["hearing"])
    for _ in range(5):
        html = owner_client.get(after_url(trigger)).content.decode()
        assert "my daughter singing" in html and "the smell of pine" not in html
        assert "It came through the same senses (Hearing)." in html
    assert reverse("practice:pause") in html and "No, thank you" in html


def test_any_glimmer_when_none_shares_a_sense_and_none_at_all_is_fine(owner_client, owner):
    trigger = entries.trigger(owner, "a slammed door", senses=["hearing"])
    html = owner_client.get(after_url(trigger)).content.decode()
    assert "One of your own glimmers" not in html and "A short pause to breathe" in html
    entries.glimmer(owner, "the smell of pine", senses=["smell"])
    assert "the smell of pine" in owner_client.get(after_url(trigger)).content.decode()


def test_never_someone_elses_glimmer_and_a_stranger_gets_404(owner_client, owner, stranger):
    entries.glimmer(stranger, "their secret", senses=["hearing"])
    trigger = entries.trigger(owner, "sirens", senses=["hearing"])
    assert "their secret" not in owner_client.get(after_url(trigger)).content.decode()


def test_a_stranger_gets_404(stranger_client, owner):
    trigger = entries.trigger(owner)
    assert stranger_client.get(after_url(trigger)).status_code == 404


def test_the_offer_asks_the_same_few_questions_however_long_the_diary(owner_client, owner):
    from datetime import timedelta

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    trigger = entries.trigger(owner, "sirens", senses=["hearing"])
    entries.glimmer(owner, "rain on the roof", senses=["hearing"])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            owner_client.get(after_url(trigger))
        return len(captured)

    few = queries()
    for day in range(1, 30):
        entries.glimmer(owner, f"birds {day}", senses=["hearing"], ago=timedelta(days=day))
    assert queries() == few
