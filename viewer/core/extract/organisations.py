"""Organisations named on their own, not inside a title: "Sở Tài chính", "Văn phòng Tỉnh ủy"."""

from __future__ import annotations

import bisect
import functools
import re

from viewer.core.model import MentionKind, NamedFound
from viewer.core.text import collapse_spaces

from .article import Article
from .collect import Collector, new_span
from .patterns import tkey
from .titles import _LOCAL_UNITS, expand, extend_place, organ_regex, organ_scanner
from .topics import _merged

# Bodies that only count as an organisation with a scope after them: "Văn phòng" alone or
# "Công an" alone is an ordinary word in running text ("văn phòng", "công an xã"); a party
# committee or people's council alone names no particular one ("đại biểu HĐND các cấp",
# "Đảng ủy, UBND xã" naming the hosts).
_NEEDS_SCOPE = {
    "văn phòng", "công an", "thanh tra", "đảng bộ", "chi bộ", "quân khu", "đảng", "đảng ủy",
    "ủy ban nhân dân", "hội đồng nhân dân",
}
# Named like organisations, but not bodies taking part in the visit (matched on the name
# with short forms spelled out, lower case): a delegation ("Đoàn công tác", "Đoàn giám sát
# của HĐND tỉnh") is the visitors themselves, and the standing board or executive committee
# of a commune's party committee ("Ban Thường vụ Đảng ủy các xã …") is the hosts' leadership.
_NOT_AN_ORGANISATION = re.compile(
    r"đoàn (?:công tác|kiểm tra|giám sát|khảo sát)(?!\w)|ban (?:thường vụ|chấp hành) đảng ủy(?!\w)"
)


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
        canon = text[start:end]
        named = _organisation(canon, canon if article.raw is text else article.raw[start:end])
        if named is None:
            continue
        name, key = named
        entry = found.get(key)
        if entry is None:  # built only when new: most organisations are named again and again
            entry = found[key] = NamedFound(name=name, key=key)
        entry.spans.append(new_span((start, end)))
        out.add(MentionKind.ORGANISATION, start, end, key)
    return list(found.values())


@functools.lru_cache(maxsize=4096)  # the same few dozen organisations recur in every article
def _organisation(canon: str, raw: str) -> tuple[str, str] | None:
    """The name and key of the organisation written `raw` (`canon` with canonical tones),
    or None when the words name no organisation of their own ("Văn phòng", "Đoàn công tác")."""
    spelled_out = expand(collapse_spaces(canon)).lower()
    if spelled_out in _NEEDS_SCOPE or _NOT_AN_ORGANISATION.match(spelled_out):
        return None
    name = collapse_spaces(raw)
    return name, tkey(expand(name))


def _overlaps(start: int, end: int, starts: list[int], ends: list[int]) -> bool:
    """True when [start, end) overlaps one of the merged spans (see `topics._merged`)."""
    i = bisect.bisect_left(starts, end) - 1  # the last span starting before `end`
    return i >= 0 and ends[i] > start
