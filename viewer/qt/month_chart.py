"""A small bar chart of visits per month, drawn with QPainter (QtCharts is not available).

Click a bar to jump to that month in the timeline; drag across bars (or shift-click) to
narrow the date filter to those months. The selected range is shaded.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from viewer.qt.strings import tr

BAR_COLOUR = QColor("#5b8bd0")
SELECTED_COLOUR = QColor("#1d4fa3")
RANGE_SHADE = QColor(29, 79, 163, 40)
MAX_BAR_STEP = 28.0


def month_range(first: str, last: str) -> list[str]:
    """Every "YYYY-MM" from `first` to `last`, gaps included, so time reads evenly."""
    year, month = map(int, first.split("-"))
    end = tuple(map(int, last.split("-")))
    months = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_bounds(first: str, last: str) -> tuple[dt.date, dt.date]:
    """First day of `first` and last day of `last`."""
    y1, m1 = map(int, first.split("-"))
    y2, m2 = map(int, last.split("-"))
    following = dt.date(y2 + 1, 1, 1) if m2 == 12 else dt.date(y2, m2 + 1, 1)
    return dt.date(y1, m1, 1), following - dt.timedelta(days=1)


class MonthChart(QWidget):
    month_clicked = Signal(str)  # "YYYY-MM"
    range_selected = Signal(object, object)  # first day, last day

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.months: list[str] = []
        self.counts: list[int] = []
        self.selection: tuple[dt.date | None, dt.date | None] = (None, None)
        self._press: int | None = None
        self._drag: int | None = None
        self._anchor: int | None = None  # last clicked bar, for shift-click
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(72)

    def sizeHint(self) -> QSize:
        return QSize(400, 84)

    def set_counts(self, counts: list[tuple[str, int]],
                   selection: tuple[dt.date | None, dt.date | None]) -> None:
        by_month = dict(counts)
        self.months = month_range(counts[0][0], counts[-1][0]) if counts else []
        self.counts = [by_month.get(m, 0) for m in self.months]
        self.selection = selection
        self.update()

    # -- geometry --------------------------------------------------------------------------
    def _plot(self) -> QRectF:
        label_height = QFontMetrics(self.font()).height()
        return QRectF(self.rect()).adjusted(4, 4, -4, -label_height - 2)

    def bar_at(self, x: float) -> int | None:
        if not self.months:
            return None
        plot = self._plot()
        index = int((x - plot.left()) / self._step(plot))
        return index if 0 <= index < len(self.months) else None

    def _step(self, plot: QRectF) -> float:
        # A few months must not make bars half a window wide.
        return min(plot.width() / len(self.months), MAX_BAR_STEP)

    def _selected(self, index: int) -> bool:
        if self._press is not None and self._drag is not None:
            low, high = sorted((self._press, self._drag))
            return low <= index <= high
        start, end = self.selection
        if start is None and end is None:
            return False
        first, last = month_bounds(self.months[index], self.months[index])
        return (start is None or last >= start) and (end is None or first <= end)

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.months:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("chart.empty"))
            return
        plot = self._plot()
        step = self._step(plot)
        top = max(self.counts) or 1
        any_selected = any(self._selected(i) for i in range(len(self.months)))
        for index, count in enumerate(self.counts):
            x = plot.left() + index * step
            if self._selected(index):
                painter.fillRect(QRectF(x, plot.top(), step, plot.height()), RANGE_SHADE)
            height = plot.height() * count / top
            bar = QRectF(x + step * 0.12, plot.bottom() - height, max(step * 0.76, 1.0), height)
            colour = SELECTED_COLOUR if any_selected and self._selected(index) else BAR_COLOUR
            painter.fillRect(bar, colour)
        painter.setPen(self.palette().text().color())
        metrics = QFontMetrics(self.font())
        # Label January of each year (or the first month) so the axis stays readable.
        last_label_end = -1e9
        for index, month in enumerate(self.months):
            if index and not month.endswith("-01"):
                continue
            label = month[:4] if month.endswith("-01") else self._month_label(index)
            x = plot.left() + index * step
            if x < last_label_end + 6 or x + metrics.horizontalAdvance(label) > self.width():
                continue
            painter.drawText(QPointF(x, self.height() - metrics.descent() - 1), label)
            last_label_end = x + metrics.horizontalAdvance(label)

    # -- mouse -----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position().x())
        if index is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and self._anchor is not None:
            self._emit_range(self._anchor, index)
            return
        self._press = self._drag = index

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position().x())
        if index is None:
            return
        if self._press is not None:
            self._drag = index
            self.update()
        QToolTip.showText(event.globalPosition().toPoint(),
                          tr("chart.tip", month=self._month_label(index),
                             count=self.counts[index]), self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        start, end = self._press, self._drag if self._drag is not None else self._press
        self._press = self._drag = None
        if start == end:
            self._anchor = start
            self.month_clicked.emit(self.months[start])
            self.update()
        else:
            self._emit_range(start, end)

    def _emit_range(self, a: int, b: int) -> None:
        low, high = sorted((a, b))
        self._anchor = None
        self.range_selected.emit(*month_bounds(self.months[low], self.months[high]))
        self.update()

    def _month_label(self, index: int) -> str:
        year, month = self.months[index].split("-")
        return f"{int(month)}/{year}"
