"""Prompts: one a day on the capture page; a person hides the ones they do not want."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils import translation

from glimmers.practice import prompts
from glimmers.practice.models import HiddenPrompt

HOME = reverse("diary:home")
VISIBILITY = reverse("practice:prompt_visibility")


def test_a_different_prompt_each_day(owner):
    days = [date(2025, 1, 1).fromordinal(date(2025, 1, 1).toordinal() + n) for n in range(3)]
    offered = [prompts.prompt_for(owner, day) for day in days]
    assert len({prompt.key for prompt in offered if prompt}) == 3


def test_the_capture_page_offers_todays_prompt_and_hiding_it_is_remembered(owner_client, owner):
    from django.utils import timezone

    today = prompts.prompt_for(owner, timezone.localdate())
    assert today is not None
    with translation.override("en"):
        text = str(today.text)
    assert text.replace("'", "&#x27;") in owner_client.get(HOME).content.decode()
    response = owner_client.post(VISIBILITY, {"key": today.key, "hide": "1", "next": HOME})
    assert response["Location"] == HOME
    assert HiddenPrompt.objects.filter(owner=owner, key=today.key).exists()
    assert prompts.prompt_for(owner, timezone.localdate()) != today


def test_the_library_groups_prompts_and_brings_hidden_ones_back(owner_client, owner):
    prompts.set_hidden(owner, "senses-taste", True)
    html = owner_client.get(reverse("practice:prompts")).content.decode()
    assert "Through the senses" in html and "Offer again" in html
    owner_client.post(VISIBILITY, {"key": "senses-taste", "hide": "0"})
    assert not HiddenPrompt.objects.exists()


def test_every_prompt_hidden_means_no_prompt(owner_client, owner):
    for prompt in prompts.PROMPTS:
        prompts.set_hidden(owner, prompt.key, True)
    assert prompts.prompt_for(owner, date(2025, 1, 1)) is None
    assert "prompt-offer" not in owner_client.get(HOME).content.decode()


def test_unknown_keys_and_outside_next_are_ignored(owner_client, owner):
    response = owner_client.post(VISIBILITY, {"key": "nope", "hide": "1", "next": "//evil.example"})
    assert response["Location"] == reverse("practice:prompts")
    assert not HiddenPrompt.objects.exists()


def test_hidden_prompts_are_each_persons_own(owner, stranger):
    prompts.set_hidden(owner, "senses-taste", True)
    assert prompts.hidden_keys(stranger) == set()
