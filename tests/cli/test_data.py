import csv
import io
import json
import zipfile

from glimmers.diary.models import Glimmer
from glimmers.diary.services import EntryInput, add_glimmer


def test_export_json_to_stdout_and_to_a_file(run, owner, tmp_path):
    add_glimmer(owner, EntryInput(text="moss after rain", senses=["smell"], tags=["forest"]))
    document = json.loads(run("export").stdout)
    assert document["format"] == "glimmers"
    assert document["glimmers"][0]["text"] == "moss after rain"
    target = tmp_path / "diary.json"
    assert run("export", "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text()) == document
    assert target.stat().st_mode & 0o777 == 0o600


def test_export_markdown_and_csv(run, owner):
    add_glimmer(
        owner, EntryInput(text="a warm scarf", senses=["touch"], sense_lines={"touch": "soft wool"})
    )
    markdown = run("export", "--format", "markdown").stdout
    assert "a warm scarf" in markdown and "soft wool" in markdown and markdown.startswith("# ")
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv").stdout)))
    assert rows[0]["text"] == "a warm scarf"
    assert rows[0]["senses"] == "touch" and rows[0]["line_touch"] == "soft wool"


def test_export_to_a_missing_folder_fails_with_a_sentence(run, owner, tmp_path):
    missing = tmp_path / "no" / "such"
    for command in (["export", "-o", str(missing / "x.json")], ["backup", str(missing / "b.zip")]):
        result = run(*command)
        assert result.exit_code == 1
        # It names the folder that is missing, not a temporary file's name.
        assert result.stderr.strip() == f"No such file or directory: {missing}."


def test_export_refuses_an_unknown_format(run, owner):
    assert run("export", "--format", "pdf").exit_code == 2


def test_import_reports_what_it_did(run, owner, tmp_path):
    path = tmp_path / "j.txt"
    path.write_text("[2024-01-01 09:00] Snow on the fence.\n")
    result = run("import", str(path))
    assert result.exit_code == 0
    assert result.stdout.strip() == "Imported 1 glimmer."
    again = run("import", str(path), "--format", "jrnl")
    assert "1 were already in your diary" in again.stdout
    assert Glimmer.objects.count() == 1


def test_import_of_garbage_fails_cleanly(run, owner, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"format": "glimmers", "version": 1, "glimmers": [{"text": 5}]}')
    result = run("import", str(path), "--strict")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Glimmer 1 has no text."
    # Without --strict the rest come in, and the report names what did not.
    lenient = run("import", str(path))
    assert lenient.exit_code == 0
    assert lenient.stdout.splitlines() == [
        "Imported 0 glimmers.",
        "Not kept: Glimmer 1 has no text.",
    ]


def test_import_of_a_missing_file(run, owner, tmp_path):
    result = run("import", str(tmp_path / "nope.json"))
    assert result.exit_code == 1
    assert "Cannot read" in result.stderr


def test_backup_holds_data_and_photos(run, owner, tmp_path):
    from PIL import Image

    picture = tmp_path / "p.jpg"
    Image.new("RGB", (20, 20), "red").save(picture)
    run("add", "poppy", "--photo", str(picture))
    target = tmp_path / "backup.zip"
    result = run("backup", str(target))
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        document = json.loads(archive.read("glimmers-backup.json"))
    assert any(name.startswith("media/photos/") for name in names)
    assert {item["model"] for item in document["objects"]} >= {
        "auth.user",
        "diary.glimmer",
        "diary.photo",
    }


def test_restore_refuses_a_non_empty_instance(run, owner, tmp_path):
    target = tmp_path / "backup.zip"
    run("backup", str(target))
    result = run("restore", str(target))
    assert result.exit_code == 1
    assert "already has people" in result.stderr


def test_restore_refuses_a_file_that_is_not_a_backup(run, db, tmp_path):
    path = tmp_path / "x.zip"
    path.write_text("hello")
    result = run("restore", str(path))
    assert result.exit_code == 1
    assert "not a Glimmers backup" in result.stderr


def test_import_from_day_one_says_what_it_did_and_list_shows_the_writers_hour(run, owner, tmp_path):
    entries = [
        {
            "uuid": "7" * 32,
            "creationDate": "2023-03-04T14:30:00Z",  # 23:30 in Tokyo
            "timeZone": "Asia/Tokyo",
            "text": "Lanterns on the river",
            "location": {"placeName": "Kamo River", "latitude": 35.01, "longitude": 135.77},
            "videos": [{"md5": "v"}],
        },
        {"uuid": "8" * 32, "creationDate": "2023-03-05T10:00:00Z", "text": ""},
    ]
    path = tmp_path / "Journal.json"
    path.write_text(json.dumps({"metadata": {}, "entries": entries}))
    result = run("import", str(path), "--keep-coordinates")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Imported 1 glimmer.",
        "Not kept: Day One entry 2: It is empty: no words and no photos.",
        "Note: Day One entry 1: Glimmers keeps words and photos; not kept: 1 video.",
    ]
    assert Glimmer.objects.get().details["coordinates"] == [35.01, 135.77]
    listed = run("list").stdout.splitlines()
    assert listed[0].startswith("2023-03-04 23:30\tLanterns on the river")
