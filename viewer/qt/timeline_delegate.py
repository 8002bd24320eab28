"""Painting one timeline row: a month header, or a visit with its date, lead, communes, topics.

Drawn with QPainter rather than a widget per row, so 100,000 rows cost nothing until they
scroll into view. Row heights are fixed (see `TimelineView`), so nothing here is measured
for rows that are not painted.
"""

from __future__ import annotations

import zlib

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem, QToolTip

from viewer.core.archive import VisitRow
from viewer.qt.strings import STRINGS, tr
from viewer.qt.timeline_model import HeaderRole, MonthSection, VisitRowRole

PADDING = 8
CHIP_GAP = 4

Index = QModelIndex | QPersistentModelIndex


def visit_row_height(font: QFont) -> int:
    return 3 * QFontMetrics(font).lineSpacing() + 2 * PADDING + 4


def header_row_height(font: QFont) -> int:
    return QFontMetrics(font).lineSpacing() + 2 * PADDING


def date_text(row: VisitRow) -> str:
    """"Chiều 22/12/2025", "12/12/2025 (năm suy đoán)" or "Không rõ ngày"."""
    if row.date is None:
        return tr("timeline.no_date")
    text = row.date.strftime("%d/%m/%Y")
    return f"{time_of_day_label(row.time_of_day)} {text}".strip()


def time_of_day_label(time_of_day: str) -> str:
    """"Chiều" for "chiều"; an unexpected value is shown as stored."""
    key = f"time.{time_of_day}"
    return tr(key) if key in STRINGS else time_of_day.capitalize()


def _draw(painter: QPainter, area: QRect, text: str, font: QFont, colour: QColor) -> int:
    """Draw `text` elided to `area`; returns the x where the drawn text ends."""
    if area.width() <= 8:
        return area.right()
    metrics = QFontMetrics(font)
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, area.width())
    painter.setFont(font)
    painter.setPen(colour)
    painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
    return area.left() + metrics.horizontalAdvance(shown)


def topic_colour(topic_id: str) -> QColor:
    """A stable pale colour per topic, so a topic looks the same on every row."""
    hue = zlib.crc32(topic_id.encode()) % 360
    return QColor.fromHsl(hue, 140, 225)


class TimelineDelegate(QStyledItemDelegate):
    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        section = index.data(HeaderRole)
        painter.save()
        try:
            if isinstance(section, MonthSection):
                self._paint_header(painter, option, section)
            else:
                # The view's selection, not option.state: reading that creates QStyle's
                # Python type, whose enums cost the window's start 12 ms.
                selected = self._view.selectionModel().isSelected(index)
                self._paint_visit(painter, option, index.data(VisitRowRole), selected)
        finally:
            painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # Only used by views that ask; TimelineView sets fixed heights instead.
        return QSize(400, visit_row_height(option.font))

    def _paint_header(
        self, painter: QPainter, option: QStyleOptionViewItem, section: MonthSection
    ) -> None:
        rect = option.rect
        painter.fillRect(rect, option.palette.color(QPalette.ColorRole.AlternateBase))
        painter.setPen(option.palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        # Header rows are not enabled (so the keyboard skips them): use the active colours.
        painter.setPen(option.palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text))
        painter.drawText(rect.adjusted(PADDING, 0, -PADDING, 0),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, section.label)

    def _paint_visit(
        self, painter: QPainter, option: QStyleOptionViewItem, row: VisitRow | None,
        selected: bool,
    ) -> None:
        rect = option.rect
        palette = option.palette
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = QColor(colour)
        muted.setAlpha(170)
        painter.setPen(palette.color(QPalette.ColorRole.Midlight))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        inner = rect.adjusted(PADDING + 6, PADDING, -PADDING, -PADDING)
        line = QFontMetrics(option.font).lineSpacing()
        plain, bold, italic = QFont(option.font), QFont(option.font), QFont(option.font)
        bold.setBold(True)
        italic.setItalic(True)
        if row is None:
            _draw(painter, QRect(inner.topLeft(), QSize(inner.width(), line)),
                  tr("timeline.loading"), italic, muted)
            return
        # Line 1: date (and the inferred-year mark), lead official, their title.
        first = QRect(inner.left(), inner.top(), inner.width(), line)
        first.setLeft(_draw(painter, first, date_text(row), bold, colour) + 8)
        if row.date_inferred and row.date is not None:
            first.setLeft(_draw(painter, first, f"({tr('timeline.inferred')})", italic, muted) + 10)
        first.setLeft(_draw(painter, first, row.lead_name or tr("timeline.no_lead"), bold,
                            colour) + 6)
        if row.lead_titles:
            _draw(painter, first, "— " + ", ".join(row.lead_titles), plain, muted)
        # Line 2: communes (the headline when no commune was recognised).
        second = QRect(inner.left(), inner.top() + line + 2, inner.width(), line)
        _draw(painter, second, ", ".join(row.communes) or row.headline, plain, colour)
        # Line 3: topic chips, as many as fit.
        third = QRect(inner.left(), second.top() + line + 2, inner.width(), line)
        self._paint_chips(painter, option, row, third)

    def _paint_chips(
        self, painter: QPainter, option: QStyleOptionViewItem, row: VisitRow, area: QRect
    ) -> None:
        font = QFont(option.font)
        font.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.88))
        metrics = QFontMetrics(font)
        painter.setFont(font)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = area.left()
        more_width = metrics.horizontalAdvance("+99") + 4
        for number, topic in enumerate(row.topics):
            width = metrics.horizontalAdvance(topic.label_vi) + 12
            room = area.right() - (0 if number == len(row.topics) - 1 else more_width)
            if x + width > room:
                rest = f"+{len(row.topics) - row.topics.index(topic)}"
                painter.setPen(option.palette.color(QPalette.ColorRole.Text))
                painter.drawText(QRect(x, area.top(), area.right() - x, area.height()),
                                 Qt.AlignmentFlag.AlignVCenter, rest)
                break
            chip = QRect(x, area.top(), width, area.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(topic_colour(topic.id))
            painter.drawRoundedRect(chip, 7, 7)
            painter.setPen(QColor("#222"))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, topic.label_vi)
            x += width + CHIP_GAP

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        row = index.data(VisitRowRole)
        if isinstance(row, VisitRow):
            lines = [row.headline]
            if row.date_inferred and row.date is not None:
                lines.append(tr("timeline.inferred_tip"))
            QToolTip.showText(event.globalPos(), "\n".join(lines), view)
            return True
        return super().helpEvent(event, view, option, index)
