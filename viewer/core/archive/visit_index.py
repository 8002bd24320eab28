"""The archive's visits held in memory as compressed bitmaps, so filtering and counting
100,000 visits take milliseconds instead of the hundreds SQLite needs.

Every visit gets a *position*: its row in the unfiltered timeline (newest first, undated
last). A facet value (an official, a visited commune, a topic) is the bitmap of the
positions of its visits, so a filter is a few unions and intersections, a date range is a
run of positions, a month is a run of positions, and a facet count is the size of an
intersection. Roaring bitmaps (pyroaring) do all of that in C.

The index is a snapshot read through a connection of its own, so it can be built on any
thread while the archive keeps answering, and `is_current` (SQLite's data_version) tells
whether any other connection committed since; the archive then needs a new one. Full
text stays in SQLite's FTS5 tables; its answers are turned into positions and kept for
the last few texts, so adding a facet to a search does not search again.
"""

from __future__ import annotations

import bisect
import json
import sqlite3
from array import array
from collections import Counter, OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from operator import itemgetter
from typing import TypeVar

from pyroaring import BitMap, FrozenBitMap

from viewer.core.archive import query as q
from viewer.core.archive.records import FacetValue, VisitFilter
from viewer.core.archive.search import SearchQuery, parse_query

T = TypeVar("T")

TEXT_CACHE_SIZE = 16
MANY_VALUES = 2_000  # facets with more values also get a per-visit list (`_count`)

# facet -> its values as the facet lists show them: (id, label, group, name to sort by)
_LABELS = {
    "officials": f"SELECT o.id, o.name, {q.OFFICIAL_LATEST_TITLE}, o.name FROM officials o",
    "communes": f"SELECT c.id, {q.COMMUNE_LABEL}, c.province, c.name FROM communes c",
    "topics": "SELECT t.id, t.label_vi, t.label_en, t.label_vi FROM topics t",
}


@dataclass(frozen=True)
class _Month:
    month: str  # "YYYY-MM"
    start: int  # first position
    end: int  # one past the last


def _data_version(conn: sqlite3.Connection) -> int:
    """Changes whenever another connection committed; the index's own never writes."""
    return conn.execute("PRAGMA data_version").fetchone()[0]


class _Facet:
    """One facet's used values as columns, in the order its list shows them at equal
    counts (communes grouped by province, then by name). Columns rather than an object per
    value: counting maps C methods over lists, and the garbage collector, which walks every
    tuple-like object it tracks, sees a handful of lists instead of 15,000 values."""

    def __init__(self, rows: list[tuple[str, str, int | str, BitMap, str, str]]) -> None:
        """`rows`: (group to order by, name, id, positions, label, group shown), sorted."""
        self.ids = [row[2] for row in rows]
        self.visits = [row[3] for row in rows]
        self.labels = [row[4] for row in rows]
        self.groups = [row[5] for row in rows]
        self.sizes = list(map(len, self.visits))
        self.by_id = dict(zip(self.ids, self.visits, strict=True))
        self.runs = _runs([row[0] for row in rows])  # the list's groups, in list order

    def __len__(self) -> int:
        return len(self.ids)

    def listing(self, counts: list[int]) -> list[FacetValue]:
        """The values with a count, each group by count (stable: equal counts keep the
        name order), as the facet list shows them."""
        order: list[int] = []
        for start, end in self.runs:
            present = filter(counts.__getitem__, range(start, end))
            order += sorted(present, key=counts.__getitem__, reverse=True)  # stays stable
        pick = _picker(order)
        columns = (pick(self.ids), pick(self.labels), pick(self.groups), pick(counts))
        # tuple.__new__ through map builds each FacetValue in C (its own __new__ is Python)
        return list(map(tuple.__new__, repeat(FacetValue), zip(*columns, strict=True)))


def _picker(indices: Sequence[int]) -> Callable[[Sequence[T]], tuple[T, ...]]:
    """A function taking the items at `indices` of a sequence, as a tuple, in C:
    `itemgetter` fetches 40,000 items in half the time `map(seq.__getitem__, ...)` takes.
    (It returns the bare item for a single index, hence the wrapper.)"""
    if len(indices) == 1:
        (index,) = indices
        return lambda items: (items[index],)
    if not indices:
        return lambda items: ()
    return itemgetter(*indices)


def _runs(keys: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of equal keys."""
    runs: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            runs.append((start, i))
            start = i
    return runs


class VisitIndex:
    """Positions, facet bitmaps and labels of every visit; see the module's docstring."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        """Read the archive through `conn`, which the index owns from now on: it keeps
        answering full-text searches and telling whether the file changed."""
        self._conn = conn
        conn.execute("BEGIN")  # one snapshot: positions, links and labels agree
        try:
            self._load()
        finally:
            conn.execute("COMMIT")

    def close(self) -> None:
        self._conn.close()

    def _load(self) -> None:
        conn = self._conn
        self._version = _data_version(conn)
        # Lists for the numbers every search reads (an array makes a new int per item
        # read: 5 ms more per common word); an array for the one read only here, since
        # the garbage collector walks every item of a list on each full pass.
        self._ids: list[int] = []
        dates: list[str | None] = []
        for visit_id, date in conn.execute(
            "SELECT id, visit_date FROM visits ORDER BY visit_date DESC, id DESC"
        ):
            self._ids.append(visit_id)
            dates.append(date)
        self.size = len(self._ids)
        self._everything = BitMap(range(self.size))
        self._dated = sum(1 for d in dates if d is not None)  # the undated ones come last
        self._ascending_dates = dates[: self._dated][::-1]
        self._months = _month_runs(dates[: self._dated])
        self._position = _positions(self._ids)
        self._article_position, self._more_article_positions = self._load_articles()
        self._facets = {facet: self._load_facet(facet) for facet in q.FACET_LINKS}
        # For facets of many values (communes: 15,000 at 100,000 visits), counting a small
        # scope visit by visit beats one intersection per value; see `_count`.
        self._values_at = {
            facet: _values_at_positions(values.visits, self.size)
            for facet, values in self._facets.items()
            if len(values) > MANY_VALUES
        }
        self._texts: OrderedDict[tuple[str, str], BitMap] = OrderedDict()
        self._unfiltered: dict[str, list[FacetValue]] = {}
        self._last_listing: dict[str, tuple[FrozenBitMap, list[FacetValue]]] = {}

    def _load_articles(self) -> tuple[list[int], dict[int, list[int]]]:
        """Article id -> position of its visit (`self.size` for none), and the rare
        articles with more than one visit: what turns full-text hits into visits."""
        rows = self._conn.execute(
            "SELECT article_id, id FROM visits ORDER BY article_id"
        ).fetchall()
        last_article = self._conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()
        position_of = [self.size] * (last_article[0] + 1)
        more: dict[int, list[int]] = {}
        for article_id, visit_id in rows:
            if position_of[article_id] == self.size:
                position_of[article_id] = self._position[visit_id]
            else:
                more.setdefault(article_id, []).append(self._position[visit_id])
        return position_of, more

    def _load_facet(self, facet: str) -> _Facet:
        """Every used value of `facet`, in the order the list shows them at equal counts."""
        link, column, visited_only = q.FACET_LINKS[facet]
        labels = {r[0]: r[1:] for r in self._conn.execute(_LABELS[facet])}
        links = link
        if visited_only:
            # Read in the table's own order (the table is its primary key, so the read
            # needs nothing else) and grouped afterwards: grouped straight from the partial
            # index of visited rows, SQLite looked each row up again for `visited`, which
            # the index lacks: twice as slow (~350 ms at 100,000 visits). LIMIT -1 keeps
            # the subquery from being merged back into the grouping.
            links = (f"(SELECT {column}, visit_id FROM {link} WHERE +visited = 1 "
                     f"ORDER BY visit_id, {column} LIMIT -1)")
        rows = []
        for value, ids in self._conn.execute(
            f"SELECT {column}, group_concat(visit_id) FROM {links} GROUP BY {column}"
        ):
            if value in labels:
                label, group, name = labels[value]
                visits = self._bitmap_of(ids)
                order_group = group if facet == "communes" else ""
                rows.append((order_group, name, value, visits, label, group))
        rows.sort(key=lambda row: row[:2])
        return _Facet(rows)

    def _bitmap_of(self, visit_ids: str) -> BitMap:
        """The positions of comma-separated visit ids. A topic's 40,000 ids go through the
        JSON decoder and `itemgetter` in half the time; a commune's dozen cost less split."""
        if len(visit_ids) > 4096:
            return BitMap(_picker(json.loads(f"[{visit_ids}]"))(self._position))
        return BitMap(map(self._position.__getitem__, map(int, visit_ids.split(","))))

    def forget_texts(self) -> None:
        """Search again next time (the benchmark times a first search this way)."""
        self._texts.clear()
        self._last_listing.clear()

    def forget_listings(self) -> None:
        """Count facet values again next time (the benchmark times a first count)."""
        self._last_listing.clear()

    def is_current(self) -> bool:
        return _data_version(self._conn) == self._version

    # -- filtering -----------------------------------------------------------------------
    def select(self, filter_: VisitFilter) -> BitMap:
        """Positions of the visits `filter_` admits."""
        chosen: list[BitMap] = []
        for facet, values in self._facets.items():
            wanted = getattr(filter_, facet)
            if wanted:
                visits_of = values.by_id
                chosen.append(BitMap.union(BitMap(), *(visits_of.get(v, BitMap()) for v in wanted)))
        if filter_.date_from or filter_.date_to:
            chosen.append(self._date_range(filter_))
        query = parse_query(filter_.text) if filter_.text.strip() else None
        if query is not None and not query.empty:
            chosen.append(self._text(query))
        if not chosen:
            return self._everything
        chosen.sort(key=len)  # intersecting the smallest first keeps every step small
        return BitMap.intersection(*chosen) if len(chosen) > 1 else chosen[0]

    def _date_range(self, filter_: VisitFilter) -> BitMap:
        start, end = 0, self._dated
        if filter_.date_to:  # later visits come first: skip them
            start = self._dated - bisect.bisect_right(
                self._ascending_dates, filter_.date_to.isoformat()
            )
        if filter_.date_from:
            end = self._dated - bisect.bisect_left(
                self._ascending_dates, filter_.date_from.isoformat()
            )
        return BitMap(range(start, end)) if start < end else BitMap()

    def _text(self, query: SearchQuery) -> BitMap:
        """Positions of the visits whose article matches; the last few answers are kept."""
        key = (query.folded, query.exact)
        if key in self._texts:
            self._texts.move_to_end(key)
            return self._texts[key]
        if query.exact_is_enough:
            found = self._matching("search_exact", query.exact)
        else:
            found = self._matching("search_folded", query.folded)
            if query.exact:
                found &= self._matching("search_exact", query.exact)
        found.discard(self.size)  # where articles without a visit went
        self._texts[key] = found
        if len(self._texts) > TEXT_CACHE_SIZE:
            self._texts.popitem(last=False)
        return found

    def _matching(self, table: str, match: str) -> BitMap:
        """Positions of the visits of the articles `table` matches (`self.size` stands
        for articles without a visit)."""
        # One string of article ids from SQLite, parsed by the JSON decoder and mapped
        # into a list before the bitmap takes it: each step runs in C. A row per
        # article, or int() per id, or a bitmap fed one id at a time cost 2-3x as much.
        ids = self._conn.execute(
            f"SELECT group_concat(rowid) FROM {table} WHERE {table} MATCH ?", (match,)
        ).fetchone()[0]
        if not ids:
            return BitMap()
        articles: list[int] = json.loads(f"[{ids}]")
        position_of, more = self._article_position, self._more_article_positions
        if not more and articles[-1] < len(position_of):  # rowids come in ascending order
            return BitMap(_picker(articles)(position_of))
        found = BitMap()
        for article in articles:
            if article < len(position_of):  # else stored since the index was built
                found.add(position_of[article])
                found.update(more.get(article, ()))
        return found

    # -- answers -------------------------------------------------------------------------
    def ids(self, positions: BitMap) -> list[int]:
        """Visit ids at `positions`, newest first."""
        if len(positions) == self.size:
            return list(self._ids)
        return list(_picker(positions.to_array())(self._ids))

    def month_counts(self, positions: BitMap) -> list[tuple[str, int]]:
        """("YYYY-MM", visits) for each month with a visit among `positions`, oldest first."""
        counted = ((m.month, positions.range_cardinality(m.start, m.end)) for m in self._months)
        return [(month, n) for month, n in counted if n]

    def facet(self, facet: str, scope: BitMap) -> list[FacetValue]:
        """Values of `facet` with their number of visits within `scope`, in the order of
        the SQL path: communes by province, then by count; the others by count."""
        values = self._facets[facet]
        if len(scope) == self.size:
            # Asked after every change of filter that leaves everything in scope; 15,000
            # communes take 20 ms to list, so the first listing is kept.
            if facet not in self._unfiltered:
                self._unfiltered[facet] = values.listing(values.sizes)
            return self._unfiltered[facet]
        # A facet's scope leaves out its own selection, so ticking communes one after
        # another under a search asks for the same commune list each time: the last one
        # is kept (comparing two bitmaps takes microseconds, listing communes 10-20 ms).
        last = self._last_listing.get(facet)
        if last is not None and last[0] == scope:
            return last[1]
        listing = values.listing(self._count(facet, values, scope))
        self._last_listing[facet] = (FrozenBitMap(scope), listing)  # a copy: scope may change
        return listing

    def _count(self, facet: str, values: _Facet, scope: BitMap) -> list[int]:
        """Visits within `scope` of each value of `facet`, in `values`' order."""
        if facet in self._values_at and len(scope) * 4 < len(values) * 10:
            # ~0.1 us per link row of the scope against ~1.5 us per value: the scope's
            # visits hold about 2 values each, so this is cheaper below 4 scope visits
            # per 10 values (measured at 100,000 visits)
            counts = [0] * len(values)
            tally = Counter(chain.from_iterable(map(self._values_at[facet].__getitem__, scope)))
            for index, n in tally.items():
                counts[index] = n
            return counts
        return list(map(scope.intersection_cardinality, values.visits))


def _values_at_positions(visits: list[BitMap], size: int) -> list[tuple[int, ...]]:
    """Position -> indices (in `visits`) of the values its visit has."""
    at: list[list[int]] = [[] for _ in range(size)]
    for index, positions in enumerate(visits):
        for position in positions:
            at[position].append(index)
    return [tuple(indices) for indices in at]


def _positions(ids: list[int]) -> array[int]:
    """Visit id -> position, as an array indexed by id (ids are dense rowids)."""
    position = array("q", [0]) * (max(ids, default=0) + 1)
    for p, visit_id in enumerate(ids):
        position[visit_id] = p
    return position


def _month_runs(dates_newest_first: list[str]) -> list[_Month]:
    """The runs of positions sharing a month, oldest month first."""
    runs: list[_Month] = []
    for position, date in enumerate(dates_newest_first):
        if runs and runs[-1].month == date[:7]:
            continue
        if runs:
            runs[-1] = _Month(runs[-1].month, runs[-1].start, position)
        runs.append(_Month(date[:7], position, len(dates_newest_first)))
    return runs[::-1]
