"""Lays print HTML out on A4 pages and paints them, with a header line and "Trang 2/5" footer.

Works on any paged device (QPdfWriter, QPrinter): the text is laid out at the device's own
resolution, so what the preview shows is what the PDF gets. Pages are painted one by one
(QTextDocument.drawContents, clipped and translated per page) rather than with
QTextDocument.print, to draw our own header and footer and to decide page breaks:
a visit summary starts on a new page when it would not fit on the rest of the current one,
and a section heading never ends a page.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

SUMMARY_HEADING = 2  # <h2>: where a visit summary starts (see viewer.core.summary_html)
SECTION_HEADING = 3  # <h3>: "Chỉ đạo", "Khó khăn, vướng mắc": keep with what follows


@dataclass(frozen=True)
class PageStyle:
    """Page geometry in millimetres and the running header and footer texts."""

    family: str
    header_left: str
    header_right: str
    footer_format: str = "Trang {page}/{pages}"
    margin_left: float = 18
    margin_right: float = 18
    margin_top: float = 20  # the header sits inside this
    margin_bottom: float = 18  # the footer sits inside this
    running_pt: float = 8  # header and footer text size


def a4_layout() -> QPageLayout:
    # Margins are ours (PageStyle), so the device draws from the paper's corner.
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF()
    )


class PagedDocument:
    """HTML laid out on the pages of one device; `paint` draws them all."""

    def __init__(self, html: str, device: QPagedPaintDevice, style: PageStyle,
                 *, keep_summaries: bool = True) -> None:
        self.style = style
        self.page = QSizeF(device.width(), device.height())  # device pixels
        self.mm = device.logicalDpiY() / 25.4
        self.doc = QTextDocument()
        self.doc.documentLayout().setPaintDevice(device)
        self.doc.setDefaultFont(QFont(style.family, 10))
        self.doc.setHtml(html)
        # The document is laid out on the content area only (pages of `body` size, no
        # document margin); paint() moves each page into place. Frame margins would be
        # scaled by the layout from screen to printer pixels, page sizes are not: mixing
        # the two is how margins come out three times too wide.
        self.doc.setDocumentMargin(0)
        self.body = QRectF(
            style.margin_left * self.mm, style.margin_top * self.mm,
            self.page.width() - (style.margin_left + style.margin_right) * self.mm,
            self.page.height() - (style.margin_top + style.margin_bottom) * self.mm,
        )
        heights = self._summary_heights() if keep_summaries else {}
        self.doc.setPageSize(self.body.size())  # from here on the layout is paginated
        self._place_breaks(heights)

    @property
    def page_count(self) -> int:
        return self.doc.pageCount()

    # -- page breaks -----------------------------------------------------------------------
    def _headings(self, level: int) -> list[QTextBlock]:
        found = []
        block = self.doc.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == level:
                found.append(block)
            block = block.next()
        return found

    def _top(self, block: QTextBlock) -> float:
        return self.doc.documentLayout().blockBoundingRect(block).top()

    def _summary_heights(self) -> dict[int, float]:
        """Each summary's height, laid out on one endless page (no pagination gaps)."""
        self.doc.setPageSize(QSizeF(self.body.width(), 1e9))
        starts = self._headings(SUMMARY_HEADING)
        tops = [self._top(b) for b in starts]
        end = self.doc.documentLayout().documentSize().height()
        return {
            b.position(): (tops[i + 1] if i + 1 < len(tops) else end) - tops[i]
            for i, b in enumerate(starts)
        }

    def _page_span(self, y: float) -> tuple[float, float]:
        """Top and bottom, in document coordinates, of the page that holds `y`."""
        height = self.body.height()
        top = (y // height) * height
        return top, top + height

    def _break_before(self, block: QTextBlock) -> None:
        fmt = block.blockFormat()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        QTextCursor(block).setBlockFormat(fmt)
        # Qt relays out only part of the document after a format change (the rest waits for
        # an idle timer that a command line never runs): without this, text after the break
        # is silently missing from the pages.
        start = block.position()
        self.doc.markContentsDirty(start, self.doc.characterCount() - start)

    def _place_breaks(self, heights: dict[int, float]) -> None:
        # Top to bottom, since a break moves everything after it; the layout is redone lazily.
        content_height = self.body.height()
        slack = 2 * self.mm  # a block placed at the page top starts a little below the margin
        levels = (SUMMARY_HEADING, SECTION_HEADING)
        block = self.doc.begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level in levels:
                rect = self.doc.documentLayout().blockBoundingRect(block)
                top, bottom = self._page_span(rect.top())
                if rect.top() > top + slack:  # not already first on its page
                    if level == SUMMARY_HEADING:
                        need = heights.get(block.position(), 0.0)
                        room = bottom - rect.top()
                        # A summary longer than a page may start low, but not in the last third.
                        if need > room and (need <= content_height or room < content_height / 3):
                            self._break_before(block)
                    elif self._first_line_bottom(block.next()) > bottom:
                        self._break_before(block)
            block = block.next()

    def _first_line_bottom(self, block: QTextBlock) -> float:
        """Where the first line of `block` ends, in document coordinates (0 if none)."""
        if not block.isValid():
            return 0.0
        # Asking for the block's rectangle lays it out; a line pushed to the next page by
        # pagination has its position moved, so this also tells which page it landed on.
        top = self.doc.documentLayout().blockBoundingRect(block).top()
        layout = block.layout()
        if layout is None or layout.lineCount() == 0:
            return top
        line = layout.lineAt(0)
        return top + line.y() + line.height()

    # -- painting --------------------------------------------------------------------------
    def paint(self, painter: QPainter, device: QPagedPaintDevice) -> int:
        """Paint every page on `device` (already opened by `painter`); return the count."""
        pages = self.page_count
        height = self.body.height()
        for index in range(pages):
            if index:
                device.newPage()
            painter.save()
            painter.translate(self.body.left(), self.body.top() - index * height)
            self.doc.drawContents(painter, QRectF(0, index * height, self.body.width(), height))
            painter.restore()
            self._running_texts(painter, index + 1, pages)
        return pages

    def _running_texts(self, painter: QPainter, page: int, pages: int) -> None:
        s, mm = self.style, self.mm
        painter.save()
        font = QFont(s.family)
        font.setPointSizeF(s.running_pt)
        painter.setFont(font)
        grey = QColor("#6b7380")
        painter.setPen(grey)
        left, right = s.margin_left * mm, self.page.width() - s.margin_right * mm
        width = right - left
        line_h = painter.fontMetrics().height()
        header_base = s.margin_top * mm - 5 * mm  # text bottom 5 mm above the content
        header = QRectF(left, header_base - line_h, width, line_h)
        painter.drawText(header, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                         s.header_left)
        painter.drawText(header, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                         s.header_right)
        painter.setPen(QPen(grey, max(1.0, 0.2 * mm)))
        rule_y = header_base + 1.2 * mm
        painter.drawLine(QPointF(left, rule_y), QPointF(right, rule_y))
        painter.setPen(grey)
        footer_top = self.page.height() - s.margin_bottom * mm + 7 * mm
        footer = QRectF(left, footer_top, width, line_h)
        painter.drawText(footer, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                         s.footer_format.format(page=page, pages=pages))
        painter.restore()
