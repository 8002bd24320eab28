"""Communes and former units after a unit word, resolved against the 2025 gazetteer."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from typing import NamedTuple

from viewer.core.model import MentionKind, PlaceFound
from viewer.core.text import collapse_spaces

from . import vocabulary
from .article import Article
from .collect import Collector, new_span
from .gazetteer import ProvinceEntry, gazetteer, place_keys
from .patterns import PLACE_PART, Names, alternation, names_regex, phrases_regex, scanner, tkey

# The day the district tier was abolished. Articles about visits before it name the old
# communes; the 2025 units often reuse those names for a different (merged) area, so a
# pre-reform "xã X" is recorded as a former unit even when a current "xã X" exists: linking
# it to today's code would claim a visit to a commune that did not exist yet.
REFORM_DAY = dt.date(2025, 7, 1)

# Unit words are found with a fast scanner; what surrounds them is checked afterwards.
_UNIT = scanner(
    ["đặc khu", "thị trấn", "thị xã", "thành phố", "TP", "phường", "huyện", "huyện đảo",
     "quận", "xã", "tỉnh"]
)
# These two look at the lower-cased text before a unit word (re.IGNORECASE is slow).
_COUNT_BEFORE = re.compile(r"(?:hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|các|những|\d{1,2})\s+$")
_NOT_A_UNIT_BEFORE = re.compile(r"(?:hợp tác|thị)\s+$")  # "Hợp tác xã" is a cooperative
_AFTER_UNIT = re.compile(r"(?!\s+(?:ủy|uỷ)(?!\w))\s*:?")
_AFTER_TP = re.compile(r"\.?\s*")  # "TP. Hồ Chí Minh"; after any other unit a dot ends a sentence
_PART = re.compile(rf"(?:\s+|\s*[-\u2013]\s*)({PLACE_PART})")
_FIRST_PART = re.compile(rf"\s*({PLACE_PART})")
_LIST_SEP = re.compile(r"\s*(?:,|;|(?<=\s)và(?!\w)|(?<=\s)cùng(?!\w))\s*")
_FORMER_MARK = re.compile(r"\s*(?:\(\s*)?cũ(?!\w)")
_VISIT_VERB = phrases_regex(
    ["thăm", "làm việc", "kiểm tra", "khảo sát", "đến", "tới", "chủ trì", "tham quan", "dự",
     "trao", "tặng", "về"],
    flexible_space=False,
)
_CLAUSE_ENDS = ";.:!?\n,"
_AT_PLACE = re.compile(r"(?:Tại|Ở|Đến|Về|Trên địa bàn)\s+", re.I)
_DISTRICT_UNITS = {"huyện", "quận", "thị xã", "thị trấn", "thành phố"}


class _Item(NamedTuple):
    name: str
    start: int
    end: int


@functools.cache
def _province_names() -> Names:
    names = [e.name for e in gazetteer().provinces.values()]
    return names_regex(names, rf"{alternation(names, word_start=True)}(?!\w)")


@functools.lru_cache(maxsize=256)  # a handful of spellings: "xã", "Xã", "TP", "thị  trấn" …
def _unit_of(word: str) -> str:
    """The unit a unit word names: "Xã" -> "xã", "TP" -> "thành phố"."""
    unit = collapse_spaces(word.lower())
    return {"tp": "thành phố", "huyện đảo": "huyện"}.get(unit, unit)


def _names_after(article: Article, run: re.Match[str], plural: bool) -> list[_Item]:
    """The names of a list after a unit word: "Biện Thượng, Vĩnh Lộc", "A, B và C". `run` is
    the run of capitalised words after the unit word (`_run_regex`), which the caller has
    matched already."""
    text = article.canon
    items: list[_Item] = []
    while True:
        item = _one_name(article, run)
        if item is None:
            break
        if items and not plural and tkey(item.name) not in gazetteer().ward_names:
            break
        if items and item.name.split(maxsplit=1)[0] in vocabulary.titles().not_in_names:
            break
        items.append(item)
        sep = _LIST_SEP.match(text, item.end)
        if not sep:
            break
        next_run = _run_regex().match(text, sep.end())
        if not next_run:
            break
        run = next_run
    return items


def _one_name(article: Article, run: re.Match[str]) -> _Item | None:
    """The place name in `run`, a run of capitalised words, if any."""
    pos, end = run.start(), run.end()
    # The answer depends on the run's text only: the same few communes recur in an article
    # and across articles, so it is cached by that text (offsets relative to `pos`).
    text = article.canon[pos:end]
    raw = text if article.raw is article.canon else article.raw[pos:end]
    found = _name_in_run(text, raw)
    if found is None:
        return None
    name, start, stop = found
    return _Item(name, pos + start, pos + stop)


@functools.cache
def _run_regex() -> re.Pattern[str]:
    """Up to as many capitalised words (or numbers) as the longest commune name has."""
    more = gazetteer().max_ward_words - 1
    return re.compile(rf"\s*{PLACE_PART}(?:(?:\s+|\s*[-\u2013]\s*){PLACE_PART}){{0,{more}}}")


@functools.lru_cache(maxsize=8192)
def _name_in_run(text: str, raw: str) -> tuple[str, int, int] | None:
    """The place name at the start of a run of place-name parts (`text` tone-canonical,
    `raw` as written): the longest known name, else a former unit's first words."""
    first = _FIRST_PART.match(text)
    if not first or first[1] in vocabulary.titles().not_in_names:
        return None
    parts = [(first[1], first.start(1), first.end())]
    while m := _PART.match(text, parts[-1][2]):
        parts.append((m[1], m.start(1), m.end()))
    known = place_keys()
    for n in range(len(parts), 0, -1):
        if tkey(text[parts[0][1] : parts[n - 1][2]]) in known:
            return collapse_spaces(raw[parts[0][1] : parts[n - 1][2]]), parts[0][1], parts[n - 1][2]
    families = vocabulary.titles().family_names
    if parts[0][0] in families and len(parts) >= 3:
        return None  # "UBND thành phố Phạm Quốc Tuấn Anh": a person, not a place
    keep = [parts[0]]
    for i, part in enumerate(parts[1:3], start=1):
        person_next = part[0] in families and i + 1 < len(parts)
        if person_next or (part[0].isupper() and len(part[0]) > 1):
            break  # the next words start a person's name or an acronym
        keep.append(part)
    return collapse_spaces(raw[keep[0][1] : keep[-1][2]]), keep[0][1], keep[-1][2]


def _visited(article: Article, list_start: int, item: _Item, unit: str) -> bool:
    if _FORMER_MARK.match(article.canon, item.end):
        return False
    if article.in_headline(item.start):
        return True
    if unit in _DISTRICT_UNITS and not article.in_headline(item.start):
        # After the reform a district is context ("huyện Thường Xuân cũ"), not a destination.
        return False
    text = article.canon
    window = max(0, list_start - 300)
    last = max(text.rfind(ch, window, list_start) for ch in _CLAUSE_ENDS)
    clause_start = last + 1 if last >= 0 else 0
    if article.search(_VISIT_VERB, clause_start, list_start):
        return True
    # "Tại xã Minh Sơn, đoàn đã thăm hỏi …": the place opens the sentence, the visit follows.
    sentence = article.sentence_at(list_start)
    if sentence and _AT_PLACE.match(text, sentence.start, list_start + 1):
        return bool(article.search(_VISIT_VERB, item.end, sentence.end))
    return False


def find_places(
    article: Article,
    out: Collector,
    *,
    default_province: str,
    visit_date: dt.date | None,
) -> list[PlaceFound]:
    g = gazetteer()
    text = article.canon
    # First pass: which provinces the article names, and where.
    named: list[tuple[int, ProvinceEntry]] = []
    for m in article.finditer(_province_names()):
        entry = g.province(m[0])
        if entry:
            named.append((m.start(), entry))
    default = g.province(default_province)
    main = _main_province(article, named, default)
    pre_reform = visit_date is not None and visit_date < REFORM_DAY
    others = [e for e, _ in Counter(e for _, e in named).most_common()] if named else []

    places: dict[str, PlaceFound] = {}
    # The same commune is named again and again: resolved once per article.
    resolved: dict[tuple[str, str, ProvinceEntry | None], PlaceFound] = {}
    run_regex = _run_regex()
    for m in article.finditer(_UNIT):
        word = text[m.start() : m.end()]
        after = (_AFTER_TP if word in ("TP", "tp") else _AFTER_UNIT).match(text, m.end())
        # Most unit words name no place ("xã hội", "tỉnh ủy"): no capitalised word follows.
        run = run_regex.match(text, after.end()) if after else None
        if not run:
            continue
        before = article.lower(max(0, m.start() - 12), m.start())
        if _NOT_A_UNIT_BEFORE.search(before):
            continue
        unit = _unit_of(word)
        items = _names_after(article, run, plural=bool(_COUNT_BEFORE.search(before)))
        if not items:
            continue
        if unit in ("tỉnh", "thành phố"):
            entry = g.province(items[0].name)
            if entry and (unit == "tỉnh" or entry.city or not entry.current):
                out.add(MentionKind.PROVINCE, m.start(), items[0].end, tkey(entry.name))
                continue
            if unit == "tỉnh":
                continue
        explicit = _explicit_province(article, items[-1].end)
        for item in items:
            place = resolved.get((item.name, unit, explicit))
            if place is None:
                order = [p for p in (explicit, main, *others, default) if p is not None]
                place = _resolve(item.name, unit, order, pre_reform)
                place = resolved[item.name, unit, explicit] = places.setdefault(place.key, place)
            place.spans.append(new_span((item.start, item.end)))
            place.visited = place.visited or _visited(article, m.start(), item, unit)
            kind = MentionKind.COMMUNE if place.current else MentionKind.FORMER_UNIT
            out.add(kind, item.start, item.end, place.key)
    return list(places.values())


def _main_province(
    article: Article, named: list[tuple[int, ProvinceEntry]], default: ProvinceEntry | None
) -> ProvinceEntry | None:
    """The article's province: named in the headline or lead, else the default setting when
    the text names it or names none, else the province it names most."""
    lead_end = article.paragraphs[0].end if article.paragraphs else article.headline.end
    for pos, entry in named:
        if pos < lead_end:
            return entry
    if not named or (default and any(e == default for _, e in named)):
        return default
    return Counter(e for _, e in named).most_common(1)[0][0]


_AFTER_PROVINCE = re.compile(r"\s*,?\s*(?:tỉnh|thành phố|TP\.?)\s+", re.I)


def _explicit_province(article: Article, pos: int) -> ProvinceEntry | None:
    """The province written right after a commune: "xã Thiệu Trung, tỉnh Thanh Hóa"."""
    m = _AFTER_PROVINCE.match(article.canon, pos)
    if not m:
        return None
    found = _province_names().regex.match(article.canon, m.end())
    return gazetteer().province(found[0]) if found else None


def _resolve(name: str, unit: str, order: list[ProvinceEntry], pre_reform: bool) -> PlaceFound:
    g = gazetteer()
    if unit in ("xã", "phường", "đặc khu") and not pre_reform:
        for province in order:
            if province.code is None:
                continue
            ward = g.ward(province.code, name, unit)
            if ward:
                return PlaceFound(
                    name=ward.name, unit=ward.unit, province=province.name, code=ward.code,
                    province_code=province.code, current=True, visited=False,
                    key=f"ward:{ward.code}",
                )
    province = order[0] if order else None
    province_name = province.name if province else ""
    return PlaceFound(
        name=name, unit=unit, province=province_name, code=None,
        province_code=province.code if province else None, current=False, visited=False,
        key=f"former:{unit}:{tkey(name)}:{tkey(province_name)}",
    )
