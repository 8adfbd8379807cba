"""First steps: a few screens after the first account, skippable, findable again."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from glimmers.diary.models import Glimmer
from glimmers.practice.models import Onboarding
from tests.conftest import PASSWORD


def screen(n):
    return reverse("practice:onboarding_screen", args=[n])


def test_the_first_account_leads_to_the_first_steps(db):
    client = Client()
    response = client.post(
        reverse("accounts:welcome"),
        {"username": "olena", "password": PASSWORD, "time_zone": "Europe/Kyiv"},
        follow=True,
    )
    html = response.content.decode()
    assert "What is a glimmer?" in html and "Step 1 of 3" in html


def test_three_screens_then_the_first_glimmer(owner_client, owner):
    assert "Glimmers and triggers" in owner_client.get(screen(2)).content.decode()
    assert "Your first glimmer" in owner_client.get(screen(3)).content.decode()
    response = owner_client.post(screen(3), {"text": "my grandmother's hands"})
    glimmer = Glimmer.objects.get()
    assert response["Location"] == reverse("diary:detail", args=[glimmer.id])
    assert glimmer.owner == owner and glimmer.text == "my grandmother's hands"
    assert Onboarding.objects.get(owner=owner).finished_at is not None


def test_skipping_is_remembered_and_the_path_is_findable_again(owner_client, owner):
    response = owner_client.post(reverse("practice:skip_onboarding"))
    assert response["Location"] == reverse("diary:home")
    assert Onboarding.objects.get(owner=owner).finished_at is not None
    hub = owner_client.get(reverse("practice:hub")).content.decode()
    assert reverse("practice:onboarding") in hub
    assert owner_client.get(reverse("practice:onboarding")).status_code == 200
    settings_page = owner_client.get(reverse("accounts:settings")).content.decode()
    assert reverse("practice:onboarding") in settings_page
    assert reverse("practice:prompts") in settings_page


def test_an_empty_first_glimmer_is_one_sentence(owner_client):
    response = owner_client.post(screen(3), {"text": ""})
    assert response.status_code == 400
    assert "Write a few words about the moment." in response.content.decode()
    assert not Glimmer.objects.exists()


def test_screen_numbers_out_of_range_settle_on_a_real_screen(owner_client):
    assert "Step 3 of 3" in owner_client.get(screen(9)).content.decode()
    assert "Step 1 of 3" in owner_client.get(screen(0)).content.decode()
