"""The timeline's model: ordered visit ids plus month header rows, rows fetched page by page.

Like Anki's browser table, the model holds only the ids a query returned; `data()` fetches
the page of rows it needs (`Archive.visit_rows`) and keeps the last few pages. Month
headers are computed once per query from the per-month counts, so mapping a row to a
header or a visit is a bisect, never a scan, and rowCount() is instant at 100,000 visits.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from viewer.core.archive import VisitRow
from viewer.qt.queries import PAGE_SIZE
from viewer.qt.strings import number, tr

VisitRowRole = Qt.ItemDataRole.UserRole + 1  # VisitRow, or None while not loaded
HeaderRole = Qt.ItemDataRole.UserRole + 2  # MonthSection for header rows, else None
VisitIdRole = Qt.ItemDataRole.UserRole + 3  # int for visit rows, else None

MAX_PAGES = 200  # of PAGE_SIZE rows: 10,000 rows cached, a few MB at most

Index = QModelIndex | QPersistentModelIndex
RowFetcher = Callable[[Iterable[int]], dict[int, VisitRow]]


@dataclass(frozen=True)
class MonthSection:
    """A month's header row in the timeline (or the undated visits'), with its count."""

    month: str | None  # "YYYY-MM"; None for visits without a date (listed last)
    count: int

    @property
    def label(self) -> str:
        if self.month is None:
            return tr("timeline.undated_header", count=number(self.count))
        year, month = self.month.split("-")
        return tr("timeline.month_header", month=int(month), year=year,
                  count=number(self.count))


class TimelineModel(QAbstractTableModel):
    def __init__(self, fetch_rows: RowFetcher, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self._ids: list[int] = []
        self._sections: list[MonthSection] = []
        self._header_rows: list[int] = []  # row of each section's header
        self._first_visit: list[int] = []  # index into _ids of each section's first visit
        self._pages: OrderedDict[int, dict[int, VisitRow]] = OrderedDict()
        self.pages_fetched = 0  # for tests and benchmarks

    # -- filling -------------------------------------------------------------------------
    def set_results(self, ids: list[int], month_counts: list[tuple[str, int]],
                    first_rows: dict[int, VisitRow] | None = None) -> None:
        """New query results: `ids` newest first, `month_counts` oldest first (same filter);
        `first_rows`, when given, are the rows of the first page, read with them."""
        self.beginResetModel()
        self._ids = list(ids)
        self._pages.clear()
        if first_rows is not None:
            self._pages[0] = first_rows
        self._sections = []
        dated = sum(count for _, count in month_counts)
        if dated <= len(self._ids):
            self._sections = [MonthSection(m, c) for m, c in reversed(month_counts) if c]
            if len(self._ids) > dated:
                self._sections.append(MonthSection(None, len(self._ids) - dated))
        # else: counts from another snapshot than the ids; show the list without headers.
        self._header_rows, self._first_visit = [], []
        row = visit = 0
        for section in self._sections:
            self._header_rows.append(row)
            self._first_visit.append(visit)
            row += section.count + 1
            visit += section.count
        self.endResetModel()

    def forget_rows(self) -> None:
        """Drop cached rows (after an import changed them) and let the view repaint."""
        self._pages.clear()
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    # -- geometry ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids) + len(self._sections)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    @property
    def visit_count(self) -> int:
        return len(self._ids)

    @property
    def ids(self) -> list[int]:
        return self._ids

    @property
    def header_rows(self) -> list[int]:
        return self._header_rows

    def _locate(self, row: int) -> tuple[MonthSection | None, int | None]:
        """(section, None) for a header row, (None, index into ids) for a visit row."""
        if not self._sections:
            return None, row
        s = bisect.bisect_right(self._header_rows, row) - 1
        offset = row - self._header_rows[s]
        if offset == 0:
            return self._sections[s], None
        return None, self._first_visit[s] + offset - 1

    def visit_id_at(self, row: int) -> int | None:
        if not 0 <= row < self.rowCount():
            return None
        _, position = self._locate(row)
        return None if position is None else self._ids[position]

    def section_at(self, row: int) -> MonthSection | None:
        if not 0 <= row < self.rowCount():
            return None
        return self._locate(row)[0]

    def row_of_position(self, position: int) -> int:
        """Row of the visit at `position` in the id list."""
        if not self._sections:
            return position
        s = bisect.bisect_right(self._first_visit, position) - 1
        return self._header_rows[s] + 1 + position - self._first_visit[s]

    def row_of_visit(self, visit_id: int) -> int | None:
        try:
            return self.row_of_position(self._ids.index(visit_id))
        except ValueError:
            return None

    def row_of_month(self, month: str) -> int | None:
        """Header row of "YYYY-MM", or of the nearest older month shown."""
        for section, row in zip(self._sections, self._header_rows, strict=True):
            if section.month is not None and section.month <= month:
                return row
        return self._header_rows[-1] if self._header_rows else None

    def neighbour_visit_row(self, row: int, step: int) -> int | None:
        """The next (step=1) or previous (-1) visit row from `row`, skipping headers."""
        row += step
        while 0 <= row < self.rowCount():
            if self.visit_id_at(row) is not None:
                return row
            row += step
        return None

    # -- data ----------------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        if self.visit_id_at(index.row()) is None:
            return Qt.ItemFlag.NoItemFlags  # headers: not selectable, skipped by the keyboard
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        section, position = self._locate(index.row())
        if section is not None:
            if role == HeaderRole:
                return section
            if role == Qt.ItemDataRole.DisplayRole:
                return section.label
            return None
        assert position is not None
        visit_id = self._ids[position]
        if role == VisitIdRole:
            return visit_id
        if role == VisitRowRole:
            return self._row(position)
        if role == Qt.ItemDataRole.DisplayRole:
            row = self._row(position)
            return row.headline if row else tr("timeline.loading")
        return None

    def _row(self, position: int) -> VisitRow | None:
        page = position // PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None:
            page_ids = self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
            rows = self._fetch_rows(page_ids)
            self.pages_fetched += 1
            self._pages[page] = rows
            if len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        # None when the visit vanished since the query (deleted by another window).
        return rows.get(self._ids[position])
