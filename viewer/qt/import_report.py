"""The dialog after an import: what was imported, what duplicated what, what failed and why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.core.reasons import in_vietnamese
from viewer.qt.strings import language, tr

if TYPE_CHECKING:
    from viewer.core.importer import ImportReport


def reason_text(reason: str) -> str:
    """A reason from the readers or the importer in the window's language."""
    return in_vietnamese(reason) if language() == "vi" else reason


def report_rows(report: ImportReport) -> list[tuple[str, str, str]]:
    """(status, file, detail) lines: failures first, they are what needs attention."""
    return (
        [(tr("report.failed"), o.name, reason_text(o.reason)) for o in report.failed]
        + [(tr("report.duplicate"), o.name, reason_text(o.reason)) for o in report.duplicates]
        + [(tr("report.imported"), o.name, "") for o in report.imported]
    )


def summary_text(report: ImportReport) -> str:
    """The report's counts in the user's language (the core's `summary` is English)."""
    text = tr("report.summary", imported=len(report.imported),
              duplicates=len(report.duplicates), failed=len(report.failed))
    return f"{text} {tr('report.cancelled')}" if report.cancelled else text


class ImportReportDialog(QDialog):
    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("report.title"))
        self.resize(820, 460)
        self.report = report
        self.summary = QLabel(summary_text(report), wordWrap=True)
        rows = report_rows(report)
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels(
            [tr("report.status"), tr("report.file"), tr("report.detail")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(1, 280)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        # Our own words, not standard buttons: Qt ships no Vietnamese translation of its own.
        buttons = QDialogButtonBox()
        copy = buttons.addButton(tr("report.copy"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_to_clipboard)
        buttons.addButton(tr("report.close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Copy, self, self.copy_to_clipboard)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def as_text(self) -> str:
        """Tab-separated, so it pastes into a spreadsheet or an e-mail as it looks."""
        lines = [self.summary.text()]
        lines += ["\t".join(row) for row in report_rows(self.report)]
        return "\n".join(lines)

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.as_text())
