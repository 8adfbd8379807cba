"""One glimmer: detail, edit, move to the trash and back; only for its owner."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from glimmers.diary import services
from glimmers.diary.models import Glimmer, Photo
from tests.web import entries, images


@pytest.fixture
def glimmer(owner):
    made = entries.glimmer(
        owner,
        "the cat's weight on my lap",
        senses=["touch", "body"],
        sense_lines={"touch": "warm fur"},
        body="breath slowed",
        tags=["home"],
        people=["Mila"],
        intensity=3,
    )
    services.save_photos(made, [images.prepared()])
    return made


def url(name, glimmer):
    return reverse(f"diary:{name}", args=[glimmer.id])


def form_data(**fields):
    data = {"text": "the cat purring", "kind": "moment", "senses": ["hearing"]}
    data.update(fields)
    return data


def test_detail_shows_everything(owner_client, glimmer):
    response = owner_client.get(url("detail", glimmer))
    assert response.status_code == 200
    html = response.content.decode()
    for expected in (
        "the cat&#x27;s weight on my lap",
        "Touch",
        "Inside the body",
        "I touched…",
        "warm fur",
        "breath slowed",
        "#home",
        "Mila",
        "3 / 5",
    ):
        assert expected in html
    assert reverse("diary:photo", args=[glimmer.photos.get().id]) in html


@pytest.mark.parametrize("name", ["detail", "edit"])
def test_strangers_get_404_when_reading(stranger_client, glimmer, name):
    assert stranger_client.get(url(name, glimmer)).status_code == 404


@pytest.mark.parametrize("name", ["edit", "trash", "restore"])
def test_strangers_get_404_when_changing(stranger_client, glimmer, name):
    services.move_to_trash(glimmer) if name == "restore" else None
    before = Glimmer.objects.get(id=glimmer.id)
    response = stranger_client.post(url(name, glimmer), form_data(text="hijacked"))
    assert response.status_code == 404
    after = Glimmer.objects.get(id=glimmer.id)
    assert (after.text, after.trashed_at) == (before.text, before.trashed_at)


@pytest.mark.parametrize("name", ["detail", "edit", "trash", "restore"])
def test_anonymous_is_sent_to_sign_in(client, glimmer, name):
    response = (
        client.post(url(name, glimmer))
        if name in ("trash", "restore")
        else client.get(url(name, glimmer))
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert Glimmer.objects.get(id=glimmer.id).trashed_at is None


def test_unknown_glimmer_is_404(owner_client):
    assert owner_client.get("/g/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_edit_form_is_filled_in(owner_client, glimmer):
    response = owner_client.get(url("edit", glimmer))
    assert response.status_code == 200
    html = response.content.decode()
    assert "the cat&#x27;s weight on my lap" in html
    assert 'value="home"' in html and 'value="Mila"' in html and 'value="warm fur"' in html
    assert 'name="remove_photos"' in html


def test_edit_changes_words_and_photos(owner_client, glimmer, django_capture_on_commit_callbacks):
    old_photo = glimmer.photos.get()
    stored = old_photo.image.name
    storage = old_photo.image.storage
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(
            url("edit", glimmer),
            form_data(
                text="the cat purring",
                tags="home, evening",
                noticed_at="2024-02-03T21:15",
                remove_photos=[str(old_photo.id)],
                photos=[images.jpeg(name="new.jpg")],
            ),
        )
    assert response.status_code == 302 and response["Location"] == url("detail", glimmer)
    glimmer.refresh_from_db()
    assert glimmer.text == "the cat purring"
    assert glimmer.version == 2
    assert glimmer.senses == ["hearing"]
    assert glimmer.noticed_at == datetime(2024, 2, 3, 19, 15, tzinfo=UTC)
    assert sorted(tag.name for tag in glimmer.tags.all()) == ["evening", "home"]
    new_photo = glimmer.photos.get()
    assert new_photo.id != old_photo.id
    assert not Photo.objects.filter(id=old_photo.id).exists()
    assert not storage.exists(stored)


def test_an_edit_from_an_older_page_is_kept_beside_the_newer_one(owner_client, glimmer):
    """Two tabs (or a phone and a laptop) open on version 1; the first save wins, the second
    is kept beside it, its new photo added, nothing overwritten or lost."""
    assert 'name="version" value="1"' in owner_client.get(url("edit", glimmer)).content.decode()
    first = owner_client.post(url("edit", glimmer), form_data(text="from the phone", version=1))
    assert first.status_code == 302
    old_photo = glimmer.photos.get()
    second = owner_client.post(
        url("edit", glimmer),
        form_data(
            text="from the laptop",
            version=1,
            remove_photos=[str(old_photo.id)],
            photos=[images.jpeg(name="beach.jpg")],
        ),
        follow=True,
    )
    html = second.content.decode()
    assert "changed elsewhere after you opened it" in html
    assert "from the laptop" in html  # shown beside the saved version, to choose from
    glimmer.refresh_from_db()
    assert glimmer.text == "from the phone" and glimmer.version == 2
    assert glimmer.photos.count() == 2  # the new photo added, the old one not removed
    kept = glimmer.edit_conflicts.get()
    assert kept.data["text"] == "from the laptop" and kept.base_version == 1
    # The same stale edit sent twice (a double tap) is kept once.
    owner_client.post(url("edit", glimmer), form_data(text="from the laptop", version=1))
    assert glimmer.edit_conflicts.count() == 1


def test_an_edit_on_the_saved_version_just_saves(owner_client, glimmer):
    response = owner_client.post(url("edit", glimmer), form_data(text="again", version=1))
    assert response.status_code == 302
    glimmer.refresh_from_db()
    assert glimmer.text == "again" and glimmer.version == 2
    assert not glimmer.edit_conflicts.exists()


def test_edit_with_bad_input_keeps_what_was_typed(owner_client, glimmer):
    response = owner_client.post(url("edit", glimmer), form_data(text="", body="still here"))
    assert response.status_code == 400
    assert "Write a few words about the moment." in response.content.decode()
    assert "still here" in response.content.decode()
    glimmer.refresh_from_db()
    assert glimmer.text == "the cat's weight on my lap"
    assert glimmer.version == 1


def test_edit_refuses_a_non_image(owner_client, glimmer):
    response = owner_client.post(url("edit", glimmer), form_data(photos=[images.not_an_image()]))
    assert response.status_code == 400
    assert glimmer.photos.count() == 1


def test_trash_and_restore(owner_client, glimmer):
    response = owner_client.post(url("trash", glimmer))
    assert response.status_code == 302 and response["Location"] == reverse("diary:timeline")
    glimmer.refresh_from_db()
    assert glimmer.in_trash
    assert "the cat" not in owner_client.get(reverse("diary:timeline")).content.decode()
    detail = owner_client.get(url("detail", glimmer)).content.decode()
    assert "This glimmer is in the trash." in detail
    response = owner_client.post(url("restore", glimmer))
    assert response.status_code == 302
    glimmer.refresh_from_db()
    assert not glimmer.in_trash


@pytest.mark.parametrize("name", ["trash", "restore"])
def test_trash_and_restore_need_a_post(owner_client, glimmer, name):
    assert owner_client.get(url(name, glimmer)).status_code == 405
