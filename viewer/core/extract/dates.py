"""The visit date from the lead ("Sáng 12/12"), its time of day, and where the year came from."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from viewer.core.model import MentionKind

from .article import Article
from .collect import Collector

_TIME = r"(?P<tod>sáng|trưa|chiều|tối|đêm)"
_DATE = re.compile(
    rf"(?<!\w)(?:{_TIME}(?:\s+nay)?\s*(?:\(\s*)?(?:(?:thứ\s+\w+|chủ\s+nhật)\s*,?\s*)?(?:ngày\s+)?"
    r"|ngày\s+|hôm\s+nay\s*\(\s*)"
    r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}))?(?!\d)(?:\s*\))?",
    re.I,
)
_DATE_WORDS = re.compile(
    rf"(?<!\w)(?:{_TIME}\s+)?ngày\s+(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}})"
    r"(?:\s+năm\s+(?P<y>\d{4}))?",
    re.I,
)
# "Sáng nay", "Chiều qua", "Hôm qua": relative to the publication date.
_RELATIVE = re.compile(
    rf"(?<!\w)(?:{_TIME}\s+(?P<rel>nay|qua|hôm\s+qua)|hôm\s+(?P<rel2>nay|qua))(?!\w)", re.I
)
_YEAR = re.compile(r"[nN](?<!\w.)ăm\s+(?P<y>(?:19|20)\d\d)(?!\d)")
_WORD_BEFORE = re.compile(r"(\w+)\s+$")
# Years that are targets or spans, not the time of writing: "đến năm 2030", "tầm nhìn năm 2045".
_TARGET_WORDS = {"đến", "tới", "nhìn", "hướng", "vào", "trước"}
# These two read lower-cased text (re.IGNORECASE makes a whole-text scan several times slower).
_TWO_TIER = re.compile(r"chính quyền (?:địa phương )?(?:2|hai) cấp|mô hình (?:2|hai) cấp")
_MONTHS_SINCE = re.compile(
    r"(?:hơn|sau|gần|được|qua|sau hơn|sau gần)\s+"
    r"(?P<n>\d{1,2}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"
    r"\s+tháng\s+(?:đi vào\s+)?(?:vận hành|hoạt động|triển khai|thực hiện)"
)
_NUMBER_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
                 "tám": 8, "chín": 9, "mười": 10}
# Two-tier local government started on this day; "hơn 5 tháng" of it dates an article.
_TWO_TIER_START = dt.date(2025, 7, 1)


@dataclass
class VisitDate:
    date: dt.date | None = None
    time_of_day: str = ""
    inferred: bool = False
    source: str = ""


def find_visit_date(
    article: Article, published: dt.date | None, fallback_year: int | None, out: Collector
) -> VisitDate:
    text = article.canon
    spans = [article.headline, *article.paragraphs[:3]]
    for block in spans:
        for regex in (_DATE, _DATE_WORDS):
            m = regex.search(text, block.start, block.end)
            if m and 1 <= int(m["d"]) <= 31 and 1 <= int(m["m"]) <= 12:
                return _with_year(article, m, published, fallback_year, out)
        rel = _RELATIVE.search(text, block.start, block.end)
        if rel and published:
            back = 0 if (rel["rel"] or rel["rel2"] or "").lower() == "nay" else 1
            date = published - dt.timedelta(days=back)
            out.add(MentionKind.DATE, rel.start(), rel.end(), date.isoformat())
            return VisitDate(date, (rel["tod"] or "").lower(), False, "publication")
    return VisitDate()


def _with_year(
    article: Article, m: re.Match[str], published: dt.date | None, fallback_year: int | None,
    out: Collector,
) -> VisitDate:
    day, month = int(m["d"]), int(m["m"])
    tod = (m["tod"] or "").lower()
    if m["y"]:
        year, inferred, source = int(m["y"]), False, "text"
    elif published:
        year, inferred, source = published.year, False, "publication"
        if month - published.month > 6:  # visited 30/12, published 2/1: the year before
            year -= 1
    else:
        low = article.low if article.low is not None else article.canon.lower()
        guess = year_from_text(low, month, day)
        if guess and fallback_year and guess > fallback_year:
            # "đưa vào sử dụng trong năm 2027" is a plan: a visit cannot come after the
            # year the file was last saved in.
            guess = None
        if guess:
            year, inferred, source = guess, True, "text"
        elif fallback_year:
            year, inferred, source = fallback_year, True, "file"
        else:
            return VisitDate(None, tod, True, "")
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return VisitDate(None, tod, inferred, source)
    out.add(MentionKind.DATE, m.start(), m.end(), date.isoformat())
    return VisitDate(date, tod, inferred, source)


def year_from_text(text: str, month: int, day: int) -> int | None:
    """Guess the year of a day/month from the article itself (`text` lower-cased).

    1. "hơn 5 tháng" of two-tier government dates the article: 1/7/2025 plus that many
       months; the year that puts the visit closest to that estimate wins.
    2. Else the latest year the text mentions as now or past ("năm 2025", not "đến năm 2030").
    3. Two-tier government only exists from 1/7/2025: never earlier than that.
    """
    since = _MONTHS_SINCE.search(text)
    two_tier = bool(_TWO_TIER.search(text))
    if since and two_tier:
        n = since["n"]
        months = int(n) if n.isdigit() else _NUMBER_WORDS[n.lower()]
        total = _TWO_TIER_START.month - 1 + months
        estimate = dt.date(_TWO_TIER_START.year + total // 12, total % 12 + 1, 15)
        candidates = [estimate.year - 1, estimate.year, estimate.year + 1]
        return min(candidates, key=lambda y: abs((_safe_date(y, month, day) - estimate).days))
    years = []
    for y in _YEAR.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, y.start() - 12), y.start())
        if not before or before[1].lower() not in _TARGET_WORDS:
            years.append(int(y["y"]))
    year = max(years) if years else None
    if two_tier:
        earliest = 2025 if month >= _TWO_TIER_START.month else 2026
        year = max(year or earliest, earliest)
    return year


def _safe_date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, 28)
