"""The SQLite archive: schema, storing, filtering, facets and full-text search."""

from viewer.core.archive.archive import Archive, ArchiveError
from viewer.core.archive.records import (
    ArchiveStats,
    ArticleHit,
    CommuneInVisit,
    FacetValue,
    OfficialInVisit,
    VisitDetail,
    VisitFilter,
    VisitRow,
)

__all__ = [
    "Archive",
    "ArchiveError",
    "ArchiveStats",
    "ArticleHit",
    "CommuneInVisit",
    "FacetValue",
    "OfficialInVisit",
    "VisitDetail",
    "VisitFilter",
    "VisitRow",
]
