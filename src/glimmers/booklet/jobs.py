"""Long booklets are made in the background, so a year of glimmers never holds a page open.

A booklet of more than two months (a year with photos takes tens of seconds) becomes a job: a
thread of the running server makes it in the person's time zone and language, and leaves the
PDF in the person's own corner of the media folder. The job's page shows how it goes and then
offers the file. Finished jobs and their files go after a day, or with the account. A job
still "working" long after it began was stopped by a restart: the page says so.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import asdict
from datetime import date, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone, translation

from glimmers.booklet.models import BookletJob, booklet_path
from glimmers.booklet.services import BookletOptions, make_booklet

log = logging.getLogger(__name__)

LONGEST_AT_ONCE = 62  # days made while the page waits; longer periods go to the background
KEPT = timedelta(days=1)  # a finished job and its file stay this long
STOPPED = timedelta(minutes=20)  # "working" for longer than this: a restart stopped it


def in_background(options: BookletOptions) -> bool:
    return (options.until - options.since).days + 1 > LONGEST_AT_ONCE


def start(owner: User, options: BookletOptions) -> BookletJob:
    """Make a booklet in the background; the job says how it goes. Asking again for the same
    booklet while it is being made (a reload, the back button) finds that job, not a new one."""
    sweep(owner)
    record = asdict(options)
    record.update(since=options.since.isoformat(), until=options.until.isoformat())
    for working in BookletJob.objects.filter(owner=owner, state=BookletJob.State.WORKING):
        if working.options == record and not stopped(working):
            return working
    job = BookletJob.objects.create(
        owner=owner,
        options=record,
        time_zone=timezone.get_current_timezone_name(),
        language=translation.get_language() or "en",
    )
    transaction.on_commit(
        lambda: threading.Thread(target=run, args=(job.id,), name="booklet", daemon=True).start()
    )
    return job


def options_of(job: BookletJob) -> BookletOptions:
    record = dict(job.options)
    record.update(
        since=date.fromisoformat(record["since"]), until=date.fromisoformat(record["until"])
    )
    return BookletOptions(**record)


def run(job_id: Any) -> None:
    """Make the PDF of one job (in its own thread, with its own database connection)."""
    try:
        _make(job_id)
    except Exception:
        log.exception("A booklet could not be made (job %s)", job_id)
        BookletJob.objects.filter(id=job_id).update(
            state=BookletJob.State.FAILED, finished_at=timezone.now()
        )
    finally:
        connection.close()


def _make(job_id: Any) -> None:
    job = BookletJob.objects.select_related("owner").get(id=job_id)
    with timezone.override(job.time_zone), translation.override(job.language):
        options = options_of(job)
        printed = make_booklet(job.owner, options)
    storage = job.pdf.storage
    name = storage.save(booklet_path(job, ""), ContentFile(printed.pdf))
    found = BookletJob.objects.filter(id=job.id).update(
        pdf=name,
        glimmers=printed.glimmers,
        pages=printed.pages,
        state=BookletJob.State.READY,
        finished_at=timezone.now(),
    )
    if not found:  # the job (or the whole account) went while it was being made
        storage.delete(name)


def stopped(job: BookletJob) -> bool:
    return job.state == BookletJob.State.WORKING and timezone.now() - job.created_at > STOPPED


def sweep(owner: User) -> None:
    """Let go of a person's booklets finished more than a day ago (their files too)."""
    for job in BookletJob.objects.filter(owner=owner, created_at__lt=timezone.now() - KEPT):
        if job.state != BookletJob.State.WORKING or stopped(job):
            job.delete()


@receiver(post_delete, sender=BookletJob)
def _remove_the_file(sender: Any, instance: BookletJob, **kwargs: Any) -> None:
    """The file goes with its job, also when an account is deleted."""
    if instance.pdf:
        name, storage = instance.pdf.name, instance.pdf.storage
        transaction.on_commit(lambda: storage.delete(name))
