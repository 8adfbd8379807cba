"""Limits that hold for files from elsewhere: long texts, zip bombs, many journals in one zip,
a byte-order mark, pictures too large to decode. Time and memory are measured in
bench/import_limits.py; here, what the person is told and what is kept."""

import io
import json
import zipfile

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from glimmers.diary.models import TEXT_MAX, Glimmer
from glimmers.lib.photos import PhotoError, prepare_upload
from glimmers.lib.records import ImportProblem
from glimmers.portability.imports import import_file


def _write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def test_a_text_over_the_limit_is_refused_by_the_model_itself(owner):
    glimmer = Glimmer(owner=owner, text="x" * (TEXT_MAX + 1))
    with pytest.raises(ValidationError, match="at most 20000 characters"):
        glimmer.full_clean(exclude=["owner", "tags", "people"])


def test_a_jrnl_entry_longer_than_a_glimmer_is_named_and_the_rest_come_in(owner, tmp_path):
    journal = (
        "[2024-05-01 08:15] Before the long one\n"
        "[2024-05-02 09:00] The long one\n" + ("word " * 30_000 + "\n") * 3 + "\n"
        "[2024-05-03 10:00] After it\nstill here\n"
    )
    report = import_file(owner, _write(tmp_path, "journal.txt", journal))
    assert sorted(Glimmer.objects.values_list("text", flat=True)) == [
        "After it\nstill here",
        "Before the long one",
    ]
    (skipped,) = report.skipped
    assert skipped.sentence.startswith("jrnl entry 2 (line 2): Ensure this value has at most")


def test_our_json_with_an_over_long_text_is_reported(owner, tmp_path):
    document = {
        "format": "glimmers",
        "version": 1,
        "glimmers": [
            {"text": "fine", "noticed_at": "2024-01-01T10:00:00Z"},
            {"text": "y" * (TEXT_MAX + 1), "noticed_at": "2024-01-02T10:00:00Z"},
        ],
    }
    report = import_file(owner, _write(tmp_path, "e.json", json.dumps(document)))
    assert list(Glimmer.objects.values_list("text", flat=True)) == ["fine"]
    assert "at most 20000 characters" in report.skipped[0].sentence


def _zip(members):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_a_zip_bomb_is_refused_from_its_headers(owner, tmp_path):
    bomb = _zip({"Journal.json": b'{"entries": []}', "photos/a.jpeg": bytes(30 * 1024 * 1024)})
    assert len(bomb) < 100_000
    with pytest.raises(ImportProblem, match="unpacks to more than Glimmers will read"):
        import_file(owner, _write(tmp_path, "bomb.zip", bomb))
    assert Glimmer.objects.count() == 0


def _dayone_entry(uuid, day, text, **more):
    return {"uuid": uuid, "creationDate": f"2022-08-{day:02d}T06:00:00Z", "text": text, **more}


def test_every_journal_of_a_day_one_zip_comes_in_named_by_a_tag(owner, tmp_path):
    picture = io.BytesIO()
    Image.new("RGB", (40, 30), "navy").save(picture, "JPEG")
    archive = _zip(
        {
            "Journal.json": json.dumps(
                {"metadata": {}, "entries": [_dayone_entry("A" * 32, 1, "Swim")]}
            ),
            "Garden.json": json.dumps(
                {
                    "metadata": {},
                    "entries": [
                        _dayone_entry("B" * 32, 2, "Bees", photos=[{"md5": "p1"}]),
                        _dayone_entry("C" * 32, 3, "Rain on leaves"),
                    ],
                }
            ),
            "photos/p1.jpeg": picture.getvalue(),
        }
    )
    report = import_file(owner, _write(tmp_path, "export.zip", archive))
    assert report.count("glimmers") == 3
    tags = {g.text: sorted(t.name for t in g.tags.all()) for g in Glimmer.objects.all()}
    assert tags == {"Swim": ["journal"], "Bees": ["garden"], "Rain on leaves": ["garden"]}
    assert Glimmer.objects.get(text="Bees").photos.count() == 1


def test_a_day_one_photo_over_the_size_limit_is_named(owner, tmp_path, settings):
    settings.PHOTO_MAX_BYTES = 1024
    picture = io.BytesIO()
    Image.effect_noise((200, 200), 80).convert("RGB").save(picture, "JPEG", quality=95)
    assert len(picture.getvalue()) > 1024
    archive = _zip(
        {
            "Journal.json": json.dumps(
                {
                    "metadata": {},
                    "entries": [_dayone_entry("D" * 32, 4, "Sky", photos=[{"md5": "big"}])],
                }
            ),
            "photos/big.jpeg": picture.getvalue(),
        }
    )
    report = import_file(owner, _write(tmp_path, "export.zip", archive))
    assert Glimmer.objects.get().text == "Sky"
    assert report.skipped[0].sentence.startswith(
        "Day One entry 1, photo 1: That photo is too large; please choose one under"
    )


@pytest.mark.parametrize(
    "document",
    [
        {
            "format": "glimmers",
            "version": 1,
            "glimmers": [{"text": "t", "noticed_at": "2024-01-01T10:00:00Z"}],
        },
        {"metadata": {}, "entries": [_dayone_entry("E" * 32, 5, "t")]},
        {
            "tags": {},
            "entries": [{"title": "t", "body": "", "date": "2024-01-01", "time": "10:00"}],
        },
    ],
    ids=["glimmers", "dayone", "jrnl"],
)
def test_json_with_a_byte_order_mark_is_read_as_json(owner, tmp_path, document):
    raw = b"\xef\xbb\xbf" + json.dumps(document).encode()
    assert import_file(owner, _write(tmp_path, "bom.json", raw)).count("glimmers") == 1
    assert Glimmer.objects.get().text == "t"


def _png(width, height):
    out = io.BytesIO()
    Image.new("L", (width, height)).save(out, format="PNG")
    out.seek(0)
    return out


def test_a_picture_too_large_to_decode_is_refused_before_it_is_decoded():
    # 30 megapixels is within the pixel limit, but decoded it would take 120 MB.
    with pytest.raises(PhotoError, match="too many pixels"):
        prepare_upload(_png(6000, 5000))


def test_a_large_picture_within_the_budget_is_kept_and_made_small():
    photo = prepare_upload(_png(4000, 3000))
    assert max(photo.width, photo.height) == 2560
