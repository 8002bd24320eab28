"""An article prepared for matching: NFC text, tone-canonical copy, paragraphs, sentences."""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterator
from itertools import islice
from typing import NamedTuple

from viewer.core.model import Document
from viewer.core.text import canonical_tones, nfc

from .patterns import UPPER, Names, Phrases
from .words import WordIndex

# A sentence ends at . ! ? … followed by a space and a capital (or an opening quote).
# "TP. Hồ Chí Minh" and initials ("A. B.") are not ends: the dot follows a short capital word.
# Group 1 is the sentence's last characters: the punctuation and closing quotes.
_SENTENCE_END = re.compile(
    rf"([.!?…](?<!\bTP\.)(?<!\b[{UPPER}][.!?…])[.!?…]*[\"”»)]*)\s+(?=[\"“«(]?[{UPPER}0-9])"
)
_CLUSTER = re.compile(r".[\u0300-\u036f]*", re.DOTALL)


class Block(NamedTuple):
    """A paragraph or a sentence: [start, end) in the article text."""

    start: int
    end: int
    paragraph: int  # index of the paragraph it belongs to (-1 for the headline)


class Article:
    """Everything the finders share. Offsets refer to `raw` (== `canon` in length)."""

    def __init__(self, document: Document) -> None:
        original = document.text
        self.original = original
        if unicodedata.is_normalized("NFC", original):
            self.raw = original
            self._to_original: list[int] | None = None
        else:
            self.raw, self._to_original = _nfc_with_map(original)
        # Same length as raw, old-style tones rewritten: all matching happens on this copy.
        self.canon = canonical_tones(self.raw)
        # Lower-cased copy for the fast phrase regexes; None when lower-casing would move
        # offsets (a letter such as "İ" becomes two).
        low = self.canon.lower()
        self.low: str | None = low if len(low) == len(self.canon) else None
        title = nfc(document.title or "")
        self.headline = Block(0, len(title), -1) if title else Block(0, 0, -1)
        self.body_start = len(title) + 2 if title else 0
        self.paragraphs = self._paragraphs()
        if not title and self.paragraphs and _looks_like_headline(self.raw, self.paragraphs[0]):
            self.headline = Block(self.paragraphs[0].start, self.paragraphs[0].end, -1)
            self.paragraphs = self.paragraphs[1:]
        self.sentences = self._sentences()
        self.headline_sentences = self._split(self.headline) if self.headline.end else []
        self._plans: dict[Phrases | Names, tuple[re.Pattern[str], str, list[int] | None]] = {}

    def finditer(
        self, phrases: Phrases | Names, start: int = 0, end: int | None = None
    ) -> Iterator[re.Match[str]]:
        """Matches of `phrases` in `canon[start:end]`; match text may be lower-cased (use
        the offsets)."""
        if end is None:
            end = len(self.canon)
        regex, text, starts = self._plans.get(phrases) or self._plan(phrases)
        if starts is None:
            return regex.finditer(text, start, end)
        first = bisect.bisect_left(starts, start)
        if first == len(starts) or starts[first] >= end:
            return iter(())  # no candidate in range, the usual answer for one sentence
        return _matches_at(regex, text, starts, first, start, end)

    def search(
        self, phrases: Phrases | Names, start: int = 0, end: int | None = None
    ) -> re.Match[str] | None:
        """The first match of `phrases` in `canon[start:end]` (see `finditer`)."""
        if end is None:
            end = len(self.canon)
        # Written out rather than `next(self.finditer(…))`: the finders call this a hundred
        # times per article, mostly on one sentence, which mostly holds no candidate at all.
        regex, text, starts = self._plans.get(phrases) or self._plan(phrases)
        if starts is None:
            return regex.search(text, start, end)
        i = bisect.bisect_left(starts, start)
        count = len(starts)
        while i < count:
            pos = starts[i]
            if pos >= end:
                break
            m = regex.match(text, pos, end)
            if m:
                return m
            i += 1
        return None

    def _plan(self, phrases: Phrases | Names) -> tuple[re.Pattern[str], str, list[int] | None]:
        """The regex to run, the text to run it on, and the only offsets where a match may
        start (None: anywhere)."""
        plan = self._plans.get(phrases)
        if plan is None:
            if isinstance(phrases, Names):
                plan = (phrases.regex, self.canon, self._name_starts(phrases))
            elif phrases.lower is None or self.low is None:
                plan = (phrases.regex, self.canon, None)
            else:
                plan = (phrases.lower, self.low, self._starts(phrases))
            self._plans[phrases] = plan
        return plan

    def _name_starts(self, names: Names) -> list[int] | None:
        """Where one of `names` may start: its first word (the word index), written with its
        first letter (most family and place names are also ordinary words: "cao", "hồ")."""
        if self.low is None:
            return None
        starts = self._starts(names)
        if starts is None:
            return None
        canon, letters = self.canon, names.first_letters
        return [pos for pos in starts if canon[pos] in letters]

    @functools.cached_property
    def _words(self) -> WordIndex:
        return WordIndex(self.low or "")

    def _starts(self, phrases: Phrases | Names) -> list[int] | None:
        if phrases.first_words is None:
            return None
        starts = self._words.starts(phrases.first_words)
        # A match attempt costs about what scanning 16 characters does: with common first
        # words ("công", "nhà") one scan of the text is cheaper.
        if starts is not None and len(starts) * 16 > len(self.canon):
            return None
        return starts

    def lower(self, start: int, end: int) -> str:
        """`canon[start:end]` lower-cased, for small regexes written in lower case."""
        if self.low is not None:
            return self.low[start:end]
        return self.canon[start:end].lower()

    def _paragraphs(self) -> list[Block]:
        blocks = []
        pos = self.body_start
        for line in self.raw[self.body_start :].split("\n"):
            stripped = line.strip()
            if stripped:
                start = pos + line.index(stripped[0])
                blocks.append(Block(start, start + len(stripped), len(blocks)))
            pos += len(line) + 1
        return blocks

    def _sentences(self) -> list[Block]:
        """The paragraphs split into sentences: what `_split` gives for each paragraph, with
        one scan of the text instead of one per paragraph."""
        paragraphs = self.paragraphs
        if not paragraphs:
            return []
        pieces: list[Block] = []
        index = 0  # the paragraph being split
        start = paragraphs[0].start  # where its next sentence starts
        for match in _SENTENCE_END.finditer(self.raw, paragraphs[0].start, paragraphs[-1].end):
            while match.start() >= paragraphs[index].end:  # the match is in a later paragraph
                pieces += self._rest(paragraphs[index], start)
                index += 1
                start = paragraphs[index].start
            if match.end() > paragraphs[index].end:
                # Punctuation ending a paragraph, matched with the next one's capital: within
                # the paragraph alone it ends no sentence.
                continue
            pieces.append(_block((start, match.end(1), paragraphs[index].paragraph)))
            start = match.end()
        pieces += self._rest(paragraphs[index], start)
        pieces += paragraphs[index + 1 :]  # one sentence each
        return pieces

    @staticmethod
    def _rest(paragraph: Block, start: int) -> list[Block]:
        """The last sentence of `paragraph`, from `start`."""
        return [Block(start, paragraph.end, paragraph.paragraph)] if start < paragraph.end else []

    def _split(self, block: Block) -> list[Block]:
        pieces = []
        start = block.start
        for match in _SENTENCE_END.finditer(self.raw, block.start, block.end):
            pieces.append(Block(start, match.end(1), block.paragraph))
            start = match.end()
        if start < block.end:
            pieces.append(Block(start, block.end, block.paragraph))
        return pieces

    def paragraph_of(self, offset: int) -> int:
        """Index of the paragraph containing `offset`; -1 in the headline or between."""
        return _index_of(self.paragraphs, offset)

    def sentence_at(self, offset: int) -> Block | None:
        for block in self.headline_sentences:
            if block.start <= offset < block.end:
                return block
        index = _index_of(self.sentences, offset)
        return self.sentences[index] if index >= 0 else None

    def in_headline(self, offset: int) -> bool:
        return self.headline.start <= offset < self.headline.end

    @property
    def needs_mapping(self) -> bool:
        """True when the document was not NFC, so offsets must be mapped back."""
        return self._to_original is not None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of `raw` back to the document's own text."""
        if self._to_original is None:
            return start, end
        return self._to_original[start], self._to_original[end]


def _matches_at(
    regex: re.Pattern[str], text: str, starts: list[int], first: int, start: int, end: int
) -> Iterator[re.Match[str]]:
    """`regex.finditer(text, start, end)` when every match starts at one of `starts`;
    `starts[first]` is the first one at or after `start`."""
    last = start
    for pos in islice(starts, first, bisect.bisect_left(starts, end, first)):
        if pos >= last:
            m = regex.match(text, pos, end)
            if m:
                last = m.end()  # never `pos`: every phrase has a letter
                yield m


# `Block(start, end, paragraph)` without the NamedTuple's Python `__new__`: an article has a
# sentence or two per paragraph, dozens in all.
_block = functools.partial(tuple.__new__, Block)


def _looks_like_headline(text: str, block: Block) -> bool:
    line = text[block.start : block.end]
    return len(line) < 200 and not line.endswith((".", ":", ";"))


def _nfc_with_map(text: str) -> tuple[str, list[int]]:
    """NFC of `text` plus, for each NFC character (and the end), its offset in `text`."""
    out: list[str] = []
    positions: list[int] = []
    for cluster in _CLUSTER.finditer(text):
        composed = unicodedata.normalize("NFC", cluster[0])
        out.append(composed)
        positions.extend([cluster.start()] * len(composed))
    positions.append(len(text))
    return "".join(out), positions


def _index_of(blocks: list[Block], offset: int) -> int:
    """Index of the block (sorted, not overlapping) holding `offset`, or -1."""
    index = bisect.bisect_right(blocks, offset, key=lambda block: block.start) - 1
    return index if index >= 0 and offset < blocks[index].end else -1
