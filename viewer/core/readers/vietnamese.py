"""Judging whether decoded text is real Vietnamese, to catch a wrong guess of the encoding.

A wrong 8-bit guess still gives letters, so "it decoded" proves nothing. What does not
survive a wrong guess is the shape of Vietnamese syllables: one onset, a vowel nucleus
from a short list, an optional coda, at most one tone mark (and only sắc or nặng before
c, ch, p, t), and no letters from other alphabets.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass

_LOWER = (
    "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵfjwz"
)
VIETNAMESE_LETTERS: frozenset[str] = frozenset(_LOWER + _LOWER.upper())
# Non-ASCII characters that ordinary Vietnamese prose uses besides its letters.
# (No-break and zero-width space, BOM, en and em dash, curly quotes, ellipsis, bullet, degree.)
_PROSE_SYMBOLS = frozenset(
    "\u00a0\u200b\ufeff\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022\u00b0"
)
_TEXT_CONTROLS = frozenset("\t\n\r\f")

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_STOP_TONES = {"\u0301", "\u0323"}  # the only tones a syllable ending in c/ch/p/t can carry
_ONSETS = "ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvxfjwz]"
_NUCLEI = (
    "iêu|yêu|oai|oay|oeo|uây|uôi|ươi|ươu|uya|uyê|uyu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|"
    "ưa|ưi|ươ|ưu|yê|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
)
_SYLLABLE = re.compile(rf"(?:{_ONSETS})?(?:{_NUCLEI})(?P<coda>ch|ng|nh|[cmnpt])?")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Plausibility:
    """How Vietnamese a text looks. Only words with a non-ASCII letter are judged."""

    words: int  # words holding at least one non-ASCII letter
    valid: int  # of those, the ones shaped like Vietnamese syllables
    odd: int  # characters Vietnamese prose never holds (foreign letters, stray marks …)

    @property
    def ratio(self) -> float:
        return self.valid / self.words if self.words else 0.0

    @property
    def convincing(self) -> bool:
        """Reads as Vietnamese: nearly every accented word is a syllable, almost no junk."""
        return self.words > 0 and self.ratio >= 0.9 and self.odd <= self.words // 50


@functools.lru_cache(maxsize=65536)  # prose repeats its words; judging is per import
def is_syllable(word: str) -> bool:
    """True when `word` has the shape of one Vietnamese syllable ("người", "Hoá", "quốc")."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [ch for ch in decomposed if ch in _TONES]
    if len(tones) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    match = _SYLLABLE.fullmatch(base)
    if match is None:
        return False
    return not (tones and match["coda"] in ("c", "ch", "p", "t") and tones[0] not in _STOP_TONES)


def is_odd(char: str) -> bool:
    return _ODD.match(char) is not None


# One character class instead of a Python loop per character: judging is on every import.
_ODD = re.compile(
    "[^"
    + re.escape("".join(sorted(_TEXT_CONTROLS | VIETNAMESE_LETTERS | _PROSE_SYMBOLS)))
    + "\x20-\x7e]"
)


class _TokenCounts(dict[str, int]):
    """Per whitespace-separated token ("Hóa," "Thanh-Hóa"): its words with a non-ASCII
    letter and how many of those are syllables, packed in one int (words << 32 | syllables)
    so that one `sum` in C adds up both. Articles repeat their tokens: counting by token
    in a dict replaces a regex pass and a cache call per word, and a token is only judged
    the first time it is looked up (`__missing__`)."""

    def __missing__(self, token: str) -> int:
        words = list(itertools.filterfalse(str.isascii, _WORD.findall(token)))
        counts = self[token] = len(words) << 32 | sum(map(is_syllable, words))
        return counts


_TOKEN_COUNTS = _TokenCounts()
_TOKENS_KEPT = 100_000  # then start afresh: a bound on memory, whatever gets imported
_LOW = (1 << 32) - 1


def judge(text: str) -> Plausibility:
    """Measure `text` against the shape of Vietnamese."""
    text = unicodedata.normalize("NFC", text)  # Windows-1258 writes tones as separate marks
    if len(_TOKEN_COUNTS) > _TOKENS_KEPT:
        _TOKEN_COUNTS.clear()
    # No whitespace character is a letter, so the words of the whole text are the words of
    # its tokens; an ASCII token holds no word that is judged. filterfalse/map keep the
    # loops over every token in C: judging is on every import.
    tokens = itertools.filterfalse(str.isascii, text.split())
    total = sum(map(_TOKEN_COUNTS.__getitem__, tokens))
    words, valid = total >> 32, total & _LOW
    odd = len(_ODD.findall(text))
    return Plausibility(words=words, valid=valid, odd=odd)
