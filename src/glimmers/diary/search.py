"""Full-text search over everything a person wrote about their glimmers.

Each glimmer has one `SearchDocument`: its words, sense lines, body note, tags and people,
folded by `fold_for_search` so both databases see the same words (case, ß, apostrophes).
SQLite searches it with FTS5 (bm25 ranking), PostgreSQL with a GIN-indexed tsvector
(ts_rank); the index itself is made in migration 0005. Snippets and highlights are made
here in Python, from the original words, the same way for both.
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from glimmers.diary.models import Glimmer, SearchDocument
from glimmers.lib.folding import fold_for_search

# Letters and digits; apostrophes inside a word are kept so they can be folded away.
WORD = re.compile(r"[^\W_](?:[^\W_]|['’ʼ‘`](?=[^\W_]))*")
MAX_TERMS = 8
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


def _more_text(owner: Any, ids: Collection[uuid.UUID] | None) -> dict[Any, list[str]]:
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


# --- keeping the index in step ---------------------------------------------------------


def index(glimmer: Glimmer) -> None:
    """(Re)write one glimmer's document; called wherever a glimmer is saved."""
    labels = [tag.name for tag in glimmer.tags.all()] + [p.name for p in glimmer.people.all()]
    labels += _more_text(glimmer.owner, [glimmer.id]).get(glimmer.id, [])
    document = document_of(
        glimmer.owner_id, glimmer.text, glimmer.sense_lines or {}, glimmer.body, labels
    )
    SearchDocument.objects.update_or_create(
        glimmer=glimmer, defaults={"owner_id": glimmer.owner_id, "document": document}
    )


def reindex(owner: Any, glimmer_ids: Iterable[uuid.UUID] | None = None) -> int:
    """Write the documents of a person's glimmers (all, or just these) in a few sweeps."""
    ids = None if glimmer_ids is None else list(glimmer_ids)
    # A few ids are looked up by id; many (an import) in one sweep of the person's links.
    few = ids if ids is not None and len(ids) <= CHUNK else None
    labels: dict[Any, list[str]] = defaultdict(list)
    for through, field in ((Glimmer.tags.through, "tag"), (Glimmer.people.through, "person")):
        links = through.objects.filter(glimmer__owner=owner)
        if few is not None:
            links = links.filter(glimmer_id__in=few)
        for glimmer_id, name in links.values_list("glimmer_id", f"{field}__name").iterator(CHUNK):
            labels[glimmer_id].append(name)
    for glimmer_id, texts in _more_text(owner, few).items():
        labels[glimmer_id].extend(texts)
    glimmers = Glimmer.objects.filter(owner=owner).order_by()
    if ids is None:
        batches = [glimmers]
    else:
        batches = [glimmers.filter(id__in=ids[at : at + CHUNK]) for at in range(0, len(ids), CHUNK)]
    written = 0
    with transaction.atomic():
        for batch in batches:
            SearchDocument.objects.filter(glimmer__in=batch.values("id")).delete()
            rows = batch.values_list("id", "text", "sense_lines", "body").iterator(CHUNK)
            documents = [
                SearchDocument(
                    glimmer_id=glimmer_id,
                    owner_id=owner.pk,
                    document=document_of(
                        owner.pk, text, lines or {}, body, labels.get(glimmer_id, [])
                    ),
                )
                for glimmer_id, text, lines, body in rows
            ]
            SearchDocument.objects.bulk_create(documents, batch_size=CHUNK)
            written += len(documents)
    return written


# --- searching -------------------------------------------------------------------------


def ranked(glimmers: QuerySet[Glimmer], owner: Any, terms: list[str]) -> QuerySet[Glimmer]:
    """`glimmers` (already narrowed to one person and any filters) that hold every term as a
    word or the start of one, best match first."""
    glimmers = glimmers.order_by().filter(search__isnull=False)
    if connection.vendor == "sqlite":
        return glimmers.extra(
            tables=["diary_search"],
            where=["diary_search.rowid = diary_searchdocument.id", "diary_search MATCH %s"],
            params=[_match(owner, terms)],
            select={"rank": "bm25(diary_search, 0.0, 1.0)"},
            order_by=["rank", "-noticed_at", "-id"],
        )
    query = _tsquery(owner, terms)
    return glimmers.extra(
        where=["diary_searchdocument.vector @@ to_tsquery('simple', %s)"],
        params=[query],
        select={"rank": "ts_rank(diary_searchdocument.vector, to_tsquery('simple', %s))"},
        select_params=[query],
        order_by=["-rank", "-noticed_at", "-id"],
    )


def _match(owner: Any, terms: list[str]) -> str:
    # A whole word counts twice (as itself and as a prefix), so "sun" ranks above "sunny".
    scope = _scope(owner.pk)
    return " AND ".join(f'("{scope}{term}" OR "{scope}{term}"*)' for term in terms)


def _tsquery(owner: Any, terms: list[str]) -> str:
    scope = _scope(owner.pk)
    return " & ".join(f"({scope}{term} | {scope}{term}:*)" for term in terms)


# A word found in tens of thousands of glimmers is ranked among its most recent matches only
# (the newest this many): ranking stays quick however common the word, and recent moments
# are the likelier ones to be looked for.
RANK_WINDOW = 2000


def _top(owner: Any, terms: list[str], count: int) -> list[uuid.UUID]:
    """The ids of the `count` best-matching glimmers (trash included), from the index alone:
    only those few are joined to anything."""
    window = max(RANK_WINDOW, count)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            # FTS5 walks matches newest row first and stops at the window; only those are
            # scored.
            cursor.execute(
                "SELECT d.glimmer_id FROM (SELECT found, score FROM (SELECT rowid AS found,"
                " bm25(diary_search, 0.0, 1.0) AS score FROM diary_search WHERE diary_search"
                " MATCH %s ORDER BY rowid DESC LIMIT %s) ORDER BY score, found DESC LIMIT %s)"
                " AS top JOIN diary_searchdocument d ON d.id = top.found"
                " ORDER BY top.score, top.found DESC",
                [_match(owner, terms), window, count],
            )
        else:
            query = _tsquery(owner, terms)
            cursor.execute(
                "SELECT glimmer_id FROM (SELECT glimmer_id, id, ts_rank(vector, q) AS score"
                " FROM diary_searchdocument, to_tsquery('simple', %s) AS q"
                " WHERE owner_id = %s AND vector @@ q ORDER BY id DESC LIMIT %s) AS recent"
                " ORDER BY score DESC, id DESC LIMIT %s",
                [query, owner.pk, window, count],
            )
        return [row[0] if isinstance(row[0], uuid.UUID) else uuid.UUID(row[0]) for row in cursor]


def best(owner: Any, terms: list[str], limit: int) -> list[uuid.UUID]:
    """The ids of the `limit` best matches outside the trash, best first. Ranking only in the
    index keeps a word found in thousands of glimmers quick."""
    want = limit + 10
    while True:
        ids = _top(owner, terms, want)
        alive = set(
            Glimmer.objects.filter(id__in=ids, trashed_at__isnull=True).values_list("id", flat=True)
        )
        found = [glimmer_id for glimmer_id in ids if glimmer_id in alive]
        if len(found) >= limit or len(ids) < want:
            return found[:limit]
        want *= 4  # much of the best was in the trash: look further


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
