"""Vietnamese text normalisation: NFC, tone-mark placement, folding for matching.

Articles write the same word two ways ("Hóa"/"Hoá", "Thủy"/"Thuỷ") and arrive in NFC or
NFD. Everything that compares names or builds search indices goes through here so that
every part of the program agrees on what "the same name" means.
"""

from __future__ import annotations

import re
import unicodedata

# Combining marks that carry the tone (huyền, sắc, ngã, hỏi, nặng). The other marks
# (circumflex, breve, horn) change the vowel itself and are kept by `tone_key`.
_TONE_MARKS = {"\u0300": 2, "\u0301": 1, "\u0303": 4, "\u0309": 3, "\u0323": 5}
_ALL_MARKS = re.compile(r"[\u0300-\u036f]")
_WORD = re.compile(r"[\w\u0300-\u036f]+")

# Old-style placement puts the tone on the second vowel of an open "oa", "oe", "uy"
# syllable (hoá, khoẻ, thuỷ); the gazetteer and most modern text use the first (hóa,
# khỏe, thủy). Both are two NFC characters, so rewriting keeps every offset valid.
_OLD_STYLE = re.compile(
    r"(?<![qQ])([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![\w\u0300-\u036f])"
)
# The same syllables as they look in NFC text (a/e/y precomposed with one tone mark), so the
# usual NFC article is checked and rewritten without two whole-text normalisations.
_TONED = {
    unicodedata.normalize("NFC", base + mark): (base, mark)
    for base in "aAeEyY"
    for mark in _TONE_MARKS
}
_OLD_STYLE_NFC = re.compile(
    # The look-behind comes after the first letter so that `re` can skip to candidates.
    rf"([oOuU])(?<![qQ].)([{''.join(_TONED)}])(?![\w\u0300-\u036f])"
)


def _move_tone(m: re.Match[str]) -> str:
    base, mark = _TONED[m[2]]
    return unicodedata.normalize("NFC", m[1] + mark) + base


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC, the form the archive stores."""
    return unicodedata.normalize("NFC", text)


def canonical_tones(text: str) -> str:
    """Rewrite old-style tone placement (Hoá) to the modern one (Hóa); NFC in, NFC out.

    The result has exactly the same length as the input, so character offsets found in
    one are valid in the other.
    """
    if unicodedata.is_normalized("NFC", text):
        return _OLD_STYLE_NFC.sub(_move_tone, text)
    decomposed = unicodedata.normalize("NFD", text)
    if not _OLD_STYLE.search(decomposed):
        return nfc(text)
    moved = _OLD_STYLE.sub(lambda m: m[1] + m[3] + m[2], decomposed)
    return unicodedata.normalize("NFC", moved)


def fold(text: str) -> str:
    """Lower-case and strip every diacritic, đ included: "Biện Thượng" -> "bien thuong".

    Used only for matching; never stored as the text a user reads. Keeps length in NFC
    for ordinary Vietnamese text (each letter folds to one letter).
    """
    stripped = _ALL_MARKS.sub("", unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", stripped).replace("đ", "d").replace("Đ", "D").lower()


def tone_key(text: str) -> str:
    """A key equal for every spelling of the same words, and different for different words.

    Each word becomes its lower-case letters (vowel marks kept, tone removed) followed by
    a tone digit, so "Thiệu Hóa", "thiệu hoá" and the NFD forms share one key while
    "an"/"án" and "thể"/"thế" stay apart.
    """
    words = []
    for word in _WORD.findall(unicodedata.normalize("NFD", text.lower())):
        tone = 0
        letters = []
        for ch in word:
            if ch in _TONE_MARKS:
                tone = _TONE_MARKS[ch]
            else:
                letters.append(ch)
        base = unicodedata.normalize("NFC", "".join(letters))
        words.append(f"{base}{tone}" if tone else base)
    return " ".join(words)


def has_diacritics(text: str) -> bool:
    """True when `text` carries any Vietnamese mark (or đ): the user typed the tones."""
    return fold(text) != text.lower()


def collapse_spaces(text: str) -> str:
    """Single spaces, no leading or trailing blanks: for comparing titles and names."""
    return " ".join(text.split())
