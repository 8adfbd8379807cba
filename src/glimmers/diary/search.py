"""Full-text search over everything a person wrote about their glimmers.

Each glimmer has one `SearchDocument`: its words, sense lines, body note, tags and people,
folded by `fold_for_search` so both databases see the same words (case, ß, apostrophes),
and its facts (senses, kind, tags, people, month) as tokens, so the index itself narrows a
search by them. SQLite searches it with FTS5 (bm25 ranking), PostgreSQL with a GIN-indexed
tsvector (ts_rank); the index is made in migrations 0005 and 0006. Snippets and highlights
are made here in Python, from the original words, the same way for both.
"""

from __future__ import annotations

import hashlib
import math
import re
import uuid
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import User
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from glimmers.diary.models import Glimmer, Person, SearchDocument, Tag
from glimmers.lib.folding import fold_for_search

if TYPE_CHECKING:
    from glimmers.diary.queries import Filters

# Letters and digits; apostrophes inside a word are kept so they can be folded away.
WORD = re.compile(r"[^\W_](?:[^\W_]|['’ʼ‘`](?=[^\W_]))*")
MAX_TERMS = 8
QUERY_MAX = 200  # characters of a search, on the web, in the API and the CLI
SNIPPET_CHARS = 180
CHUNK = 2000


def terms_of(query: str) -> list[str]:
    """The words of a query, folded, each at most once, in order."""
    found = [fold_for_search(word) for word in WORD.findall(query)]
    return list(dict.fromkeys(term for term in found if term))[:MAX_TERMS]


# Other areas add what they hold about a glimmer (a conversation's story, say): each source
# maps glimmer ids (all of a person's when None) to more text for those glimmers.
TextSource = Callable[[Any, Collection[uuid.UUID] | None], dict[Any, list[str]]]
_sources: list[TextSource] = []


def add_text_source(source: TextSource) -> None:
    """Register more words to index with glimmers; called once from an app's `ready()`."""
    if source not in _sources:
        _sources.append(source)


def _more_text(owner: User, ids: Collection[uuid.UUID] | None) -> dict[Any, list[str]]:
    found: dict[Any, list[str]] = defaultdict(list)
    for source in _sources:
        for glimmer_id, texts in source(owner, ids).items():
            found[glimmer_id].extend(texts)
    return found


def _scope(owner_id: int) -> str:
    # Every indexed word carries its owner ("o42xbread"), so a word's list of places holds
    # one person's glimmers only: searching never wades through other people's words.
    return f"o{int(owner_id)}x"


def document_of(
    owner_id: int, text: str, sense_lines: dict[str, str], body: str, labels: Iterable[str]
) -> str:
    parts = [text, *sense_lines.values(), body, *labels]
    folded = fold_for_search("\n".join(part for part in parts if part))
    scope = _scope(owner_id)
    return " ".join(scope + word for word in WORD.findall(folded))


# A fact is a token no query word can spell: "f42ssight" (a sense), "f42kmemory" (a kind),
# "f42t…"/"f42p…" (a tag or person, as letters made from a hash of the folded name),
# "f42m202103" and "f42y2021" (the month and year noticed, in UTC).


def _fact(owner_id: int, letter: str, value: str) -> str:
    return f"f{int(owner_id)}{letter}{value}"


def _name_token(name: str) -> str:
    digest = hashlib.blake2b(fold_for_search(name).encode(), digest_size=8).hexdigest()
    return "".join(chr(ord("a") + int(digit, 16)) for digit in digest)


def facts_of(
    owner_id: int,
    senses: Iterable[str],
    kind: str,
    noticed_at: datetime,
    tags: Iterable[str],
    people: Iterable[str],
) -> str:
    moment = noticed_at.astimezone(UTC)
    facts = [_fact(owner_id, "s", sense) for sense in senses]
    facts.append(_fact(owner_id, "k", kind.replace("-", "")))
    facts += [_fact(owner_id, "t", _name_token(tag)) for tag in tags]
    facts += [_fact(owner_id, "p", _name_token(person)) for person in people]
    facts += [_fact(owner_id, "m", f"{moment:%Y%m}"), _fact(owner_id, "y", f"{moment:%Y}")]
    return " ".join(facts)


@dataclass
class Narrowing:
    """What a search is narrowed to: groups of fact tokens (a glimmer must hold at least one
    token of every group) and a span of time, which becomes one more group of month and
    year tokens. The exact filters are applied afterwards, to the few found."""

    owner_id: int = 0
    groups: list[list[str]] = field(default_factory=list)
    since: datetime | None = None
    until: datetime | None = None
    impossible: bool = False

    def tokens(
        self, *, not_before: datetime | None = None, not_after: datetime | None = None
    ) -> list[list[str]] | None:
        """Every group, the span of time (narrowed further by `not_before` and `not_after`)
        included; None when nothing can be in that span."""
        since, until = self.since, self.until
        if not_before is not None:
            since = not_before if since is None else max(since, not_before)
        if not_after is not None:
            until = not_after if until is None else min(until, not_after)
        if since is None or until is None:  # (`narrowing` gives both or neither)
            return self.groups
        months = _months_between(since, until)
        if not months:
            return None
        return [*self.groups, [_fact(self.owner_id, letter, value) for letter, value in months]]


def narrowing(owner: User, filters: Filters) -> Narrowing:
    """The fact tokens for `timeline`'s filters (values already checked by `Filters`)."""
    owner_id = owner.pk
    since, until = filters.since, filters.until
    sense, kind, tag, person = filters.sense, filters.kind, filters.tag, filters.person
    found = Narrowing(owner_id, since=since, until=until)
    if sense:
        found.groups.append([_fact(owner_id, "s", sense)])
    if kind:
        found.groups.append([_fact(owner_id, "k", kind.replace("-", ""))])
    if tag:
        found.groups.append([_fact(owner_id, "t", _name_token(Tag.normalize(tag)))])
    if person:
        found.groups.append([_fact(owner_id, "p", _name_token(Person.normalize(person)))])
    if (since is None) != (until is None):
        # An open end is the diary's first or latest glimmer.
        moments = Glimmer.objects.filter(owner=owner, trashed_at__isnull=True)
        order = "noticed_at" if since is None else "-noticed_at"
        edge = moments.order_by(order).values_list("noticed_at", flat=True).first()
        if edge is None:  # an empty diary
            found.impossible = True
            return found
        found.since, found.until = (edge, until) if since is None else (since, edge)
    found.impossible = found.tokens() is None
    return found


def _months_between(since: datetime, until: datetime) -> list[tuple[str, str]]:
    """The months (and the whole years) from `since` to `until`, in UTC: ("y", "2021"),
    ("m", "202203"), …"""
    start, end = since.astimezone(UTC), until.astimezone(UTC)
    year, month = start.year, start.month
    found: list[tuple[str, str]] = []
    while (year, month) <= (end.year, end.month):
        if month == 1 and year < end.year:
            found.append(("y", str(year)))
            year += 1
            continue
        found.append(("m", f"{year}{month:02d}"))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


# --- keeping the index in step ---------------------------------------------------------


def index(glimmer: Glimmer) -> None:
    """(Re)write one glimmer's document; called wherever a glimmer is saved."""
    tags = [tag.name for tag in glimmer.tags.all()]
    people = [person.name for person in glimmer.people.all()]
    labels = tags + people + _more_text(glimmer.owner, [glimmer.id]).get(glimmer.id, [])
    document = document_of(
        glimmer.owner_id, glimmer.text, glimmer.sense_lines or {}, glimmer.body, labels
    )
    facts = facts_of(
        glimmer.owner_id, glimmer.senses, glimmer.kind, glimmer.noticed_at, tags, people
    )
    SearchDocument.objects.update_or_create(
        glimmer=glimmer,
        defaults={"owner_id": glimmer.owner_id, "document": document, "facts": facts},
    )


def reindex(owner: User, glimmer_ids: Iterable[uuid.UUID] | None = None) -> int:
    """Write the documents of a person's glimmers (all, or just these) in a few sweeps: all of
    them in one sweep of the person's links; given ids (an import), a chunk at a time, so the
    memory it takes does not grow with the import."""
    written = 0
    with transaction.atomic():
        if glimmer_ids is None:
            return _write_documents(owner, None)
        ids = list(glimmer_ids)
        for at in range(0, len(ids), CHUNK):
            written += _write_documents(owner, ids[at : at + CHUNK])
    return written


def _write_documents(owner: User, ids: list[uuid.UUID] | None) -> int:
    """The documents of the person's glimmers: these ids, or all. Given ids, every query goes
    by id alone (by the person, SQLite would walk all their glimmers for each chunk), and
    a glimmer that is not theirs is passed over."""
    labels: dict[Any, list[str]] = defaultdict(list)
    names: dict[str, dict[Any, list[str]]] = {"tag": defaultdict(list), "person": defaultdict(list)}
    for through, label in ((Glimmer.tags.through, "tag"), (Glimmer.people.through, "person")):
        if ids is None:
            links = through.objects.filter(glimmer__owner=owner)
        else:
            links = through.objects.filter(glimmer_id__in=ids)
        for glimmer_id, name in links.values_list("glimmer_id", f"{label}__name").iterator(CHUNK):
            labels[glimmer_id].append(name)
            names[label][glimmer_id].append(name)
    for glimmer_id, texts in _more_text(owner, ids).items():
        labels[glimmer_id].extend(texts)
    if ids is None:
        glimmers = Glimmer.objects.filter(owner=owner).order_by()
    else:
        glimmers = Glimmer.objects.filter(pk__in=ids).order_by()
    fields = ("id", "owner_id", "text", "sense_lines", "body", "senses", "kind", "noticed_at")
    documents = [
        SearchDocument(
            glimmer_id=glimmer_id,
            owner_id=owner.pk,
            document=document_of(owner.pk, text, lines or {}, body, labels.get(glimmer_id, [])),
            facts=facts_of(
                owner.pk,
                senses,
                kind,
                noticed_at,
                names["tag"].get(glimmer_id, []),
                names["person"].get(glimmer_id, []),
            ),
        )
        for glimmer_id, owner_id, text, lines, body, senses, kind, noticed_at in (
            glimmers.values_list(*fields).iterator(CHUNK)
        )
        if owner_id == owner.pk
    ]
    if ids is None:
        SearchDocument.objects.filter(owner_id=owner.pk).delete()
    else:
        SearchDocument.objects.filter(glimmer_id__in=[d.glimmer_id for d in documents]).delete()
    SearchDocument.objects.bulk_create(documents, batch_size=CHUNK)
    return len(documents)


# --- searching -------------------------------------------------------------------------


def ranked(
    glimmers: QuerySet[Glimmer], owner: User, terms: list[str], narrow: Narrowing | None = None
) -> QuerySet[Glimmer]:
    """`glimmers` (already narrowed to one person and any filters) that hold every term as a
    word or the start of one, best match first. `narrow` lets the index do the narrowing
    first."""
    narrow = narrow or Narrowing()
    if narrow.impossible:
        return glimmers.none()
    glimmers = glimmers.order_by().filter(search__isnull=False)
    if connection.vendor == "sqlite":
        return glimmers.extra(
            tables=["diary_search"],
            where=["diary_search.rowid = diary_searchdocument.id", "diary_search MATCH %s"],
            params=[_match(owner, terms, narrow)],
            select={"rank": "bm25(diary_search, 0.0, 1.0, 0.0)"},
            order_by=["rank", "-noticed_at", "-id"],
        )
    return glimmers.extra(
        where=["diary_searchdocument.vector @@ to_tsquery('simple', %s)"],
        params=[_tsquery(owner, terms, narrow.tokens() or [])],
        select={"rank": "ts_rank(diary_searchdocument.vector, to_tsquery('simple', %s))"},
        select_params=[_tsquery(owner, terms)],
        order_by=["-rank", "-noticed_at", "-id"],
    )


def _match(owner: User, terms: list[str], narrow: Narrowing | None = None) -> str:
    # A whole word counts twice (as itself and as a prefix), so "sun" ranks above "sunny".
    scope = _scope(owner.pk)
    parts = [f'("{scope}{term}" OR "{scope}{term}"*)' for term in terms]
    parts += [f"({' OR '.join(group)})" for group in (narrow.tokens() or [] if narrow else [])]
    return " AND ".join(parts)


def _tsquery(owner: User, terms: list[str], groups: list[list[str]] | None = None) -> str:
    """With `groups` (even none), the query that finds: each word as a prefix, and the
    facts. Without, the query that ranks: a whole word counts twice, as in `_match`."""
    scope = _scope(owner.pk)
    if groups is None:
        return " & ".join(f"({scope}{term} | {scope}{term}:*)" for term in terms)
    parts = [f"{scope}{term}:*" for term in terms]
    parts += [f"({' | '.join(group)})" for group in groups]
    return " & ".join(parts)


# A word found in thousands of glimmers is ranked among its most recent matches only (the
# newest this many): ranking stays quick however common the word, recent moments are the
# likelier ones to be looked for, and a search narrowed by dates ranks within those dates.
# (At 2,000 a two-word search on PostgreSQL took 30-35 ms at 100k glimmers; at 1,000, 25.)
RANK_WINDOW = 1000


def _top(owner: User, terms: list[str], narrow: Narrowing, count: int) -> list[uuid.UUID]:
    """The ids of the `count` best-matching glimmers (trash included), from the index alone:
    only those few are joined to anything."""
    window = max(RANK_WINDOW, count)
    if connection.vendor == "sqlite":
        found = _sqlite_top(_match(owner, terms, narrow), window, count)
    else:
        found = _postgresql_recent_top(owner, terms, narrow, window, count)
    return [value if isinstance(value, uuid.UUID) else uuid.UUID(value) for value in found]


def _postgresql_recent_top(
    owner: User, terms: list[str], narrow: Narrowing, window: int, count: int
) -> list[Any]:
    """PostgreSQL reads every match from the table before it can keep the newest, so a
    common word is first looked for in the diary's latest two years only (the index narrows
    by their year tokens, within any dates asked for), then in as many years as that
    suggests would hold a window's worth; all years are read only when those hold too few."""
    words = _tsquery(owner, terms)
    found: list[Any] = []
    matched = 0
    latest = _latest_year(owner)
    span = 2
    while latest is not None and span <= 12:
        groups = narrow.tokens(
            not_before=datetime(latest - span + 1, 1, 1, tzinfo=UTC),
            not_after=datetime(latest + 1, 1, 1, tzinfo=UTC),
        )
        if groups is None:  # the dates asked for are all before these years
            break
        found, matched = _postgresql_top(_tsquery(owner, terms, groups), words, window, count)
        if matched >= window or matched == 0 or span > 2:
            break
        span = math.ceil(span * window / matched * 1.25)
    if matched < window:
        query = _tsquery(owner, terms, narrow.tokens() or [])
        found, matched = _postgresql_top(query, words, window, count)
    return found


def _sqlite_top(match: str, window: int, count: int) -> list[Any]:
    # FTS5 walks matches newest row first and stops at the window; only those are scored
    # (the facts column weighs nothing).
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT d.glimmer_id FROM (SELECT found, score FROM (SELECT rowid AS found,"
            " bm25(diary_search, 0.0, 1.0, 0.0) AS score FROM diary_search WHERE"
            " diary_search MATCH %s ORDER BY rowid DESC LIMIT %s) ORDER BY score, found"
            " DESC LIMIT %s) AS top JOIN diary_searchdocument d ON d.id = top.found"
            " ORDER BY top.score, top.found DESC",
            [match, window, count],
        )
        return [row[0] for row in cursor]


def _postgresql_top(query: str, words: str, window: int, count: int) -> tuple[list[Any], int]:
    """The best `count` of the newest `window` matches, and how many matched (up to
    `window`). `id + 0` keeps the planner from walking the whole table backwards along its
    primary key instead of asking the GIN index."""
    with connection.cursor() as cursor:
        cursor.execute(
            "WITH recent AS (SELECT glimmer_id, id, vector FROM diary_searchdocument"
            " WHERE vector @@ to_tsquery('simple', %s) ORDER BY id + 0 DESC LIMIT %s)"
            " SELECT glimmer_id, (SELECT count(*) FROM recent) FROM recent"
            " ORDER BY ts_rank(vector, to_tsquery('simple', %s)) DESC, id DESC LIMIT %s",
            [query, window, words, count],
        )
        rows = cursor.fetchall()
    return [row[0] for row in rows], (rows[0][1] if rows else 0)


def _latest_year(owner: User) -> int | None:
    """The year (in UTC) of a diary's latest glimmer; None for an empty diary."""
    latest = (
        Glimmer.objects.filter(owner=owner, trashed_at__isnull=True)
        .order_by("-noticed_at", "-id")
        .values_list("noticed_at", flat=True)
        .first()
    )
    return None if latest is None else latest.astimezone(UTC).year


def best(
    owner: User,
    terms: list[str],
    limit: int,
    *,
    within: QuerySet[Glimmer] | None = None,
    narrow: Narrowing | None = None,
) -> list[uuid.UUID]:
    """The ids of the `limit` best matches among `within` (all outside the trash if not
    given), best first. The index finds and ranks them, narrowed by `narrow`'s facts; only
    those few are checked against `within`, so a word found in thousands of glimmers, or a
    search narrowed by a sense or a month, stays quick."""
    narrow = narrow or Narrowing()
    if narrow.impossible:
        return []
    if within is None:
        within = Glimmer.objects.filter(owner=owner, trashed_at__isnull=True)
    want = limit + 10
    while True:
        ids = _top(owner, terms, narrow, want)
        kept = set(within.order_by().filter(id__in=ids).values_list("id", flat=True))
        found = [glimmer_id for glimmer_id in ids if glimmer_id in kept]
        if len(found) >= limit or len(ids) < want:
            return found[:limit]
        want *= 4  # much of the best was in the trash or outside the dates: look further


# --- showing what matched ------------------------------------------------------------


def _matches(word: str, terms: list[str]) -> bool:
    folded = fold_for_search(word)
    return any(folded.startswith(term) for term in terms)


def highlight(text: str, terms: list[str], *, width: int = SNIPPET_CHARS) -> SafeString:
    """`text`, cut to about `width` characters around the first match, with every matching
    word in <mark>; everything else escaped."""
    spans = [m.span() for m in WORD.finditer(text) if _matches(m.group(), terms)]
    start, end = 0, len(text)
    if len(text) > width:
        first = spans[0][0] if spans else 0
        start = max(0, min(first - width // 3, len(text) - width))
        end = start + width
        # Cut at spaces, not inside words.
        if start:
            start = text.find(" ", start) + 1 or start
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    out = ["…" if start else ""]
    position = start
    for begin, finish in spans:
        if begin < start or finish > end:
            continue
        out += [escape(text[position:begin]), "<mark>", escape(text[begin:finish]), "</mark>"]
        position = finish
    out.append(escape(text[position:end]))
    out.append("…" if end < len(text) else "")
    return mark_safe("".join(out))  # noqa: S308 - every piece of text above is escaped


@dataclass
class Hit:
    """A found glimmer and where the words were found in it."""

    glimmer: Glimmer
    text: SafeString
    elsewhere: list[tuple[str, SafeString]]


def explain(glimmers: Iterable[Glimmer], terms: list[str]) -> list[Hit]:
    """Highlights for a page of results (tags and people prefetched)."""
    from django.utils.translation import gettext as _

    from glimmers.diary.choices import Sense

    hits = []
    for glimmer in glimmers:
        places: list[tuple[str, str]] = [
            (str(Sense(sense).label), line) for sense, line in (glimmer.sense_lines or {}).items()
        ]
        places.append((_("Body"), glimmer.body))
        places.append((_("Tags"), " ".join(f"#{tag.name}" for tag in glimmer.tags.all())))
        places.append((_("With"), ", ".join(person.name for person in glimmer.people.all())))
        elsewhere = [
            (label, highlight(value, terms, width=120))
            for label, value in places
            if value and any(_matches(word, terms) for word in WORD.findall(value))
        ]
        hits.append(Hit(glimmer, highlight(glimmer.text, terms), elsewhere))
    return hits
