"""Shared regular-expression pieces: Vietnamese letter classes and phrase alternations."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from viewer.core.text import tone_key

from . import words

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


def alternation(
    phrases: Iterable[str],
    *,
    flexible_space: bool = True,
    ignore_case: bool = False,
    word_start: bool = False,
) -> str:
    """A non-capturing regex matching any of `phrases`, the longest one preferred.

    Built as a prefix tree ("Phó Bí thư", "Phó Chủ tịch" share "Phó "), because Python's
    `re` tries a flat alternation branch by branch at every position. With `flexible_space`
    any run of whitespace matches a space, and hyphens or en dashes may be spaced or not.

    Speed matters here: `re` scans fast only when a pattern starts with plain literal
    characters (it then skips to candidate positions with a character set). So case is
    handled with `[xX]` classes instead of re.IGNORECASE (which defeats that scan), the
    first letter of each branch stays a literal (upper and lower case as two branches), and
    `word_start` checks "no letter before" with a look-behind placed after that letter.
    """
    trie: dict = {}
    for phrase in set(phrases):
        if not phrase:
            continue
        if flexible_space:
            phrase = re.sub(r"\s*[-\u2013]\s*", _DASH, phrase)
            phrase = re.sub(r"\s+", _SPACE, phrase)
        variants = [phrase]
        if ignore_case:
            low = phrase[0].lower() + phrase[1:].lower()
            variants = [low, low[0].upper() + low[1:]]
        for variant in variants:
            node = trie
            for ch in variant:
                node = node.setdefault(ch, {})
            node[_END] = {}
    if not trie:
        return "(?!)"
    return _trie_regex(trie, ignore_case=ignore_case, top=True, word_start=word_start)


def _char(ch: str, ignore_case: bool) -> str:
    if ch == _SPACE:
        return r"\s+"
    if ch == _DASH:
        return r"\s*[-\u2013]\s*"
    if ignore_case and ch.upper() != ch.lower() and len(ch.upper()) == 1:
        return f"[{ch}{ch.upper()}]"
    return re.escape(ch)


def _trie_regex(
    node: dict, *, ignore_case: bool, top: bool = False, word_start: bool = False
) -> str:
    branches = []
    for ch in sorted(k for k in node if k != _END):
        # The first letter is kept literal in both cases (see `alternation`).
        piece = re.escape(ch) if top else _char(ch, ignore_case)
        if top and word_start:
            piece += r"(?<!\w.)"
        child = node[ch]
        rest = _trie_regex(child, ignore_case=ignore_case) if any(k != _END for k in child) else ""
        if rest and _END in child:
            rest = f"(?:{rest})?"  # greedy: the longer phrase is tried first
        branches.append(piece + rest)
    if len(branches) == 1 and not top:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


@dataclass(frozen=True, eq=False)
class Phrases:
    """Whole-word phrases in any case, as two regexes with the same matches: `regex` for the
    text as written, `lower` for its lower-cased copy (`Article.low`, same offsets).

    `lower` is two to three times faster: its branches are plain lower-case letters, where
    `regex` needs an upper- and a lower-case branch for each first letter and an [xX] class
    for every other letter. It is None when a phrase has a letter for which "lower-cases to x"
    and "is x or X" differ (ß, ǆ, Greek; never in Vietnamese word lists)."""

    regex: re.Pattern[str]
    lower: re.Pattern[str] | None
    # Lower-cased first word (`\w+` run) of each phrase, so that `Article` tries `lower` only
    # where one starts; None when a phrase starts with a mark.
    first_words: frozenset[str] | None


# Letters whose lower-case form is also the lower-case form of a third character (ẞ -> ß,
# ǅ -> ǆ, Greek with iota): lower-casing the text would let that character match too.
_FIRST_WORD = re.compile(r"\w+")
_AMBIGUOUS_LOWER = re.compile(r"[ßǆǉǌǳ\u0370-\u03ff\u1f00-\u1fff]")


def phrases_regex(
    phrases: Iterable[str], *, tail: str = r"(?!\w)", flexible_space: bool = True
) -> Phrases:
    """Whole-word `phrases`, any case, followed by `tail`."""
    phrases = list(phrases)
    options = {"word_start": True, "flexible_space": flexible_space}
    regex = re.compile(alternation(phrases, ignore_case=True, **options) + tail)
    lowered = [p.lower() for p in phrases]
    if any(_AMBIGUOUS_LOWER.search(p) for p in lowered):
        return Phrases(regex, None, None)
    heads = [_FIRST_WORD.match(p) for p in lowered]
    first = frozenset(m[0] for m in heads if m) if all(heads) else None
    if first is not None:
        words.want(first)
    return Phrases(regex, re.compile(alternation(lowered, **options) + tail), first)


@dataclass(frozen=True, eq=False)
class Names:
    """Proper names as written (family names, provinces): a case-sensitive `regex` whose every
    match starts with one of the names. `Article` tries it only where the word index has one
    of their first words (`first_words`, lower case) and the text one of their first letters
    (`first_letters`): a few dozen places, where a scan tries the regex at every capital."""

    regex: re.Pattern[str]
    first_words: frozenset[str] | None  # None when a name starts with a mark: scan instead
    first_letters: frozenset[str]


def names_regex(names: Iterable[str], source: str) -> Names:
    """`source` compiled, for a regex that matches only where one of `names` starts as a word
    (see `Names`)."""
    names = [n for n in names if n]
    heads = [_FIRST_WORD.match(n.lower()) for n in names]
    first = None
    if all(heads) and not any(_AMBIGUOUS_LOWER.search(n.lower()) for n in names):
        first = frozenset(m[0] for m in heads if m)
    if first is not None:
        words.want(first)
    return Names(re.compile(source), first, frozenset(n[0] for n in names))


def scanner(phrases: Iterable[str]) -> Phrases:
    """A fast finder of where any phrase starts as a word: candidates for a slower `match`."""
    return phrases_regex(phrases)


@functools.lru_cache(maxsize=65536)
def tkey(text: str) -> str:
    """`text.tone_key`, cached: the same names and titles are keyed again and again."""
    return tone_key(text)


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()
