"""Bytes of a text file -> text: finding the encoding and refusing to guess when unsure.

Order of evidence: a byte-order mark; UTF-16's pattern of NULs; valid UTF-8; then the
Vietnamese 8-bit encodings (Windows-1258, TCVN3, VNI), each decoded and judged by the
shape of its syllables (see `vietnamese.py`). Only one convincing reading is accepted;
anything else is a `ReadError` saying why, never text that merely looks like text.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass

from .errors import ReadError
from .legacy import decode_tcvn3, decode_vni
from .sniff import looks_binary, reject_binary, utf16_byte_order
from .vietnamese import Plausibility, judge

_NAMES = {"cp1258": "Windows-1258", "tcvn3": "TCVN3 (ABC)", "vni": "VNI"}

# "Tỉnh" written as UTF-8, read back as Windows-1252 and saved again as UTF-8 shows
# "Tá»‰nh": these pairs are the lead bytes of Vietnamese letters seen through cp1252.
_DOUBLE_UTF8 = re.compile(
    "\u00e1[\u00bb\u00ba]|\u00c4[\u2018\u0090]|\u00c6[\u00b0\u00a1\u00af]|\u00c3[\u0080-\u00bf]"
)
# Judging the first 64 KB (thousands of words) is as sure as judging all of it, and keeps
# a 20 MB file from being decoded three times over just to pick its encoding.
_JUDGED = 64 * 1024
_BINARY_REASON = "this looks like a binary file (it holds control bytes), not an article"


@dataclass(frozen=True)
class Decoded:
    text: str  # as decoded, before NFC normalisation
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1258", "tcvn3", "vni"
    garbled: str | None = None  # the text as first read, when it had to be repaired


def _cp1258(data: bytes) -> str:
    return data.decode("cp1258")  # strict: bytes it leaves undefined rule it out


def _vni(data: bytes) -> str:
    return decode_vni(data)[0]


_LEGACY: dict[str, Callable[[bytes], str]] = {
    "cp1258": _cp1258,
    "tcvn3": decode_tcvn3,
    "vni": _vni,
}


def decode_text(data: bytes) -> Decoded:
    """Decode the bytes of a text file; raise ReadError when the encoding is not certain."""
    if not data:
        raise ReadError("the file is empty")
    reject_binary(data)
    decoded = _decode_unicode(data)
    if decoded is None:
        if looks_binary(data):
            raise ReadError(_BINARY_REASON)
        decoded = _decode_legacy(data)
    # Text read as UTF-8 and kept as it was would encode back to `data` itself.
    unchanged = decoded.encoding == "utf-8" and decoded.garbled is None
    if looks_binary(data if unchanged else decoded.text.encode("utf-8", errors="replace")):
        raise ReadError(_BINARY_REASON)
    if not decoded.text.strip():
        raise ReadError("the file is empty")
    return decoded


def _decode_unicode(data: bytes) -> Decoded | None:
    """The Unicode readings: by BOM, by UTF-16's NULs, or as valid UTF-8; else None."""
    boms = (
        (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
    )
    for bom, codec, label in boms:
        if data.startswith(bom):
            return check_unicode(_strict(data, codec, label), label)
    order = utf16_byte_order(data)
    if order is not None:
        return check_unicode(_strict(data, order, "utf-16"), "utf-16")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return check_unicode(text, "utf-8")


def _strict(data: bytes, codec: str, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise ReadError(f"the text is marked as {label.upper()} but is damaged") from None


def check_unicode(text: str, encoding: str) -> Decoded:
    """Accept Unicode text, repairing it when it is certainly Vietnamese that went through
    the wrong code page (UTF-8 read as Windows-1252, or TCVN3/VNI font text pasted as
    if it were Unicode); refuse it when it is garbled and the repair is not certain."""
    if "\x00" in text:
        raise ReadError("this looks like a binary file (it holds NUL characters), not an article")
    if text.isascii():
        return Decoded(text, encoding)
    own = judge(text[:_JUDGED])
    suspicious = _DOUBLE_UTF8.search(text) is not None
    if not suspicious and (own.words == 0 or own.convincing):
        return Decoded(text, encoding)
    raw = _code_page_bytes(text)
    if raw is None:
        return Decoded(text, encoding)  # holds characters no code-page mix-up produces
    try:
        again = raw.decode("utf-8")
    except UnicodeDecodeError:
        again = None
    if again is not None and judge(again[:_JUDGED]).convincing:
        return Decoded(again, encoding, garbled=text)
    ranked = _rank(raw)
    convincing = [label for label, p in ranked if p.convincing]
    if len(convincing) == 1 and not own.convincing:
        return Decoded(_convert(convincing[0], raw), convincing[0], garbled=text)
    label, best = ranked[0]
    if own.ratio < 0.5 and best.words >= 3 and best.ratio >= 0.5:
        raise ReadError(
            f"the text looks like {_NAMES[label]}-encoded Vietnamese stored as Unicode, "
            "but it could not be converted reliably"
        )
    if suspicious:
        raise ReadError("the text looks garbled (it shows “á»” or “Ã” where letters belong)")
    return Decoded(text, encoding)


def _code_page_bytes(text: str) -> bytes | None:
    """The bytes `text` came from if it was decoded with Windows-1252 or Latin-1, else None."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            if ord(char) > 0xFF:
                return None
            out.append(ord(char))  # Latin-1 keeps the bytes cp1252 leaves undefined
    return bytes(out)


def _rank(data: bytes) -> list[tuple[str, Plausibility]]:
    """Each legacy reading that decodes at all, with its judgement, best first."""
    results = []
    for label, decoder in _LEGACY.items():
        try:
            text = decoder(data[:_JUDGED])
        except UnicodeDecodeError:
            continue
        results.append((label, judge(text)))
    results.sort(key=lambda item: (item[1].convincing, item[1].ratio, item[1].valid), reverse=True)
    return results


def _decode_legacy(data: bytes) -> Decoded:
    ranked = _rank(data)
    convincing = [(label, p) for label, p in ranked if p.convincing]
    if len(convincing) == 1 or (
        len(convincing) > 1 and _clearly_better(convincing[0][1], convincing[1][1])
    ):
        label = convincing[0][0]
        return Decoded(_convert(label, data), label)
    if len(convincing) > 1:
        names = " or ".join(_NAMES[label] for label, _ in convincing)
        raise ReadError(f"the text could be {names}; the encoding cannot be told reliably")
    best = ranked[0] if ranked else None
    if best is not None and best[1].words >= 5 and best[1].ratio >= 0.7:
        raise ReadError(
            f"the text looks like the {_NAMES[best[0]]} encoding, "
            "but it could not be converted reliably"
        )
    raise ReadError(
        "the text is not UTF-8 and does not read as Vietnamese in Windows-1258, TCVN3 or "
        f"VNI{_foreign_guess(data)}"
    )


def _convert(label: str, data: bytes) -> str:
    try:
        return _LEGACY[label](data)
    except UnicodeDecodeError:  # a byte the code page lacks, past the part that was judged
        raise ReadError(
            f"the text looks like the {_NAMES[label]} encoding, but it holds bytes that "
            "encoding does not have"
        ) from None


def _clearly_better(first: Plausibility, second: Plausibility) -> bool:
    return first.valid >= 5 and first.ratio - second.ratio >= 0.05 and first.odd <= second.odd


# charset-normalizer's guesses that are worth repeating to a user, by what they mean.
_FOREIGN = {
    "cp1252": "Western European (Windows-1252)",
    "latin_1": "Western European (Latin-1)",
    "cp1250": "Central European (Windows-1250)",
    "cp1251": "Cyrillic (Windows-1251)",
    "koi8_r": "Cyrillic (KOI8-R)",
    "gb18030": "Chinese (GB18030)",
    "gb2312": "Chinese (GB2312)",
    "big5": "Chinese (Big5)",
    "shift_jis": "Japanese (Shift-JIS)",
    "euc_jp": "Japanese (EUC-JP)",
    "euc_kr": "Korean (EUC-KR)",
}


def _foreign_guess(data: bytes) -> str:
    """ ", it may be Chinese (GB18030)" from charset-normalizer, to help the user re-save it."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:65536]).best()
    except Exception:  # a hint for the message only; never worth failing the import
        return ""
    if best is None or best.encoding not in _FOREIGN:
        return ""
    return f" (it may be {_FOREIGN[best.encoding]})"
