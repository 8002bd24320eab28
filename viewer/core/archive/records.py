"""What the archive hands out: filters, timeline rows, facet values, a visit in full.

Plain frozen dataclasses, so the window, the command line and the summaries read the
same shapes and never see SQL rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import NamedTuple


@dataclass(frozen=True)
class VisitFilter:
    """The user's current filter. Values within one facet widen (OR), facets narrow (AND)."""

    officials: frozenset[int] = frozenset()
    communes: frozenset[int] = frozenset()
    topics: frozenset[str] = frozenset()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str = ""

    def without(self, facet: str) -> VisitFilter:
        """This filter with one facet cleared: what that facet's counts are taken over."""
        return replace(self, **{facet: frozenset()})

    def toggled(self, facet: str, value: int | str) -> VisitFilter:
        chosen = set(getattr(self, facet))
        chosen ^= {value}
        return replace(self, **{facet: frozenset(chosen)})

    @property
    def is_empty(self) -> bool:
        return self == VisitFilter()


@dataclass(frozen=True)
class TopicRef:
    """A topic as the timeline and the summaries name it, in both languages."""

    id: str
    label_vi: str
    label_en: str


@dataclass(frozen=True)
class VisitRow:
    """One line of the timeline."""

    id: int
    article_id: int
    date: dt.date | None
    time_of_day: str
    date_inferred: bool
    headline: str
    lead_name: str
    lead_titles: tuple[str, ...]
    communes: tuple[str, ...]  # "xã Biện Thượng", visited ones first
    topics: tuple[TopicRef, ...]


class FacetValue(NamedTuple):
    """One value of a facet list. A NamedTuple: a list of 15,000 communes is made on
    every change of filter, and a frozen dataclass costs five times as much to build."""

    id: int | str
    label: str
    group: str  # communes: the province; officials: their latest title; topics: English label
    count: int  # visits (shadows tuple.count, which nothing here calls)


@dataclass(frozen=True)
class OfficialInVisit:
    """An official named in a visit's article, with their part in the visit."""

    id: int
    name: str
    role: str  # "lead", "delegation", "mentioned"
    titles: tuple[str, ...]  # as stated in this article


@dataclass(frozen=True)
class CommuneInVisit:
    """A commune named in a visit's article: visited, or only mentioned."""

    id: int
    name: str
    unit: str
    province: str
    code: int | None
    current: bool
    visited: bool

    @property
    def label(self) -> str:
        former = "" if self.current else " (cũ)"
        return f"{self.unit} {self.name}{former}"


@dataclass(frozen=True)
class NamedInVisit:
    """A site or an organisation named in a visit's article."""

    id: int
    name: str
    kind: str = ""


@dataclass(frozen=True)
class StatementInVisit:
    """A sentence of the article: a directive, a difficulty or a caption."""

    kind: str  # "directive", "difficulty", "caption"
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class MentionInArticle:
    """Where the article names something, for the highlights (`key` says what)."""

    kind: str
    start: int
    end: int
    key: str


@dataclass(frozen=True)
class VisitDetail:
    """A visit with its article: everything the article pane and a summary need."""

    row: VisitRow
    date_source: str
    article_title: str
    article_text: str
    body_start: int
    published: dt.date | None
    source_files: tuple[str, ...]
    imported_at: str
    officials: tuple[OfficialInVisit, ...] = field(default_factory=tuple)
    communes: tuple[CommuneInVisit, ...] = field(default_factory=tuple)
    sites: tuple[NamedInVisit, ...] = field(default_factory=tuple)
    organisations: tuple[NamedInVisit, ...] = field(default_factory=tuple)
    statements: tuple[StatementInVisit, ...] = field(default_factory=tuple)
    mentions: tuple[MentionInArticle, ...] = field(default_factory=tuple)

    @property
    def lead(self) -> OfficialInVisit | None:
        return next((o for o in self.officials if o.role == "lead"), None)

    def statements_of(self, kind: str) -> tuple[StatementInVisit, ...]:
        return tuple(s for s in self.statements if s.kind == kind)


@dataclass(frozen=True)
class ArticleHit:
    """One article a full-text search found."""

    article_id: int
    title: str
    published: dt.date | None
    exact: bool  # every term occurs with the tones as typed


@dataclass(frozen=True)
class ArchiveStats:
    """What the archive holds: the `stats` command and the About box."""

    articles: int
    visits: int
    officials: int
    communes: int
    first_visit: dt.date | None
    last_visit: dt.date | None
    schema_version: int
    path: str
