"""Facet lists (officials, communes by province, topics) with counts and checkboxes.

Counts come from `Archive.facet`, which leaves out the facet's own selection, so they
follow the other filters. A facet list is at most a few thousand values, so narrowing it
with the search box is a QSortFilterProxyModel over the shown values, tones optional.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from viewer.core.archive import FacetValue
from viewer.core.text import fold
from viewer.qt.strings import tr

ValueRole = Qt.ItemDataRole.UserRole + 1
FoldedRole = Qt.ItemDataRole.UserRole + 2
SEARCH_FROM = 8  # values; shorter lists need no search box


class _FoldedFilter(QSortFilterProxyModel):
    """Keeps rows whose label contains the typed words, with or without tones."""

    def __init__(self) -> None:
        super().__init__()
        self.wanted = ""
        self.setRecursiveFilteringEnabled(True)  # a province stays when one commune matches

    def set_wanted(self, text: str) -> None:
        self.wanted = " ".join(fold(text).split())
        self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.wanted:
            return True
        index = self.sourceModel().index(row, 0, parent)
        return self.wanted in (index.data(FoldedRole) or "")


class FacetList(QWidget):
    toggled = Signal(str, object)  # facet, value

    def __init__(self, facet: str, *, grouped: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.facet = facet
        self.grouped = grouped
        self.labels: dict[object, str] = {}  # every value ever shown: chips need the names
        self.title = QLabel(f"<b>{tr('filter.' + facet)}</b>")
        self.search = QLineEdit(placeholderText=tr("filter.facet_search"), clearButtonEnabled=True)
        self.model = QStandardItemModel(self)
        self.proxy = _FoldedFilter()
        self.proxy.setSourceModel(self.model)
        self.view = QTreeView(headerHidden=True, rootIsDecorated=grouped, uniformRowHeights=True)
        self.view.setModel(self.proxy)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.search.textChanged.connect(self._search)
        self.model.itemChanged.connect(self._item_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        for widget in (self.title, self.search, self.view):
            layout.addWidget(widget)

    def set_values(self, values: list[FacetValue], selected: frozenset) -> None:  # type: ignore[type-arg]
        self.model.blockSignals(True)
        try:
            self.model.clear()
            shown = {v.id for v in values}
            for v in values:
                self.labels[v.id] = v.label
            # A chosen value the other filters exclude stays visible, so it can be unticked.
            missing = [FacetValue(i, self.labels.get(i, str(i)), "", 0)
                       for i in selected if i not in shown]
            groups: dict[str, QStandardItem] = {}
            for v in [*missing, *values]:
                item = self._item(v, v.id in selected)
                if self.grouped:
                    group = v.group or tr("filter.unknown_province")
                    if group not in groups:
                        groups[group] = QStandardItem(group)
                        groups[group].setData(fold(group), FoldedRole)
                        groups[group].setSelectable(False)
                        self.model.appendRow(groups[group])
                    groups[group].appendRow(item)
                else:
                    self.model.appendRow(item)
        finally:
            self.model.blockSignals(False)
        self.model.layoutChanged.emit()
        if self.grouped:
            self.view.expandAll()
        self.search.setVisible(len(values) >= SEARCH_FROM or bool(self.search.text()))

    def _item(self, value: FacetValue, checked: bool) -> QStandardItem:
        item = QStandardItem(f"{value.label}  ({value.count})")
        item.setCheckable(True)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        item.setData(value.id, ValueRole)
        item.setData(fold(value.label), FoldedRole)
        if value.group and not self.grouped:
            item.setToolTip(value.group)
        return item

    def _item_changed(self, item: QStandardItem) -> None:
        value = item.data(ValueRole)
        if value is not None:
            self.toggled.emit(self.facet, value)

    def _search(self, text: str) -> None:
        self.proxy.set_wanted(text)
        if self.grouped:
            self.view.expandAll()

    def value_rows(self) -> list[tuple[object, str, bool]]:
        """(value, text, checked) of every value shown, for tests and accessibility."""
        rows = []
        for r in range(self.model.rowCount()):
            top = self.model.item(r)
            items = [top.child(c) for c in range(top.rowCount())] if self.grouped else [top]
            rows += [(i.data(ValueRole), i.text(), i.checkState() == Qt.CheckState.Checked)
                     for i in items]
        return rows

    def click_value(self, value: object) -> None:
        """Tick or untick `value` as a user's click would."""
        for r in range(self.model.rowCount()):
            top = self.model.item(r)
            items = [top.child(c) for c in range(top.rowCount())] if self.grouped else [top]
            for item in items:
                if item.data(ValueRole) == value:
                    checked = item.checkState() == Qt.CheckState.Checked
                    item.setCheckState(Qt.CheckState.Unchecked if checked
                                       else Qt.CheckState.Checked)
                    return
        raise KeyError(value)
