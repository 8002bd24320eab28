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

import json
from collections.abc import Callable
from dataclasses import dataclass, replace

from viewer.core.archive import Archive, FacetValue, VisitFilter, VisitRow
from viewer.core.archive.query import visit_ids_sql, where

FACETS = ("officials", "communes", "topics")
# Timeline rows are read a page at a time: the first page with every answer, the others as
# the timeline scrolls (`TimelineModel`). A page is about what a tall window shows: 200 rows
# cost 30 ms a query where 50 cost 5 (IN lists over four tables). Declared here, not in the
# Qt model, so the start-up can ask for the first answer before the window's modules load.
PAGE_SIZE = 50


@dataclass(frozen=True)
class FilterResult:
    filter: VisitFilter
    ids: list[int]
    month_counts: list[tuple[str, int]]  # under the whole filter: the timeline's headers
    chart_counts: list[tuple[str, int]]  # without the date range: the chart shows context
    total_visits: int  # in the archive, unfiltered
    first_rows: dict[int, VisitRow]  # the timeline's first page, so painting reads no rows


Timeline = tuple[list[int], list[tuple[str, int]]]  # ids newest first, (month, count)s


def run_filter(archive: Archive, filter_: VisitFilter,
               timeline: Callable[[Archive, VisitFilter], Timeline] = Archive.timeline,
               ) -> FilterResult:
    conn = archive.conn
    conn.execute("BEGIN")
    try:
        ids, months = timeline(archive, filter_)
        undated_range = replace(filter_, date_from=None, date_to=None)
        chart = months if undated_range == filter_ else archive.month_counts(undated_range)
        total = archive.visit_total()
        first_rows = archive.visit_rows(ids[:PAGE_SIZE])
    finally:
        conn.execute("COMMIT")
    return FilterResult(filter_, ids, months, chart, total, first_rows)


def timeline_before_the_index(archive: Archive, filter_: VisitFilter) -> Timeline:
    """`Archive.timeline` for the start-up's first answer, which SQL gives (the visit index
    is built after it), in a third of the CPU: the GUI thread imports the window's modules
    meanwhile, and on a busy two-core machine the two share a core. At 100,000 visits:

    - the ids come as one JSON array that SQLite builds without holding the GIL: fetched
      a row at a time they take 70 ms, holding it for 60; as JSON, 18 ms, holding it for 7.
      The ids keep the subquery's order: SQLite does not flatten an ordered subquery into
      an aggregate (and the order is tested).
    - months are counted from the counts per day, which SQLite reads in the date index's
      order: 11 ms, where grouping 100,000 visits by month sorts them (45 ms).

    Text filters keep `Archive.timeline`, which runs the full-text search only once."""
    if filter_.text.strip():
        return archive.timeline(filter_)
    conn = archive.conn
    sql, params = visit_ids_sql(filter_)
    (ids,) = conn.execute(f"SELECT json_group_array(id) FROM ({sql})", params).fetchone()
    clause, params = where(filter_)
    months = conn.execute(
        f"""SELECT substr(day, 1, 7) AS month, sum(visits) FROM (
                SELECT v.visit_date AS day, count(*) AS visits FROM visits v
                WHERE v.visit_date IS NOT NULL AND {clause} GROUP BY v.visit_date)
            GROUP BY month ORDER BY month""",
        params,
    ).fetchall()
    return json.loads(ids), months


def run_facets(archive: Archive, filter_: VisitFilter) -> dict[str, list[FacetValue]]:
    conn = archive.conn
    conn.execute("BEGIN")
    try:
        return {name: archive.facet(filter_, name) for name in FACETS}
    finally:
        conn.execute("COMMIT")
