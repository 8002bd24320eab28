"""Getting visits out of the window: printing, PDFs, and CSV and JSON exports (written by
`viewer.core.export.export_visits`, run beside the filters like these reads).

Loading every filtered visit in full takes seconds at archive scale (0.6 ms a visit), so
details are loaded on a thread of their own, beside the filters' query thread, and the
pages are laid out when they arrive."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

# Named as QtWidgets.QFileDialog, created when first used: see main_window.py.
from PySide6 import QtWidgets
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressBar, QStatusBar, QWidget

from viewer.core.archive import VisitDetail
from viewer.core.export import export_visits
from viewer.qt.strings import number, tr
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


class _Written(QObject):
    """Brings an export's count from its thread to the GUI thread (a queued signal)."""

    count = Signal(int)


def export_apart(status: QStatusBar, executor: ArchiveExecutor, ids: list[int], path: Path,
                 kind: str, on_error: Callable[[BaseException], None]) -> None:
    """Export `ids` to `path` beside the filters (45,000 visits take half a minute),
    with a progress bar in the status bar until it is done."""
    bar = QProgressBar(maximumWidth=220, objectName="export_progress")
    bar.setRange(0, len(ids))
    status.addPermanentWidget(bar)
    status.showMessage(tr("export.running", count=number(len(ids)), path=path))
    # Parented to the status bar, so it outlives the last count the export thread sends.
    written = _Written(status)
    written.count.connect(bar.setValue)

    def finished() -> None:
        status.removeWidget(bar)
        bar.deleteLater()
        written.deleteLater()

    def done(count: int) -> None:
        finished()
        status.showMessage(tr("export.done", count=number(count), path=path), 8000)

    def failed(error: BaseException) -> None:
        finished()
        status.clearMessage()
        on_error(error)

    executor.run_apart(
        lambda archive: export_visits(archive, ids, path, kind, written.count.emit),
        done, failed)


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
