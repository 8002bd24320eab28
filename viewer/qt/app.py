"""Starting the window: the QApplication, the archive to open, and switching archives."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

from viewer import APP_ID, APP_NAME
from viewer.core.archive import Archive, ArchiveError, VisitFilter
from viewer.core.archive.archive import needs_upgrade
from viewer.core.default_archive import ensure_default_archive
from viewer.qt import icons
from viewer.qt.dialogs import ArchiveChoice, QtWordsInVietnamese, archive_error
from viewer.qt.main_window import MainWindow
from viewer.qt.settings import LANGUAGE, LAST_ARCHIVE, Settings
from viewer.qt.strings import set_language, tr
from viewer.resources import resource_path


def app_icon() -> QIcon:
    icon_file = resource_path("icons", "visit-viewer.svg")
    if icon_file.exists():
        return QIcon(str(icon_file))
    return icons.icon("fa6s.landmark", color="#1d4fa3")


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Qt's standard dialogs in `language`: Qt's own translation when the Qt we run with
    ships one (qtbase_<language>.qm), else, for Vietnamese, ours. Returns what was installed
    (kept alive by the caller; a test removes them again)."""
    if language == "en":
        return []
    official = QTranslator()
    if official.load(f"qtbase_{language}",
                     QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        official.setParent(app)  # the application keeps it alive
        installed: QTranslator = official
    elif language == "vi":
        installed = QtWordsInVietnamese(app)
    else:
        return []
    app.installTranslator(installed)
    return [installed]


@contextlib.contextmanager
def _upgrading_notice(path: Path) -> Iterator[None]:
    """A small window saying why nothing else shows yet: a new schema is being applied
    to an archive (about 2.5 minutes for 100,000 articles), after a backup."""
    notice = QLabel(tr("archive.upgrading", name=path.name))
    notice.setWindowTitle(APP_NAME)
    notice.setMargin(24)
    notice.show()
    QApplication.processEvents()
    try:
        yield
    finally:
        notice.close()


def _open_archive(path: Path | None) -> Archive | None:
    """Open `path` (or the default archive); on failure ask the user what to do instead."""
    while True:
        try:
            if path is None:
                path, _report = ensure_default_archive()
            if not needs_upgrade(path):
                return Archive(path)
            with _upgrading_notice(path):
                return Archive(path)
        except (ArchiveError, OSError) as error:
            choice = archive_error(None, str(error))
        if choice is ArchiveChoice.OPEN_OTHER:
            name, _ = QFileDialog.getOpenFileName(None, tr("archive.pick_open"), "",
                                                  tr("archive.file_types"))
            if not name:
                return None
            path = Path(name)
        elif choice is ArchiveChoice.USE_DEFAULT and path is not None:
            path = None
        else:
            return None


class Application:
    """Owns the window and its archive; opening another archive replaces both."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.window: MainWindow | None = None
        self.archive: Archive | None = None

    def open(self, path: Path | None) -> bool:
        archive = _open_archive(path)
        if archive is None:
            return False
        old_window, old_archive = self.window, self.archive
        if old_window is not None:
            old_window.close()
        if old_archive is not None:
            old_archive.close()
        self.archive = archive
        self.settings.set(LAST_ARCHIVE, str(archive.path))
        window = MainWindow(archive, self.settings)
        window.setWindowIcon(app_icon())
        window.archive_requested.connect(self.open)
        window.statusBar().showMessage(tr("status.opened", path=archive.path), 6000)
        benchmarking = bool(os.environ.get("VIEWER_EXIT_AFTER_PAINT"))
        if archive.backup_made and not benchmarking:  # a modal box would never be answered
            QMessageBox.information(window, APP_NAME,
                                    tr("archive.backup_made", path=archive.backup_made))
        window.show()
        if benchmarking:
            _report_paints_and_quit(window)
        self.window = window
        return True

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
        if self.archive is not None:
            self.archive.close()


def _report_paints_and_quit(window: MainWindow) -> None:
    """For benchmarks/window_bench.py: print when the timeline first painted, then (with
    VIEWER_BENCH_FILTER=<text>) how long a text filter took to repaint it, and quit."""
    # Nobody reads the status bar of a headless run: a failed query must be heard.
    window.statusBar().messageChanged.connect(
        lambda message: message and print(message, file=sys.stderr, flush=True))
    bench_filter = os.environ.get("VIEWER_BENCH_FILTER", "")
    started: list[float] = []

    def painted() -> None:
        window.timeline.viewport().repaint()
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

    first_paint: list[float] = []
    window.timeline_shown.connect(painted)


def start_path(db_path: Path | None, settings: Settings) -> Path | None:
    """The archive to open: the one asked for, else the last one used, else the default."""
    if db_path is not None:
        return db_path
    last = settings.get(LAST_ARCHIVE)
    return Path(last) if last and Path(last).exists() else None


def run_app(db_path: Path | None, settings: Settings | None = None,
            import_on_start: Sequence[Path] = ()) -> int:
    """Open the window; `import_on_start` are files the desktop asked us to open."""
    multiprocessing.freeze_support()  # the importer may start worker processes
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("thamlamviec")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    settings = settings or Settings.default()
    set_language(settings.get(LANGUAGE))
    install_translators(app, settings.get(LANGUAGE))
    application = Application(settings)
    if not application.open(start_path(db_path, settings)):
        return 1
    if import_on_start and application.window is not None:
        application.window.import_paths(list(import_on_start))
    try:
        return app.exec()
    finally:
        application.close()
