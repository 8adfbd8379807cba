"""The search index follows every change: capture, edit, labels, import, backup, deletion."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from glimmers.accounts.services import delete_account
from glimmers.diary import places
from glimmers.diary.models import SearchDocument
from glimmers.diary.queries import Filters, search
from glimmers.diary.search import highlight, reindex, terms_of
from glimmers.diary.services import (
    EntryInput,
    add_glimmer,
    edit_glimmer,
    move_to_trash,
)
from glimmers.portability.export import export_json
from glimmers.portability.imports import import_file


def find(owner, query, limit=None, **filters):
    return search(owner, query, Filters(**filters), limit=limit)


WHEN = datetime(2025, 4, 1, 9, tzinfo=UTC)


def texts(owner, query, **filters):
    return [glimmer.text for glimmer in find(owner, query, **filters)]


def test_terms_are_folded_words():
    assert terms_of("  М’ЯТА, don't  Straße!! ") == ["мята", "dont", "strasse"]
    assert terms_of("?! …") == []
    assert terms_of("sun sun SUN") == ["sun"]


def test_every_place_a_person_writes_is_found(owner):
    add_glimmer(
        owner,
        EntryInput(
            "x",
            noticed_at=WHEN,
            sense_lines={"smell": "свіжа м’ята"},
            body="shoulders dropped",
            tags=["garden"],
            people=["Oksana"],
        ),
    )
    for query in ("м'ята", "МʼЯТА", "shoulder", "garden", "oksana", "свіж"):
        assert texts(owner, query) == ["x"], query


def test_an_edit_replaces_the_old_words(owner):
    glimmer = add_glimmer(owner, EntryInput("old words", noticed_at=WHEN, tags=["first"]))
    edit_glimmer(glimmer, EntryInput("new words", noticed_at=WHEN, tags=["second"]))
    assert texts(owner, "old") == [] and texts(owner, "first") == []
    assert texts(owner, "new") == ["new words"] and texts(owner, "second") == ["new words"]
    assert SearchDocument.objects.count() == 1


def test_deleting_for_good_and_leaving_remove_the_documents(owner):
    move_to_trash(add_glimmer(owner, EntryInput("gone soon", noticed_at=WHEN)))
    add_glimmer(owner, EntryInput("stays", noticed_at=WHEN))
    places.empty_trash(owner)
    assert list(SearchDocument.objects.values_list("document", flat=True)) == [f"o{owner.pk}xstays"]
    delete_account(owner)
    assert SearchDocument.objects.count() == 0


def test_imports_are_searchable(owner, stranger, tmp_path):
    add_glimmer(owner, EntryInput("bread in the oven", noticed_at=WHEN, people=["Nan"]))
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export_json(owner)))
    import_file(stranger, path)
    assert texts(stranger, "nan") == ["bread in the oven"]
    assert texts(owner, "nan") == ["bread in the oven"]  # each their own copy


def test_reindex_rebuilds_the_same_documents(owner):
    add_glimmer(owner, EntryInput("one", noticed_at=WHEN, tags=["a"], people=["B"]))
    add_glimmer(owner, EntryInput("two", noticed_at=WHEN, body="warm"))
    before = sorted(SearchDocument.objects.values_list("document", flat=True))
    assert reindex(owner) == 2
    assert sorted(SearchDocument.objects.values_list("document", flat=True)) == before
    assert texts(owner, "warm") == ["two"]


def test_highlight_cuts_long_text_around_the_match():
    text = "quiet " * 60 + "a heron lifted off the water " + "still " * 60
    snippet = str(highlight(text, ["heron"]))
    assert "<mark>heron</mark>" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet) < 260


def test_the_best_matches_skip_the_trash_however_many_are_there(owner):
    for number in range(30):
        move_to_trash(add_glimmer(owner, EntryInput(f"sun sun sun {number}", noticed_at=WHEN)))
    for number in range(3):
        add_glimmer(owner, EntryInput(f"a long walk and then the sun {number}", noticed_at=WHEN))
    found = [glimmer.text for glimmer in find(owner, "sun", limit=2)]
    assert len(found) == 2 and all(text.startswith("a long walk") for text in found)
    assert len(find(owner, "sun", limit=10)) == 3
    # Ranked in the index or through the filters, the same three come back.
    assert sorted(g.text for g in find(owner, "sun", kind="moment")) == sorted(
        g.text for g in find(owner, "sun", limit=10)
    )


def test_a_very_common_word_is_ranked_among_its_newest_matches(owner, monkeypatch):
    from glimmers.diary import search as search_module

    monkeypatch.setattr(search_module, "RANK_WINDOW", 3)
    add_glimmer(owner, EntryInput("tea tea tea, the oldest and best", noticed_at=WHEN))
    for number in range(20):  # more than the page asks for, so the window is what counts
        add_glimmer(owner, EntryInput(f"a long afternoon and some tea {number}", noticed_at=WHEN))
    found = [glimmer.text for glimmer in find(owner, "tea", limit=2)]
    assert len(found) == 2 and "oldest" not in " ".join(found)
    # With a filter every match is ranked, so the best one still comes first.
    assert find(owner, "tea", kind="moment")[0].text.startswith("tea tea tea")


def test_the_window_reaches_back_over_the_years_a_word_is_spread_over(owner, monkeypatch):
    # On PostgreSQL the latest two years are asked first, then as many as they suggest
    # (here six), then all; each way the window (11: a page of one, and ten more) holds the
    # newest matches.
    from glimmers.diary import search as search_module

    monkeypatch.setattr(search_module, "RANK_WINDOW", 3)

    def add(text, year):
        add_glimmer(owner, EntryInput(text, noticed_at=datetime(year, 5, 1, tzinfo=UTC)))

    add("tea tea tea tea, long ago", 2015)  # strongest, but older than the window reaches
    for number in range(19):
        add(f"tea in the afternoon {number}", 2021)
    add("tea tea tea", 2021)
    for number in range(5):
        add(f"a walk, then tea {number}", 2025)
    assert [g.text for g in find(owner, "tea", limit=1)] == ["tea tea tea"]
    assert len(find(owner, "tea", limit=40)) == 26
