"""Organisations named on their own, not inside a title: "Sở Tài chính", "Văn phòng Tỉnh ủy"."""

from __future__ import annotations

import bisect

from viewer.core.model import MentionKind, NamedFound, Span
from viewer.core.text import collapse_spaces

from .article import Article
from .collect import Collector
from .patterns import tkey
from .titles import _LOCAL_UNITS, expand, extend_place, organ_regex, organ_scanner
from .topics import _merged

# Bodies that only count as an organisation with a scope after them: "Văn phòng" alone or
# "Công an" alone is an ordinary word in running text ("văn phòng", "công an xã").
_NEEDS_SCOPE = {"văn phòng", "công an", "thanh tra", "đảng bộ", "chi bộ", "quân khu", "đảng"}


def find_organisations(
    article: Article, taken: list[tuple[int, int]], out: Collector
) -> list[NamedFound]:
    """Organisations outside the spans in `taken` (titles, names), deduplicated by key."""
    found: dict[str, NamedFound] = {}
    text = article.canon
    regex = organ_regex()
    last_end = 0
    taken_starts, taken_ends = _merged(taken)
    for candidate in article.finditer(organ_scanner()):
        i = bisect.bisect_right(taken_starts, candidate.start()) - 1
        if candidate.start() < last_end or (i >= 0 and candidate.start() < taken_ends[i]):
            continue
        m = regex.match(text, candidate.start())
        if not m:
            continue
        start, end = m.start(), m.end()
        last_end = end
        if not text[start].isupper() or _overlaps(start, end, taken_starts, taken_ends):
            continue
        if m[0].rstrip().lower().endswith(_LOCAL_UNITS):
            end = extend_place(article, end, len(text))
        name = collapse_spaces(article.raw[start:end])
        if name.lower() in _NEEDS_SCOPE:
            continue
        key = tkey(expand(name))
        entry = found.setdefault(key, NamedFound(name=name, key=key))
        entry.spans.append(Span(start, end))
        out.add(MentionKind.ORGANISATION, start, end, key)
    return list(found.values())


def _overlaps(start: int, end: int, starts: list[int], ends: list[int]) -> bool:
    """True when [start, end) overlaps one of the merged spans (see `topics._merged`)."""
    i = bisect.bisect_left(starts, end) - 1  # the last span starting before `end`
    return i >= 0 and ends[i] > start
