"""The search page: ranked results with highlights, filters, paging, as-you-type partials."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.utils import timezone

from glimmers.diary.services import EntryInput, add_glimmer, move_to_trash

URL = "/search/"


def add(owner, text, **fields):
    fields.setdefault("noticed_at", timezone.now() - timedelta(hours=1))
    return add_glimmer(owner, EntryInput(text, **fields))


def test_needs_a_login(client, owner):
    assert client.get(URL + "?q=sun").status_code == 302


def test_an_empty_search_explains_itself(owner_client):
    html = owner_client.get(URL).content.decode()
    assert "Look through everything you have written" in html
    assert 'role="search"' in html and 'name="q"' in html


def test_finds_and_marks_the_words(owner_client, owner):
    add(owner, "Sunlight on the kitchen floor", sense_lines={"sight": "gold squares of sun"})
    add(owner, "rain on the roof")
    html = owner_client.get(URL + "?q=sun").content.decode()
    assert "<mark>Sunlight</mark> on the kitchen floor" in html
    assert "gold squares of <mark>sun</mark>" in html
    assert "rain on the roof" not in html


def test_what_people_wrote_is_escaped(owner_client, owner):
    add(owner, "<b>sun</b> & <script>alert(1)</script>")
    html = owner_client.get(URL + "?q=sun").content.decode()
    assert "&lt;b&gt;<mark>sun</mark>&lt;/b&gt; &amp; &lt;script&gt;" in html
    assert "<script>alert(1)</script>" not in html


def test_a_stranger_finds_nothing_of_the_owners(stranger_client, owner):
    add(owner, "a very private sunrise")
    html = stranger_client.get(URL + "?q=sunrise").content.decode()
    assert "private sunrise" not in html
    assert "Nothing with those words yet." in html


def test_the_trash_is_not_searched(owner_client, owner):
    move_to_trash(add(owner, "a trashed sunrise"))
    assert "trashed sunrise" not in owner_client.get(URL + "?q=sunrise").content.decode()


def test_filters_narrow_the_results(owner_client, owner):
    add(owner, "sun at the lake", kind="memory", people=["Mykola"], senses=["sight"])
    add(owner, "sun at the window", tags=["home"])
    add(owner, "sun long ago", noticed_at=datetime(2020, 3, 1, 12, tzinfo=UTC))

    def texts(query):
        html = owner_client.get(URL + "?" + query).content.decode()
        return sorted(t for t in ("lake", "window", "long ago") if t in html)

    assert texts("q=sun") == ["lake", "long ago", "window"]
    assert texts("q=sun&kind=memory") == ["lake"]
    assert texts("q=sun&person=mykola") == ["lake"]
    assert texts("q=sun&tag=%23Home") == ["window"]
    assert texts("q=sun&sense=sight") == ["lake"]
    assert texts("q=sun&until=2020-03-01") == ["long ago"]
    assert texts("q=sun&since=2020-03-02") == ["lake", "window"]


def test_bad_filters_get_one_sentence(owner_client, owner):
    add(owner, "sun")
    response = owner_client.get(URL + "?q=sun&since=2024-05-02&until=2024-05-01")
    assert response.status_code == 200
    assert "“Until” comes before “From”" in response.content.decode()
    response = owner_client.get(URL + "?q=sun&sense=smellovision&since=yesterday")
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_results_come_in_pages(owner_client, owner):
    for number in range(25):
        add(owner, f"sun number {number}", noticed_at=timezone.now() - timedelta(minutes=number))
    html = owner_client.get(URL + "?q=sun").content.decode()
    assert html.count('class="card"') == 20
    assert "page=2" in html and "More results" in html
    more = owner_client.get(
        URL + "?q=sun&page=2", headers={"HX-Request": "true", "HX-Target": "more"}
    )
    assert more.content.decode().count('class="card"') == 5
    assert "<html" not in more.content.decode() and "More results" not in more.content.decode()


def test_typing_swaps_only_the_results(owner_client, owner):
    add(owner, "sun")
    response = owner_client.get(
        URL + "?q=su", headers={"HX-Request": "true", "HX-Target": "results"}
    )
    html = response.content.decode()
    assert "<mark>sun</mark>" in html and "<html" not in html
