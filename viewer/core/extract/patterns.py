"""Shared regular-expression pieces: Vietnamese letter classes and phrase alternations."""

from __future__ import annotations

import re
from collections.abc import Iterable

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
PLACE_NAME = rf"{PLACE_PART}(?:(?: | - | – ){PLACE_PART}){{0,5}}"


def alternation(phrases: Iterable[str], *, flexible_space: bool = True) -> str:
    """A non-capturing alternation of literal phrases, longest first so the longest wins."""
    unique = sorted(set(phrases), key=lambda p: (-len(p), p))
    parts = []
    for phrase in unique:
        escaped = re.escape(phrase)
        if flexible_space:
            # Articles put one, two or a non-breaking space between words; "-" may be spaced.
            escaped = escaped.replace(r"\ ", r"\s+")
            escaped = escaped.replace(r"\-", r"\s*[-–]\s*").replace("–", r"\s*[-–]\s*")
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()
