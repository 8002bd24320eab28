"""Starting the window: the QApplication, the archive to open, and switching archives.

The window's own modules (most of the start's Python) are imported only after the start-up
filter's answer was asked for (`viewer.qt.first_answer`), so the two run side by side.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from viewer import APP_ID, APP_NAME
from viewer.core.archive import Archive, ArchiveError, VisitFilter
from viewer.core.archive.archive import needs_upgrade
from viewer.core.default_archive import ensure_default_archive
from viewer.qt import icons
from viewer.qt.first_answer import FirstAnswer, ask_first_answer
from viewer.qt.settings import LANGUAGE, LAST_ARCHIVE, Settings
from viewer.qt.strings import set_language, tr
from viewer.qt.translators import install_translators
from viewer.resources import resource_path

if TYPE_CHECKING:
    from viewer.qt.main_window import MainWindow


def app_icon() -> QIcon:
    icon_file = resource_path("icons", "visit-viewer.svg")
    if icon_file.exists():
        return QIcon(str(icon_file))
    return icons.icon("fa6s.landmark", color="#1d4fa3")


def _keep_start_up_objects_out_of_collections() -> None:
    """Once the visit index is in place the start is over, and what it made (modules,
    classes, Qt wrappers, the index: ~50,000 objects) lives as long as the program. Frozen,
    the garbage collector's full collections no longer walk them: each took ~25 ms on the
    GUI thread, at whatever moment the allocations of a filter change triggered it.
    Only once: what later indices (after imports) replace must stay collectable."""
    global _start_frozen
    if not _start_frozen:
        _start_frozen = True
        gc.freeze()


_start_frozen = False


@contextmanager
def _made_to_last(start: bool) -> Iterator[None]:
    """For the program's start (`start`), which makes objects living as long as the
    program when it imports and builds the first window (classes, Qt's enum members,
    widgets): no collections inside, and what it made is frozen out of later ones.
    Counted by allocations, the collector otherwise walked them ~30 times before the
    first paint, freeing nothing; paused alone, its first collection afterwards walks
    them all at once. Not for a later window: the one it replaces must stay collectable.
    Not around opening the archive: an upgrade or a dialog there is ordinary work."""
    if not start or not gc.isenabled():  # a caller (or a test) may manage the collector
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def _open_archive(path: Path | None) -> Archive | None:
    """Open `path` (or the default archive); on failure ask the user what to do instead."""
    while True:
        try:
            if path is None:
                path, _report = ensure_default_archive()
            if not needs_upgrade(path):
                return Archive(path)
            from viewer.qt.upgrade_notice import UpgradeNotice  # only for an upgrade

            with UpgradeNotice.shown(path) as notice:
                return Archive(path, on_upgrade_progress=notice.report)
        except (ArchiveError, OSError) as error:
            retry, path = _ask_what_instead(path, str(error))
        if not retry:
            return None


def _ask_what_instead(failed: Path | None, message: str) -> tuple[bool, Path | None]:
    """(open again?, which: None is the default archive) after `failed` could not be."""
    from PySide6.QtWidgets import QFileDialog

    from viewer.qt import dialogs  # loaded when a dialog is shown, not at every start

    choice = dialogs.archive_error(None, message)
    if choice is dialogs.ArchiveChoice.OPEN_OTHER:
        name, _ = QFileDialog.getOpenFileName(None, tr("archive.pick_open"), "",
                                              tr("archive.file_types"))
        return (True, Path(name)) if name else (False, None)
    if choice is dialogs.ArchiveChoice.USE_DEFAULT and failed is not None:
        return True, None
    return False, None


class Application:
    """Owns the window and its archive; opening another archive replaces both."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.window: MainWindow | None = None
        self.archive: Archive | None = None

    def open(self, path: Path | None, first_answer: FirstAnswer | None = None) -> bool:
        """Open `path` in a new window; `first_answer`, asked for on `path` already, is
        shown in it (or dropped, when another archive had to be opened instead)."""
        start = self.window is None
        with _made_to_last(start):
            from viewer.qt.main_window import MainWindow  # see the module's docstring

        archive = _open_archive(path)
        if first_answer is not None and (archive is None or archive.path != path):
            first_answer.discard()
            first_answer = None
        if archive is None:
            return False
        old_window, old_archive = self.window, self.archive
        if old_window is not None:
            old_window.close()
        if old_archive is not None:
            old_archive.close()
        self.archive = archive
        self.settings.set(LAST_ARCHIVE, str(archive.path))
        benchmarking = bool(os.environ.get("VIEWER_EXIT_AFTER_PAINT"))
        with _made_to_last(start):
            window = MainWindow(archive, self.settings, first_answer)
            window.setWindowIcon(app_icon())
            window.archive_requested.connect(self.open)
            window.executor.index_ready.connect(_keep_start_up_objects_out_of_collections)
            window.statusBar().showMessage(tr("status.opened", path=archive.path), 6000)
            if benchmarking:
                _report_paints_and_quit(window)
            window.show_answers_already_here()
            window.show()
        self.window = window
        if archive.backup_made and not benchmarking:  # a modal box would never be answered
            from PySide6.QtWidgets import QMessageBox

            # over the upgraded archive's window, not alone on an empty screen
            QMessageBox.information(window, APP_NAME,
                                    tr("archive.backup_made", path=archive.backup_made))
        return True

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
        if self.archive is not None:
            self.archive.close()


def _report_paints_and_quit(window: MainWindow) -> None:
    """For benchmarks/window_bench.py: print when the timeline first painted an answer's
    rows, then (with VIEWER_BENCH_FILTER=<text>) how long a text filter took until the
    timeline was repainted with its rows, and quit.

    An answer is timed by repainting the timeline as soon as it reached the model; but the
    first answer can arrive before the window is even exposed, when repaint() paints
    nothing, so until the rows were painted once the mark waits for the window's paint."""
    # Nobody reads the status bar of a headless run: a failed query must be heard.
    window.statusBar().messageChanged.connect(
        lambda message: message and print(message, file=sys.stderr, flush=True))
    bench_filter = os.environ.get("VIEWER_BENCH_FILTER", "")
    answered: list[bool] = []  # an answer is in the model, its rows not painted yet
    exposed: list[bool] = []  # the timeline has painted: repaint() paints at once
    started: list[float] = []
    first_paint: list[float] = []

    def answer_shown() -> None:
        answered.append(True)
        if exposed:
            # The view, not its viewport(): the first viewport() call alone costs 15 ms,
            # which the window itself does not pay before its first paint.
            window.timeline.repaint()  # paints the rows now, the viewport being its child

    def rows_painted() -> None:
        exposed.append(True)
        if not answered:
            return  # the window's paint before the answer: no rows yet
        answered.clear()
        if started:
            elapsed = (time.perf_counter() - started[0]) * 1000
            print(f"VIEWER_FILTERED {elapsed:.3f}", flush=True)
            QApplication.quit()
            return
        print(f"VIEWER_PAINTED {time.time():.6f}", flush=True)
        if not bench_filter:
            QApplication.quit()
            return
        # Filters are timed as a user meets them after the first second: with the index.
        first_paint.append(time.perf_counter())
        window.executor.index_ready.connect(filter_now)

    def filter_now() -> None:
        waited = (time.perf_counter() - first_paint[0]) * 1000
        print(f"VIEWER_INDEX_READY {waited:.3f}", flush=True)
        started.append(time.perf_counter())
        window.apply_filter(VisitFilter(text=bench_filter))

    window.timeline_shown.connect(answer_shown)
    window.timeline.rows_painted.connect(rows_painted)


def start_path(db_path: Path | None, settings: Settings) -> Path | None:
    """The archive to open: the one asked for, else the last one used, else the default."""
    if db_path is not None:
        return db_path
    last = settings.get(LAST_ARCHIVE)
    return Path(last) if last and Path(last).exists() else None


def run_app(db_path: Path | None, settings: Settings | None = None,
            import_on_start: Sequence[Path] = ()) -> int:
    """Open the window; `import_on_start` are files the desktop asked us to open."""
    if getattr(sys, "frozen", False):  # the importer's worker processes; else a no-op
        import multiprocessing

        multiprocessing.freeze_support()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("thamlamviec")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    settings = settings or Settings.default()
    set_language(settings.get(LANGUAGE))
    install_translators(app, settings.get(LANGUAGE))
    path = start_path(db_path, settings)
    first_answer = ask_first_answer(path, settings.last_filter())
    application = Application(settings)
    if not application.open(path, first_answer):
        return 1
    if import_on_start and application.window is not None:
        application.window.import_paths(list(import_on_start))
    try:
        return app.exec()
    finally:
        application.close()
