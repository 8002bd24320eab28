"""Where the words of an article start: the only places a phrase regex needs to be tried."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# `re` tries an alternation of phrases at nearly every letter of the text; looking the words
# up here first leaves it a few hundred places per article instead of thousands.

_WORD = re.compile(r"\w+")
_ODD = re.compile(r"[^\w ]")  # a mark left in a chunk
# Marks next to words, turned into spaces before the text is split at spaces (any mark
# would do: a wanted word is a whole `\w+` run either way). A mark not listed here costs
# another scan of the text (see the end of `WordIndex`), so the list holds every mark that
# articles commonly use ("95%", «…», non-breaking spaces).
_MARKS = (
    "\n", ",", ".", ";", ":", "(", ")", '"', "“", "”", "!", "?", "…", "-", "\u2013", "\u2014",
    "/", "'", "\u2018", "\u2019", "%", "«", "»", "[", "]", "&", "+", "*", "\t", "\r", "\xa0",
)


# A wanted word's entry: (the word with a space either side, to find it as a whole chunk;
# the step from the space before it to the space after it; the numbers of the lists it
# starts). A plain tuple rather than a NamedTuple: `WordIndex` unpacks one for every wanted
# word of every article, and a NamedTuple unpacks at twice the cost.
_Word = tuple[str, int, tuple[int, ...]]


@dataclass(frozen=True)
class _Wanted:
    """The phrase lists known so far: each list's first words (lower case) get a number.
    Replaced whole when a list is added, so an index being built keeps the one it started
    with."""

    numbers: dict[frozenset[str], int]
    words: dict[str, _Word]


_wanted = _Wanted({}, {})


def want(first_words: frozenset[str]) -> None:
    """Index, in articles read from now on, where a phrase list with these first words may
    match."""
    global _wanted
    if first_words in _wanted.numbers:
        return
    number = len(_wanted.numbers)
    words = dict(_wanted.words)
    for word in first_words:
        lists = words[word][2] if word in words else ()
        words[word] = (f" {word} ", len(word) + 1, (*lists, number))
    _wanted = _Wanted({**_wanted.numbers, first_words: number}, words)


class WordIndex:
    """For each wanted phrase list, the sorted offsets of its first words in a lower-cased
    text, each a whole word (`\\w+` run)."""

    def __init__(self, low: str) -> None:
        self._wanted = wanted = _wanted
        words = wanted.words
        lists: list[list[int]] = [[] for _ in wanted.numbers]
        self._starts = lists
        spaced = low
        for mark in _MARKS:
            spaced = spaced.replace(mark, " ")
        chunks = spaced.split(" ")
        # Only the wanted chunks are visited in Python, in text order (so each list comes out
        # sorted), as their entries (`words.get` is None for the others). Each one's offset is
        # found from the previous one's with `str.find`, which is cheaper than summing the
        # lengths of every chunk: no wanted chunk lies between.
        find = f" {spaced} ".find
        pos = 0
        for spaced_word, step, numbers in filter(None, map(words.get, chunks)):
            pos = find(spaced_word, pos)  # the space before the word: its offset in `low`
            for number in numbers:
                lists[number].append(pos)
            pos += step  # onto the space after it, which is the next chunk's space before
        # Chunks that still hold a mark ("12/12", "đồng\xa0chí"): their words one by one.
        if "".join(chunks).isalnum():
            return  # the usual case: no mark left at all
        done = set()
        for odd in _ODD.finditer(spaced):
            first = spaced.rfind(" ", 0, odd.start()) + 1
            if first in done:
                continue
            done.add(first)
            last = spaced.find(" ", odd.start())
            for m in _WORD.finditer(spaced, first, last if last >= 0 else len(spaced)):
                if m[0] in words:
                    for number in words[m[0]][2]:
                        bisect.insort(lists[number], m.start())

    def starts(self, first_words: frozenset[str]) -> list[int] | None:
        """Sorted offsets where a phrase with one of `first_words` may start; None when the
        index was built before that phrase list was made."""
        number = self._wanted.numbers.get(first_words)
        return None if number is None else self._starts[number]
