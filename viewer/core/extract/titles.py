"""Finding titles (chức danh), organ names and personal names in an article."""

from __future__ import annotations

import bisect
import functools
import re
from typing import NamedTuple

from viewer.core.text import collapse_spaces

from . import vocabulary
from .article import Article
from .gazetteer import gazetteer, place_keys
from .patterns import (
    CAP_WORD,
    LOWER,
    PLACE_PART,
    UPPER,
    Names,
    Phrases,
    alternation,
    names_regex,
    scanner,
    tkey,
)

# Unit words that are followed by a commune-level name inside a title or organ
# ("Đảng ủy xã Thiệu Trung"); the name is bounded with the gazetteer, not by the regex.
_LOCAL_UNITS = ("xã", "phường", "đặc khu", "huyện", "thị xã", "thị trấn", "quận")
# Committees named after a local unit: "Huyện ủy Triệu Sơn", "Đảng ủy Yên Định".
_LOCAL_COMMITTEES = ("huyện ủy", "quận ủy", "thị ủy", "đảng ủy", "thành ủy")
_PLACE_ENDS = _LOCAL_UNITS + _LOCAL_COMMITTEES  # a title ending so goes on with a place name
_PLACE_TOKEN = re.compile(rf"\s+({PLACE_PART})")


class Name(NamedTuple):
    start: int
    end: int
    text: str
    key: str


class TitleChain(NamedTuple):
    """One or more titles in a row: "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy"."""

    start: int
    end: int
    titles: tuple[tuple[int, int], ...]


@functools.cache
def organ_pattern() -> str:
    """Regex source (case-insensitive use) of an organ: core plus scopes."""
    v = vocabulary.titles()
    g = gazetteer()
    provinces = alternation(e.name for e in g.provinces.values())
    aliases = alternation(vocabulary.places().province_aliases)
    # Case is spelled out with [xX] classes, not re.IGNORECASE: see `patterns.alternation`.
    # Unknown "Sở/Ban/Bộ/Cục" names: title-case words ("Khoa học và Công nghệ"), case-sensitive.
    word = rf"(?-i:{CAP_WORD})(?:\s+(?-i:[{LOWER}]+)){{0,3}}"
    heads = alternation(v.fallback_heads)
    fallback = rf"(?-i:{heads})\s+{word}(?:(?:\s+và|\s*[-\u2013])?\s+{word}){{0,4}}"
    core = rf"(?:{alternation(_core_phrases(), ignore_case=True)}|{fallback})"
    # A province name may follow any scope: "Tỉnh ủy Nghệ An", "UBND thành phố Hà Nội".
    scope_words = [*v.scopes, "tỉnh", "thành phố", "TP", "TP.", *_LOCAL_UNITS]
    scope = (
        rf"{alternation(scope_words, ignore_case=True)}"
        rf"(?:\s+(?:{provinces}|{aliases})(?!\w))?"
    )
    province = rf"(?:\s+(?:{provinces}|{aliases})(?!\w))?"
    return rf"{core}(?!\w){province}(?:\s+{scope}(?!\w))*"


def _core_phrases() -> list[str]:
    v = vocabulary.titles()
    return [
        *(f"Ban {name}" for name in v.ban),
        *(f"Sở {name}" for name in v.so),
        *(f"Bộ {name}" for name in v.bo),
        *v.standalone,
    ]


@functools.cache
def organ_scanner() -> Phrases:
    """Where an organ name may start (checked with `organ_regex().match`)."""
    return scanner([*_core_phrases(), *vocabulary.titles().fallback_heads])


@functools.cache
def _position_scanner() -> Phrases:
    return scanner(vocabulary.titles().positions)


@functools.cache
def _title_regex() -> re.Pattern[str]:
    positions = alternation(vocabulary.titles().positions, ignore_case=True)
    # Positions with an organ are tried first, so "Trưởng Ban Tổ chức Tỉnh ủy" is read as
    # "Trưởng" + "Ban Tổ chức Tỉnh ủy" rather than the organ-less position "Trưởng Ban".
    return re.compile(
        rf"(?:{positions}(?!\w)\s+(?P<organ>{organ_pattern()})|{positions}(?!\w))"
        r"(?:\s+[kK]h[óÓ]a\s+[XVIL\d]+(?!\w))?",  # "ĐBQH khóa XV"
    )


@functools.cache
def organ_regex() -> re.Pattern[str]:
    return re.compile(organ_pattern())


@functools.cache
def _name_regex() -> Names:
    family_names = vocabulary.titles().family_names
    families = alternation(family_names, word_start=True)
    return names_regex(family_names, rf"{families}(?:[ \u00a0]{CAP_WORD}){{1,3}}(?!\w)")


# Words after which a capitalised family-name-like sequence is a place, not a person.
_STREET_WORDS = re.compile(
    r"(?<!\w)(?:đường|Đường|(?<!thành )phố|Phố|thôn|làng|bản|khu phố|quảng trường|đền|Đền"
    r"|chùa|di tích|nhà máy|tượng đài|lăng|núi|sông|chợ|bến|Bác)\s+$",
)
# Words after which a place name may come before a person's name: "Tỉnh ủy Ninh Bình Đinh Thị
# Lan Anh", "UBND xã Lê Lợi Nguyễn Văn A", "Huyện ủy Triệu Sơn Nguyễn Đình Long".
# Matched in lower case (`Article.lower`): re.IGNORECASE costs several times more.
_PLACE_WORDS = re.compile(
    r"(?<!\w)(?:xã|phường|đặc khu|huyện|quận|thị trấn|thị xã|thành phố|tp\.?|tỉnh|tỉnh ủy|thành ủy"
    r"|huyện ủy|quận ủy|thị ủy|đảng ủy|ubnd|hđnd|ủy ban nhân dân|hội đồng nhân dân|mttq)\s+$"
)


def find_names(article: Article) -> list[Name]:
    """Personal names (family name + 1-3 capitalised syllables), places excluded."""
    found = []
    text = article.canon
    names = _name_regex()
    pos = 0
    while match := article.search(names, pos):
        pos = match.end()
        start = match.start()
        shape = _name_shape(match[0])
        if shape.historical or _after_street_word(text[max(0, start - 25) : start]):
            continue
        if shape.place_length and _after_place_word(article.lower(max(0, start - 25), start)):
            # Skip a leading place name and look for a person right after it.
            pos = start + shape.place_length
            continue
        if not shape.name_length:
            continue
        end = pos = start + shape.name_length
        found.append(Name(start, end, *_name_text(article.raw[start:end])))
    return found


class _NameShape(NamedTuple):
    """What the words of a family-name match are, whatever surrounds them."""

    historical: bool  # a historical figure ("Trần Hưng Đạo"), never an official
    place_length: int  # length of the longest leading run of words that names a place, or 0
    name_length: int  # length of the personal name (at least two words), or 0


# The same names and street or place words recur in every article: the decisions that depend
# only on them are cached.
@functools.lru_cache(maxsize=8192)
def _name_shape(matched: str) -> _NameShape:
    v = vocabulary.titles()
    words = matched.split()
    places = place_keys()
    place_len = next(
        (n for n in range(len(words), 0, -1) if tkey(" ".join(words[:n])) in places), 0
    )
    keep = [words[0]]
    for word in words[1:]:
        if word in v.not_in_names:
            break
        keep.append(word)
    return _NameShape(
        historical=tkey(" ".join(words)) in v.historical,
        place_length=len(" ".join(words[:place_len])) if place_len else 0,
        name_length=len(" ".join(keep)) if len(keep) >= 2 else 0,
    )


@functools.lru_cache(maxsize=8192)
def _after_street_word(before: str) -> bool:
    return bool(_STREET_WORDS.search(before))


@functools.lru_cache(maxsize=8192)
def _after_place_word(before_lower: str) -> bool:
    return bool(_PLACE_WORDS.search(before_lower))


@functools.lru_cache(maxsize=8192)
def _name_text(raw: str) -> tuple[str, str]:
    """A name as written, spaces collapsed, and its key."""
    return collapse_spaces(raw), tkey(raw)


def extend_place(article: Article, pos: int, limit: int) -> int:
    """End of the commune name after a unit word at `pos` (gazetteer-bounded), or `pos`."""
    g = gazetteer()
    families = vocabulary.titles().family_names
    tokens: list[tuple[str, int]] = []
    at = pos
    while len(tokens) < g.max_ward_words:
        m = _PLACE_TOKEN.match(article.canon, at, limit)
        if not m:
            break
        tokens.append((m[1], m.end()))
        at = m.end()
    for n in range(len(tokens), 0, -1):
        if tkey(" ".join(t for t, _ in tokens[:n])) in g.ward_names:
            return tokens[n - 1][1]
    # Unknown (former) name: up to two capitalised words, never a following person's name.
    end = pos
    for i, (token, token_end) in enumerate(tokens[:2]):
        if (token in families and i + 1 < len(tokens)) or (token[0] in UPPER and token.isupper()):
            break
        end = token_end
    return end


def _match_title(article: Article, pos: int, name_starts: list[int]) -> int:
    """End of the title starting at `pos`, or -1 when none starts there."""
    # A title is written with a capital; checked first, the regex being long.
    if pos >= len(article.canon) or not article.canon[pos].isupper():
        return -1
    m = _title_regex().match(article.canon, pos)
    if not m:
        return -1
    end = m.end()
    if not m["organ"] and collapse_spaces(m[0]).lower() in vocabulary.titles().need_organ:
        return -1
    if m["organ"] and m[0].rstrip().lower().endswith(_PLACE_ENDS):
        end = extend_place(article, end, len(article.canon))
    # A title never contains a person's name: stop where one begins.
    i = bisect.bisect_right(name_starts, pos)
    if i < len(name_starts) and name_starts[i] < end:
        end = name_starts[i]
        while end > pos and article.canon[end - 1].isspace():
            end -= 1
    return end


def find_title_chains(article: Article, names: list[Name]) -> list[TitleChain]:
    name_starts = sorted(n.start for n in names)
    chains = []
    text = article.canon
    last_end = 0
    for m in article.finditer(_position_scanner()):
        if m.start() < last_end or not text[m.start()].isupper():
            continue  # inside the last chain, or lower case: no title (see `_match_title`)
        if _TAIL_OF_NAME.search(text, max(0, m.start() - 12), m.start()):
            continue
        end = _match_title(article, m.start(), name_starts)
        if end < 0:
            continue
        titles = [(m.start(), end)]
        while True:
            sep = _COMMA.match(text, end)
            if not sep:
                break
            nxt = _match_title(article, sep.end(), name_starts)
            if nxt < 0:
                break
            titles.append((sep.end(), nxt))
            end = nxt
        chains.append(TitleChain(titles[0][0], end, tuple(titles)))
        last_end = end
    return chains


_COMMA = re.compile(r"[ \t]*,[ \t]*")
# A position word right after a capitalised word is part of a longer name ("Đoàn ĐBQH tỉnh",
# "Hội Chủ tịch …"), not a title of its own.
_TAIL_OF_NAME = re.compile(rf"(?<!\w)[{UPPER}]\w*[ \u00a0]$")


@functools.cache
def _abbreviation_regex() -> re.Pattern[str]:
    abbreviations = vocabulary.titles().abbreviations
    return re.compile(rf"(?<!\w){alternation(abbreviations, flexible_space=False)}(?!\w)")


@functools.lru_cache(maxsize=8192)  # the same few dozen titles recur in every article
def expand(title: str) -> str:
    """A title with its short forms spelled out: "UBND tỉnh" -> "Ủy ban nhân dân tỉnh"."""
    abbreviations = vocabulary.titles().abbreviations
    return collapse_spaces(_abbreviation_regex().sub(lambda m: abbreviations[m[0]], title))


_PARTY_SCOPE = re.compile(
    r"\s(Tỉnh ủy|Thành ủy|Đảng ủy(?:\s.*)?|Huyện ủy|Trung ương(?: Đảng)?)$", re.I
)
_BARE_MEMBERSHIP = re.compile(r"^Ủy viên Ban (Thường vụ|Chấp hành)$", re.I)


def chain_titles(article: Article, chain: TitleChain) -> list[str]:
    """The chain's titles, short forms expanded; a bare "Ủy viên Ban Thường vụ" takes the
    party committee named by the next title ("…, Trưởng Ban Tổ chức Tỉnh ủy")."""
    titles = [expand(article.canon[s:e]) for s, e in chain.titles]
    for i in range(len(titles) - 2, -1, -1):
        if _BARE_MEMBERSHIP.match(titles[i]):
            scope = _PARTY_SCOPE.search(titles[i + 1])
            if scope:
                titles[i] = f"{titles[i]} {scope[1]}"
    return titles
