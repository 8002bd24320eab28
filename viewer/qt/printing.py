"""Printing visit summaries and reports: to a PDF file or through the print preview.

The window's Print… and Export PDF… actions and the `viewer summary` / `viewer report`
commands call these two functions; what the pages say comes from `viewer.core.summary`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication, QPagedPaintDevice, QPainter, QPdfWriter

from viewer import APP_NAME, __version__
from viewer.core.archive.records import VisitDetail
from viewer.core.summary import ReportDocument, SummaryDocument, filter_report, visit_summary
from viewer.core.summary_html import BODY_PT, document_title, html_sections
from viewer.qt.fonts import register_bundled_fonts
from viewer.qt.pdf_layout import PagedDocument, PageStyle, a4_layout

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

PDF_DPI = 300  # layout resolution: fine enough that line breaks match what a printer gets
SUMMARY_SIZES = (BODY_PT, 9.5, 9.0)  # body text sizes tried, in pt, to fit a summary on one page
FOOTERS = {"vi": "Trang {page}/{pages}", "en": "Page {page} of {pages}"}


def _ensure_gui_app() -> QGuiApplication:
    """Fonts and text layout need a QGuiApplication; the command line has none yet."""
    app = QGuiApplication.instance()
    if app is None:
        # Without a display (a server, CI, ssh), Qt would abort; offscreen lays text out fine.
        headless = sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        )
        if headless:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        # A QApplication, not just a QGuiApplication: in a process that later shows widgets
        # (the window, a test session) the first application object decides, for good.
        from PySide6.QtWidgets import QApplication

        app = QApplication([sys.argv[0] if sys.argv else "viewer"])
    return app  # type: ignore[return-value]


def build_document(
    visits: Sequence[VisitDetail], *, report: bool, filter_text: str = "",
    printed_at: dt.datetime | None = None,
) -> SummaryDocument | ReportDocument:
    """What to print: one visit's summary, or a report of all `visits`."""
    at = (printed_at or dt.datetime.now()).replace(microsecond=0)
    if report:
        return filter_report(visits, filter_text, at)
    if len(visits) != 1:
        raise ValueError(f"a summary is of one visit, not {len(visits)}; ask for a report")
    return visit_summary(visits[0], at)


def render(document: SummaryDocument | ReportDocument, device: QPagedPaintDevice,
           *, lang: str = "vi") -> int:
    """Lay `document` out on `device` and paint all its pages; return how many."""
    family = register_bundled_fonts()
    style = PageStyle(
        family=family,
        header_left=APP_NAME,
        header_right=document_title(document, lang),
        footer_format=FOOTERS.get(lang, FOOTERS["vi"]),
    )
    paged = _layout(document, device, style, lang)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot start painting on the output device")
    try:
        return paged.paint(painter)
    finally:
        painter.end()


def _layout(document: SummaryDocument | ReportDocument, device: QPagedPaintDevice,
            style: PageStyle, lang: str) -> PagedDocument:
    def laid_out(body_pt: float) -> PagedDocument:
        pieces = html_sections(document, lang, family=style.family, body_pt=body_pt)
        return PagedDocument(pieces, device, style)

    if isinstance(document, ReportDocument):
        return laid_out(BODY_PT)
    # A one-visit summary is most useful on one sheet: when its directives run a few lines
    # over, set it a little smaller rather than print a second page with three lines on it.
    for body_pt in SUMMARY_SIZES:
        paged = laid_out(body_pt)
        if paged.page_count == 1:
            return paged
    return laid_out(BODY_PT)  # too long for one page anyway: print it at the normal size


def export_pdf(
    visits: list[VisitDetail], out: Path, *, report: bool, filter_text: str = "",
    lang: str = "vi",
) -> int:
    """Write the summary (one visit) or the report (`report=True`) to `out`; return pages.

    The PDF is written beside `out` and renamed into place, so a failure never leaves a
    truncated file where the user's previous PDF was.
    """
    _ensure_gui_app()
    document = build_document(visits, report=report, filter_text=filter_text)
    out = Path(out)
    partial = out.with_name(out.name + ".part")
    writer = QPdfWriter(str(partial))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(a4_layout())
    writer.setTitle(_pdf_title(document, lang))
    writer.setCreator(f"{APP_NAME} {__version__}")
    try:
        pages = render(document, writer, lang=lang)
        del writer  # QPdfWriter finishes the file when it is destroyed
        os.replace(partial, out)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
    return pages


def _pdf_title(document: SummaryDocument | ReportDocument, lang: str) -> str:
    if isinstance(document, SummaryDocument):
        return document.headline
    return document_title(document, lang) + (
        f" — {document.filter_text}" if document.filter_text else ""
    )


def print_preview(parent: QWidget | None, visits: list[VisitDetail], *, report: bool,
                  filter_text: str = "", lang: str = "vi") -> bool:
    """Show the print preview dialog for the summary or report; True if the user printed."""
    # QtPrintSupport is loaded only here: exporting a PDF does not need it.
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    document = build_document(visits, report=report, filter_text=filter_text)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(a4_layout())
    printer.setFullPage(True)  # our margins, measured from the paper's edge
    printer.setDocName(_pdf_title(document, lang))
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(document_title(document, lang))
    dialog.paintRequested.connect(lambda p: render(document, p, lang=lang))
    return bool(dialog.exec())
