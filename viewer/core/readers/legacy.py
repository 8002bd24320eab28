"""Converting the pre-Unicode Vietnamese 8-bit encodings TCVN3 (ABC) and VNI to Unicode.

Both were font encodings: the bytes were shown through special fonts (.VnTime,
VNI-Times), so a text file saved from such a document holds the font's codes. There is
no Python codec for either; the tables below are the published charts.

- TCVN3 (TCVN 5712:1993, the "ABC" fonts) gives each lower-case letter its own byte.
  Upper-case letters with a tone mark were typed in separate upper-case fonts
  (.VnTimeH) with the lower-case codes, so that case is lost in a plain text file: those
  letters come out lower-case. Bytes 0x80-0x9F keep the Windows punctuation (curly
  quotes, dashes) that ABC fonts show there.
- VNI Windows writes a base letter followed by a byte for its marks ("a" + 0xF9 = á);
  a few letters (đ, ơ, ư, ì, í, ỉ, ĩ, ị, ỵ) have a byte of their own.

Both decoders are total (any bytes give a string) and count the bytes that make no sense
in the encoding; `decode.py` decides whether the result is Vietnamese.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# Bytes 0x80-0x9F as Windows-1252 shows them; the five bytes it leaves undefined
# become U+FFFD so that the plausibility check counts them as nonsense.
_CP1252_HIGH = bytes(range(0x80, 0xA0)).decode("cp1252", errors="replace")

# TCVN 5712:1993, bytes 0xA0-0xFF, one chart row of 16 per line. 0xB0-0xB4 are the
# combining tone marks (grave, hook, tilde, acute, dot below).
_TCVN3_A0_FF = (
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ"
    "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"
    "éẹềểễếệìỉỄẾỒĩíịò"
    "Ổỏõóọồổỗốộờởỡớợù"
    "ỖủũúụừửữứựỳỷỹýỵỐ"
)
TCVN3_TABLE: str = "".join(chr(i) for i in range(0x80)) + _CP1252_HIGH + _TCVN3_A0_FF

# VNI: bytes that are letters on their own.
VNI_LETTERS: dict[int, str] = {
    0xF1: "đ", 0xD1: "Đ",
    0xF4: "ơ", 0xD4: "Ơ",
    0xF6: "ư", 0xD6: "Ư",
    0xEC: "ì", 0xCC: "Ì",
    0xED: "í", 0xCD: "Í",
    0xE6: "ỉ", 0xC6: "Ỉ",
    0xF3: "ĩ", 0xD3: "Ĩ",
    0xF2: "ị", 0xD2: "Ị",
    0xEE: "ỵ", 0xCE: "Ỵ",
}  # fmt: skip

_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"

# VNI: bytes that put marks on the letter before them, as (lower-case, upper-case) byte
# pairs: the upper-case glyphs only sit higher, the marks are the same.
_VNI_MARK_PAIRS: dict[tuple[int, int], str] = {
    (0xF9, 0xD9): _ACUTE,
    (0xF8, 0xD8): _GRAVE,
    (0xFB, 0xDB): _HOOK,
    (0xF5, 0xD5): _TILDE,
    (0xEF, 0xCF): _DOT,
    (0xE2, 0xC2): _CIRCUMFLEX,
    (0xE1, 0xC1): _CIRCUMFLEX + _ACUTE,
    (0xE0, 0xC0): _CIRCUMFLEX + _GRAVE,
    (0xE5, 0xC5): _CIRCUMFLEX + _HOOK,
    (0xE3, 0xC3): _CIRCUMFLEX + _TILDE,
    (0xE4, 0xC4): _CIRCUMFLEX + _DOT,
    (0xEA, 0xCA): _BREVE,
    (0xE9, 0xC9): _BREVE + _ACUTE,
    (0xE8, 0xC8): _BREVE + _GRAVE,
    (0xFA, 0xDA): _BREVE + _HOOK,
    (0xFC, 0xDC): _BREVE + _TILDE,
    (0xEB, 0xCB): _BREVE + _DOT,
}
VNI_MARKS: dict[int, str] = {
    byte: marks for pair, marks in _VNI_MARK_PAIRS.items() for byte in pair
}
_HORNED = frozenset("ơưƠƯ")  # take a tone mark but no other


def decode_tcvn3(data: bytes) -> str:
    """TCVN3 bytes -> NFC text."""
    text, _ = codecs.charmap_decode(data, "strict", TCVN3_TABLE)
    return unicodedata.normalize("NFC", text)


# Latin-1 stands in for raw bytes so that the work is done by `re` and `str.translate`.
_VNI_MARK_CHARS = "".join(chr(byte) for byte in sorted(VNI_MARKS))
_VNI_BASE_CHARS = "aeiouyAEIOUY\xf4\xd4\xf6\xd6"  # plain vowels, and ơ Ơ ư Ư
_VNI_PAIR = re.compile(f"([{_VNI_BASE_CHARS}])([{re.escape(_VNI_MARK_CHARS)}])")
_VNI_MAP = {
    byte: VNI_LETTERS.get(byte, bytes([byte]).decode("cp1252", errors="replace"))
    for byte in range(0x80, 0x100)
}


def decode_vni(data: bytes) -> tuple[str, int]:
    """VNI bytes -> (NFC text, number of mark bytes that had no letter to sit on)."""
    text = _VNI_PAIR.sub(lambda m: _VNI_JOINED.get(m[0], m[0]), data.decode("latin-1"))
    # Mark bytes left over had no fitting letter before them: a sign of a wrong guess.
    strays = sum(text.count(mark) for mark in _VNI_MARK_CHARS)
    return unicodedata.normalize("NFC", text.translate(_VNI_MAP)), strays


def _mark_fits(base: str, marks: str) -> bool:
    if not base:
        return False
    lower = base.lower()
    if marks[0] == _CIRCUMFLEX:
        return lower in "aeo"
    if marks[0] == _BREVE:
        return lower == "a"
    return True  # a tone mark alone fits every vowel, ơ and ư included


def _joined_pairs() -> dict[str, str]:
    """Every (vowel byte, mark byte) pair VNI allows, as the letter plus combining marks."""
    pairs = {}
    for base_char in _VNI_BASE_CHARS:
        base = VNI_LETTERS.get(ord(base_char), base_char)
        for byte, marks in VNI_MARKS.items():
            if _mark_fits(base, marks):
                pairs[base_char + chr(byte)] = base + marks
    return pairs


_VNI_JOINED = _joined_pairs()
