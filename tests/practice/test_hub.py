"""The practice hub: linked from the main navigation, every flow listed, in every language."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

HUB = reverse("practice:hub")
FLOWS = [
    "practice:pause",
    "practice:walk",
    "practice:morning",
    "practice:evening",
    "practice:beans",
    "practice:dark_time",
    "practice:photo",
    "practice:prompts",
    "practice:onboarding",
]


def test_the_hub_lists_every_flow_and_the_nav_leads_there(owner_client):
    html = owner_client.get(HUB).content.decode()
    for name in FLOWS:
        assert f'href="{reverse(name)}' in html, name
    assert f'href="{HUB}" aria-current="page"' in html
    assert f'href="{HUB}"' in owner_client.get(reverse("diary:home")).content.decode()


@pytest.mark.parametrize("name", ["practice:hub", *FLOWS])
def test_every_flow_page_opens(owner_client, name):
    response = owner_client.get(reverse(name), follow=True)
    assert response.status_code == 200


@pytest.mark.parametrize("name", ["practice:hub", *FLOWS])
def test_signing_in_comes_first(client, owner, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    "lang, words",
    [("uk", ["Практика", "Прогулянка чуттями"]), ("de", ["Übung", "Sinnesspaziergang"])],
)
def test_the_hub_speaks_the_language(owner_client, lang, words):
    owner_client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    html = owner_client.get(HUB).content.decode()
    assert all(word in html for word in words)
