"""The queries one filter change needs, run on the worker thread in two steps.

Until the archive's `VisitIndex` is loaded (right after the first answer), SQL answers:
at 100,000 visits the ids, month counts and three facets then take hundreds of
milliseconds, too long for the GUI thread, so they run on the `ArchiveExecutor`. The
facet counts cost most, so the timeline is shown first (`run_filter`, one read
transaction so the ids, month headers and first page of rows agree) and the counts
follow (`run_facets`), asked for only once the timeline is shown: run meanwhile, the
worker's Python would hold the GIL while the GUI thread needs it.
With the index both take milliseconds, plus the full-text search when there is text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from viewer.core.archive import Archive, FacetValue, VisitFilter, VisitRow

FACETS = ("officials", "communes", "topics")
# Timeline rows are read a page at a time: the first page with every answer, the others as
# the timeline scrolls (`TimelineModel`). A page is about what a tall window shows: 200 rows
# cost 30 ms a query where 50 cost 5 (IN lists over four tables). Declared here, not in the
# Qt model, so the start-up can ask for the first answer before the window's modules load.
PAGE_SIZE = 50


@dataclass(frozen=True)
class FilterResult:
    """The timeline's answer to one filter, read in one transaction."""

    filter: VisitFilter
    ids: list[int]
    month_counts: list[tuple[str, int]]  # under the whole filter: the timeline's headers
    chart_counts: list[tuple[str, int]]  # without the date range: the chart shows context
    total_visits: int  # in the archive, unfiltered
    first_rows: dict[int, VisitRow]  # the timeline's first page, so painting reads no rows


def run_filter(archive: Archive, filter_: VisitFilter) -> FilterResult:
    conn = archive.conn
    conn.execute("BEGIN")
    try:
        ids, months = archive.timeline(filter_)
        undated_range = replace(filter_, date_from=None, date_to=None)
        chart = months if undated_range == filter_ else archive.month_counts(undated_range)
        total = archive.visit_total()
        first_rows = archive.visit_rows(ids[:PAGE_SIZE])
    finally:
        conn.execute("COMMIT")
    return FilterResult(filter_, ids, months, chart, total, first_rows)


def run_facets(archive: Archive, filter_: VisitFilter) -> dict[str, list[FacetValue]]:
    conn = archive.conn
    conn.execute("BEGIN")
    try:
        return {name: archive.facet(filter_, name) for name in FACETS}
    finally:
        conn.execute("COMMIT")
