"""A small bar chart of visits per month, drawn with QPainter (QtCharts is not available).

Click a bar to jump to that month in the timeline; drag across bars (or shift-click) to
narrow the date filter to those months. The selected range is shaded.

The keyboard does the same: Tab to the chart, Left/Right/Home/End move a month cursor,
Enter or Space jumps to the month as a click does, Shift+Left/Right narrows to a range as a
drag does, Escape clears the date range.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from viewer.qt.strings import number, tr

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
        self.cursor: int | None = None  # the keyboard's month, drawn when focused
        self._key_anchor: int | None = None  # where a Shift+arrow range started
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(tr("chart.name"))
        self._describe()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(72)

    def sizeHint(self) -> QSize:
        return QSize(400, 84)

    def set_counts(self, counts: list[tuple[str, int]],
                   selection: tuple[dt.date | None, dt.date | None]) -> None:
        by_month = dict(counts)
        # The cursor and the anchors of ranges stay on their months when a text filter
        # changes the span of months.
        kept = (self.cursor, self._key_anchor, self._anchor)
        kept_months = [self.months[i] if i is not None else None for i in kept]
        self.months = month_range(counts[0][0], counts[-1][0]) if counts else []
        self.counts = [by_month.get(m, 0) for m in self.months]
        self.selection = selection
        self.cursor, self._key_anchor, self._anchor = map(self._index_of, kept_months)
        self._describe()
        self.update()

    def _index_of(self, month: str | None) -> int | None:
        return self.months.index(month) if month in self.months else None

    def cursor_month(self) -> str | None:
        """The "YYYY-MM" under the keyboard cursor."""
        return self.months[self.cursor] if self.cursor is not None else None

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
        if self.hasFocus():
            self._paint_focus(painter, plot, step)
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

    def _paint_focus(self, painter: QPainter, plot: QRectF, step: float) -> None:
        """A focus frame round the chart and a frame round the cursor's month."""
        highlight = self.palette().color(QPalette.ColorRole.Highlight)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(highlight, 1, Qt.PenStyle.DotLine))
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        if self.cursor is None:
            return
        # The text colour: it stands out on a pale bar, a dark selected bar and the shade.
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Text), 2))
        x = plot.left() + self.cursor * step
        painter.drawRect(QRectF(x + 1, plot.top() + 1, max(step - 2, 2.0), plot.height() - 1))

    # -- keyboard --------------------------------------------------------------------------
    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.cursor is None and self.months:
            self.cursor = self._initial_cursor()
            self._describe()
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def _initial_cursor(self) -> int:
        """The first month of the date range when one is set, else the newest month."""
        start, _end = self.selection
        for index in range(len(self.months)):
            if start is not None and self._selected(index):
                return index
        return len(self.months) - 1

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        moves = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}
        if not self.months:
            super().keyPressEvent(event)
            return
        if self.cursor is None:
            self.cursor = self._initial_cursor()
        if key in moves or key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            if key == Qt.Key.Key_Home:
                target = 0
            elif key == Qt.Key.Key_End:
                target = len(self.months) - 1
            else:
                target = min(max(self.cursor + moves[key], 0), len(self.months) - 1)
            if shift:
                if self._key_anchor is None:
                    self._key_anchor = self.cursor
                self._move_cursor(target)
                anchor = self._key_anchor
                self._emit_range(anchor, target)
                self._key_anchor = anchor  # _emit_range forgets anchors; this range goes on
            else:
                self._key_anchor = None
                self._move_cursor(target)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self._key_anchor = None
            self._anchor = self.cursor  # as a click: shift-click extends from here
            self.month_clicked.emit(self.months[self.cursor])
            self.update()
        elif key == Qt.Key.Key_Escape and self.selection != (None, None):
            self._key_anchor = self._anchor = None
            self.range_selected.emit(None, None)
        else:
            super().keyPressEvent(event)  # Tab, and Escape for a dialog or the window

    def _move_cursor(self, index: int) -> None:
        self.cursor = index
        self._describe()
        self.update()
        if self.isVisible():
            QToolTip.showText(self.mapToGlobal(self._below_bar(index)), self.toolTip(), self)

    def _below_bar(self, index: int) -> QPoint:
        """Where the cursor's tooltip goes: under the chart, so it hides no bar."""
        plot = self._plot()
        x = plot.left() + (index + 0.5) * self._step(plot)
        return QPoint(int(x), self.height())

    def _describe(self) -> None:
        """Tooltip and accessible description for the cursor's month, with the keys."""
        if self.cursor is None:
            self.setToolTip("")
            self.setAccessibleDescription(tr("chart.keys"))
            return
        month = tr("chart.month", month=self._month_label(self.cursor),
                   count=number(self.counts[self.cursor]))
        self.setToolTip(f"{month}\n{tr('chart.keys')}")
        self.setAccessibleDescription(f"{month}. {tr('chart.keys')}")

    # -- mouse -----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position().x())
        if index is None or event.button() != Qt.MouseButton.LeftButton:
            return
        self._key_anchor = None
        self.cursor = index
        self._describe()
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
                             count=number(self.counts[index])), self)

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
