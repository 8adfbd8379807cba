"""In Chromium on a phone: a glimmer brought from Day One shows the hour its writer saw in
their own zone, with its place and weather, by keyboard and at 200% text; Settings shows
the room photos take."""

from __future__ import annotations

import json

import pytest

from glimmers.portability.imports import import_file
from tests.browser.conftest import no_sideways_scroll
from tests.browser.session import shoot, sign_in

pytestmark = pytest.mark.browser

ENTRY = {
    "uuid": "5A1B2C3D4E5F60718293A4B5C6D7E8F9",
    "creationDate": "2024-10-12T11:40:00Z",  # 20:40 in Tokyo, 14:40 in Kyiv
    "modifiedDate": "2024-10-13T08:00:00Z",
    "timeZone": "Asia/Tokyo",
    "text": "Paper lanterns along the river, and someone humming on the bridge\\.",
    "tags": ["travel"],
    "isPinned": True,
    "location": {"placeName": "Kamo River", "localityName": "Kyoto", "country": "Japan"},
    "weather": {"temperatureCelsius": 17.2, "conditionsDescription": "Clear"},
    "audios": [{"identifier": "A1"}],
}


def test_a_day_one_glimmer_and_the_photo_room(live_server, browser, owner, screens, tmp_path):
    path = tmp_path / "Journal.json"
    path.write_text(json.dumps({"metadata": {"version": "1.0"}, "entries": [ENTRY]}))
    import_file(owner, path, "dayone")
    context, page = sign_in(browser, live_server)

    page.goto(live_server.url + "/timeline/")
    card = page.locator(".card", has_text="Paper lanterns")
    assert "8:40 p.m. (Asia/Tokyo)" in card.inner_text()
    card.locator("a.card-link").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/g/**")
    meta = page.locator(".glimmer-detail .meta").inner_text()
    assert meta.startswith("Saturday, ") and "8:40 p.m." in meta and "time in Asia/Tokyo" in meta
    facts = page.locator("dl.facts").inner_text()
    for said in ("Kamo River, Kyoto, Japan", "17 °C, Clear", "Day One", "1 audio recording"):
        assert said in facts
    shoot(page, screens, "glimmer-from-day-one")
    page.add_style_tag(content="html { font-size: 200% !important; }")
    assert no_sideways_scroll(page)

    page.goto(live_server.url + "/accounts/settings/")
    room = page.locator("#photo-room")
    said = " ".join(room.inner_text().split())
    assert "Your photos take 0 bytes of the 2.0 GB this diary gives them." in said
    assert room.get_by_role("meter").get_attribute("aria-label") == "Room used by photos"
    context.close()
