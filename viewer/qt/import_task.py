"""Importing in the background: `import_paths` on its own thread and connection, with progress.

The window stays usable during an import. Progress shows in the status bar only after
600 ms (like Anki's progress.py: quick imports should not flash a bar), with a Cancel
button; a cancelled import keeps what was committed, as the importer guarantees.

When another window (or the command line) is writing to the same archive, the import
says so at once and waits, as long as it takes, for the write lock
(`Archive.wait_for_other_writers`) instead of SQLite's busy timeout, which would fail the
import after 10 s and cannot tell the window it is waiting.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from viewer.core.archive import Archive
from viewer.core.archive.archive import WaitCancelled
from viewer.qt.strings import number, tr

if TYPE_CHECKING:
    from viewer.core.importer import ImportReport

SHOW_AFTER_MS = 600
EMIT_EVERY_S = 0.05


class ImportTask(QObject):
    """One import run. Emits `progress`, then exactly one of `finished` or `failed`."""

    progress = Signal(int, int)  # done, total
    waiting = Signal(bool)  # another connection holds the write lock / no longer
    finished = Signal(object)  # ImportReport
    failed = Signal(str)

    def __init__(self, archive_path: Path, paths: Sequence[Path], default_province: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.archive_path = archive_path
        self.paths = list(paths)
        self.default_province = default_province
        self._cancel = threading.Event()
        self._thread = threading.Thread(target=self._run, name="import", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the thread ended; True when it did."""
        if self._thread.is_alive():
            self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        try:
            # One Archive = one connection = one thread: the import opens its own.
            with Archive(self.archive_path) as archive:
                # Said before the slow imports below, so the user learns it at once.
                archive.wait_for_other_writers(self.waiting.emit, self._cancel.is_set)
                report = self._import(archive)
            self.finished.emit(report)
        except Exception as error:  # the user gets the reason instead of a silent thread death
            self.failed.emit(str(error) or repr(error))

    def _import(self, archive: Archive) -> ImportReport:
        # Loaded here, on the import's thread: the readers and extractor are slow to import
        # and the window should not wait for them at start-up.
        from viewer.core.importer import ImportReport, import_paths

        events = import_paths(archive, self.paths, default_province=self.default_province,
                              cancelled=self._cancel.is_set)
        # Every outcome seen was committed: a cancel while waiting reports exactly them.
        seen = ImportReport()
        last_emit = 0.0
        while True:
            try:
                event = next(events)
            except StopIteration as stop:
                return stop.value  # type: ignore[no-any-return]
            except WaitCancelled:
                seen.cancelled = True
                return seen
            if event.outcome is not None:
                seen.add(event.outcome)
            now = time.monotonic()
            if now - last_emit > EMIT_EVERY_S or event.done == event.total:
                last_emit = now
                self.progress.emit(event.done, event.total)


class ImportProgress(QWidget):
    """Status-bar progress: bar, words, Cancel. Appears only for imports that take a while."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(tr("import.counting"))
        self.bar = QProgressBar(maximumWidth=220, textVisible=False)
        self.cancel = QPushButton(tr("import.cancel"))
        self.cancel.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.bar, self.cancel):
            layout.addWidget(widget)
        self._task: ImportTask | None = None
        self._show_timer = QTimer(self, singleShot=True, interval=SHOW_AFTER_MS)
        self._show_timer.timeout.connect(self.show)
        self._last: tuple[int, int] | None = None  # done, total: shown again after a wait
        self._waiting_for_lock = False
        self.hide()

    def follow(self, task: ImportTask) -> None:
        self._task = task
        self.bar.setRange(0, 0)
        self.label.setText(tr("import.counting"))
        self.label.setToolTip("")
        self.cancel.setEnabled(True)
        self._last = None
        self._waiting_for_lock = False
        task.progress.connect(self._progress)
        task.waiting.connect(self._waiting)
        self._show_timer.start()

    def stop(self) -> None:
        self._task = None
        self._show_timer.stop()
        self.hide()

    def _progress(self, done: int, total: int) -> None:
        self._last = (done, total)
        if self._waiting_for_lock:
            return  # files counted meanwhile: the wait is still the news
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.label.setText(tr("import.progress", done=number(done), total=number(total)))

    def _waiting(self, waiting: bool) -> None:
        self._waiting_for_lock = waiting
        if waiting:
            self.show()  # at once: the user should know why nothing moves
            self.bar.setRange(0, 0)
            self.label.setText(tr("import.waiting"))
            self.label.setToolTip(tr("import.waiting_tip"))
            return
        self.label.setToolTip("")
        if self._last is None:
            self.label.setText(tr("import.counting"))
        else:
            self._progress(*self._last)
