"""Officials: pairing names with titles, later mentions by title alone, and each one's role."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from viewer.core.model import MentionKind, NamedFound, OfficialFound, Role

from . import vocabulary
from .article import Article
from .collect import Collector, new_span
from .gazetteer import gazetteer
from .patterns import UPPER, phrases_regex, scanner, tkey
from .titles import Name, TitleChain, chain_titles, find_names, find_title_chains

_HONORIFIC = re.compile(r"(?:đồng chí|ông|bà|Đồng chí|Ông|Bà)\s+$")
_APPOSITION = re.compile(r"\s*(?:,|\(|\u2013|-)\s*")
_SPACE = re.compile(r"\s+")
_COLON = re.compile(r"\s*:\s*")
_ITEM_START = re.compile(r"(?:[:;]|\svà|đồng chí|[:;]\s*đồng chí)\s*$")
# "Cùng tham gia có …", "Cùng đi có …", "Tham gia đoàn công tác có …": the delegation.
_DELEGATION = scanner(
    [
        "cùng tham gia", "cùng đi", "cùng dự", "cùng tham dự", "cùng làm việc", "cùng kiểm tra",
        "cùng đoàn", "tham gia đoàn", "đi cùng", "tháp tùng", "thành viên đoàn công tác có",
        "thành viên đoàn công tác gồm",
    ]
)
# A bare "đồng chí" (no name or title after it) refers back to the last official named.
# The look-behinds follow the first letter so that `re` skips straight to each "đ".
_BARE_COMRADE = re.compile(rf"[Đđ](?<!\w[Đđ])(?<!các [Đđ])ồng chí(?=\s+[^\s{UPPER}])")
# Where it may match: found with the word index, cheaper than a scan for every "đ".
_COMRADE = phrases_regex(["đồng chí"], flexible_space=False)


@dataclass
class Officials:
    people: list[OfficialFound]
    lead: OfficialFound | None
    title_spans: list[tuple[int, int]] = field(default_factory=list)  # for topic/org masking
    delegation_regions: list[tuple[int, int]] = field(default_factory=list)


class _Registry:
    def __init__(self, article: Article, out: Collector) -> None:
        self.article, self.out = article, out
        self.people: dict[str, OfficialFound] = {}
        self.first_seen: dict[str, int] = {}

    def person(self, name: Name) -> OfficialFound:
        person = self.people.get(name.key)
        if person is None:
            person = self.people[name.key] = OfficialFound(name=name.text, key=name.key)
            self.first_seen[name.key] = name.start
        return person

    def give_titles(self, person: OfficialFound, titles: list[str], chain: TitleChain) -> None:
        for title in titles:
            _add_title(person.titles, title)
        for s, e in chain.titles:
            self.out.add(MentionKind.TITLE, s, e, person.key)


def _add_title(titles: list[str], title: str) -> None:
    """Add `title` unless it is already there; the same title with and without the province
    ("Chủ tịch UBND tỉnh" / "Chủ tịch UBND tỉnh Nghệ An") is one title, the longer kept."""
    key = tkey(title)
    for i, known in enumerate(titles):
        known_key = tkey(known)
        if known_key == key or known_key.startswith(key + " "):
            return
        if key.startswith(known_key + " ") and _only_place_added(known_key, key):
            titles[i] = title
            return
    titles.append(title)


def _only_place_added(short: str, long: str) -> bool:
    """True when `long` is `short` plus a province name (not another organ)."""
    rest = long[len(short) :].strip()
    return rest in gazetteer().provinces


def find_officials(article: Article, out: Collector) -> Officials:
    """Every named official with titles; roles are filled by `assign_roles` afterwards."""
    text = article.canon
    names = find_names(article)
    chains = find_title_chains(article, names)
    names_at = {n.start: n for n in names}
    chain_at = {c.start: c for c in chains}
    reg = _Registry(article, out)
    used: set[int] = set()
    title_cache = {c.start: chain_titles(article, c) for c in chains}

    # "TITLE NAME": the title right before the name.
    for chain in chains:
        gap = _SPACE.match(text, chain.end)
        if gap and gap.end() in names_at:
            reg.give_titles(reg.person(names_at[gap.end()]), title_cache[chain.start], chain)
            used.add(chain.start)
    # "NAME, TITLE": a title after the name that does not itself introduce another name.
    for name in names:
        sep = _APPOSITION.match(text, name.end)
        if sep and sep.end() in chain_at and sep.end() not in used:
            chain = chain_at[sep.end()]
            gap = _SPACE.match(text, chain.end)
            if not (gap and gap.end() in names_at):
                reg.give_titles(reg.person(name), title_cache[chain.start], chain)
                used.add(chain.start)
    # "các đồng chí UVTV Tỉnh ủy: A, TITLE; B, TITLE": the shared title goes to every item.
    for chain in chains:
        colon = _COLON.match(text, chain.end)
        if not colon or chain.start in used:
            continue
        sentence = article.sentence_at(chain.start)
        limit = sentence.end if sentence else len(text)
        for name in names:
            if colon.end() <= name.start < limit and (
                name.start == colon.end() or _ITEM_START.search(text, colon.end() - 1, name.start)
            ):
                reg.give_titles(reg.person(name), title_cache[chain.start], chain)
                used.add(chain.start)
    # "đồng chí NAME" with no title is still an official.
    for name in names:
        if name.key in reg.people:
            continue  # known already: the honorific need not be looked for
        if _HONORIFIC.search(text, max(0, name.start - 12), name.start):
            reg.person(name)

    # Every mention of a known name, in order.
    last_mentions: list[tuple[int, str]] = []
    for name in names:
        person = reg.people.get(name.key)
        if person:
            person.spans.append(new_span((name.start, name.end)))
            out.add(MentionKind.OFFICIAL, name.start, name.end, person.key)
            last_mentions.append((name.start, person.key))
    # Later mentions by title alone: "đồng chí Phó Bí thư Thường trực Tỉnh ủy".
    for chain in chains:
        if chain.start in used:
            continue
        person = _holder(list(reg.people.values()), title_cache[chain.start])
        if person:
            person.spans.append(new_span((chain.start, chain.end)))
            reg.give_titles(person, [], chain)
            last_mentions.append((chain.start, person.key))
    last_mentions.sort()
    for comrade in article.finditer(_COMRADE):
        m = _BARE_COMRADE.match(text, comrade.start())
        if not m:
            continue
        before = bisect.bisect_left(last_mentions, (m.start(),))  # mentions before it
        if before and not _inside_chain(m.start(), chains):
            person = reg.people[last_mentions[before - 1][1]]
            person.spans.append(new_span((m.start(), m.end())))
            out.add(MentionKind.OFFICIAL, m.start(), m.end(), person.key)
    for person in reg.people.values():
        person.spans.sort(key=lambda s: s.start)

    people = sorted(reg.people.values(), key=lambda p: reg.first_seen[p.key])
    return Officials(
        people=people,
        lead=_lead(article, people),
        title_spans=[(c.start, c.end) for c in chains],
        delegation_regions=_delegation_regions(article),
    )


def _holder(people: list[OfficialFound], titles: list[str]) -> OfficialFound | None:
    """The one official holding one of `titles` (exactly, or as its beginning)."""
    wanted = [tkey(t) for t in titles]
    for exact in (True, False):
        hits = []
        for person in people:
            keys = [tkey(t) for t in person.titles]
            if any(k == w if exact else k.startswith(w + " ") for w in wanted for k in keys):
                hits.append(person)
        if len(hits) == 1:
            return hits[0]
        if hits:
            return None
    return None


def _inside_chain(pos: int, chains: list[TitleChain]) -> bool:
    return any(c.start <= pos < c.end for c in chains)


def _lead(article: Article, people: list[OfficialFound]) -> OfficialFound | None:
    """The headline's subject, else the lead paragraph's first official, else the first one."""
    def first_in(start: int, end: int) -> OfficialFound | None:
        best = None
        for person in people:
            for span in person.spans:
                if start <= span.start < end and (best is None or span.start < best[0]):
                    best = (span.start, person)
        return best[1] if best else None

    if article.headline.end:
        found = first_in(article.headline.start, article.headline.end)
        if found:
            return found
    for paragraph in article.paragraphs[:2]:
        found = first_in(paragraph.start, paragraph.end)
        if found:
            return found
    return people[0] if people else None


def _delegation_regions(article: Article) -> list[tuple[int, int]]:
    regions = []
    for m in article.finditer(_DELEGATION):
        sentence = article.sentence_at(m.start())
        if sentence:
            regions.append((m.start(), sentence.end))
    return regions


@functools.cache
def _generic_keys() -> frozenset[str]:
    """Keys of organisations named generically ("lãnh đạo các sở"): built once per process."""
    return frozenset(tkey(g) for g in vocabulary.titles().generic)


def assign_roles(found: Officials, organisations: list[NamedFound]) -> None:
    """LEAD for the lead; DELEGATION for those listed after "Cùng tham gia có …" or whose
    organ is among the bodies listed there ("lãnh đạo Ban Tuyên giáo …"); else MENTIONED."""
    regions = found.delegation_regions
    generic = _generic_keys()
    delegated_orgs = [
        org.key
        for org in organisations
        if org.key not in generic
        and any(s <= span.start < e for span in org.spans for s, e in regions)
    ]
    for person in found.people:
        if person is found.lead:
            person.role = Role.LEAD
        elif any(s <= span.start < e for span in person.spans for s, e in regions) or any(
            key in tkey(title) for title in person.titles for key in delegated_orgs
        ):
            person.role = Role.DELEGATION
        else:
            person.role = Role.MENTIONED
