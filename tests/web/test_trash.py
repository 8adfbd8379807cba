"""The trash page and emptying it."""

from __future__ import annotations

from django.urls import reverse

from glimmers.diary import services
from glimmers.diary.models import Glimmer, Photo, Trigger
from tests.web import entries, images

TRASH = reverse("diary:trash_page")
EMPTY = reverse("diary:empty_trash")


def test_lists_my_trashed_glimmers_and_triggers_only(owner_client, owner, stranger):
    services.move_to_trash(entries.glimmer(owner, "set-aside glimmer"))
    services.move_to_trash(entries.trigger(owner, "set-aside trigger"))
    entries.glimmer(owner, "still living")
    services.move_to_trash(entries.glimmer(stranger, "their trash"))
    html = owner_client.get(TRASH).content.decode()
    assert "set-aside glimmer" in html and "set-aside trigger" in html
    assert "still living" not in html and "their trash" not in html
    assert "Bring it back" in html


def test_empty_trash_page_is_calm(owner_client):
    assert "The trash is empty." in owner_client.get(TRASH).content.decode()


def test_emptying_asks_first(owner_client, owner):
    services.move_to_trash(entries.glimmer(owner))
    response = owner_client.get(EMPTY)
    assert response.status_code == 200
    assert "1 entry will be deleted for good" in response.content.decode()
    assert Glimmer.objects.count() == 1


def test_emptying_deletes_mine_for_good_with_photo_files(
    owner_client, owner, stranger, django_capture_on_commit_callbacks
):
    doomed = entries.glimmer(owner, "goodbye")
    services.save_photos(doomed, [images.prepared()])
    photo = doomed.photos.get()
    name, storage = photo.image.name, photo.image.storage
    services.move_to_trash(doomed)
    services.move_to_trash(entries.trigger(owner))
    kept = entries.glimmer(owner, "keep me")
    theirs = entries.glimmer(stranger, "their trash")
    services.move_to_trash(theirs)
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(EMPTY)
    assert response.status_code == 302 and response["Location"] == TRASH
    assert list(Glimmer.objects.order_by("text")) == [kept, theirs]
    assert not Trigger.objects.exists()
    assert not Photo.objects.exists()
    assert not storage.exists(name)
    assert "2 entries were deleted for good" in owner_client.get(TRASH).content.decode()


def test_anonymous_is_sent_to_sign_in(client, owner):
    services.move_to_trash(entries.glimmer(owner))
    for response in (client.get(TRASH), client.get(EMPTY), client.post(EMPTY)):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    assert Glimmer.objects.count() == 1


def test_a_stranger_empties_only_their_own_trash(stranger_client, owner):
    services.move_to_trash(entries.glimmer(owner))
    assert stranger_client.post(EMPTY).status_code == 302
    assert Glimmer.objects.count() == 1
