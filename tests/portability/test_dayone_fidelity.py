"""Day One entries come with what their writer saw: the day and hour in their own time zone,
the place, the weather, a pin; what Glimmers cannot hold is named, nothing vanishes."""

import json

from django.urls import reverse

from glimmers.diary.models import Glimmer
from glimmers.diary.records import glimmer_record
from glimmers.portability.imports import ReadOptions, import_file

TOKYO_NIGHT = {
    "uuid": "11111111111111111111111111111111",
    "creationDate": "2023-03-04T14:30:00Z",  # 23:30 in Tokyo; 16:30 in Kyiv, the diary's zone
    "modifiedDate": "2023-03-05T08:00:00Z",
    "timeZone": "Asia/Tokyo",
    "text": "Lanterns on the river",
    "isPinned": True,
    "starred": True,
    "location": {
        "placeName": "Kamo River",
        "localityName": "Kyoto",
        "country": "Japan",
        "latitude": 35.0116,
        "longitude": 135.7681,
    },
    "weather": {"temperatureCelsius": 7.6, "conditionsDescription": "Clear"},
    "audios": [{"identifier": "A1"}],
    "pdfAttachments": [{"identifier": "P1"}, {"identifier": "P2"}],
    "photos": [{"md5": "feedbeef", "type": "jpeg"}],
}


def _import(owner, tmp_path, entries, **options):
    path = tmp_path / "Journal.json"
    path.write_text(json.dumps({"metadata": {"version": "1.0"}, "entries": entries}))
    return import_file(owner, path, "dayone", options=ReadOptions(**options))


def test_an_entry_keeps_its_own_zone_place_weather_and_pin(owner, tmp_path):
    report = _import(owner, tmp_path, [TOKYO_NIGHT])
    glimmer = Glimmer.objects.get(owner=owner)
    assert glimmer.time_zone == "Asia/Tokyo"
    assert glimmer.local_day().isoformat() == "2023-03-04"
    assert glimmer.intensity == 5
    assert glimmer.updated_at.isoformat() == "2023-03-05T08:00:00+00:00"
    assert glimmer.details == {
        "source": "Day One",
        "place": "Kamo River, Kyoto, Japan",
        "weather": "8 °C, Clear",
        "pinned": True,
        "not_kept": ["1 audio recording", "2 PDFs"],
    }
    said = [noted.sentence for noted in report.noted]
    assert said == [
        "Day One entry 1: 1 photo is not in this file; import Day One's zip to bring it.",
        "Day One entry 1: Glimmers keeps words and photos; not kept: 1 audio recording, 2 PDFs.",
    ]
    record = glimmer_record(glimmer)
    assert record["time_zone"] == "Asia/Tokyo" and record["details"]["place"].startswith("Kamo")


def test_coordinates_come_only_when_chosen(owner, tmp_path):
    _import(owner, tmp_path, [TOKYO_NIGHT], coordinates=True)
    assert Glimmer.objects.get().details["coordinates"] == [35.0116, 135.7681]


def test_the_page_shows_the_hour_its_writer_saw(owner, owner_client, tmp_path):
    _import(owner, tmp_path, [TOKYO_NIGHT])
    glimmer = Glimmer.objects.get()
    page = owner_client.get(reverse("diary:detail", args=[glimmer.id])).content.decode()
    assert "23:30" in page and "time in Asia/Tokyo" in page
    assert "Kamo River, Kyoto, Japan" in page and "8 °C, Clear" in page
    assert "1 audio recording, 2 PDFs" in page
    timeline = owner_client.get(reverse("diary:timeline")).content.decode()
    assert 'datetime="2023-03-04"' in timeline and "23:30" in timeline


def test_empty_entries_and_repeated_ids_are_counted_not_lost(owner, tmp_path):
    twin = {**TOKYO_NIGHT, "text": "Another evening", "creationDate": "2023-03-06T10:00:00Z"}
    empty = {"uuid": "2" * 32, "creationDate": "2023-03-07T10:00:00Z", "text": "  "}
    report = _import(owner, tmp_path, [TOKYO_NIGHT, twin, empty])
    assert sorted(Glimmer.objects.values_list("text", flat=True)) == [
        "Another evening",
        "Lanterns on the river",
    ]
    assert [s.sentence for s in report.skipped] == [
        "Day One entry 3: It is empty: no words and no photos."
    ]
    assert any("also an earlier entry's" in noted.sentence for noted in report.noted)
    # Importing again adds nothing, the twin included.
    again = _import(owner, tmp_path, [TOKYO_NIGHT, twin, empty])
    assert again.count("glimmers") == 0 and again.already_there == 2


def test_an_unknown_zone_is_said_and_the_diary_zone_used(owner, tmp_path):
    report = _import(owner, tmp_path, [{**TOKYO_NIGHT, "timeZone": "Mars/Olympus"}])
    assert Glimmer.objects.get().time_zone == ""
    assert any("“Mars/Olympus” is not known here" in noted.sentence for noted in report.noted)
