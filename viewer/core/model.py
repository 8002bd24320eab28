"""What the extractor finds in one article: the visit, its entities and their spans.

Plain dataclasses with no behaviour, shared by the extractor (which fills them), the
archive (which stores them) and the summaries (which print them). Offsets are character
offsets into the article's stored text: ``title + "\\n\\n" + body`` (see `Document.text`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple


class MentionKind(StrEnum):
    """Kinds of highlighted span; the values are stored in the archive's `mentions.kind`."""

    OFFICIAL = "official"  # a person's name
    TITLE = "title"  # a title (chức danh), alone or beside a name
    COMMUNE = "commune"  # a current commune-level unit (xã, phường, đặc khu)
    FORMER_UNIT = "former_unit"  # a unit that no longer exists (huyện, thị xã, pre-2025 xã)
    PROVINCE = "province"
    ORGANISATION = "organisation"
    SITE = "site"
    TOPIC = "topic"  # a phrase that signals a topic
    DATE = "date"
    DIRECTIVE = "directive"  # a whole sentence
    DIFFICULTY = "difficulty"  # a whole sentence
    CAPTION = "caption"  # a whole paragraph


class Role(StrEnum):
    """An official's part in a visit."""

    LEAD = "lead"
    DELEGATION = "delegation"  # travelled with the lead ("Cùng tham gia có …")
    MENTIONED = "mentioned"  # spoke or was named, e.g. a commune leader


class Span(NamedTuple):
    """Character offsets [start, end) in the article text. A NamedTuple: an article makes
    hundreds, and a frozen dataclass costs twice as much to build."""

    start: int
    end: int


class Mention(NamedTuple):
    """One highlighted span. `key` ties it to the entity it names (see `entity_key`s).
    A NamedTuple, like `Span`: an article makes a few hundred."""

    kind: MentionKind
    start: int
    end: int
    text: str
    key: str = ""


@dataclass
class OfficialFound:
    name: str  # as written, NFC, e.g. "Nguyễn Hồng Phong"
    key: str  # text.tone_key(name): one official per key across the archive
    titles: list[str] = field(default_factory=list)  # full titles, short forms expanded
    role: Role = Role.MENTIONED
    spans: list[Span] = field(default_factory=list)  # name and title-only later mentions


@dataclass
class PlaceFound:
    """A commune-level unit (current, from the gazetteer) or a former unit."""

    name: str  # gazetteer name without the unit word for current units ("Thiệu Hóa")
    unit: str  # "xã", "phường", "đặc khu", "thị trấn", "huyện", "thị xã", "quận", "thành phố"
    province: str  # "Thanh Hóa"; "" when unknown
    code: int | None  # gazetteer ward code for current units, None for former units
    province_code: int | None
    current: bool  # True when it is a unit of the 2025 gazetteer
    visited: bool  # the delegation went there (versus merely mentioned)
    key: str  # "ward:<code>" for current units, "former:<unit>:<tone_key>:<province>" else
    spans: list[Span] = field(default_factory=list)


@dataclass
class NamedFound:
    """A site or an organisation."""

    name: str
    key: str  # text.tone_key(name)
    # sites: "relic", "craft_village", "project", "service_centre", "factory", "other"
    kind: str = ""
    spans: list[Span] = field(default_factory=list)


@dataclass
class TopicFound:
    id: str  # the taxonomy id in resources/topics.toml, e.g. "digital_transformation"
    label_vi: str
    label_en: str
    spans: list[Span] = field(default_factory=list)  # the phrases that justify it


@dataclass
class Statement:
    kind: MentionKind  # DIRECTIVE, DIFFICULTY or CAPTION
    start: int
    end: int
    text: str


@dataclass
class VisitFound:
    """The visit an article reports. Dates are None when the text gives none."""

    date: dt.date | None
    time_of_day: str  # "sáng", "trưa", "chiều", "tối" or ""
    date_inferred: bool  # True when the year (or the whole date) was guessed
    date_source: str  # how the year was found: "publication", "text", "file", "guess", ""
    headline: str
    lead: OfficialFound | None
    officials: list[OfficialFound] = field(default_factory=list)  # lead included
    places: list[PlaceFound] = field(default_factory=list)
    sites: list[NamedFound] = field(default_factory=list)
    organisations: list[NamedFound] = field(default_factory=list)
    topics: list[TopicFound] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)


@dataclass
class Extraction:
    """Everything found in one article. `visit` is None when no visit is reported."""

    visit: VisitFound | None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Document:
    """An article as a reader hands it to the importer (already NFC-normalised)."""

    title: str
    body: str
    published: dt.date | None  # publication date from the header line or page metadata
    source_format: str  # "txt", "html", "docx"
    encoding: str  # what the bytes were decoded from, e.g. "utf-8", "utf-16", "cp1258"
    original: str | None = None  # the decoded text before normalisation, when it differed

    @property
    def text(self) -> str:
        """The stored article text that every offset points into."""
        return f"{self.title}\n\n{self.body}" if self.title else self.body
