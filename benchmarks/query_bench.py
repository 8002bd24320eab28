"""Query latency at 100,000 visits: facets, free text, facet counts, month counts."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable

from benchmarks.report import Figure, p50, percentile
from viewer.core.archive import Archive, VisitFilter

TARGET_P95_MS = 30.0
CALIBRE = "Calibre-Web FTS, 129k books: 85-330 ms"
CASE_NAMES = (
    "timeline, no filter",
    "official, popular",
    "official, rare",
    "commune, popular",
    "commune, rare",
    "topic, popular",
    "topic, rare",
    "three facets together",
    'text "thieu hoa"',
    'text "chuyen doi so"',
    'text "Thiệu Hóa"',
    'text "chuyển đổi số"',
    "text + topic",
    "facet counts, no filter",
    "facet counts, official+topic",
    "facet counts, text",
    "month counts, no filter",
    "month counts, official+topic",
    "timeline page, 100 rows",
    "search box, 50 articles",
)


def _pick(archive: Archive, sql: str) -> tuple[object, object]:
    """(most used, a rarely used) value of a facet: the top one and one used 2-5 times."""
    rows = archive.conn.execute(sql).fetchall()
    popular = rows[0][0]
    rare = next((r[0] for r in reversed(rows) if r[1] >= 2), rows[-1][0])
    return popular, rare


def cases(archive: Archive) -> dict[str, Callable[[], object]]:
    """Every question the window asks while a user filters, by name."""
    off = _pick(
        archive,
        "SELECT official_id, count(*) n FROM visit_officials GROUP BY official_id ORDER BY n DESC",
    )
    com = _pick(
        archive,
        "SELECT commune_id, count(*) n FROM visit_communes WHERE visited "
        "GROUP BY commune_id ORDER BY n DESC",
    )
    top = _pick(
        archive, "SELECT topic_id, count(*) n FROM visit_topics GROUP BY topic_id ORDER BY n DESC"
    )
    F = VisitFilter
    three = F(
        officials=frozenset({off[0]}), communes=frozenset({com[0]}), topics=frozenset({top[0]})
    )
    filtered = F(officials=frozenset({off[0]}), topics=frozenset({top[0]}))
    ids = archive.visit_ids
    page = ids(F())[:100]

    def facets(filter_: VisitFilter) -> Callable[[], object]:
        return lambda: [
            archive.facet(filter_, name) for name in ("officials", "communes", "topics")
        ]

    calls = [
        ("timeline, no filter", lambda: ids(F())),
        ("official, popular", lambda: ids(F(officials=frozenset({off[0]})))),
        ("official, rare", lambda: ids(F(officials=frozenset({off[1]})))),
        ("commune, popular", lambda: ids(F(communes=frozenset({com[0]})))),
        ("commune, rare", lambda: ids(F(communes=frozenset({com[1]})))),
        ("topic, popular", lambda: ids(F(topics=frozenset({top[0]})))),
        ("topic, rare", lambda: ids(F(topics=frozenset({top[1]})))),
        ("three facets together", lambda: ids(three)),
        ('text "thieu hoa"', lambda: ids(F(text="thieu hoa"))),
        ('text "chuyen doi so"', lambda: ids(F(text="chuyen doi so"))),
        ('text "Thiệu Hóa"', lambda: ids(F(text="Thiệu Hóa"))),
        ('text "chuyển đổi số"', lambda: ids(F(text="chuyển đổi số"))),
        ("text + topic", lambda: ids(F(text="chuyen doi so", topics=frozenset({top[1]})))),
        ("facet counts, no filter", facets(F())),
        ("facet counts, official+topic", facets(filtered)),
        ("facet counts, text", facets(F(text="thieu hoa"))),
        ("month counts, no filter", lambda: archive.month_counts(F())),
        ("month counts, official+topic", lambda: archive.month_counts(filtered)),
        ("timeline page, 100 rows", lambda: archive.visit_rows(page)),
        ("search box, 50 articles", lambda: archive.search_articles("chuyen doi so")),
    ]
    return dict(zip(CASE_NAMES, (c for _, c in calls), strict=True))


def time_call(call: Callable[[], object], runs: int) -> list[float]:
    """Milliseconds of `runs` calls, after one warm-up call."""
    call()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def time_index_build(archive: Archive, runs: int = 3) -> Figure:
    """Building the in-memory visit index: once after launch, again after each import."""
    samples = time_call(archive.load_index, runs)
    return Figure(
        "query",
        "visit index build",
        statistics.median(samples),
        "ms median",
        "once on the worker thread after the first paint, and after each change "
        "(the SQL path answers before it exists)",
    )


def first_answer(archive: Archive, name: str, call: Callable[[], object]) -> Callable[[], object]:
    """Each run asks anew what the index would remember from the run before:
    - searches forget earlier answers first: a user's new text is a new search;
    - facet counts forget the last lists, which the index keeps for a repeated scope
      (ticking communes one after another). Under a text they keep the search's answer:
      the window asks for them after the timeline searched it (`viewer/qt/queries.py`).
    The unfiltered lists stay: they are counted once per index, at its first use."""
    if name.startswith(("text", "search")):
        forget = archive.forget_text_searches
    elif name.startswith("facet counts"):
        forget = archive.forget_facet_lists
    else:
        return call

    def anew() -> object:
        forget()
        return call()

    return anew


def run(archive_path, runs: int = 30) -> list[Figure]:  # type: ignore[no-untyped-def]
    with Archive(archive_path, read_only=True) as archive:
        figures = [time_index_build(archive)]
        # As the window does once its first index is in (viewer/qt/app.py): the index's
        # objects and the modules stay out of the collector's full passes, which would
        # otherwise land, 6-25 ms each, in whichever question's allocations set one off.
        gc.freeze()
        try:
            figures += time_questions(archive, runs)
        finally:
            gc.unfreeze()  # the other benchmark groups run in this process
    return figures


def time_questions(archive: Archive, runs: int) -> list[Figure]:
    visits = archive.stats().visits
    figures = []
    for name, call in cases(archive).items():
        samples = time_call(first_answer(archive, name, call), runs)
        high = percentile(samples, 0.95)
        figures.append(
            Figure(
                "query",
                name,
                high,
                "ms p95",
                f"target p95 <= {TARGET_P95_MS:.0f} ms at {visits:,} visits; {CALIBRE}",
                high <= TARGET_P95_MS,
                f"(p50 {p50(samples):.1f})",
            )
        )
    return figures
