"""Sites the delegation inspected: relics, craft villages, projects, service centres, factories."""

from __future__ import annotations

import re

from viewer.core.model import MentionKind, NamedFound, Span
from viewer.core.text import collapse_spaces

from .article import Article
from .collect import Collector
from .patterns import UPPER, tkey

# (kind, trigger) in priority order; a trigger starts a site name.
_TRIGGERS = [
    ("service_centre", r"Trung\s+tâm\s+Phục\s+vụ\s+hành\s+chính\s+công|Bộ\s+phận\s+một\s+cửa"),
    ("relic", r"[Kk]hu\s+di\s+tích|[Dd]i\s+tích|[Đđ]ền|[Cc]hùa|[Đđ]ình\s+làng|[Nn]hà\s+thờ"),
    ("craft_village", r"[Ll]àng\s+nghề"),
    ("project", r"[Dd]ự\s+án|[Cc]ông\s+trình"),
    ("factory", r"[Nn]hà\s+máy|[Cc]ông\s+ty|[Xx]ưởng|[Xx]í\s+nghiệp"),
    ("other", r"[Tt]rường\s+(?=(?:[Mm]ầm\s+non|[Tt]iểu\s+học|THCS|THPT|[Tt]rung\s+học|PTDT))"
              r"|[Tt]rạm\s+[Yy]\s+tế|[Kk]hu\s+công\s+nghiệp|[Cc]ụm\s+công\s+nghiệp"
              r"|[Hh]ợp\s+tác\s+xã|HTX|[Kk]hu\s+du\s+lịch|[Bb]ệnh\s+viện|[Tt]rang\s+trại"),
]
_TRIGGER = re.compile(
    "(?<!\\w)(?:" + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _TRIGGERS) + ")(?!\\w)"
)
# Generic uses ("các dự án", "một số di tích") name no particular site.
_GENERIC_BEFORE = re.compile(r"(?:các|những|một số|nhiều|mỗi|từng|cả|về|quản lý)\s+$", re.I)
# Where a site's name ends: punctuation, a following commune, or a connecting word.
_STOP = re.compile(
    rf"[,;.:()\n“”\"]|\s(?=(?:xã|phường|đặc khu|huyện|thị trấn|tỉnh)\s+[{UPPER}])"
    r"|\s(?=(?:tại|ở|thuộc|trên địa bàn|nhằm|để|đang|đã|được|với|cùng|theo|do|và các|"
    r"từ|nhưng|là|có|gồm|sẽ|vừa|hiện)(?!\w))",
)
_PLACE_AFTER = re.compile(
    rf"\s*,?\s*(?:tại\s+|ở\s+|thuộc\s+)?(?:xã|phường|đặc khu|thôn|làng|huyện)\s+[{UPPER}]"
)
_COMMUNE_SUFFIX = re.compile(rf"\s+(?:xã|phường|đặc khu)\s+[{UPPER}]\w*(?:\s+[{UPPER}]\w*){{0,3}}")
_MAX_WORDS = 20


def find_sites(article: Article, out: Collector) -> list[NamedFound]:
    text = article.canon
    found: dict[str, NamedFound] = {}
    pos = 0
    while True:
        m = _TRIGGER.search(text, pos)
        if not m:
            break
        kind = m.lastgroup or "other"
        start = m.start()
        stop = _STOP.search(text, m.end())
        end = stop.start() if stop else len(text)
        words = text[start:end].split()
        if len(words) > _MAX_WORDS:
            end = start + len(" ".join(words[:_MAX_WORDS]))
        if kind == "service_centre":
            # Its official name includes the commune: "… hành chính công xã Thiệu Hóa".
            suffix = _COMMUNE_SUFFIX.match(text, end)
            if suffix:
                end = suffix.end()
        end = start + len(text[start:end].rstrip())
        pos = max(end, m.end())
        name_part = text[m.end() : end]
        named = any(w[0].isupper() for w in name_part.split() if w[0].isalpha())
        located = bool(_PLACE_AFTER.match(text, end))
        if _GENERIC_BEFORE.search(text, max(0, start - 12), start):
            continue
        if kind != "service_centre" and not (name_part.strip() and (named or located)):
            continue
        name = collapse_spaces(article.raw[start:end])
        key = tkey(name)
        entry = found.setdefault(key, NamedFound(name=name, key=key, kind=kind))
        entry.spans.append(Span(start, end))
        out.add(MentionKind.SITE, start, end, key)
    return list(found.values())
