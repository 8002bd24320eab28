"""The left panel: date range and the three facet lists, emitting the filter the user builds."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QDateEdit, QFormLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from viewer.core.archive import FacetValue, VisitFilter
from viewer.qt.facets import FacetList
from viewer.qt.strings import tr

ANY_DATE = QDate(1900, 1, 1)  # the minimum, shown as "any": QDateEdit has no empty state


class DateEdit(QDateEdit):
    """A date, or "any" (its minimum) for an open end of the range."""

    def __init__(self) -> None:
        super().__init__(calendarPopup=True, displayFormat="dd/MM/yyyy")
        self.setMinimumDate(ANY_DATE)
        self.setSpecialValueText(tr("filter.any"))
        self.set_value(None)

    def value(self) -> dt.date | None:
        date = self.date()
        return None if date == ANY_DATE else dt.date(date.year(), date.month(), date.day())

    def set_value(self, value: dt.date | None) -> None:
        self.blockSignals(True)
        self.setDate(QDate(value.year, value.month, value.day) if value else ANY_DATE)
        self.blockSignals(False)


class FilterPanel(QWidget):
    filter_changed = Signal(object)  # VisitFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = VisitFilter()
        self.date_from = DateEdit()
        self.date_to = DateEdit()
        for edit in (self.date_from, self.date_to):
            edit.editingFinished.connect(self._dates_edited)
        dates = QFormLayout()
        dates.addRow(tr("filter.from"), self.date_from)
        dates.addRow(tr("filter.to"), self.date_to)
        self.facets = {
            "officials": FacetList("officials"),
            "communes": FacetList("communes", grouped=True),
            "topics": FacetList("topics"),
        }
        splitter = QSplitter(Qt.Orientation.Vertical, objectName="facet_splitter")
        for facet in self.facets.values():
            facet.toggled.connect(self._toggled)
            splitter.addWidget(facet)
        self.splitter = splitter
        self._labels: tuple[tuple[int, ...], dict[tuple[str, object], str]] = ((), {})
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(QLabel(f"<b>{tr('filter.dates')}</b>"))
        layout.addLayout(dates)
        layout.addWidget(splitter, 1)

    def labels(self) -> dict[tuple[str, object], str]:
        """(facet, value) -> label of every value shown so far. Rebuilt only when a facet
        showed a value it had not shown before (labels only grow, and a value's label does
        not change): it is asked for twice per filter change, and holds 100,000 entries in
        a big archive."""
        sizes = tuple(len(facet.labels) for facet in self.facets.values())
        if sizes != self._labels[0]:
            self._labels = (sizes, {(name, value): label for name, facet in self.facets.items()
                                    for value, label in facet.labels.items()})
        return self._labels[1]

    def show_filter(self, filter_: VisitFilter) -> None:
        self.filter = filter_
        self.date_from.set_value(filter_.date_from)
        self.date_to.set_value(filter_.date_to)

    def show_facets(self, filter_: VisitFilter, facets: dict[str, list[FacetValue]]) -> None:
        for name, facet in self.facets.items():
            facet.set_values(facets[name], getattr(filter_, name))

    def _toggled(self, facet: str, value: object) -> None:
        self.filter_changed.emit(self.filter.toggled(facet, value))  # type: ignore[arg-type]

    def _dates_edited(self) -> None:
        start, end = self.date_from.value(), self.date_to.value()
        if start and end and start > end:
            start, end = end, start
        if (start, end) != (self.filter.date_from, self.filter.date_to):
            self.filter_changed.emit(replace(self.filter, date_from=start, date_to=end))
