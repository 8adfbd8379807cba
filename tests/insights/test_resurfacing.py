"""On this day, the glimmer jar and the weekly look-back: the owner's own past, gently."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import time_machine
from django.utils import timezone

from glimmers.diary.services import (
    EntryInput,
    add_glimmer,
    count_bean,
    move_to_trash,
    set_intention,
)
from glimmers.insights.resurfacing import from_the_jar, on_this_day

NOW = datetime(2026, 3, 14, 10, 0, tzinfo=UTC)


def add(owner, text, moment, **fields):
    return add_glimmer(owner, EntryInput(text, noticed_at=moment, **fields))


@time_machine.travel(NOW, tick=False)
def test_on_this_day_brings_back_earlier_years(owner_client, owner, stranger):
    add(owner, "lilacs", datetime(2024, 3, 14, 9, tzinfo=UTC))
    add(owner, "first warm day", datetime(2021, 3, 14, 15, tzinfo=UTC))
    add(owner, "a day later", datetime(2024, 3, 15, 9, tzinfo=UTC))
    move_to_trash(add(owner, "trashed", datetime(2023, 3, 14, 9, tzinfo=UTC)))
    add(owner, "today's own", NOW - timedelta(hours=1))
    add(stranger, "theirs", datetime(2022, 3, 14, 9, tzinfo=UTC))
    years = on_this_day(owner)
    assert [(year, [g.text for g in glimmers], n) for year, glimmers, n in years] == [
        (2024, ["lilacs"], 1),
        (2021, ["first warm day"], 1),
    ]
    html = owner_client.get("/insights/on-this-day/").content.decode()
    assert "lilacs" in html and "first warm day" in html
    assert "theirs" not in html and "trashed" not in html and "today&#x27;s own" not in html


@time_machine.travel(datetime(2027, 2, 28, 10, tzinfo=UTC), tick=False)
def test_a_leap_day_comes_back_on_the_28th(owner):
    add(owner, "leap day", datetime(2024, 2, 29, 10, tzinfo=UTC))
    assert [year for year, _g, _n in on_this_day(owner)] == [2024]


@time_machine.travel(NOW, tick=False)
def test_a_busy_day_shows_its_strongest_three_and_links_to_the_rest(owner_client, owner):
    for hour in range(8):
        add(owner, f"moment {hour}", datetime(2023, 3, 14, 6 + hour, tzinfo=UTC))
    add(owner, "the strong one", datetime(2023, 3, 14, 5, tzinfo=UTC), intensity=5)
    [(year, shown, count)] = on_this_day(owner)
    assert (year, count) == (2023, 9)
    assert [g.text for g in shown] == ["the strong one", "moment 7", "moment 6"]
    html = owner_client.get("/insights/on-this-day/").content.decode()
    assert "All 9 glimmers of that day" in html and "?of=2023-03-14" in html


@time_machine.travel(NOW, tick=False)
def test_an_empty_day_says_so_kindly(owner_client):
    html = owner_client.get("/insights/on-this-day/").content.decode()
    assert "will be waiting here next year" in html


@time_machine.travel(NOW, tick=False)
def test_the_jar_draws_past_glimmers_strong_ones_more_often(owner_client, owner, stranger):
    assert from_the_jar(owner) is None
    assert "The jar fills as you notice" in owner_client.get("/insights/jar/").content.decode()
    add(owner, "quiet", datetime(2025, 1, 1, 9, tzinfo=UTC))
    add(owner, "strong", datetime(2025, 1, 2, 9, tzinfo=UTC), intensity=5)
    add(owner, "today", NOW - timedelta(minutes=5))
    add(stranger, "theirs", datetime(2025, 1, 3, 9, tzinfo=UTC))
    chance = random.Random(7)
    drawn = Counter(from_the_jar(owner, chance=chance).text for _ in range(400))
    assert set(drawn) == {"quiet", "strong"}
    assert drawn["strong"] > 2 * drawn["quiet"]
    page = owner_client.get("/insights/jar/").content.decode()
    assert "Draw another" in page and ("quiet" in page or "strong" in page)
    partial = owner_client.get("/insights/jar/", headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in partial and "Draw another" in partial


@time_machine.travel(NOW, tick=False)
def test_the_week_shows_each_day_with_its_intention(owner_client, owner):
    # 14 March 2026 is a Saturday; its week began on Monday the 9th.
    add(owner, "bread", datetime(2026, 3, 10, 8, tzinfo=UTC), senses=["smell"])
    add(owner, "older", datetime(2026, 3, 2, 8, tzinfo=UTC))
    count_bean(owner, counted_at=datetime(2026, 3, 11, 8, tzinfo=UTC))
    set_intention(owner, "look up at the sky", day=date(2026, 3, 10))
    html = owner_client.get("/insights/week/").content.decode()
    assert "bread" in html and "older" not in html
    assert "look up at the sky" in html
    assert "1 glimmer" in html and "1 bean counted" in html
    assert "The week after" not in html
    html = owner_client.get("/insights/week/?of=2026-03-02").content.decode()
    assert "older" in html and "bread" not in html and "The week after" in html
    for odd in ("soon", "2999-01-01", "0001-01-01"):
        assert owner_client.get(f"/insights/week/?of={odd}").status_code == 200


@time_machine.travel(NOW, tick=False)
def test_a_quiet_week_is_fine(owner_client, owner):
    html = owner_client.get("/insights/week/").content.decode()
    assert "One glimmer a day is enough, and none is fine too." in html


def test_strangers_and_visitors(client, stranger_client, owner):
    add(owner, "mine alone", timezone.now() - timedelta(days=366))
    for path in ("/insights/", "/insights/on-this-day/", "/insights/jar/", "/insights/week/"):
        assert client.get(path).status_code == 302, path
        assert "mine alone" not in stranger_client.get(path).content.decode(), path


@time_machine.travel(NOW, tick=False)
def test_the_jar_leans_toward_anchored_glimmers(owner):
    from glimmers.practice.models import Pause

    for day in range(1, 20):
        add(owner, f"plain {day}", datetime(2025, 2, day, 9, tzinfo=UTC))
    anchored = add(owner, "anchored", datetime(2025, 3, 1, 9, tzinfo=UTC))
    Pause.objects.create(owner=owner, glimmer=anchored, seconds=30)
    chance = random.Random(5)
    drawn = Counter(from_the_jar(owner, chance=chance).text for _ in range(600))
    # One of twenty glimmers would come up about 30 times in 600 by chance alone.
    assert drawn["anchored"] > 150


@time_machine.travel(NOW, tick=False)
def test_a_busy_day_in_the_week_shows_five_and_links_to_the_timeline(owner_client, owner):
    for minute in range(8):
        add(owner, f"busy {minute}", datetime(2026, 3, 10, 8, minute, tzinfo=UTC))
    html = owner_client.get("/insights/week/").content.decode()
    assert html.count('class="card"') == 5
    assert "All 8 glimmers of this day on the timeline" in html
    assert "8 glimmers" in html
    link = (
        html.split("All 8 glimmers")[0].rsplit('href="', 1)[1].split('"')[0].replace("&amp;", "&")
    )
    timeline = owner_client.get(link).content.decode()
    assert timeline.count('class="card"') == 8
