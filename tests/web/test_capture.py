"""Home: capturing a glimmer, today's list, the bean count and today's intention."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from glimmers.diary import services
from glimmers.diary.models import Bean, Glimmer, Photo
from tests.web import entries, images

HOME = "/"
NOON_IN_KYIV = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)


def capture(client, **fields):
    data = {"text": "sunlight on the wall", "kind": "moment", "id": str(uuid.uuid4())}
    data.update(fields)
    return client.post(HOME, data)


def test_home_offers_a_fresh_capture_form(owner_client):
    response = owner_client.get(HOME)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="text"' in html and "autofocus" in html
    assert 'type="datetime-local"' in html
    assert 'accept="image/*"' in html and "multiple" in html
    assert 'name="senses" value="body"' in html
    assert "I saw…" in html
    form_id = response.context["form"]["id"].value()
    assert uuid.UUID(str(form_id))
    assert owner_client.get(HOME).context["form"]["id"].value() != form_id


def test_anonymous_is_sent_to_sign_in(client, owner):
    for url in (HOME, reverse("diary:bean"), reverse("diary:intention")):
        response = client.post(url, {"text": "hello"})
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    assert Glimmer.objects.count() == 0 and Bean.objects.count() == 0


def test_save_redirects_with_a_kind_word(owner_client, owner):
    response = capture(
        owner_client,
        senses=["sight", "touch"],
        line_sight="gold on the plaster",
        body="shoulders dropped",
        kind="memory",
        tags="morning, Home",
        people="Mila",
        intensity="4",
    )
    glimmer = Glimmer.objects.get()
    # Back home, where the saved glimmer is offered a pause to anchor it.
    assert response.status_code == 302 and response["Location"] == f"{HOME}?saved={glimmer.id}"
    assert glimmer.owner == owner
    assert glimmer.text == "sunlight on the wall"
    assert glimmer.senses == ["sight", "touch"]
    assert glimmer.sense_lines == {"sight": "gold on the plaster"}
    assert glimmer.body == "shoulders dropped"
    assert glimmer.kind == "memory"
    assert sorted(tag.name for tag in glimmer.tags.all()) == ["home", "morning"]
    assert [person.name for person in glimmer.people.all()] == ["Mila"]
    assert glimmer.intensity == 4
    page = owner_client.get(HOME)
    assert "Thank you for noticing" in page.content.decode()
    assert "sunlight on the wall" in page.content.decode()


def test_the_same_id_twice_saves_one_glimmer(owner_client):
    same = str(uuid.uuid4())
    assert capture(owner_client, id=same).status_code == 302
    assert capture(owner_client, id=same).status_code == 302
    assert Glimmer.objects.count() == 1
    assert str(Glimmer.objects.get().id) == same


def test_someone_elses_id_is_refused_kindly(owner_client, stranger):
    theirs = entries.glimmer(stranger)
    response = capture(owner_client, id=str(theirs.id), text="mine")
    assert response.status_code == 400
    assert "already taken" in response.content.decode()
    assert Glimmer.objects.get().text == theirs.text


def test_htmx_save_returns_the_capture_area_with_a_new_id(owner_client):
    sent = str(uuid.uuid4())
    response = owner_client.post(
        HOME, {"text": "tea steam", "kind": "moment", "id": sent}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="capture"')
    assert "<html" not in html
    assert "tea steam" in html and "Saved." in html
    assert response.context["form"]["id"].value() != sent


def test_empty_text_is_a_form_error_and_keeps_the_rest(owner_client):
    response = capture(owner_client, text="   ", body="warm hands", tags="garden")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Write a few words about the moment." in html
    assert "warm hands" in html and 'value="garden"' in html
    assert Glimmer.objects.count() == 0


def test_htmx_error_answers_with_the_form_in_place(owner_client):
    response = owner_client.post(
        HOME, {"text": "", "body": "slow breath", "kind": "moment"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 400
    assert "slow breath" in response.content.decode()
    assert "<html" not in response.content.decode()


def test_unknown_sense_is_refused(owner_client):
    response = capture(owner_client, senses=["sight", "x-ray"])
    assert response.status_code == 400
    assert "x-ray" in response.content.decode()
    assert "sunlight on the wall" in response.content.decode()
    assert Glimmer.objects.count() == 0


def test_a_time_in_the_future_is_refused(owner_client):
    later = (datetime.now(UTC) + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = capture(owner_client, noticed_at=later)
    assert response.status_code == 400
    assert "already happened" in response.content.decode()
    assert Glimmer.objects.count() == 0


def test_the_time_typed_is_read_in_the_persons_zone(owner_client):
    assert capture(owner_client, noticed_at="2024-03-10T08:30").status_code == 302
    # Europe/Kyiv is UTC+2 in March.
    assert Glimmer.objects.get().noticed_at == datetime(2024, 3, 10, 6, 30, tzinfo=UTC)


def test_photo_is_stored_upright_and_without_gps(owner_client):
    upload = images.jpeg(40, 20, orientation=6, gps=True)
    source = Image.open(upload)
    assert source.getexif().get_ifd(images.GPS_IFD)  # the test picture does carry GPS
    upload.seek(0)
    assert capture(owner_client, photos=[upload]).status_code == 302
    photo = Photo.objects.get()
    with photo.image.open("rb") as handle, Image.open(handle) as stored:
        assert stored.size == (20, 40)  # orientation 6 turns it a quarter
        exif = stored.getexif()
        assert not exif.get_ifd(images.GPS_IFD)
        assert images.ORIENTATION not in exif
    assert (photo.width, photo.height) == (20, 40)


def test_several_photos_at_once(owner_client):
    response = capture(owner_client, photos=[images.jpeg(name="a.jpg"), images.jpeg(name="b.jpg")])
    assert response.status_code == 302
    assert Glimmer.objects.get().photos.count() == 2


def test_a_file_that_is_not_a_picture_is_a_form_error(owner_client):
    response = capture(owner_client, photos=[images.not_an_image()], text="the words stay")
    assert response.status_code == 400
    html = response.content.decode()
    assert "not a picture Glimmers can read" in html
    assert "the words stay" in html
    assert Glimmer.objects.count() == 0 and Photo.objects.count() == 0


def test_a_decompression_bomb_is_refused(owner_client):
    response = capture(owner_client, photos=[images.png_bomb()])
    assert response.status_code == 400
    assert "too many pixels" in response.content.decode()
    assert Glimmer.objects.count() == 0


@override_settings(PHOTO_MAX_BYTES=1024 * 1024)
def test_an_oversized_photo_is_refused_and_the_words_kept(owner_client):
    response = capture(owner_client, photos=[images.big_file(1024 * 1024 + 10)], text="keep me")
    assert response.status_code == 400
    html = response.content.decode()
    assert "too large" in html and "1 MB" in html
    assert "keep me" in html
    assert Glimmer.objects.count() == 0


@override_settings(PHOTO_MAX_BYTES=1024 * 1024)
@pytest.mark.parametrize("htmx", [False, True])
def test_a_request_far_too_large_is_refused_before_reading(owner_client, htmx):
    headers = {"HX-Request": "true"} if htmx else {}
    photos = [images.big_file(1024 * 1024 + 10) for _ in range(6)]
    response = owner_client.post(HOME, {"text": "hi", "photos": photos}, headers=headers)
    assert response.status_code == 413
    assert "more than Glimmers can take at once" in response.content.decode()
    if htmx:
        assert response["HX-Retarget"] == "#capture-alert"
    assert Glimmer.objects.count() == 0


def test_too_many_photos_at_once(owner_client):
    photos = [images.jpeg(name=f"{n}.jpg") for n in range(6)]
    response = capture(owner_client, photos=photos)
    assert response.status_code == 400
    assert "up to 5 photos" in response.content.decode()


@time_machine.travel(NOON_IN_KYIV, tick=False)
def test_today_shows_only_my_glimmers_of_today(owner_client, owner, stranger):
    entries.glimmer(owner, "kettle song", ago=timedelta(hours=1))
    entries.glimmer(owner, "yesterday's rain", ago=timedelta(days=1))
    entries.glimmer(stranger, "not mine to see", ago=timedelta(hours=1))
    html = owner_client.get(HOME).content.decode()
    assert "kettle song" in html
    assert "yesterday&#x27;s rain" not in html and "yesterday's rain" not in html
    assert "not mine to see" not in html


def test_bean_counts_and_redirects_without_js(owner_client, owner):
    response = owner_client.post(reverse("diary:bean"))
    assert response.status_code == 302 and response["Location"] == HOME
    assert Bean.objects.filter(owner=owner).count() == 1
    assert "1 moment counted today" in owner_client.get(HOME).content.decode()


def test_bean_returns_to_the_page_it_was_counted_on(owner_client):
    """The beans page sends `next`: without JavaScript a tap there comes back there; a
    `next` pointing elsewhere on the web is not followed."""
    beans_page = reverse("practice:beans")
    assert 'name="next" value="/practice/beans/"' in owner_client.get(beans_page).content.decode()
    response = owner_client.post(reverse("diary:bean"), {"next": beans_page})
    assert response["Location"] == beans_page
    response = owner_client.post(reverse("diary:bean"), {"next": "https://evil.example/"})
    assert response["Location"] == HOME
    # With htmx the counter keeps the page's `next`, not the counting address.
    counter = owner_client.post(
        reverse("diary:bean"), {"next": beans_page}, headers={"HX-Request": "true"}
    ).content.decode()
    assert 'name="next" value="/practice/beans/"' in counter


def test_bean_with_htmx_returns_the_counter(owner_client):
    owner_client.post(reverse("diary:bean"))
    response = owner_client.post(reverse("diary:bean"), headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<form id="beans"')
    assert "2 moments counted today" in html


def test_bean_needs_a_post(owner_client):
    assert owner_client.get(reverse("diary:bean")).status_code == 405


def test_intention_is_set_and_replaced(owner_client, owner):
    url = reverse("diary:intention")
    assert owner_client.post(url, {"text": "notice warm light"}).status_code == 302
    response = owner_client.post(
        url, {"text": "notice kind voices"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "notice kind voices" in response.content.decode()
    with timezone.override("Europe/Kyiv"):
        today = timezone.localdate()
    assert services.intention_on(owner, today).text == "notice kind voices"
    assert "notice kind voices" in owner_client.get(HOME).content.decode()


def test_an_empty_intention_is_a_form_error(owner_client):
    response = owner_client.post(reverse("diary:intention"), {"text": "  "})
    assert response.status_code == 400
    assert "Write a few words for your intention." in response.content.decode()
