"""Where the words of an article start: the only places a phrase regex needs to be tried."""

from __future__ import annotations

import re
from itertools import accumulate, chain, compress, count

# `re` tries an alternation of phrases at nearly every letter of the text; looking the words
# up here first leaves it a few hundred places per article instead of thousands.

_WORD = re.compile(r"\w+")
_ODD = re.compile(r"[^\w ]")  # a mark left in a chunk
# Common marks next to words, turned into spaces before the text is split at spaces. Any
# other mark only sends its chunk through the slower `_WORD` path.
_MARKS = ("\n", ",", ".", ";", ":", "(", ")", '"', "“", "”", "!", "?", "…", "-", "\u2013", "/", "'")

# First words of every phrase list made so far (lower case); an index covers these only.
_WANTED: set[str] = set()


def want(words: frozenset[str]) -> None:
    """Index `words` in articles read from now on."""
    _WANTED.update(words)


class WordIndex:
    """Offsets of the wanted words in a lower-cased text, each a whole word (`\\w+` run)."""

    def __init__(self, low: str) -> None:
        spaced = low
        for mark in _MARKS:
            spaced = spaced.replace(mark, " ")
        chunks = spaced.split(" ")
        self.wanted = wanted = frozenset(_WANTED)
        # Only the wanted chunks are visited in Python; offsets come from C-level sums.
        ends = list(accumulate(map(len, chunks)))
        index: dict[str, list[int]] = {}
        for i in compress(count(), map(wanted.__contains__, chunks)):
            start = ends[i] - len(chunks[i]) + i  # i spaces before chunk i
            word = chunks[i]
            if word in index:
                index[word].append(start)
            else:
                index[word] = [start]
        # Chunks that still hold a mark ("12/12", "đồng\xa0chí"): their words one by one.
        done = set()
        plain = spaced.replace(" ", "").isalnum()  # the usual case: no mark left at all
        for odd in () if plain else _ODD.finditer(spaced):
            first = spaced.rfind(" ", 0, odd.start()) + 1
            if first in done:
                continue
            done.add(first)
            last = spaced.find(" ", odd.start())
            for m in _WORD.finditer(spaced, first, last if last >= 0 else len(spaced)):
                if m[0] in wanted:
                    index.setdefault(m[0], []).append(m.start())
                    index[m[0]].sort()
        self._index = index

    def starts(self, first_words: frozenset[str]) -> list[int] | None:
        """Sorted offsets of those words; None when the index does not cover them all."""
        if not first_words <= self.wanted:
            return None
        lists = [self._index[w] for w in first_words & self._index.keys()]
        if len(lists) == 1:
            return lists[0]
        return sorted(chain.from_iterable(lists))
