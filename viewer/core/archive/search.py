"""What a user types in the search box, turned into safe FTS5 queries and match spans.

Words typed without tones match every toned spelling ("bien thuong" finds "Biện
Thượng"); words typed with tones match only that word ("án" does not find "an"), in
either tone placement. "Quoted phrases" keep their words together, a leading "-"
excludes a word, and the last word also matches as a prefix so results follow typing.
Every other character, FTS5 operators included, is taken as plain text: no input raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from viewer.core.text import canonical_tones, fold, has_diacritics, nfc

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # NFC, canonical tone placement, lower case
    excluded: bool = False
    prefix: bool = False

    @property
    def toned(self) -> bool:
        return any(has_diacritics(w) for w in self.words)


@dataclass(frozen=True)
class SearchQuery:
    """A parsed query. `folded` always constrains; `exact` only when tones were typed."""

    terms: tuple[Term, ...] = field(default_factory=tuple)

    @property
    def empty(self) -> bool:
        return not any(not t.excluded for t in self.terms)

    @property
    def folded(self) -> str:
        """FTS5 query for the folded index: every term, tones ignored."""
        return _fts(self.terms, fold, lambda t: True)

    @property
    def exact(self) -> str:
        """FTS5 query for the exact index: only the terms typed with tones, or ''."""
        return _fts(self.terms, lambda w: w, lambda t: t.toned)

    @property
    def exact_is_enough(self) -> bool:
        """True when every term was typed with tones: then a text matching `exact` also
        matches `folded` (both indices hold the same tokens, one with its marks), so
        the folded search, the slower one, can be skipped."""
        return bool(self.exact) and all(t.toned for t in self.terms)

    @property
    def as_typed(self) -> str:
        """FTS5 query for the exact index with every term: ranks exact-tone hits first."""
        return _fts(self.terms, lambda w: w, lambda t: True)


def _fts(terms, transform, wanted) -> str:  # type: ignore[no-untyped-def]
    positive, negative = [], []
    for term in terms:
        if not wanted(term):
            continue
        phrase = " ".join(transform(w) for w in term.words)
        quoted = '"' + phrase.replace('"', "") + '"' + ("*" if term.prefix else "")
        (negative if term.excluded else positive).append(quoted)
    if not positive:
        return ""
    query = " AND ".join(positive)
    for quoted in negative:
        query = f"({query}) NOT {quoted}"
    return query


def folded_index_form(text: str) -> str:
    """What `search_folded` is fed for NFC `text`: the text with đ written d.

    Its tokenizer (unicode61 remove_diacritics 2) strips every other mark itself, token
    for token as `fold` would (tests/test_search.py compares them on the gold set), but
    keeps đ apart from d. Folding in Python first cost 0.8 ms per article.
    """
    return text.replace("đ", "d").replace("Đ", "D")


def parse_query(typed: str) -> SearchQuery:
    """Parse anything a user typed; an input with nothing to search gives an empty query."""
    text = canonical_tones(nfc(typed)).lower()
    terms: list[Term] = []
    for match in _TOKEN.finditer(text):
        minus, phrase, minus2, word = match.groups()
        raw = phrase if phrase is not None else word
        words = tuple(_WORD.findall(raw or ""))
        if words:
            terms.append(Term(words, excluded=bool(minus or minus2)))
    ends_in_word = bool(text) and not text[-1].isspace() and not text.endswith('"')
    if terms and ends_in_word and not terms[-1].excluded and len(terms[-1].words) == 1:
        # Typing "thieu ho" should already show Thiệu Hóa.
        last = terms[-1]
        terms[-1] = Term(last.words, excluded=False, prefix=True)
    return SearchQuery(tuple(terms))


def match_spans(text: str, query: SearchQuery) -> list[tuple[int, int]]:
    """Where the query's wanted terms occur in `text`, for highlighting; sorted offsets.

    Relies on `fold` and `canonical_tones` keeping NFC text's length.
    """
    if query.empty:
        return []
    folded_text = fold(text)
    canonical = canonical_tones(text).lower()
    spans: list[tuple[int, int]] = []
    for term in query.terms:
        if term.excluded:
            continue
        needle = r"\W+".join(re.escape(fold(w)) for w in term.words)
        tail = r"\w*" if term.prefix else r"(?!\w)"
        for found in re.finditer(rf"(?<!\w){needle}{tail}", folded_text):
            start, end = found.span()
            if term.toned and not _same_tones(canonical[start:end], term):
                continue
            spans.append((start, end))
    return sorted(set(spans))


def _same_tones(candidate: str, term: Term) -> bool:
    words = _WORD.findall(candidate)
    for index, (got, wanted) in enumerate(zip(words, term.words, strict=False)):
        is_last = index == len(term.words) - 1
        if has_diacritics(wanted) and not (
            got == wanted or (term.prefix and is_last and got.startswith(wanted))
        ):
            return False
    return True
