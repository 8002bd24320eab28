"""What a printed visit summary and a filtered-set report say, as plain data (no Qt, no HTML).

`visit_summary` and `filter_report` pick and order the facts; `viewer.core.summary_html`
turns them into print HTML, and `viewer.qt.printing` lays that out on pages.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from viewer.core.archive.records import TopicRef, VisitDetail

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class PersonLine:
    name: str
    titles: tuple[str, ...]  # as the article gave them on this visit


@dataclass(frozen=True)
class CommuneLine:
    label: str  # "xã Biện Thượng", without the former-unit mark: the HTML adds it per language
    province: str
    former: bool  # the unit no longer exists (abolished district, merged commune)


@dataclass(frozen=True)
class SourceLine:
    title: str
    published: dt.date | None
    files: tuple[str, ...]


@dataclass(frozen=True)
class SummaryDocument:
    """One visit, as a reader wants it on paper: who, when, where, what was asked for."""

    visit_id: int
    headline: str
    date: dt.date | None
    time_of_day: str  # "sáng", "chiều", ... or ""
    date_inferred: bool  # the year was guessed: print it marked
    lead: PersonLine | None
    delegation: tuple[PersonLine, ...]
    communes: tuple[CommuneLine, ...]
    sites: tuple[str, ...]
    topics: tuple[TopicRef, ...]
    difficulties: tuple[str, ...]
    directives: tuple[str, ...]
    source: SourceLine
    printed_at: dt.datetime


@dataclass(frozen=True)
class CoverRow:
    """One line of a report's cover table."""

    visit_id: int
    date: dt.date | None
    time_of_day: str
    date_inferred: bool
    lead_name: str
    communes: tuple[str, ...]
    topics: tuple[TopicRef, ...]


@dataclass(frozen=True)
class ReportDocument:
    """The visits a filter matched: a cover table, then each visit's summary."""

    filter_text: str  # the filter in words, as the user set it; "" for the whole archive
    printed_at: dt.datetime
    rows: tuple[CoverRow, ...]
    summaries: tuple[SummaryDocument, ...]


def _clean(text: str) -> str:
    # Statements are cut from paragraphs: stray newlines and double spaces would print as gaps.
    return _SPACES.sub(" ", text).strip()


def _unique(texts: Iterable[str]) -> tuple[str, ...]:
    # Articles repeat a sentence under a photo and in the body; print it once.
    seen: dict[str, None] = {}
    for text in texts:
        cleaned = _clean(text)
        if cleaned:
            seen.setdefault(cleaned, None)
    return tuple(seen)


def visit_summary(visit: VisitDetail, printed_at: dt.datetime) -> SummaryDocument:
    row = visit.row
    lead = visit.lead
    visited = [c for c in visit.communes if c.visited]
    # An article whose communes were found but none marked as visited still names a place.
    communes = visited or list(visit.communes)
    return SummaryDocument(
        visit_id=row.id,
        headline=_clean(row.headline or visit.article_title),
        date=row.date,
        time_of_day=row.time_of_day,
        date_inferred=row.date_inferred,
        lead=PersonLine(lead.name, lead.titles) if lead else None,
        delegation=tuple(
            PersonLine(o.name, o.titles) for o in visit.officials if o.role == "delegation"
        ),
        communes=tuple(
            CommuneLine(f"{c.unit} {c.name}".strip(), c.province, not c.current) for c in communes
        ),
        sites=_unique(s.name for s in visit.sites),
        topics=row.topics,
        difficulties=_unique(s.text for s in visit.statements_of("difficulty")),
        directives=_unique(s.text for s in visit.statements_of("directive")),
        source=SourceLine(_clean(visit.article_title), visit.published, visit.source_files),
        printed_at=printed_at,
    )


def filter_report(
    visits: Sequence[VisitDetail], filter_text: str, printed_at: dt.datetime
) -> ReportDocument:
    """A report of `visits` in the order given (the archive's: newest first)."""
    summaries = tuple(visit_summary(v, printed_at) for v in visits)
    rows = tuple(
        CoverRow(
            visit_id=s.visit_id,
            date=s.date,
            time_of_day=s.time_of_day,
            date_inferred=s.date_inferred,
            lead_name=s.lead.name if s.lead else "",
            communes=tuple(c.label for c in s.communes),
            topics=s.topics,
        )
        for s in summaries
    )
    return ReportDocument(_clean(filter_text), printed_at, rows, summaries)
