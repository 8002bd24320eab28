"""The timeline list: fixed row heights, month headers, and the empty states drawn over it."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from viewer.qt import icons
from viewer.qt.strings import tr
from viewer.qt.timeline_delegate import TimelineDelegate, header_row_height, visit_row_height
from viewer.qt.timeline_model import TimelineModel


class EmptyState(Enum):
    NONE = 0
    EMPTY_ARCHIVE = 1
    NO_MATCH = 2


class _EmptyOverlay(QWidget):
    clear_filters = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, False)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.icon = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title.setFont(font)
        self.hint = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        for label in (self.title, self.hint):
            label.setMinimumWidth(340)  # centred word-wrapped labels otherwise shrink to a column
        self.hint.setEnabled(False)
        self.link = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.link.linkActivated.connect(lambda _href: self.clear_filters.emit())
        for widget in (self.icon, self.title, self.hint, self.link):
            layout.addWidget(widget)

    def show_state(self, state: EmptyState) -> None:
        if state is EmptyState.EMPTY_ARCHIVE:
            self.icon.setPixmap(icons.icon("fa6s.file-import", color="#888").pixmap(56, 56))
            self.title.setText(tr("empty.archive"))
            self.hint.setText(tr("empty.archive_hint"))
            self.link.clear()
        elif state is EmptyState.NO_MATCH:
            icon = icons.icon("fa6s.magnifying-glass", color="#888")
            self.icon.setPixmap(icon.pixmap(40, 40))
            self.title.setText(tr("empty.no_match"))
            self.hint.clear()
            self.link.setText(f'<a href="clear">{tr("empty.clear_link")}</a>')
        self.setVisible(state is not EmptyState.NONE)


class TimelineView(QTableView):
    clear_filters_requested = Signal()
    rows_painted = Signal()  # after each paint of the rows (benchmarks wait for it)

    def __init__(self, model: TimelineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(TimelineDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.horizontalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        vertical = self.verticalHeader()
        vertical.hide()
        # Fixed heights: the view never asks the delegate to measure 100,000 rows.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(visit_row_height(self.font()))
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMouseTracking(True)
        self._header_rows: list[int] = []
        model.modelReset.connect(self._size_headers)
        self._overlay: _EmptyOverlay | None = None

    @property
    def overlay(self) -> _EmptyOverlay:
        """Made when an empty state is first shown: it lies on the viewport, and the first
        `viewport()` call costs 15 ms (PySide6 resolves the Python type of a plain QWidget
        by creating every widget class's type), most archives never show it."""
        if self._overlay is None:
            self._overlay = _EmptyOverlay(self.viewport())
            self._overlay.clear_filters.connect(self.clear_filters_requested)
            self._overlay.hide()
        return self._overlay

    @property
    def timeline(self) -> TimelineModel:
        model = self.model()
        assert isinstance(model, TimelineModel)
        return model

    def _size_headers(self) -> None:
        # The header view keeps custom heights across a model reset: put the rows that
        # were headers back to the visit height before sizing the new headers.
        # With its updates off, the header does not find each resized row's position, which
        # it recomputes over all 100,000 rows after every resize: 8 ms -> 1.5 ms for 80 months.
        header = self.verticalHeader()
        header.setUpdatesEnabled(False)
        try:
            rows = self.timeline.rowCount()
            default = header.defaultSectionSize()
            for row in self._header_rows:
                if row < rows:
                    self.setRowHeight(row, default)
            height = header_row_height(self.font())
            self._header_rows = list(self.timeline.header_rows)
            for row in self._header_rows:
                self.setRowHeight(row, height)
        finally:
            header.setUpdatesEnabled(True)

    def set_empty_state(self, state: EmptyState) -> None:
        if state is EmptyState.NONE and self._overlay is None:
            return
        self.overlay.show_state(state)
        self.overlay.setGeometry(self.viewport().rect())

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().paintEvent(event)  # the viewport's paint: QAbstractScrollArea routes it here
        self.rows_painted.emit()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        if self._overlay is not None:
            self._overlay.setGeometry(self.viewport().rect())

    def scroll_to_row_top(self, row: int) -> None:
        self.scrollTo(self.model().index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
