"""Shared regular-expression pieces: Vietnamese letter classes and phrase alternations."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from viewer.core.text import tone_key

# Upper- and lower-case letters of the Latin ranges Vietnamese uses, as regex classes. Built
# once from Unicode properties so no letter (Ỷ, Ữ …) is forgotten in a hand-typed list.
_LATIN = [*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
UPPER = "".join(chr(c) for c in _LATIN if chr(c).isalpha() and chr(c).isupper())
LOWER = "".join(chr(c) for c in _LATIN if chr(c).isalpha() and chr(c).islower())

# A capitalised syllable ("Thượng", "UBND") and a title-case one that is not all capitals.
CAP = rf"[{UPPER}]\w*"
CAP_WORD = rf"[{UPPER}][{LOWER}]*"
# A place-name part: capitalised syllable or a number ("Phường 1 Bảo Lộc", "Sơn Kim 2").
PLACE_PART = rf"(?:[{UPPER}]\w*|\d{{1,2}})"
PLACE_NAME = rf"{PLACE_PART}(?:(?: | - | \u2013 ){PLACE_PART}){{0,5}}"


_SPACE, _DASH, _END = "\x01", "\x02", ""


def alternation(phrases: Iterable[str], *, flexible_space: bool = True) -> str:
    """A non-capturing regex matching any of `phrases`, the longest one preferred.

    Built as a prefix tree ("Phó Bí thư", "Phó Chủ tịch" share "Phó "), because Python's
    `re` tries a flat alternation branch by branch at every position: with hundreds of
    phrases that made extraction ten times slower. With `flexible_space`, any run of
    whitespace matches a space and hyphens or en dashes may be spaced or not.
    """
    trie: dict = {}
    for phrase in set(phrases):
        if not phrase:
            continue
        if flexible_space:
            phrase = re.sub(r"\s*[-\u2013]\s*", _DASH, phrase)
            phrase = re.sub(r"\s+", _SPACE, phrase)
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _trie_regex(trie) if trie else "(?!)"


def _trie_regex(node: dict) -> str:
    branches = []
    for ch in sorted(k for k in node if k != _END):
        if ch == _SPACE:
            piece = r"\s+"
        elif ch == _DASH:
            piece = r"\s*[-\u2013]\s*"
        else:
            piece = re.escape(ch)
        child = node[ch]
        rest = _trie_regex(child) if any(k != _END for k in child) else ""
        if rest and _END in child:
            rest = f"(?:{rest})?"  # greedy: the longer phrase is tried first
        branches.append(piece + rest)
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


@functools.lru_cache(maxsize=65536)
def tkey(text: str) -> str:
    """`text.tone_key`, cached: the same names and titles are keyed again and again."""
    return tone_key(text)


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()
