import json
from datetime import UTC, datetime

from glimmers.diary.services import EntryInput, add_glimmer, move_to_trash


def _add(owner, text, when, **fields):
    return add_glimmer(owner, EntryInput(text=text, noticed_at=when, **fields))


def test_list_is_newest_first_and_json_uses_export_names(run, owner):
    _add(owner, "old light", datetime(2020, 1, 1, 9, tzinfo=UTC), senses=["sight"])
    _add(owner, "new rain", datetime(2024, 5, 1, 9, tzinfo=UTC), senses=["smell"], tags=["walk"])
    result = run("list", "--json")
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert [r["text"] for r in records] == ["new rain", "old light"]
    assert set(records[0]) >= {"id", "text", "noticed_at", "senses", "body", "kind", "tags"}
    assert records[0]["tags"] == ["walk"]


def test_list_filters(run, owner):
    _add(owner, "a", datetime(2020, 1, 1, 9, tzinfo=UTC), senses=["sight"], kind="memory")
    _add(owner, "b", datetime(2022, 1, 1, 9, tzinfo=UTC), senses=["sight", "hearing"], tags=["x"])
    _add(owner, "c", datetime(2024, 1, 1, 9, tzinfo=UTC), senses=["hearing"])
    texts = lambda *args: [r["text"] for r in json.loads(run("list", "--json", *args).stdout)]  # noqa: E731
    assert texts("--sense", "hearing") == ["c", "b"]
    assert texts("--kind", "memory") == ["a"]
    assert texts("--tag", "X") == ["b"]
    assert texts("--since", "2021-01-01", "--until", "2023-01-01") == ["b"]
    assert texts("-n", "1") == ["c"]


def test_list_leaves_out_the_trash_and_other_people(run, owner, stranger):
    move_to_trash(_add(owner, "gone", datetime(2024, 1, 1, tzinfo=UTC)))
    _add(stranger, "not mine", datetime(2024, 1, 1, tzinfo=UTC))
    assert json.loads(run("list", "--json", "--user", "olena").stdout) == []


def test_list_in_a_pipe_is_plain_tab_separated(run, owner):
    _add(owner, "two\nlines", datetime(2024, 1, 1, tzinfo=UTC), senses=["sight"], tags=["t"])
    line = run("list").stdout.strip()
    assert line.split("\t")[1:4] == ["two lines", "sight", "#t"]


def test_list_refuses_a_bad_sense(run, owner):
    result = run("list", "--sense", "smellovision")
    assert result.exit_code == 1
    assert "not a sense" in result.stderr


def test_search_finds_words_in_text_lines_body_tags_and_people(run, owner):
    _add(owner, "Хліб у печі", datetime(2024, 1, 1, tzinfo=UTC))
    _add(owner, "x", datetime(2024, 1, 2, tzinfo=UTC), sense_lines={"sight": "a heron"})
    _add(owner, "y", datetime(2024, 1, 3, tzinfo=UTC), body="slow breath")
    _add(owner, "z", datetime(2024, 1, 4, tzinfo=UTC), people=["Mykola"], tags=["garden"])
    found = lambda q: [r["text"] for r in json.loads(run("search", q, "--json").stdout)]  # noqa: E731
    assert found("хліб") == ["Хліб у печі"]
    assert found("HERON") == ["x"]
    assert found("breath") == ["y"]
    assert found("mykola") == ["z"]
    assert found("garden") == ["z"]
    assert found("nothing-like-this") == []


def test_search_needs_words(run, owner):
    assert run("search", " ").exit_code == 1


def test_stats(run, owner):
    _add(owner, "a", datetime(2024, 1, 1, 9, tzinfo=UTC), senses=["sight"])
    _add(owner, "b", datetime(2024, 1, 1, 10, tzinfo=UTC), senses=["sight", "touch"])
    run("bean")
    figures = json.loads(run("stats", "--json").stdout)
    assert figures["glimmers"] == 2
    assert figures["days_with_glimmers"] == 1
    assert figures["senses"]["sight"] == 2 and figures["senses"]["touch"] == 1
    assert figures["beans_today"] == 1
    text = run("stats").stdout
    assert "Glimmers noticed: 2" in text


def test_reading_an_empty_install_says_so(run, db):
    result = run("list")
    assert result.exit_code == 1
    assert "no diary here yet" in result.stderr


def test_search_finds_cyrillic_and_any_apostrophe_in_sense_lines(run, owner):
    _add(owner, "x", datetime(2024, 1, 2, tzinfo=UTC), sense_lines={"hearing": "Пʼять пташок"})
    found = lambda q: [r["text"] for r in json.loads(run("search", q, "--json").stdout)]  # noqa: E731
    assert found("п'ять") == ["x"]
    assert found("ПТАШОК") == ["x"]


def test_stats_count_days_in_the_persons_own_zone(run, owner):
    # Kyiv is UTC+3 in May: 20:30 UTC is 23:30 on the 1st there, 21:30 UTC already the 2nd.
    _add(owner, "late", datetime(2024, 5, 1, 20, 30, tzinfo=UTC))
    _add(owner, "later", datetime(2024, 5, 1, 21, 30, tzinfo=UTC))
    # and across the autumn clock change (27 October 2024, UTC+3 → UTC+2)
    _add(owner, "a", datetime(2024, 10, 26, 21, 30, tzinfo=UTC))  # 00:30 on the 27th
    _add(owner, "b", datetime(2024, 10, 27, 21, 30, tzinfo=UTC))  # 23:30 on the 27th
    assert json.loads(run("stats", "--json").stdout)["days_with_glimmers"] == 3


def test_search_ranks_and_filters(run, owner):
    _add(
        owner, "sun on the sea, sun on the sand", datetime(2024, 1, 1, tzinfo=UTC), senses=["sight"]
    )
    _add(owner, "one sunny bench", datetime(2024, 6, 1, tzinfo=UTC), tags=["park"])
    _add(owner, "Straße voller Sonne", datetime(2024, 7, 1, tzinfo=UTC))
    found = lambda *a: [r["text"] for r in json.loads(run("search", *a, "--json").stdout)]  # noqa: E731
    assert found("sun") == ["sun on the sea, sun on the sand", "one sunny bench"]
    assert found("sun", "--tag", "park") == ["one sunny bench"]
    assert found("sun", "--sense", "sight") == ["sun on the sea, sun on the sand"]
    assert found("sun", "--since", "2024-03-01") == ["one sunny bench"]
    assert found("STRASSE") == ["Straße voller Sonne"]
    assert found("bench sun") == ["one sunny bench"]
    assert found("bench rain") == []
    assert run("search", "sun", "--kind", "nope").exit_code == 1
    assert run("search", "!!").exit_code == 1
