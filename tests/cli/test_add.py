import uuid
from datetime import UTC, datetime, timedelta

import time_machine
from django.utils import timezone

from glimmers.diary.models import Glimmer


def test_add_saves_and_prints_the_id(run, owner):
    result = run("add", "bread in the oven", "-s", "smell", "--sense", "touch", "--tag", "Home")
    assert result.exit_code == 0, result.output
    glimmer = Glimmer.objects.get(id=uuid.UUID(result.stdout.strip()))
    assert glimmer.owner == owner
    assert glimmer.text == "bread in the oven"
    assert glimmer.senses == ["smell", "touch"]
    assert [t.name for t in glimmer.tags.all()] == ["home"]
    assert glimmer.kind == "moment"


def test_add_with_every_field(run, owner):
    result = run(
        "add",
        "grandmother's hands",
        "--kind",
        "memory",
        "--at",
        "2019-07-04 09:30",
        "--line",
        "touch=warm and dry",
        "-s",
        "touch",
        "--body",
        "shoulders dropped",
        "--person",
        "Oma",
        "--intensity",
        "4",
    )
    assert result.exit_code == 0, result.output
    glimmer = Glimmer.objects.get(owner=owner)
    assert glimmer.kind == "memory"
    assert glimmer.sense_lines == {"touch": "warm and dry"}
    assert glimmer.body == "shoulders dropped"
    assert [p.name for p in glimmer.people.all()] == ["Oma"]
    assert glimmer.intensity == 4
    # owner lives in Europe/Kyiv (UTC+3 in July)
    assert glimmer.noticed_at == datetime(2019, 7, 4, 6, 30, tzinfo=UTC)


@time_machine.travel(datetime(2025, 3, 10, 12, 0, tzinfo=UTC), tick=False)
def test_add_reads_plain_words_in_the_persons_zone(run, owner):
    assert run("add", "birdsong", "--at", "yesterday 18:00").exit_code == 0
    glimmer = Glimmer.objects.get(owner=owner)
    local = timezone.localtime(glimmer.noticed_at, timezone=timezone.get_current_timezone())
    assert (local.date().isoformat(), local.hour, local.minute) == ("2025-03-09", 18, 0)


def test_empty_text_is_refused_with_one_sentence(run, owner):
    result = run("add", "   ")
    assert result.exit_code == 1
    assert "Write a few words" in result.stderr
    assert Glimmer.objects.count() == 0


def test_unknown_sense_is_refused(run, owner):
    result = run("add", "x", "--sense", "echolocation")
    assert result.exit_code == 1
    assert "echolocation" in result.stderr and "not a sense" in result.stderr
    assert Glimmer.objects.count() == 0


def test_unreadable_time_is_refused(run, owner):
    result = run("add", "x", "--at", "when the moon is blue")
    assert result.exit_code == 1
    assert "not a time Glimmers can read" in result.stderr
    assert Glimmer.objects.count() == 0


def test_future_time_is_refused(run, owner):
    later = (timezone.now() + timedelta(days=2)).date().isoformat()
    result = run("add", "x", "--at", later)
    assert result.exit_code == 1
    assert "in the future" in result.stderr
    assert Glimmer.objects.count() == 0


def test_unknown_kind_is_refused(run, owner):
    result = run("add", "x", "--kind", "dream")
    assert result.exit_code == 1
    assert "not a kind" in result.stderr


def test_photo_that_is_not_a_picture_is_refused(run, owner, tmp_path):
    fake = tmp_path / "notes.jpg"
    fake.write_text("not a picture at all")
    result = run("add", "x", "--photo", str(fake))
    assert result.exit_code == 1
    assert "not a picture" in result.stderr
    assert Glimmer.objects.count() == 0


def test_photo_is_saved(run, owner, tmp_path):
    from PIL import Image

    path = tmp_path / "sun.jpg"
    Image.new("RGB", (64, 48), "gold").save(path)
    result = run("add", "sun on the wall", "--photo", str(path), "--kind", "photo")
    assert result.exit_code == 0, result.output
    photo = Glimmer.objects.get(owner=owner).photos.get()
    assert (photo.width, photo.height) == (64, 48)


def test_the_first_capture_on_a_fresh_install_creates_a_person(run, db):
    from django.contrib.auth import get_user_model

    result = run("add", "first light")
    assert result.exit_code == 0
    assert "made a diary for" in result.stderr
    user = get_user_model().objects.get()
    assert not user.has_usable_password()
    assert Glimmer.objects.get().owner == user


def test_several_people_need_a_name(run, owner, stranger):
    result = run("add", "x")
    assert result.exit_code == 1
    assert "--user" in result.stderr
    assert run("add", "x", "--user", "olena").exit_code == 0
    assert run("add", "y", env={"GLIMMERS_USER": "stranger"}).exit_code == 0
    assert Glimmer.objects.filter(owner=owner).count() == 1
    assert Glimmer.objects.filter(owner=stranger).count() == 1


def test_unknown_user_is_refused(run, owner):
    result = run("add", "x", "--user", "nobody")
    assert result.exit_code == 1
    assert "nobody" in result.stderr
