"""Phrase matching: the word index and the sentence split give what a plain scan gives."""

from __future__ import annotations

import random
import re

from tests.extract_helpers import doc
from viewer.core.extract.article import Article
from viewer.core.extract.patterns import alternation, names_regex, phrases_regex
from viewer.core.extract.words import WordIndex

PHRASES = phrases_regex(["làm việc", "kiểm tra", "xã", "kinh tế - xã hội", "chuyển đổi số"])
# Family and place names are tried only where the word index has their first word (written
# with a capital): the same matches as a scan, whatever surrounds them.
NAMES = ["Nguyễn", "Lê", "Thanh Hóa", "Hà Nội", "Hà Tĩnh", "Cao"]
NAMES_REGEX = names_regex(NAMES, rf"{alternation(NAMES, word_start=True)}(?:[ \xa0]Văn)?(?!\w)")
PIECES = [
    "làm", "việc", "kiểm", "tra", "xã", "Xã", "kinh", "tế", "hội", "chuyển", "đổi", "số", "xãx",
    "Nguyễn", "nguyễn", "Lê", "lê", "Thanh", "Hóa", "Hà", "hà", "Nội", "Tĩnh", "Cao", "cao",
    "Văn", "NGUYỄN", "İ",
    " ", "  ", "\n", "\xa0", ",", ".", "-", " - ", "\u2013", "/", "«", "»", "(", ")", "12/12",
    "Ông", "A", "TP.", "!", "…", "\"", "“", "”", "\t", "@", "xã#", "§kiểm",
]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40))) for _ in range(count)]


def test_word_index_finds_every_whole_word_in_text_order():
    words = PHRASES.first_words
    for text in _texts(500, 1):
        low = text.lower()
        expected = [m.start() for m in re.finditer(r"\w+", low) if m[0] in words]
        assert WordIndex(low).starts(words) == expected, text


def test_indexed_matches_equal_a_plain_scan():
    for text in _texts(500, 2):
        article = Article(doc("", text))
        whole = [m.span() for m in article.finditer(PHRASES)]
        assert whole == [m.span() for m in PHRASES.regex.finditer(article.canon)], text
        for s in article.sentences:
            found = article.search(PHRASES, s.start, s.end)
            plain = PHRASES.regex.search(article.canon, s.start, s.end)
            assert (found and found.span()) == (plain and plain.span()), text


def test_names_tried_at_their_first_words_equal_a_plain_scan():
    for text in _texts(1000, 4):
        article = Article(doc("", text))
        whole = [m.span() for m in article.finditer(NAMES_REGEX)]
        assert whole == [m.span() for m in NAMES_REGEX.regex.finditer(article.canon)], text
        for start in range(0, len(article.canon), 7):
            found = article.search(NAMES_REGEX, start)
            plain = NAMES_REGEX.regex.search(article.canon, start)
            assert (found and found.span()) == (plain and plain.span()), text


def test_sentences_in_one_scan_equal_splitting_each_paragraph():
    for text in _texts(1000, 3):
        for title in ("", "Tiêu đề"):
            article = Article(doc(title, text))
            split = [s for p in article.paragraphs for s in article._split(p)]
            assert article.sentences == split, text
