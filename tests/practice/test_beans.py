"""Today's beans, and a bean turned into a glimmer that keeps its time."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from glimmers.diary import services as diary
from glimmers.diary.models import Bean, Glimmer


def glimmer_url(bean):
    return reverse("practice:bean_glimmer", args=[bean.id])


def test_todays_beans_are_listed_with_a_way_to_give_them_words(owner_client, owner):
    bean = diary.count_bean(owner, note="a smile")
    html = owner_client.get(reverse("practice:beans")).content.decode()
    assert "a smile" in html and glimmer_url(bean) in html
    assert "1 moment counted today" in html


def test_a_bean_becomes_a_glimmer_at_the_beans_time(owner_client, owner):
    counted = timezone.now() - timedelta(hours=3)
    bean = diary.count_bean(owner, counted_at=counted, note="a smile")
    assert "a smile" in owner_client.get(glimmer_url(bean)).content.decode()
    response = owner_client.post(
        glimmer_url(bean), {"text": "the baker's smile", "senses": ["sight"]}
    )
    glimmer = Glimmer.objects.get()
    assert response["Location"] == reverse("diary:detail", args=[glimmer.id])
    assert glimmer.noticed_at == counted and glimmer.senses == ["sight"]
    bean.refresh_from_db()
    assert bean.glimmer == glimmer
    # Once turned, the bean leads to its glimmer; it is never turned twice.
    assert owner_client.get(glimmer_url(bean))["Location"] == response["Location"]
    owner_client.post(glimmer_url(bean), {"text": "again"})
    assert Glimmer.objects.count() == 1


def test_a_bean_needs_words_to_become_a_glimmer(owner_client, owner):
    bean = diary.count_bean(owner)
    response = owner_client.post(glimmer_url(bean), {"text": "  "})
    assert response.status_code == 400
    assert "Write a few words about the moment." in response.content.decode()
    assert Bean.objects.get().glimmer is None


def test_a_stranger_cannot_touch_my_bean(stranger_client, owner):
    bean = diary.count_bean(owner)
    assert stranger_client.get(glimmer_url(bean)).status_code == 404
    assert stranger_client.post(glimmer_url(bean), {"text": "mine"}).status_code == 404
    assert not Glimmer.objects.exists()
