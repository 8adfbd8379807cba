"""The timeline: newest first, grouped by day, keyset paging, filters, bounded queries."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from glimmers.diary import services
from glimmers.diary.models import Glimmer
from glimmers.diary.views.timeline import PAGE_SIZE
from tests.web import entries, images

TIMELINE = reverse("diary:timeline")
START = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def many(owner, count, *, step=timedelta(hours=7)):
    """`count` glimmers, one every `step` going back from START; the newest is number 0."""
    return [
        entries.glimmer(owner, f"glimmer number {n}.", noticed_at=START - n * step)
        for n in range(count)
    ]


def shown(html):
    return [int(n) for n in re.findall(r"glimmer number (\d+)\.", html)]


def next_link(html):
    match = re.search(r'class="button secondary more" href="([^"]+)"', html)
    return match.group(1).replace("&amp;", "&") if match else None


def test_anonymous_is_sent_to_sign_in(client, owner):
    response = client.get(TIMELINE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_empty_timeline_is_gentle(owner_client):
    html = owner_client.get(TIMELINE).content.decode()
    assert "One small moment is enough to begin." in html


def test_newest_first_grouped_by_day_in_my_time_zone(owner_client, owner):
    # 22:30 UTC on 1 May is already 2 May in Kyiv.
    entries.glimmer(owner, "late light", noticed_at=datetime(2024, 5, 1, 22, 30, tzinfo=UTC))
    entries.glimmer(owner, "morning bread", noticed_at=datetime(2024, 5, 1, 6, 0, tzinfo=UTC))
    response = owner_client.get(TIMELINE)
    days = response.context["days"]
    assert [day.date.isoformat() for day in days] == ["2024-05-02", "2024-05-01"]
    html = response.content.decode()
    assert html.index("late light") < html.index("morning bread")


def test_only_my_living_glimmers(owner_client, owner, stranger):
    entries.glimmer(owner, "mine and here")
    services.move_to_trash(entries.glimmer(owner, "set aside"))
    entries.glimmer(stranger, "someone else's")
    html = owner_client.get(TIMELINE).content.decode()
    assert "mine and here" in html
    assert "set aside" not in html and "someone else" not in html


def test_keyset_paging_walks_everything_once_without_offset(owner_client, owner):
    many(owner, 3 * PAGE_SIZE + 5)
    seen = []
    url = TIMELINE
    pages = 0
    while url:
        with CaptureQueriesContext(connection) as queries:
            response = owner_client.get(url)
        assert response.status_code == 200
        assert not any("OFFSET" in query["sql"].upper() for query in queries.captured_queries)
        html = response.content.decode()
        seen += shown(html)
        url = next_link(html)
        pages += 1
    assert pages == 4
    assert seen == list(range(3 * PAGE_SIZE + 5))


def test_paging_keeps_order_when_times_are_equal(owner_client, owner):
    same = START - timedelta(days=1)
    made = [
        entries.glimmer(owner, f"glimmer number {n}.", noticed_at=same)
        for n in range(PAGE_SIZE + 15)
    ]
    expected = [
        int(g.text.split()[2].rstrip(".")) for g in sorted(made, key=lambda g: g.id, reverse=True)
    ]
    first = owner_client.get(TIMELINE).content.decode()
    second = owner_client.get(next_link(first)).content.decode()
    assert shown(first) + shown(second) == expected


def test_htmx_asks_for_the_next_page_as_a_partial(owner_client, owner):
    many(owner, PAGE_SIZE + 5)
    first = owner_client.get(TIMELINE).content.decode()
    link = next_link(first)
    assert 'hx-trigger="click, revealed"' in first and 'hx-swap="outerHTML"' in first
    response = owner_client.get(link, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html
    assert shown(html) == list(range(PAGE_SIZE, PAGE_SIZE + 5))
    assert next_link(html) is None


def test_a_day_split_across_pages_keeps_one_visible_heading(owner_client, owner):
    many(owner, PAGE_SIZE + 10, step=timedelta(minutes=5))  # all on one day
    first = owner_client.get(TIMELINE)
    second = owner_client.get(next_link(first.content.decode()), headers={"HX-Request": "true"})
    assert first.context["days"][0].continued is False
    assert second.context["days"][0].continued is True


def test_query_count_does_not_grow_with_entries(owner_client, owner, django_assert_max_num_queries):
    for n in range(PAGE_SIZE):
        entries.glimmer(
            owner,
            f"glimmer number {n}.",
            noticed_at=START - timedelta(hours=n),
            tags=[f"tag{n}", "shared"],
            people=[f"Friend {n}"],
            senses=["sight"],
        )
    for glimmer in Glimmer.objects.all()[:5]:
        services.save_photos(glimmer, [images.prepared()])
    with django_assert_max_num_queries(9):
        response = owner_client.get(TIMELINE)
    assert len(shown(response.content.decode())) == PAGE_SIZE


def test_filters_by_sense_kind_and_tag(owner_client, owner):
    entries.glimmer(owner, "glimmer number 1.", senses=["hearing"], kind="memory", tags=["Sea"])
    entries.glimmer(owner, "glimmer number 2.", senses=["sight"], tags=["sea"])
    entries.glimmer(owner, "glimmer number 3.", senses=["hearing"])
    assert sorted(shown(owner_client.get(TIMELINE, {"sense": "hearing"}).content.decode())) == [
        1,
        3,
    ]
    assert shown(owner_client.get(TIMELINE, {"kind": "memory"}).content.decode()) == [1]
    assert sorted(shown(owner_client.get(TIMELINE, {"tag": "#SEA"}).content.decode())) == [1, 2]


def test_filters_travel_with_the_next_page(owner_client, owner):
    for n in range(70):
        sense = "smell" if n % 2 == 0 else "taste"
        entries.glimmer(
            owner, f"glimmer number {n}.", noticed_at=START - timedelta(hours=n), senses=[sense]
        )
    first = owner_client.get(TIMELINE, {"sense": "smell"}).content.decode()
    link = next_link(first)
    assert "sense=smell" in link
    second = owner_client.get(link).content.decode()
    assert shown(first) + shown(second) == list(range(0, 70, 2))


def test_a_made_up_cursor_is_a_bad_request(owner_client):
    assert owner_client.get(TIMELINE, {"cursor": "yesterday~nope"}).status_code == 400
    assert (
        owner_client.get(TIMELINE, {"cursor": "2024-01-01T00:00:00~" + "0" * 32}).status_code == 400
    )


def test_timeline_shows_senses_and_photos(owner_client, owner):
    glimmer = entries.glimmer(owner, "blue door", senses=["sight", "touch"])
    services.save_photos(glimmer, [images.prepared()])
    html = owner_client.get(TIMELINE).content.decode()
    assert "Sight" in html and "Touch" in html
    assert reverse("diary:photo", args=[glimmer.photos.get().id]) in html
