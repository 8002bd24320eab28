"""Facet lists (officials, communes by province, topics) with counts and checkboxes.

Counts come from `Archive.facet`, which leaves out the facet's own selection, so they
follow the other filters. A facet can be long (14,873 communes in a 100,000-visit archive),
so `FacetModel` is a thin list model over the values, like the timeline's: no item
objects, rows drawn on demand, and only the first rows handed to the view until the user
scrolls further (Qt's fetchMore), because a view lays out every row it is given, calling
back into Python for each. New counts for the same values repaint the rows in place; when
the values themselves change, the list keeps the value at its top, the current row, and
the provinces the user folded. The search box narrows the list in one pass over labels
folded once (tones optional).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from itertools import groupby
from operator import attrgetter

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from viewer.core.archive import FacetValue
from viewer.core.text import fold
from viewer.qt.strings import number, tr

ValueRole = Qt.ItemDataRole.UserRole + 1
GroupRole = Qt.ItemDataRole.UserRole + 2  # a province row: its name
SEARCH_FROM = 8  # values; shorter lists need no search box
PAGE = 400  # rows handed to the view at a time: a few screens, laid out in milliseconds

_id = attrgetter("id")  # the lists are long: iterate them in C where we can
_label = attrgetter("label")
_group = attrgetter("group")
Index = QModelIndex | QPersistentModelIndex
Key = tuple[str, Hashable]  # ("group", name) or ("value", id): what a row shows
_VALUE_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemNeverHasChildren)
_GROUP_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)


class _Group(str):
    """A province row among the communes (a str, so it is told apart from a value by type)."""


class FacetModel(QAbstractListModel):
    """The values of one facet that match the search words, each commune after a row for
    its province when `grouped`; a value is checked when it is selected in the filter."""

    toggled = Signal(object)  # value id, ticked or unticked by the user

    def __init__(self, grouped: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.grouped = grouped
        self.values: list[FacetValue] = []
        self.selected: set[object] = set()
        self.wanted = ""
        self.folded_groups: set[str] = set()  # provinces the user closed
        self.rows: list[FacetValue | _Group] = []
        self.exposed = 0  # rows the view has been given (fetchMore gives more)
        self._shape: list[object] = []  # each row's value id, or (province,)
        self._folded: dict[tuple[str, Hashable], str] = {}  # fold() is slow: once per label
        self._bold = QFont()
        self._bold.setBold(True)

    # -- filling ---------------------------------------------------------------------------
    def set_values(self, values: list[FacetValue], selected: Iterable[object]) -> bool:
        """Show `values` with `selected` ticked; True when the rows changed (not only
        their counts or ticks)."""
        self.values = values
        self.selected = set(selected)
        return self._reshape()

    def set_wanted(self, text: str) -> bool:
        """Keep only values whose label (or province) contains the words, tones optional."""
        self.wanted = " ".join(fold(text).split())
        return self._reshape()

    def toggle_group(self, group: str) -> bool:
        """Fold or unfold a province's communes."""
        self.folded_groups ^= {group}
        return self._reshape()

    def _reshape(self) -> bool:
        rows, shape = self._shown()
        if shape == self._shape:
            # The same rows: only counts and ticks changed; repaint them where they are.
            self.rows = rows
            if self.exposed:
                self.dataChanged.emit(self.index(0), self.index(self.exposed - 1))
            return False
        self.beginResetModel()
        self.rows, self._shape = rows, shape
        # As far down as the user had scrolled, so the list can keep its place.
        self.exposed = min(len(rows), max(PAGE, self.exposed))
        self.endResetModel()
        return True

    def _matching(self, values: list[FacetValue]) -> list[FacetValue]:
        folded = self._folded
        for value in values:
            if ("value", value.id) not in folded:
                folded[("value", value.id)] = fold(value.label)
        wanted = self.wanted
        return [v for v in values if wanted in folded[("value", v.id)]]

    def _shown(self) -> tuple[list[FacetValue | _Group], list[object]]:
        """The rows, and their shape: each row's value id, or (province,)."""
        if not self.grouped:
            rows = self._matching(self.values) if self.wanted else list(self.values)
            return rows, list(map(_id, rows))  # type: ignore[arg-type]
        # The archive sends communes province by province; groupby keeps that in C.
        by_group: dict[str, list[FacetValue]] = {}
        for group, members in groupby(self.values, key=_group):
            by_group.setdefault(group, []).extend(members)
        unknown = tr("filter.unknown_province")
        rows: list[FacetValue | _Group] = []
        shape: list[object] = []
        for group, members in by_group.items():
            name = group or unknown
            if self.wanted:
                folded = self._folded.get(("group", name))
                if folded is None:
                    folded = self._folded[("group", name)] = fold(name)
                if self.wanted not in folded:
                    # A province's name finds all its communes; else those that match.
                    members = self._matching(members)
                    if not members:
                        continue
            rows.append(_Group(name))
            shape.append((name,))
            if self.wanted or name not in self.folded_groups:  # a search opens them all
                rows += members
                shape += map(_id, members)
        return rows, shape

    # -- rows and keys ---------------------------------------------------------------------
    def key(self, index: Index) -> Key | None:
        """What the row at `index` shows, to find it again after the rows changed."""
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        return ("group", str(row)) if isinstance(row, _Group) else ("value", row.id)

    def index_of(self, key: Key | None) -> QModelIndex:
        """The row showing `key`, given to the view first if it was further down."""
        if key is None:
            return QModelIndex()
        kind, what = key
        try:  # a scan in C of the rows' ids (a province is a 1-tuple there), no dict to build
            row = self._shape.index((what,) if kind == "group" else what)
        except ValueError:
            return QModelIndex()
        if row >= self.exposed:
            self._expose(row + PAGE)
        return self.index(row)

    def value_at(self, index: Index) -> FacetValue | None:
        row = self.rows[index.row()] if index.isValid() else None
        return None if row is None or isinstance(row, _Group) else row

    def _expose(self, count: int) -> None:
        count = min(count, len(self.rows))
        if count > self.exposed:
            self.beginInsertRows(QModelIndex(), self.exposed, count - 1)
            self.exposed = count
            self.endInsertRows()

    # -- QAbstractListModel ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.exposed

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self.exposed < len(self.rows)

    def fetchMore(self, parent: Index) -> None:
        if not parent.isValid():
            self._expose(self.exposed + PAGE)

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Called for every row the view lays out: kept to one look-up.
        row = index.row()
        if row < 0:
            return Qt.ItemFlag.NoItemFlags
        return _GROUP_FLAGS if type(self.rows[row]) is _Group else _VALUE_FLAGS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if isinstance(row, _Group):
            if role == Qt.ItemDataRole.DisplayRole:
                folded = row in self.folded_groups and not self.wanted
                return f"{'▸' if folded else '▾'} {row}"
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == GroupRole:
                return str(row)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.label}  ({number(row.count)})"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if row.id in self.selected else Qt.CheckState.Unchecked
        if role == ValueRole:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.group if row.group and not self.grouped else row.label
        return None

    def setData(self, index: Index, state: object,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        value = self.value_at(index)
        if value is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = state in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        if checked == (value.id in self.selected):
            return False
        if checked:
            self.selected.add(value.id)
        else:
            self.selected.discard(value.id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.toggled.emit(value.id)
        return True


class FacetList(QWidget):
    toggled = Signal(str, object)  # facet, value

    def __init__(self, facet: str, *, grouped: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.facet = facet
        self.grouped = grouped
        self.labels: dict[object, str] = {}  # every value ever shown: chips need the names
        self.title = QLabel(f"<b>{tr('filter.' + facet)}</b>")
        self.search = QLineEdit(placeholderText=tr("filter.facet_search"), clearButtonEnabled=True)
        self.model = FacetModel(grouped, self)
        self.view = QTreeView(headerHidden=True, rootIsDecorated=False, uniformRowHeights=True)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.clicked.connect(self._group_clicked)
        self.view.installEventFilter(self)  # Enter or Space on a province folds it too
        self.search.textChanged.connect(
            lambda text: self._keeping_place(lambda: self.model.set_wanted(text)))
        self.model.toggled.connect(lambda value: self.toggled.emit(self.facet, value))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        for widget in (self.title, self.search, self.view):
            layout.addWidget(widget)

    def set_values(self, values: list[FacetValue], selected: frozenset) -> None:  # type: ignore[type-arg]
        self.labels.update(zip(map(_id, values), map(_label, values), strict=True))
        labels = self.labels
        shown = set(map(_id, values)) if selected else set()
        # A chosen value the other filters exclude stays visible, so it can be unticked.
        missing = [FacetValue(i, labels.get(i, str(i)), "", 0)
                   for i in selected if i not in shown]
        self._keeping_place(lambda: self.model.set_values([*missing, *values], selected))
        self.search.setVisible(len(values) >= SEARCH_FROM or bool(self.search.text()))

    def _group_clicked(self, index: QModelIndex) -> bool:
        group = index.data(GroupRole)
        if group is None or self.model.wanted:
            return False
        self._keeping_place(lambda: self.model.toggle_group(group))
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.view and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)):
            return self._group_clicked(self.view.currentIndex())
        return super().eventFilter(watched, event)

    def _keeping_place(self, change: Callable[[], bool]) -> None:
        """Make `change` (True when the rows changed) without the list jumping: the value at
        the top of the list stays at the top and the current row stays current."""
        scrolled = self.view.verticalScrollBar().value() > 0  # at the top it stays there
        top = self.model.key(self.view.indexAt(QPoint(1, 1))) if scrolled else None
        current = self.model.key(self.view.currentIndex())
        if not change():
            return
        current_index = self.model.index_of(current)
        if current_index.isValid():
            self.view.selectionModel().setCurrentIndex(
                current_index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        anchor = self.model.index_of(top)
        if anchor.isValid():
            self.view.scrollTo(anchor, QAbstractItemView.ScrollHint.PositionAtTop)

    def value_rows(self) -> list[tuple[object, str, bool]]:
        """(value, text, checked) of every value shown, for tests and accessibility."""
        return [(row.id, f"{row.label}  ({number(row.count)})", row.id in self.model.selected)
                for row in self.model.rows if not isinstance(row, _Group)]

    def click_value(self, value: object) -> None:
        """Tick or untick `value` as a user's click would."""
        index = self.model.index_of(("value", value))
        if not index.isValid():
            raise KeyError(value)
        checked = value in self.model.selected
        self.model.setData(index, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked,
                           Qt.ItemDataRole.CheckStateRole)
