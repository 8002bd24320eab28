"""What is stored for one imported article, as plain tuples computed without the database.

`article_rows` turns a document and its extraction into the rows of its article, file,
mentions and visit, so the importer's worker processes compute them and the writing
process (`store.ArticleWriter`) only runs SQL. Plain tuples, flat where there are many
(mentions, statements), because they are pickled from a worker and back.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import operator
from typing import NamedTuple

from viewer.core.archive.search import folded_index_form
from viewer.core.model import Document, Extraction, VisitFound
from viewer.core.text import canonical_tones, fold, tone_key


class VisitRows(NamedTuple):
    """One visit's rows; entities are named by key, their ids are found when writing."""

    # (visit_date, time_of_day, date_inferred, date_source, headline)
    visit: tuple[str | None, str, int, str, str]
    lead_key: str | None
    seen: str | None  # the date the officials' titles were seen, ISO
    # Entity rows may repeat a key: the first row is the one stored.
    officials: tuple[tuple[str, str, str], ...]  # (key, name, folded)
    roles: tuple[tuple[str, str, str], ...]  # (official key, role, titles as JSON)
    titles: tuple[tuple[str, str, str], ...]  # (official key, title, title key)
    # (key, name, unit, province, code, province_code, current, folded)
    communes: tuple[tuple[str, str, str, str, int | None, int | None, int, str], ...]
    visited: tuple[tuple[str, int], ...]  # (commune key, visited), each key once
    topics: tuple[tuple[str, str, str], ...]  # (id, label_vi, label_en)
    topic_hits: tuple[str | int, ...]  # topic id, hits of each in turn (flat)
    sites: tuple[tuple[str, str, str], ...]  # (key, name, kind)
    organisations: tuple[tuple[str, str], ...]  # (key, name)
    statements: tuple[str | int, ...]  # kind, start, end, text of each in turn (flat)


class ArticleRows(NamedTuple):
    """Everything stored for one article, as computed in an import worker."""

    # (title, text, body_start, published, source_format, source_encoding, original_text,
    #  content_key)
    article: tuple[str, str, int, str | None, str, str, str | None, str]
    file: tuple[str, str, int]  # (name, sha256, size)
    # (exact title, exact body) as `index_rows` gives them, the body None when it is the
    # article's own: the writer slices it from the text and derives the folded forms, which
    # costs less than pickling two more copies of the text from a worker and back.
    index: tuple[str, str | None]
    # kind, start, end, key of each mention in turn: flat, as `_BulkInsert` binds them,
    # and half the time to pickle and unpickle of a tuple per mention.
    mentions: tuple[str | int, ...]
    visit: VisitRows | None


def content_key(document: Document) -> str:
    """Equal for the same article saved as text or HTML, in any encoding or tone style."""
    return _content_key(canonical_tones(document.body))


def _content_key(canonical_body: str) -> str:
    lower = canonical_body.lower()
    return hashlib.sha256(_single_spaced(lower).encode("utf-8")).hexdigest()


def _single_spaced(text: str) -> str:
    """`" ".join(text.split())`, most often without splitting the text into its words.

    Paragraphs are joined by a blank line and words by one space, so the usual body only
    needs "\n\n" made a space. Every whitespace character but the space itself is
    unprintable, so a printable result without a double or an outer space is exactly what
    splitting and joining would give (0.06 ms per article by splitting, 0.02 without).
    """
    joined = text.replace("\n\n", " ")
    if joined.isprintable() and "  " not in joined and joined[:1] != " " and joined[-1:] != " ":
        return joined
    return " ".join(text.split())


def index_rows(title: str, body: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """What goes into (search_exact, search_folded) for one article.

    The exact index sees one tone placement (Hoá -> Hóa) so either spelling matches;
    the folded index strips every mark itself once đ is written d (`folded_index_form`).
    """
    exact = (canonical_tones(title), canonical_tones(body))
    return exact, (folded_index_form(title), folded_index_form(body))


def article_rows(
    document: Document,
    extraction: Extraction,
    *,
    file_name: str,
    file_sha256: str,
    file_size: int,
    key: str | None = None,
) -> ArticleRows:
    """The rows for one article, its file and its visit; `key` defaults to its content key."""
    exact_title, exact_body = canonical_tones(document.title), canonical_tones(document.body)
    text = document.text
    article = (
        document.title,
        text,
        len(text) - len(document.body),
        document.published.isoformat() if document.published else None,
        document.source_format,
        document.encoding,
        document.original,
        key or _content_key(exact_body),
    )
    mentions = tuple(itertools.chain.from_iterable(map(_MENTION_ROW, extraction.mentions)))
    visit = extraction.visit
    return ArticleRows(
        article,
        (file_name, file_sha256, file_size),
        (exact_title, None if exact_body == document.body else exact_body),
        mentions,
        _visit_rows(visit, document) if visit else None,
    )


# attrgetter builds each row in C; `_value_` is the enum member's plain value, read
# without the `.value` property's Python call (an article has ~80 mentions).
_MENTION_ROW = operator.attrgetter("kind._value_", "start", "end", "key")
_STATEMENT_ROW = operator.attrgetter("kind._value_", "start", "end", "text")
# The same officials, titles and communes come back article after article.
_fold = functools.lru_cache(maxsize=8192)(fold)
_tone_key = functools.lru_cache(maxsize=8192)(tone_key)


def _visit_rows(visit: VisitFound, document: Document) -> VisitRows:
    seen = visit.date or document.published
    visited: dict[str, int] = {}  # a commune named twice is visited if either place says so
    for place in visit.places:
        visited[place.key] = visited.get(place.key, 0) or int(place.visited)
    return VisitRows(
        visit=(
            visit.date.isoformat() if visit.date else None,
            visit.time_of_day,
            int(visit.date_inferred),
            visit.date_source,
            visit.headline,
        ),
        lead_key=visit.lead.key if visit.lead else None,
        seen=seen.isoformat() if seen else None,
        officials=tuple((o.key, o.name, _fold(o.name)) for o in visit.officials),
        roles=tuple(
            (o.key, o.role.value, json.dumps(o.titles, ensure_ascii=False)) for o in visit.officials
        ),
        titles=tuple((o.key, t, _tone_key(t)) for o in visit.officials for t in o.titles),
        communes=tuple(
            (
                p.key,
                p.name,
                p.unit,
                p.province,
                p.code,
                p.province_code,
                int(p.current),
                _fold(p.name),
            )
            for p in visit.places
        ),
        visited=tuple(visited.items()),
        topics=tuple((t.id, t.label_vi, t.label_en) for t in visit.topics),
        topic_hits=tuple(x for t in visit.topics for x in (t.id, max(1, len(t.spans)))),
        sites=tuple((s.key, s.name, s.kind or "other") for s in visit.sites),
        organisations=tuple((o.key, o.name) for o in visit.organisations),
        statements=tuple(itertools.chain.from_iterable(map(_STATEMENT_ROW, visit.statements))),
    )
