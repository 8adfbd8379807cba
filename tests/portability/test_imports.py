"""Reading other journals: jrnl (JSON and text), Day One (JSON and zip), and broken files."""

import io
import json
import zipfile

import pytest
from PIL import Image

from glimmers.diary.models import Glimmer
from glimmers.diary.services import EntryInput, add_glimmer
from glimmers.lib.records import ImportProblem
from glimmers.portability.imports import import_file

JRNL_TEXT = """[2024-05-01 08:15:00 AM] Sun through the kitchen window. @home
It warmed my hands on the cup.

[2024-05-02 21:40:00 PM] Starlight in the blackout *
[2024-05-03 07:00] Birdsong before the alarm @walk @birds
"""


def _write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def test_jrnl_text(owner, tmp_path):
    result = import_file(owner, _write(tmp_path, "journal.txt", JRNL_TEXT))
    assert result.count("glimmers") == 3
    first, second, third = Glimmer.objects.filter(owner=owner).order_by("noticed_at")
    assert first.text == "Sun through the kitchen window. @home\nIt warmed my hands on the cup."
    assert [t.name for t in first.tags.all()] == ["home"]
    assert second.text == "Starlight in the blackout" and second.intensity == 5
    assert sorted(t.name for t in third.tags.all()) == ["birds", "walk"]
    # naive jrnl times are read in the person's zone (Europe/Kyiv, UTC+3 in May)
    assert first.noticed_at.isoformat() == "2024-05-01T05:15:00+00:00"


def test_jrnl_json(owner, tmp_path):
    document = {
        "tags": {"@tea": 1},
        "entries": [
            {
                "title": "Tea with Oma.",
                "body": "Her laugh.",
                "date": "2023-12-24",
                "time": "16:00",
                "tags": ["@tea"],
                "starred": False,
            },
        ],
    }
    assert (
        import_file(owner, _write(tmp_path, "j.json", json.dumps(document))).count("glimmers") == 1
    )
    glimmer = Glimmer.objects.get(owner=owner)
    assert glimmer.text == "Tea with Oma.\nHer laugh."
    assert [t.name for t in glimmer.tags.all()] == ["tea"]


def _dayone_document():
    return {
        "metadata": {"version": "1.0"},
        "entries": [
            {
                "uuid": "0F5D6A1E2B3C4D5E6F708192A3B4C5D6",
                "creationDate": "2022-08-01T06:00:00Z",
                "text": "Morning swim\\. Cold and bright\\!",
                "tags": ["Sea"],
                "starred": True,
            },
            {
                "uuid": "1F5D6A1E2B3C4D5E6F708192A3B4C5D6",
                "creationDate": "2022-08-02T06:00:00Z",
                "text": "![](dayone-moment://ABC)\nShells",
                "photos": [{"md5": "abc123", "type": "jpeg"}],
            },
        ],
    }


def test_dayone_json(owner, tmp_path):
    path = _write(tmp_path, "Journal.json", json.dumps(_dayone_document()))
    assert import_file(owner, path, "dayone").count("glimmers") == 2
    swim = Glimmer.objects.get(owner=owner, text__startswith="Morning")
    assert swim.text == "Morning swim. Cold and bright!"
    assert str(swim.id) == "0f5d6a1e-2b3c-4d5e-6f70-8192a3b4c5d6"
    assert [t.name for t in swim.tags.all()] == ["sea"]
    # importing again adds nothing
    assert import_file(owner, path, "dayone").count("glimmers") == 0


def test_dayone_zip_brings_photos(owner, tmp_path):
    picture = io.BytesIO()
    Image.new("RGB", (40, 30), "navy").save(picture, "JPEG")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("Journal.json", json.dumps(_dayone_document()))
        zipped.writestr("photos/abc123.jpeg", picture.getvalue())
    assert (
        import_file(owner, _write(tmp_path, "export.zip", archive.getvalue())).count("glimmers")
        == 2
    )
    shells = Glimmer.objects.get(owner=owner, text="Shells")
    assert shells.photos.get().width == 40


@pytest.mark.parametrize(
    ("name", "content", "fmt", "message"),
    [
        (
            "broken.json",
            '{"format": "glimmers", "glimmers": [',
            "glimmers",
            "not valid JSON (line 1",
        ),
        ("other.json", '{"hello": 1}', "glimmers", "not a Glimmers export"),
        ("garbage.txt", "just some words\n[2024-01-01 10:00] ok", "jrnl", "line 1 does not start"),
        ("binary.txt", b"\xff\xfe\x00garbage", "jrnl", "not text in UTF-8"),
        ("d.json", '{"metadata": {}, "entries": 5}', "dayone", "not a Day One export"),
        ("d.zip", b"PK\x03\x04broken", "dayone", "not a readable zip"),
        ("x.json", "{}", "evernote", "not a format"),
    ],
)
def test_broken_files_get_one_sentence_and_change_nothing(
    owner, tmp_path, name, content, fmt, message
):
    add_glimmer(owner, EntryInput(text="already here"))
    with pytest.raises(ImportProblem, match=message.replace("(", r"\(")):
        import_file(owner, _write(tmp_path, name, content), fmt)
    assert list(Glimmer.objects.values_list("text", flat=True)) == ["already here"]


def test_strict_one_bad_entry_means_nothing_is_imported(owner, tmp_path):
    document = {
        "format": "glimmers",
        "version": 1,
        "glimmers": [
            {"text": "fine", "noticed_at": "2024-01-01T10:00:00Z"},
            {"text": "also fine", "noticed_at": "2024-01-02T10:00:00Z", "tags": ["x"]},
            {"text": "", "noticed_at": "2024-01-03T10:00:00Z"},
        ],
    }
    with pytest.raises(ImportProblem, match="Glimmer 3: Write a few words"):
        import_file(owner, _write(tmp_path, "e.json", json.dumps(document)), strict=True)
    assert Glimmer.objects.count() == 0


def test_one_bad_entry_is_reported_and_the_rest_come_in(owner, tmp_path):
    document = {
        "format": "glimmers",
        "version": 1,
        "glimmers": [
            {"text": "fine", "noticed_at": "2024-01-01T10:00:00Z"},
            {"text": "", "noticed_at": "2024-01-03T10:00:00Z"},
            {"text": "later", "noticed_at": "2999-01-01T10:00:00Z"},
            {"text": "x", "noticed_at": "2020-01-01T10:00:00Z", "senses": ["radar"]},
            {"text": 5, "noticed_at": "2020-01-01T10:00:00Z"},
            {
                "text": "a picture?",
                "noticed_at": "2020-01-01T10:00:00Z",
                "photos": [{"data": "aGVsbG8="}],
            },
        ],
        "beans": [{"counted_at": "2999-01-01T00:00:00Z"}, {"counted_at": "2024-01-01T00:00:00Z"}],
    }
    report = import_file(owner, _write(tmp_path, "e.json", json.dumps(document)))
    assert sorted(Glimmer.objects.values_list("text", flat=True)) == ["a picture?", "fine"]
    assert (report.count("glimmers"), report.count("beans")) == (2, 1)
    said = [skipped.sentence for skipped in report.skipped]
    assert said[0] == "Glimmer 5 has no text."
    assert said[1] == "Glimmer 2: Write a few words about the moment."
    assert said[2].startswith("Glimmer 3: That time is in the future")
    assert said[3].startswith("Glimmer 4: “radar” is not a sense")
    assert said[4] == "Glimmer 6, photo 1: That file is not a picture Glimmers can read."
    assert said[5].startswith("Bean 1: That time is in the future")
    assert len(said) == 6


def test_a_future_entry_is_refused(owner, tmp_path):
    document = {
        "format": "glimmers",
        "version": 1,
        "glimmers": [{"text": "later", "noticed_at": "2999-01-01T10:00:00Z"}],
    }
    with pytest.raises(ImportProblem, match="in the future"):
        import_file(owner, _write(tmp_path, "f.json", json.dumps(document)), strict=True)


def test_an_unknown_sense_is_refused(owner, tmp_path):
    document = {
        "format": "glimmers",
        "version": 1,
        "glimmers": [{"text": "x", "noticed_at": "2020-01-01T10:00:00Z", "senses": ["radar"]}],
    }
    with pytest.raises(ImportProblem, match="radar"):
        import_file(owner, _write(tmp_path, "s.json", json.dumps(document)), strict=True)


def test_a_photo_that_is_not_a_picture_is_refused(owner, tmp_path):
    document = {
        "format": "glimmers",
        "version": 1,
        "glimmers": [
            {"text": "x", "noticed_at": "2020-01-01T10:00:00Z", "photos": [{"data": "aGVsbG8="}]}
        ],
    }
    with pytest.raises(ImportProblem, match="not a picture"):
        import_file(owner, _write(tmp_path, "p.json", json.dumps(document)), strict=True)
    assert Glimmer.objects.count() == 0
