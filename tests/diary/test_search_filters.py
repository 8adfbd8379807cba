"""A search narrowed by sense, kind, tag, person or dates is narrowed in the index itself (by
fact tokens) and then checked exactly: it must find what the filters and the words find."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glimmers.diary.choices import Kind, Sense
from glimmers.diary.queries import Filters, search, timeline
from glimmers.diary.search import WORD, _months_between
from glimmers.diary.services import EntryInput, add_glimmer, edit_glimmer, move_to_trash
from glimmers.lib.folding import fold_for_search


def find(owner, query, limit=None, **filters):
    return search(owner, query, Filters(**filters), limit=limit)


KYIV = ZoneInfo("Europe/Kyiv")
WORDS = ["sun", "sunny", "tea", "river", "bread", "Straße", "м’ята", "хліб", "warm"]
TAGS = ["Garden", "home", "#Ліс"]
PEOPLE = ["Oksana", "Jonas", "D’Arcy"]
# Moments near month and year ends, in UTC and in Kyiv (two or three hours ahead of UTC).
MOMENTS = [
    datetime(2020, 12, 31, 23, 30, tzinfo=UTC),  # already 1 January in Kyiv
    datetime(2021, 1, 1, 0, 30, tzinfo=UTC),
    datetime(2021, 6, 15, 12, tzinfo=UTC),
    datetime(2021, 6, 30, 22, 30, tzinfo=UTC),  # 1 July in Kyiv
    datetime(2022, 2, 28, 23, 59, tzinfo=UTC),
    datetime(2022, 3, 1, tzinfo=UTC),
    datetime(2023, 12, 31, 21, 59, tzinfo=UTC),
    datetime(2024, 2, 29, 10, tzinfo=UTC),
]
BOUNDS = [
    None,
    datetime(2020, 12, 31, 23, 45, tzinfo=UTC),  # still December in UTC, January in Kyiv
    datetime(2021, 1, 1, tzinfo=KYIV),
    datetime(2021, 1, 1, tzinfo=UTC),
    datetime(2021, 6, 30, 22, 45, tzinfo=UTC),
    datetime(2021, 6, 30, 23, tzinfo=UTC),
    datetime(2022, 3, 1, tzinfo=KYIV),
    datetime(2022, 3, 1, tzinfo=UTC),
    datetime(2024, 1, 1, tzinfo=KYIV),
    datetime(2030, 1, 1, tzinfo=UTC),
]


def _fill(owner, seed):
    rng = random.Random(seed)
    for number in range(70):
        moment = rng.choice(MOMENTS) + timedelta(seconds=number)
        glimmer = add_glimmer(
            owner,
            EntryInput(
                " ".join(rng.choices(WORDS, k=rng.randint(1, 4))),
                noticed_at=moment,
                senses=rng.sample(list(Sense.values), rng.randint(0, 2)),
                kind=rng.choice(list(Kind.values)),
                body=rng.choice(["", "shoulders dropped", "warm hands"]),
                tags=rng.sample(TAGS, rng.randint(0, 2)),
                people=rng.sample(PEOPLE, rng.randint(0, 1)),
            ),
        )
        if number % 9 == 0:
            move_to_trash(glimmer)


def _words_of(glimmer):
    parts = [glimmer.text, *(glimmer.sense_lines or {}).values(), glimmer.body]
    parts += [tag.name for tag in glimmer.tags.all()] + [p.name for p in glimmer.people.all()]
    return [fold_for_search(word) for word in WORD.findall(" ".join(parts))]


def _expected(owner, query, filters):
    terms = [fold_for_search(word) for word in WORD.findall(query)]
    return {
        glimmer.id
        for glimmer in timeline(owner, Filters(**filters)).prefetch_related("tags", "people")
        if all(any(word.startswith(term) for word in _words_of(glimmer)) for term in terms)
    }


def _maybe(values):
    return st.none() | st.sampled_from(values)  # half the time no such filter


FILTERS = st.fixed_dictionaries(
    {
        "sense": _maybe([*Sense.values, "HEARING"]),
        "kind": _maybe(Kind.values),
        "tag": _maybe(["garden", "#HOME", "ліс", "nowhere"]),
        "person": _maybe(["oksana", "d'arcy", " Jonas ", "Nobody"]),
        "since": _maybe(BOUNDS[1:]),
        "until": _maybe(BOUNDS[1:]),
    }
)


def test_narrowed_searches_find_exactly_what_the_filters_and_words_find(owner, stranger):
    _fill(owner, 1)
    _fill(stranger, 2)  # the same words and facts, someone else's: never found

    @settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        query=st.sampled_from(["sun", "tea warm", "м'ята", "strasse", "хлі", "garden"]),
        filters=FILTERS,
    )
    def check(query, filters):
        expected = _expected(owner, query, filters)
        # The quick path (the index narrows, ranks, then the few are checked) …
        assert {g.id for g in find(owner, query, limit=500, **filters)} == expected
        # … and the whole ranked list agree.
        assert {g.id for g in find(owner, query, **filters)} == expected

    check()


def test_a_small_page_of_a_narrowed_search_is_the_best_of_them(owner):
    for number in range(12):
        add_glimmer(owner, EntryInput(f"tea {number}", noticed_at=MOMENTS[2], senses=["taste"]))
    add_glimmer(owner, EntryInput("tea tea tea", noticed_at=MOMENTS[2], senses=["taste"]))
    add_glimmer(owner, EntryInput("tea tea tea tea", noticed_at=MOMENTS[2], senses=["sight"]))
    found = find(owner, "tea", sense="taste", limit=1)
    assert [g.text for g in found] == ["tea tea tea"]


def test_an_edit_moves_a_glimmer_between_filters(owner):
    glimmer = add_glimmer(
        owner, EntryInput("river light", noticed_at=MOMENTS[0], senses=["sight"], tags=["a"])
    )
    assert len(find(owner, "river", sense="sight", limit=5)) == 1
    edit_glimmer(
        glimmer,
        EntryInput(
            "river light", noticed_at=MOMENTS[7], senses=["hearing"], tags=["b"], people=["Ann"]
        ),
    )
    assert len(find(owner, "river", sense="sight", limit=5)) == 0
    assert len(find(owner, "river", tag="a", limit=5)) == 0
    assert len(find(owner, "river", until=MOMENTS[1], limit=5)) == 0
    found = find(owner, "river", sense="hearing", tag="b", person="ann", since=MOMENTS[6], limit=5)
    assert [g.id for g in found] == [glimmer.id]


def test_dates_are_compared_as_moments_whatever_the_zone(owner):
    late = add_glimmer(owner, EntryInput("sun", noticed_at=MOMENTS[0]))  # 31 Dec 23:30 UTC
    before_midnight = datetime(2020, 12, 31, 23, 45, tzinfo=UTC)
    assert [g.id for g in find(owner, "sun", until=before_midnight, limit=5)] == [late.id]
    kyiv_new_year = datetime(2021, 1, 1, tzinfo=KYIV)  # 31 Dec 22:00 UTC
    assert [g.id for g in find(owner, "sun", since=kyiv_new_year, limit=5)] == [late.id]
    assert list(find(owner, "sun", until=kyiv_new_year, limit=5)) == []


def test_a_range_that_ends_before_it_starts_finds_nothing(owner):
    add_glimmer(owner, EntryInput("sun", noticed_at=MOMENTS[2]))
    assert list(find(owner, "sun", since=MOMENTS[3], until=MOMENTS[1], limit=5)) == []
    assert list(find(owner, "sun", since=MOMENTS[3], until=MOMENTS[1])) == []


def test_only_an_end_date_on_an_empty_diary_finds_nothing(owner):
    assert list(find(owner, "sun", until=MOMENTS[1], limit=5)) == []


def test_a_date_range_is_covered_by_whole_years_and_the_months_around_them():
    since = datetime(2020, 11, 15, tzinfo=UTC)
    until = datetime(2023, 2, 3, tzinfo=UTC)
    assert _months_between(since, until) == [
        ("m", "202011"),
        ("m", "202012"),
        ("y", "2021"),
        ("y", "2022"),
        ("m", "202301"),
        ("m", "202302"),
    ]
    # Local midnight on 1 January in Kyiv is still December in UTC.
    kyiv = _months_between(datetime(2021, 1, 1, tzinfo=KYIV), datetime(2021, 1, 2, tzinfo=KYIV))
    assert kyiv == [("m", "202012"), ("m", "202101")]
    assert _months_between(until, since) == []
