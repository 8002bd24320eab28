"""Sites the delegation inspected: relics, craft villages, projects, service centres, factories."""

from __future__ import annotations

import functools
import re

from viewer.core.model import MentionKind, NamedFound
from viewer.core.text import collapse_spaces

from .article import Article
from .collect import Collector, new_span
from .patterns import UPPER, scanner, tkey

# (kind, trigger) in priority order; a trigger starts a site name.
# Words that start a site's name, by kind (matched ignoring case, first match wins).
_TRIGGERS = {
    "service_centre": ["Trung tâm Phục vụ hành chính công", "Bộ phận một cửa"],
    "relic": ["Khu di tích", "di tích", "đền", "chùa", "đình làng", "nhà thờ"],
    "craft_village": ["làng nghề"],
    "project": ["dự án", "công trình"],
    "factory": ["nhà máy", "công ty", "xưởng", "xí nghiệp"],
    "other": [
        "trường mầm non", "trường tiểu học", "trường THCS", "trường THPT", "trường trung học",
        "trường PTDT", "trạm y tế", "khu công nghiệp", "cụm công nghiệp", "hợp tác xã", "HTX",
        "khu du lịch", "bệnh viện", "trang trại", "tuyến đường", "tuyến kè", "tuyến đê",
        "vườn quốc gia", "khu bảo tồn",
        "trạm bơm", "bảo tàng", "bến thuyền", "nhà văn hóa",
    ],
}
# Sites whose official name ends with their commune: "Trạm Y tế xã Thọ Bình".
_COMMUNE_NAMED = ("service_centre", "trạm y tế")
_KIND = {" ".join(p.lower().split()): kind for kind, ps in _TRIGGERS.items() for p in ps}
_TRIGGER = scanner(_KIND)
_SCHOOL = re.compile(r"[Tt]rường\s")


@functools.lru_cache(maxsize=1024)
def _norm(trigger: str) -> str:
    return " ".join(trigger.lower().split())


def _last_proper_word(text: str, name_start: int, end: int) -> int:
    """Where a proper name ends when lower-case words follow it ("Công ty … Sông Chu cần
    điều tiết nước"): after its last capitalised word. Names without one are kept whole."""
    words = list(_NAME_WORD.finditer(text, name_start, end))
    for i in range(len(words) - 1, -1, -1):  # from the last word back to a capitalised one
        first = text[words[i].start()]
        if first.isupper() or first.isdigit():
            return end if i == len(words) - 1 else words[i].end()
    return end


@functools.lru_cache(maxsize=1024)  # a trigger is one of a few dozen words, in a few cases
def _kind(trigger: str) -> str:
    if _SCHOOL.match(trigger):
        return "other"
    return _KIND.get(" ".join(trigger.lower().split()), "other")


# Generic uses ("các dự án", "một số di tích") name no particular site.
_GENERIC_BEFORE = re.compile(r"(?:các|những|một số|nhiều|mỗi|từng|cả|về|quản lý)\s+$", re.I)
# A road, a station or a school the delegation inspects is a site even without a proper name
# ("đoàn kiểm tra tuyến đường liên xã", "đến thăm Trạm Y tế xã"); projects, factories and
# relics go by their names ("kiểm tra dự án cải tạo, nâng cấp …" names none). Lower case.
_INSPECTED = re.compile(r"(?<!\w)(?:kiểm tra|thị sát|khảo sát|thăm|tham quan)\s+$")
# Where a site's name ends: punctuation, a following commune, or a connecting word.
_STOP = re.compile(
    rf"[,;.:()\n“”\"]|\s(?=(?:xã|phường|đặc khu|huyện|thị trấn|tỉnh)\s+[{UPPER}])"
    r"|\s(?=(?:tại|ở|thuộc|trên địa bàn|nhằm|để|đang|đã|được|bị|với|cùng|theo|do|và các|"
    r"từ|nhưng|là|có|gồm|sẽ|vừa|hiện|cần)(?!\w))"
    rf"|\s(?=và\s+[^\s{UPPER}])"  # "… Kim Liên và làm việc với …": a new clause
    # A size is said of the site, it is no part of its name: "tuyến kè dài gần 300 m".
    r"|\s(?=(?:dài|rộng|quy mô|diện tích)(?:\s+(?:gần|hơn|khoảng|trên))?\s+\d)",
)
_PLACE_AFTER = re.compile(
    rf"\s*,?\s*(?:tại\s+|ở\s+|thuộc\s+)?(?:xã|phường|đặc khu|thôn|làng|huyện)\s+[{UPPER}]"
)
_COMMUNE_SUFFIX = re.compile(rf"\s+(?:xã|phường|đặc khu)\s+[{UPPER}]\w*(?:\s+[{UPPER}]\w*){{0,3}}")
_MAX_WORDS = 20
_NAME_WORD = re.compile(r"[^\s,;.:()]+")


def find_sites(
    article: Article, out: Collector, generic: list[tuple[int, int]] | None = None
) -> list[NamedFound]:
    """Named sites; the spans of unnamed ones ("Trung tâm Phục vụ hành chính công các xã")
    go to `generic`, so that they are not read as organisations either."""
    text = article.canon
    found: dict[str, NamedFound] = {}
    pos = 0
    while True:
        m = article.search(_TRIGGER, pos)
        if not m:
            break
        trigger = text[m.start() : m.end()]
        kind = _kind(trigger)
        start = m.start()
        # A school's name starts at "Trường": the type words are part of the name.
        trigger_end = start + 6 if kind == "other" and _SCHOOL.match(trigger) else m.end()
        stop = _STOP.search(text, trigger_end)
        end = stop.start() if stop else len(text)
        words = text[start:end].split()
        if len(words) > _MAX_WORDS:
            end = start + len(" ".join(words[:_MAX_WORDS]))
        end = _last_proper_word(text, trigger_end, end)
        if kind in _COMMUNE_NAMED or _norm(trigger) in _COMMUNE_NAMED:
            # Its official name includes the commune: "… hành chính công xã Thiệu Hóa".
            suffix = _COMMUNE_SUFFIX.match(text, end)
            if suffix:
                end = suffix.end()
        end = start + len(text[start:end].rstrip())
        pos = max(end, m.end())
        name_part = text[trigger_end:end]
        named = any(w[0].isupper() for w in name_part.split() if w[0].isalpha())
        if kind == "service_centre" and not named:
            if generic is not None:  # "Trung tâm Phục vụ hành chính công các xã"
                generic.append((start, end))
            continue
        located = bool(_PLACE_AFTER.match(text, end))
        if _GENERIC_BEFORE.search(text, max(0, start - 12), start):
            continue
        inspected = kind == "other" and bool(
            _INSPECTED.search(article.lower(max(0, start - 12), start))
        )
        if not (name_part.strip() and (named or located or inspected)):
            continue
        name = collapse_spaces(article.raw[start:end])
        key = tkey(name)
        entry = found.get(key)
        if entry is None:  # built only when new, not for every mention
            entry = found[key] = NamedFound(name=name, key=key, kind=kind)
        entry.spans.append(new_span((start, end)))
        out.add(MentionKind.SITE, start, end, key)
    return list(found.values())
