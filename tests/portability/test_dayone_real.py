"""Real Day One exports from public projects (real/dayone/README.md) import with every entry,
time, zone, tag, star and photo, checked against a reading of the file done here with
nothing but json and zoneinfo; the report names what was not brought over."""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from glimmers.diary.models import Glimmer
from glimmers.portability.imports import import_bytes

REAL = Path(__file__).parent / "real" / "dayone"
MOMENT = re.compile(r"!\[\]\([^)]*\)")


def _zip_of(folder: Path) -> bytes:
    """The folder as the zip Day One writes: the journals on top, media in their folders."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.name not in ("LICENSE", "LICENSE.md"):
                archive.write(path, path.relative_to(folder).as_posix())
    return out.getvalue()


def _journals(raw: bytes) -> dict[str, list[dict]]:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return {
            Path(name).stem: json.loads(archive.read(name))["entries"]
            for name in archive.namelist()
            if name.endswith(".json")
        }


def _media(raw: bytes) -> set[str]:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return {Path(name).stem for name in archive.namelist() if name.startswith("photos/")}


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", MOMENT.sub("", text))


def _expected(entry: dict, photos: set[str]) -> tuple:
    zone = ZoneInfo(entry["timeZone"])
    moment = datetime.fromisoformat(entry["creationDate"].replace("Z", "+00:00"))
    present = [p for p in entry.get("photos", []) if p["md5"] in photos]
    return (
        moment.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
        entry["timeZone"],
        _words(entry.get("text", "")) or ["A", "photo"],
        sorted({tag.lower() for tag in entry.get("tags", [])}),
        bool(entry.get("starred")),
        len(present),
    )


def _ours(glimmer: Glimmer) -> tuple:
    zone = ZoneInfo(glimmer.time_zone)
    return (
        glimmer.noticed_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
        glimmer.time_zone,
        _words(glimmer.text),
        sorted(tag.name for tag in glimmer.tags.all()),
        glimmer.intensity == 5,
        glimmer.photos.count(),
    )


SOURCES = {
    "ergebnis-example": lambda: _zip_of(REAL / "ergebnis-example"),
    "marcdonald-dev": lambda: _zip_of(REAL / "marcdonald-dev"),
    "automattic-fictional": lambda: (
        REAL / "automattic-fictional" / "day-one-fictional.zip"
    ).read_bytes(),
}


def _nothing_to_keep(entry: dict, photos: set[str]) -> bool:
    """Only media Glimmers cannot hold here: a video, a recording, photos not at hand."""
    present = [p for p in entry.get("photos", []) if p["md5"] in photos]
    return not _words(entry.get("text", "")) and not present


@pytest.mark.parametrize("source", list(SOURCES))
def test_every_entry_comes_in_as_its_writer_saw_it(owner, source):
    raw = SOURCES[source]()
    (entries,) = _journals(raw).values()
    photos = _media(raw)
    # The fictional journal is dated in 2031; it is read a little after that.
    with time_machine.travel(datetime(2032, 1, 1, tzinfo=UTC), tick=False):
        report = import_bytes(owner, raw, "dayone")

    left_out = [e for e in entries if _nothing_to_keep(e, photos)]
    assert [s.reason.split(":")[0] for s in report.skipped] == [
        "Nothing in it can be kept here"
    ] * len(left_out)
    assert report.count("glimmers") == len(entries) - len(left_out)
    expected = sorted(_expected(e, photos) for e in entries if e not in left_out)
    glimmers = list(Glimmer.objects.filter(owner=owner))
    assert sorted(_ours(glimmer) for glimmer in glimmers) == expected
    # Each on the writer's own day, whatever the diary's zone (Kyiv here).
    assert sorted(g.local_day().isoformat() for g in glimmers) == sorted(
        e[0][:10] for e in expected
    )
    # Importing again adds nothing.
    with time_machine.travel(datetime(2032, 1, 1, tzinfo=UTC), tick=False):
        assert import_bytes(owner, raw, "dayone").count("glimmers") == 0


def test_places_weather_and_what_was_not_brought_are_kept_and_said(owner):
    raw = SOURCES["ergebnis-example"]()
    report = import_bytes(owner, raw, "dayone")
    (entries,) = _journals(raw).values()
    with_place = [e for e in entries if e.get("location", {}).get("placeName")]
    kept = Glimmer.objects.exclude(details__place=None).count()
    assert kept == len([e for e in with_place if Glimmer.objects.filter(id=e["uuid"]).exists()])
    first = with_place[0]
    assert first["location"]["placeName"] in Glimmer.objects.get(id=first["uuid"]).details["place"]
    assert "coordinates" not in Glimmer.objects.get(id=first["uuid"]).details
    missing = sum(
        len([p for p in e.get("photos", []) if p["md5"] not in _media(raw)]) for e in entries
    )
    said = " ".join(noted.sentence for noted in report.noted)
    assert missing > 100
    kept_without_some = [
        e
        for e in entries
        if any(p["md5"] not in _media(raw) for p in e.get("photos", []))
        and not _nothing_to_keep(e, _media(raw))
    ]
    assert said.count("not in the zip") == len(kept_without_some)

    Glimmer.objects.all().delete()
    report = import_bytes(owner, SOURCES["marcdonald-dev"](), "dayone")
    said = [noted.sentence for noted in report.noted]
    assert "Day One entry 4: Glimmers keeps words and photos; not kept: 1 video." in said
    assert [skipped.sentence for skipped in report.skipped] == [
        "Day One entry 5: Nothing in it can be kept here: 1 audio recording, 1 video."
    ]
    assert Glimmer.objects.filter(details__pinned=True).exists() or not any(
        e.get("isPinned") for e in next(iter(_journals(SOURCES["marcdonald-dev"]()).values()))
    )


def _import_json(owner, folder: str, name: str):
    return import_bytes(owner, (REAL / folder / name).read_bytes(), "dayone")


def test_a_deliberately_broken_export_keeps_what_it_can_and_says_the_rest(owner):
    report = _import_json(owner, "marcdonald-invalid", "Dev Journal One Invalid.json")
    assert report.count("glimmers") == 4
    assert [s.sentence for s in report.skipped] == [
        "Day One entry 5: Nothing in it can be kept here: 1 video.",
        "Day One entry 6 has no text.",
    ]
    assert [n.sentence for n in report.noted] == [
        "Day One entry 1: 1 photo is not in this file; import Day One's zip to bring it.",
        "Day One entry 4: 2 photos are not in this file; import Day One's zip to bring them.",
        "Day One entry 4: Glimmers keeps words and photos; not kept: 1 video.",
    ]


def test_a_pdf_attachment_is_named(owner):
    report = _import_json(owner, "marcdonald-pdf", "PDF.json")
    glimmer = Glimmer.objects.get()
    assert glimmer.details["not_kept"] == ["1 PDF"]
    assert glimmer.text.startswith("# A test entry\n\nThis is a test entry with a PDF document")
    assert report.noted[-1].sentence.endswith("not kept: 1 PDF.")


def test_a_hand_edited_export_with_an_empty_entry(owner):
    report = _import_json(owner, "bsingr-demo", "demo.json")
    assert report.count("glimmers") == 3
    assert [s.sentence for s in report.skipped] == [
        "Day One entry 4: It is empty: no words and no photos."
    ]
    third = Glimmer.objects.get(text__startswith="# Third entry")
    assert "double escape a/b dot." in third.text
    assert third.time_zone == "Europe/Berlin"
