"""A long booklet is made in the background: the page answers at once, says how it goes,
then offers the PDF — to its owner only. Finished ones go after a day, and with the account."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from glimmers.accounts.services import delete_account
from glimmers.booklet import jobs
from glimmers.booklet.models import BookletJob
from tests.booklet import diary, pdfcheck

pytestmark = pytest.mark.django_db(transaction=True)  # the job runs in a thread of its own
BOOKLET = reverse("booklet:booklet")


def ask_for_a_year(client):
    today = timezone.localdate()
    since = today - timedelta(days=364)
    fields = {"make": "1", "period": "dates", "since": since, "until": today, "paper": "a4"}
    return client.get(BOOKLET, {**fields, "photos": "on"})


def a_year_job(owner, **fields):
    """A job for 2024 as the form starts one, without its thread."""
    options = {"since": "2024-01-01", "until": "2024-12-31", "photos": True}
    options.update(triggers=False, paper="a4")
    return BookletJob.objects.create(
        owner=owner, options=options, time_zone="Europe/Kyiv", language="en", **fields
    )


def finished(job_id, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = BookletJob.objects.get(id=job_id)
        if job.state != BookletJob.State.WORKING:
            return job
        time.sleep(0.1)
    raise AssertionError("the booklet was not made in time")


def test_a_year_is_made_in_the_background_and_offered_when_ready(owner_client, owner):
    diary.fill(owner)
    response = ask_for_a_year(owner_client)
    job = BookletJob.objects.get()
    page = reverse("booklet:job", args=[job.id])
    assert response.status_code == 302 and response["Location"] == page
    waiting = owner_client.get(page).content.decode()
    if "It is being made" in waiting:  # the thread may already be done
        assert 'hx-trigger="every 2s"' in waiting and 'http-equiv="refresh"' in waiting

    job = finished(job.id)
    assert job.state == BookletJob.State.READY and job.glimmers == 4
    html = owner_client.get(page).content.decode()
    assert "It is ready: 4 glimmers" in html and "every 2s" not in html
    pdf = owner_client.get(reverse("booklet:job_pdf", args=[job.id]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf["Cache-Control"] == "private, no-store"
    assert pdf["Content-Disposition"].startswith('attachment; filename="glimmers-')
    content = b"".join(pdf.streaming_content)
    assert diary.KYIV_TEXT in pdfcheck.words(content)
    # htmx asks for the status part alone.
    part = owner_client.get(page, headers={"HX-Request": "true"}).content.decode()
    assert part.lstrip().startswith('<div id="job"')


def test_a_short_period_is_still_made_at_once(owner_client, owner):
    diary.fill(owner)
    response = owner_client.get(BOOKLET, {"make": "1", "period": "week", "paper": "a4"})
    assert response["Content-Type"] == "application/pdf"
    assert not BookletJob.objects.exists()


def test_an_empty_year_is_one_sentence_at_once_not_a_job(owner_client, owner):
    response = ask_for_a_year(owner_client)
    assert response.status_code == 400
    assert "There are no glimmers from" in response.content.decode()
    assert not BookletJob.objects.exists()


def test_strangers_find_neither_the_job_nor_its_file(owner_client, owner, stranger_client, client):
    diary.fill(owner)
    ask_for_a_year(owner_client)
    job = finished(BookletJob.objects.get().id)
    for name in ("booklet:job", "booklet:job_pdf"):
        url = reverse(name, args=[job.id])
        assert stranger_client.get(url).status_code == 404
        assert client.get(url).url.startswith(reverse("accounts:login"))
    assert owner_client.get(reverse("booklet:job", args=[job.id])).status_code == 200


def test_a_job_stopped_by_a_restart_says_so(owner_client, owner):
    job = a_year_job(owner, created_at=timezone.now() - timedelta(hours=1))
    html = owner_client.get(reverse("booklet:job", args=[job.id])).content.decode()
    assert "stopped before it was ready" in html and "every 2s" not in html
    assert owner_client.get(reverse("booklet:job_pdf", args=[job.id])).status_code == 404


def test_finished_booklets_go_after_a_day_and_with_the_account(owner_client, owner):
    diary.fill(owner)
    ask_for_a_year(owner_client)
    old = finished(BookletJob.objects.get().id)
    old_file = old.pdf.name
    assert default_storage.exists(old_file)
    BookletJob.objects.filter(id=old.id).update(created_at=timezone.now() - timedelta(days=2))
    ask_for_a_year(owner_client)  # a new one lets the day-old one go
    fresh = finished(BookletJob.objects.exclude(id=old.id).get().id)
    assert not BookletJob.objects.filter(id=old.id).exists()
    assert not default_storage.exists(old_file)
    delete_account(owner)
    assert not BookletJob.objects.exists()
    assert not default_storage.exists(fresh.pdf.name)


def test_a_job_that_fails_says_so_and_keeps_no_file(owner, monkeypatch):
    diary.fill(owner)

    def broken(*args, **kwargs):
        raise RuntimeError("the printer caught fire")

    monkeypatch.setattr(jobs, "make_booklet", broken)
    job = a_year_job(owner)
    jobs.run(job.id)
    job.refresh_from_db()
    assert job.state == BookletJob.State.FAILED and not job.pdf and job.finished_at


def test_asking_again_while_it_is_made_finds_the_same_job(owner_client, owner):
    diary.fill(owner)
    working = a_year_job(owner)  # as if its thread were still at work
    today = timezone.localdate()
    working.options.update(since=(today - timedelta(days=364)).isoformat(), until=str(today))
    working.save()
    response = ask_for_a_year(owner_client)  # a reload of the form's address
    assert response["Location"] == reverse("booklet:job", args=[working.id])
    assert BookletJob.objects.count() == 1


def test_a_day_old_booklet_goes_when_its_page_is_looked_at(owner_client, owner):
    old = a_year_job(owner, created_at=timezone.now() - timedelta(days=2))
    BookletJob.objects.filter(id=old.id).update(state=BookletJob.State.READY)
    fresh = a_year_job(owner)
    assert owner_client.get(reverse("booklet:job", args=[fresh.id])).status_code == 200
    assert list(BookletJob.objects.values_list("id", flat=True)) == [fresh.id]
