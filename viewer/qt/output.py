"""Getting visits out of the window: printing and PDFs (CSV and JSON exports are
`viewer.core.export.export_visits`, run beside the filters like these reads).

Loading every filtered visit in full takes seconds at archive scale (0.6 ms a visit), so
details are loaded on a thread of their own, beside the filters' query thread, and the
pages are laid out when they arrive."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

# Named as QtWidgets.QFileDialog, created when first used: see main_window.py.
from PySide6 import QtWidgets
from PySide6.QtWidgets import QWidget

from viewer.core.archive import VisitDetail
from viewer.qt.strings import tr
from viewer.qt.tasks import ArchiveExecutor

REPORT_LIMIT = 500  # visits in one printed report; more is a book, not a report


def load_details(executor: ArchiveExecutor, ids: list[int],
                 on_done: Callable[[list[VisitDetail]], None],
                 on_error: Callable[[BaseException], None]) -> None:
    executor.run_apart(lambda archive: archive.visit_details(ids), on_done, on_error)


def ask_export_path(parent: QWidget, kind: str) -> Path | None:
    pattern = "CSV (*.csv)" if kind == "csv" else "JSON (*.json)"
    name, _ = QtWidgets.QFileDialog.getSaveFileName(parent, tr(f"action.export_{kind}"),
                                                    f"visits.{kind}", pattern)
    return Path(name) if name else None


def _printing():  # type: ignore[no-untyped-def]
    """viewer.qt.printing, written separately; None (after telling the user) when absent."""
    try:
        from viewer.qt import printing
    except ImportError:
        return None
    return printing


def print_preview(parent: QWidget, visits: list[VisitDetail], *, report: bool,
                  filter_text: str) -> None:
    printing = _printing()
    if printing is None:
        QtWidgets.QMessageBox.information(parent, tr("action.print"), tr("print.missing"))
        return
    printing.print_preview(parent, visits, report=report, filter_text=filter_text)


def export_pdf(parent: QWidget, visits: list[VisitDetail], *, report: bool,
               filter_text: str) -> str | None:
    """Ask where, write the PDF; returns the status message, or None when nothing was done."""
    printing = _printing()
    if printing is None:
        QtWidgets.QMessageBox.information(parent, tr("action.export_pdf"), tr("print.missing"))
        return None
    name, _ = QtWidgets.QFileDialog.getSaveFileName(parent, tr("action.export_pdf"),
                                                    "visits.pdf", "PDF (*.pdf)")
    if not name:
        return None
    pages = printing.export_pdf(visits, Path(name), report=report, filter_text=filter_text)
    return tr("print.pdf_done", path=name, pages=pages)
