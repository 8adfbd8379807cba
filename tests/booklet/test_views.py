"""The print pages: a booklet of a period and bookmarks, for the signed-in owner only."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from glimmers.diary.models import Glimmer
from tests.booklet import diary, pdfcheck
from tests.web import entries

BOOKLET = reverse("booklet:booklet")
BOOKMARKS = reverse("booklet:bookmarks")


def make(client, **fields):
    return client.get(BOOKLET, {"make": "1", "period": "week", "paper": "a4", **fields})


def test_settings_lead_to_the_print_pages(owner_client):
    html = owner_client.get(reverse("accounts:settings")).content.decode()
    assert f'href="{BOOKLET}"' in html and f'href="{BOOKMARKS}"' in html


def test_the_form_starts_with_gentle_defaults(owner_client):
    response = owner_client.get(BOOKLET)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="month" id="id_period_1" checked' in html or (
        'value="month"' in html and "checked" in html
    )
    assert 'name="photos" id="id_photos" checked' in html
    assert 'name="triggers" id="id_triggers" checked' not in html
    assert 'type="date"' in html and "<legend>Which days</legend>" in html


def test_the_owner_downloads_a_booklet_of_their_week(owner_client, owner):
    diary.fill(owner)
    response = make(owner_client, photos="on")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    today = timezone.localdate()
    assert response["Content-Disposition"] == (
        f'attachment; filename="glimmers-{today - timedelta(days=6)}-{today}.pdf"'
    )
    assert response["Cache-Control"] == "private, no-store"
    text = pdfcheck.words(response.content)
    assert diary.KYIV_TEXT in text and diary.GERMAN_TEXT in text
    assert pdfcheck.image_count(response.content) == 1


def test_a_stranger_gets_only_their_own_glimmers(owner, stranger_client, stranger):
    diary.fill(owner)
    entries.glimmer(stranger, "my own small moment", ago=timedelta(days=1))
    response = make(stranger_client, photos="on", triggers="on")
    text = pdfcheck.words(response.content)
    assert "my own small moment" in text
    assert diary.KYIV_TEXT not in text and "Sirens" not in text
    assert pdfcheck.image_count(response.content) == 0


def test_a_stranger_with_an_empty_diary_gets_a_sentence_not_an_empty_pdf(owner, stranger_client):
    diary.fill(owner)
    response = make(stranger_client)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "There are no glimmers from" in html and "nothing to print" in html
    assert html.count('role="alert"') == 1


def test_chosen_dates(owner_client, owner):
    diary.fill(owner)
    today = timezone.localdate()
    yesterday = today - timedelta(days=1)
    response = make(owner_client, period="dates", since=yesterday, until=yesterday)
    text = pdfcheck.words(response.content)
    assert diary.GERMAN_TEXT in text and diary.KYIV_TEXT not in text


def test_dates_in_the_wrong_order_are_one_clear_error(owner_client, owner):
    diary.fill(owner)
    response = make(owner_client, period="dates", since="2024-05-02", until="2024-05-01")
    assert response.status_code == 400
    html = response.content.decode()
    assert html.count("The period ends before it begins") == 1
    assert 'value="2024-05-02"' in html  # what was entered stays


def test_twenty_years_is_too_long(owner_client, owner):
    response = make(owner_client, period="dates", since="2004-01-01", until="2024-01-01")
    assert response.status_code == 400
    assert "A booklet covers at most ten years" in response.content.decode()


def test_chosen_dates_need_both_days(owner_client, owner):
    response = make(owner_client, period="dates", since="2024-05-02")
    assert response.status_code == 400
    assert "Choose the first and the last day of the period." in response.content.decode()


def test_nonsense_is_refused_with_a_sentence(owner_client, owner):
    response = make(owner_client, period="forever", since="soon")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Select a valid choice" in html and "Enter a valid date" in html


def test_anonymous_visitors_are_sent_to_sign_in(client, owner):
    for url in (BOOKLET, f"{BOOKLET}?make=1&period=week", BOOKMARKS):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(
            reverse("accounts:login")
        )


def test_only_get(owner_client):
    assert owner_client.post(BOOKLET, {"period": "week"}).status_code == 405


# Bookmarks


def test_bookmarks_start_with_recent_strong_glimmers(owner_client, owner):
    made = diary.fill(owner)
    html = owner_client.get(BOOKMARKS).content.decode()
    for key in ("bread", "sun"):
        assert f'value="{made[key].id}"' in html
    # The two strong ones and the newest of the rest are ticked to begin with.
    assert html.count("checked") == 3
    assert str(made["gone"].id) not in html


def test_the_owner_prints_chosen_bookmarks(owner_client, owner):
    made = diary.fill(owner)
    response = owner_client.get(
        BOOKMARKS, {"make": "1", "paper": "letter", "glimmers": [made["tram"].id, made["bread"].id]}
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pages = pdfcheck.pages(response.content)
    assert len(pages) == 1
    width, height = pages[0].image.size
    assert abs(height / width - 11 / 8.5) < 0.01
    text = pdfcheck.words(response.content)
    assert "Die Straßenbahn" in text and "Хліб у печі" in text and "Cut along" in text


def test_a_stranger_cannot_put_my_glimmer_on_a_bookmark(owner, stranger_client, stranger):
    made = diary.fill(owner)
    entries.glimmer(stranger, "theirs")
    response = stranger_client.get(
        BOOKMARKS, {"make": "1", "paper": "a4", "glimmers": [made["bread"].id]}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "One of those glimmers is not in your diary." in html
    assert diary.KYIV_TEXT not in html


def test_bookmarks_need_a_choice_and_at_most_six(owner_client, owner):
    for number in range(8):
        entries.glimmer(owner, f"moment {number}", ago=timedelta(hours=number + 1))
    response = owner_client.get(BOOKMARKS, {"make": "1", "paper": "a4"})
    assert response.status_code == 400
    assert "Choose one glimmer or more." in response.content.decode()
    ids = [glimmer.id for glimmer in Glimmer.objects.filter(owner=owner)]
    response = owner_client.get(BOOKMARKS, {"make": "1", "paper": "a4", "glimmers": ids})
    assert response.status_code == 400
    assert "Choose at most 6 glimmers for bookmarks." in response.content.decode()


def test_an_empty_diary_gets_a_kind_word_instead_of_a_form(owner_client, owner):
    html = owner_client.get(BOOKMARKS).content.decode()
    assert "Once you have noticed a glimmer or two" in html and '<form method="get"' not in html


def test_the_ends_of_the_calendar_are_no_trouble(owner_client, owner):
    entries.glimmer(owner, "today's")
    for since, until in (("0001-01-01", "0001-01-05"), ("9999-12-25", "9999-12-31")):
        response = make(owner_client, period="dates", since=since, until=until)
        assert response.status_code == 400
        assert "There are no glimmers from" in response.content.decode()
