"""Lays print HTML out on A4 pages and paints them, with a header line and "Trang 2/5" footer.

Works on any paged device (QPdfWriter, QPrinter): the text is laid out at the device's own
resolution, so what the preview shows is what the PDF gets. The document comes in pieces
(a report's cover, then one piece per visit summary), each laid out once in its own
QTextDocument. Pieces are stacked on pages: one that does not fit the rest of the page
starts a new page, and one longer than a page is paginated by Qt, starting on a fresh
page. Pages are painted one by one (drawContents, clipped and translated) so we draw our
own header and footer. Within a piece, a section heading never ends a page.
"""

from __future__ import annotations

from collections.abc import Sequence
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


@dataclass(frozen=True)
class _Slice:
    """Page `page` of piece `doc`, drawn `y` device pixels below the top of the body area."""

    doc: QTextDocument
    page: int
    y: float


def a4_layout() -> QPageLayout:
    # Margins are ours (PageStyle), so the device draws from the paper's corner.
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF()
    )


class PagedDocument:
    """HTML pieces laid out on the pages of one device; `paint` draws them all."""

    def __init__(self, pieces: Sequence[str], device: QPagedPaintDevice,
                 style: PageStyle) -> None:
        self.style = style
        self.device = device
        self.page = QSizeF(device.width(), device.height())  # device pixels
        self.mm = device.logicalDpiY() / 25.4
        self.body = QRectF(
            style.margin_left * self.mm, style.margin_top * self.mm,
            self.page.width() - (style.margin_left + style.margin_right) * self.mm,
            self.page.height() - (style.margin_top + style.margin_bottom) * self.mm,
        )
        self.docs = [self._laid_out(html) for html in pieces]
        self.pages = self._stack(self.docs)

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def _laid_out(self, html: str) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self.device)
        doc.setDefaultFont(QFont(self.style.family, 10))
        doc.setHtml(html)
        # Laid out on the body area only (no document margin); paint() moves each page into
        # place. Frame margins would be scaled from screen to printer pixels, page sizes are
        # not: mixing the two is how margins come out three times too wide.
        doc.setDocumentMargin(0)
        doc.setPageSize(self.body.size())
        _keep_headings_with_text(doc, self.body.height())
        return doc

    def _stack(self, docs: Sequence[QTextDocument]) -> list[list[_Slice]]:
        height = self.body.height()
        pages: list[list[_Slice]] = [[]]
        used = 0.0  # of the current page's body
        for doc in docs:
            size = doc.documentLayout().documentSize().height()
            count = doc.pageCount()
            if count == 1:
                if used and used + size > height:
                    pages.append([])
                    used = 0.0
                pages[-1].append(_Slice(doc, 0, used))
                used += size
                continue
            if used:  # a piece that needs several pages starts on its own
                pages.append([])
            for index in range(count):
                if index:
                    pages.append([])
                pages[-1].append(_Slice(doc, index, 0.0))
            used = size - (count - 1) * height
        return pages

    # -- painting --------------------------------------------------------------------------
    def paint(self, painter: QPainter) -> int:
        """Paint every page on the device (already opened by `painter`); return the count."""
        height = self.body.height()
        for number, slices in enumerate(self.pages, 1):
            if number > 1:
                self.device.newPage()
            for part in slices:
                painter.save()
                painter.translate(self.body.left(), self.body.top() + part.y - part.page * height)
                part.doc.drawContents(
                    painter, QRectF(0, part.page * height, self.body.width(), height))
                painter.restore()
            self._running_texts(painter, number, self.page_count)
        return self.page_count

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
        header_base = s.margin_top * mm - 5 * mm  # text bottom 5 mm above the body
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


def _keep_headings_with_text(doc: QTextDocument, page_height: float) -> None:
    """Move a section heading to the next page when the first line after it would go there."""
    if doc.pageCount() < 2:
        return
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == SECTION_HEADING:
            top = layout.blockBoundingRect(block).top()
            page_top = (top // page_height) * page_height
            next_line = _first_line_bottom(doc, block.next())
            if top > page_top + 1 and next_line > page_top + page_height:
                fmt = block.blockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(fmt)
                # Qt relays out only part of the document after a format change (the rest
                # waits for an idle timer that a command line never runs): without this,
                # text after the break is silently missing from the pages.
                start = block.position()
                doc.markContentsDirty(start, doc.characterCount() - start)
        block = block.next()


def _first_line_bottom(doc: QTextDocument, block: QTextBlock) -> float:
    """Where the first line of `block` ends, in document coordinates (0 if none)."""
    if not block.isValid():
        return 0.0
    # Asking for the block's rectangle lays it out; a line pushed to the next page by
    # pagination has its position moved, so this also tells which page it landed on.
    top = doc.documentLayout().blockBoundingRect(block).top()
    layout = block.layout()
    if layout is None or layout.lineCount() == 0:
        return top
    line = layout.lineAt(0)
    return top + line.y() + line.height()
