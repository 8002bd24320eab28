"""Comparison keys for gold and predicted entities: names, titles, places, sites.

Two spellings of the same thing must get the same key: tone placement (Hóa/Hoá), NFC/NFD,
case, spacing and punctuation are ignored via `text.tone_key`, and titles are compared
with their short forms expanded (UBND -> Ủy ban nhân dân …), so a title written either
way in the article or by the extractor matches.
"""

from __future__ import annotations

import re

from vietnam_provinces import Province

from viewer.core.text import tone_key

# Short forms that occur inside titles and organisation names, longest first.
SHORT_FORMS = {
    "UB MTTQ": "Ủy ban Mặt trận Tổ quốc",
    "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "UVTV": "Ủy viên Ban Thường vụ",
    "ĐBQH": "Đại biểu Quốc hội",
    "MTTQ": "Mặt trận Tổ quốc",
    "BCH": "Ban Chấp hành",
    "TW": "Trung ương",
    "BTV": "Ban Thường vụ",
}
_SHORT_RE = re.compile(r"\b(" + "|".join(re.escape(k) for k in SHORT_FORMS) + r")\b")

UNIT_WORDS = ("đặc khu", "thị trấn", "thị xã", "thành phố", "phường", "huyện", "quận", "xã")
_UNIT_PREFIX = re.compile(r"^(?:" + "|".join(tone_key(u) for u in UNIT_WORDS) + r") ")
_PROVINCE_PREFIX = re.compile(f"^(?:{tone_key('thành phố')}|{tone_key('tỉnh')}) ")


_PROVINCES = sorted(
    (tone_key(p.name.removeprefix("Thành phố ")) for p in Province.iter_all()),
    key=len,
    reverse=True,
)
# What a title may end with that does not change the office: the province ("Bí thư Tỉnh ủy
# Nghệ An"), the level word ("Chủ tịch UBND tỉnh"), the term ("ĐBQH khóa XV").
_TITLE_TAIL = re.compile(
    "(?: (?:{}|{}))?(?: (?:{}))?$".format(
        tone_key("tỉnh"), tone_key("thành phố"), "|".join(re.escape(p) for p in _PROVINCES)
    )
)
_TERM_TAIL = re.compile(f" (?:{tone_key('khóa')} [ivxlc]+|{tone_key('nhiệm kỳ')} \\d+(?: \\d+)?)$")


def expand_short_forms(text: str) -> str:
    """Replace UBND, HĐND, UVTV, ĐBQH, MTTQ … by their full words."""
    return _SHORT_RE.sub(lambda m: SHORT_FORMS[m[1]], text)


def name_key(name: str) -> str:
    """A person's name, any spelling."""
    return tone_key(name)


def title_key(title: str) -> str:
    """A title (chức danh), short forms expanded, any spelling, without its tail.

    "Chủ tịch UBND tỉnh Nghệ An", "Chủ tịch UBND tỉnh" and "Chủ tịch Ủy ban nhân dân tỉnh"
    share a key; "Chủ tịch UBND xã Con Cuông" does not.
    """
    key = _TERM_TAIL.sub("", tone_key(expand_short_forms(title)))
    return _TITLE_TAIL.sub("", key, count=1)


def org_key(name: str) -> str:
    """A site or organisation name, short forms expanded, any spelling."""
    return tone_key(expand_short_forms(name))


def place_name_key(name: str) -> str:
    """A place name without a leading unit word: "xã Thiệu Hóa" and "Thiệu Hoá" agree."""
    return _UNIT_PREFIX.sub("", tone_key(name))


def province_key(name: str) -> str:
    """A province without "tỉnh"/"Thành phố": "Thành phố Hà Nội" and "Hà Nội" agree."""
    return _PROVINCE_PREFIX.sub("", tone_key(name or ""))


def place_key(name: str, unit: str, province: str, current: bool) -> tuple[str, str, str, bool]:
    """The full identity of a commune-level place as the gold set compares it."""
    return (place_name_key(name), tone_key(unit), province_key(province), bool(current))
