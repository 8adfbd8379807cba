from pathlib import Path

from django.contrib.auth import get_user_model

from glimmers.diary.models import Glimmer, Photo, Profile


def test_create_with_password_from_stdin(run, db):
    result = run(
        "user",
        "create",
        "mariia",
        "--password-stdin",
        "--time-zone",
        "Europe/Kyiv",
        input="a quiet morning walk\n",
    )
    assert result.exit_code == 0, result.output
    user = get_user_model().objects.get(username="mariia")
    assert user.check_password("a quiet morning walk")
    assert Profile.objects.get(user=user).time_zone == "Europe/Kyiv"


def test_create_without_password_is_cli_only(run, db):
    assert run("user", "create", "taras", "--no-password").exit_code == 0
    assert not get_user_model().objects.get(username="taras").has_usable_password()
    assert "taras\tCLI only" in run("user", "list").stdout


def test_weak_password_is_refused(run, db):
    result = run("user", "create", "anna", "--password-stdin", input="12345678\n")
    assert result.exit_code == 1
    assert "too common" in result.stderr or "entirely numeric" in result.stderr
    assert not get_user_model().objects.exists()


def test_taken_name_and_bad_zone_are_refused(run, owner):
    assert "already taken" in run("user", "create", "Olena", "--no-password").stderr
    result = run("user", "create", "new", "--no-password", "--time-zone", "Mars/Olympus")
    assert result.exit_code == 1 and "not a time zone" in result.stderr


def test_password_can_be_set_later(run, db):
    run("user", "create", "taras", "--no-password")
    assert (
        run("user", "password", "taras", "--password-stdin", input="bread and honey\n").exit_code
        == 0
    )
    assert get_user_model().objects.get(username="taras").check_password("bread and honey")
    assert run("user", "password", "nobody", "--password-stdin", input="x\n").exit_code == 1


def test_delete_removes_entries_and_photo_files(
    run, owner, tmp_path, django_capture_on_commit_callbacks
):
    from PIL import Image

    picture = tmp_path / "p.jpg"
    Image.new("RGB", (20, 20), "red").save(picture)
    run("add", "poppy", "--photo", str(picture), "--user", "olena")
    photo = Photo.objects.get()
    path = photo.image.path
    assert run("user", "delete", "olena").exit_code == 1  # asks first; no terminal here
    with django_capture_on_commit_callbacks(execute=True):
        result = run("user", "delete", "olena", "--yes")
    assert result.exit_code == 0
    assert not Glimmer.objects.exists()
    assert not Path(path).exists()
