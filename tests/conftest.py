"""Test setup shared by every test: no test touches the user's data, settings or screen.

Like napari's conftest: Qt runs offscreen (set before anything imports Qt), the default
archive and the settings live under tmp_path, and a test fails if it leaves one of the
window's background threads running. Qt itself is imported only by the fixtures that
need it, so the core tests still run where PySide6 is not installed.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Threads the window starts (viewer.qt.tasks, viewer.qt.import_task); none may outlive a test.
WINDOW_THREAD_PREFIXES = ("archive-queries", "import")


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The default archive (viewer.core.locations) goes to tmp_path, never the user's."""
    data_dir = tmp_path / "user-data"
    monkeypatch.setenv("VIEWER_DATA_DIR", str(data_dir))
    return data_dir


@pytest.fixture(autouse=True)
def no_window_threads_left():
    yield
    left = [t.name for t in threading.enumerate()
            if t.is_alive() and t.name.startswith(WINDOW_THREAD_PREFIXES)]
    assert not left, f"background threads still running after the test: {left}"


@pytest.fixture
def settings(tmp_path: Path):
    """Settings in a file under tmp_path; Qt's default location is redirected there too."""
    from PySide6.QtCore import QSettings

    from viewer.qt.settings import Settings
    from viewer.qt.strings import set_language

    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(tmp_path / "qsettings"))
    set_language("vi")
    return Settings.from_file(tmp_path / "settings.ini")


@pytest.fixture
def seeds_archive(tmp_path: Path) -> Path:
    """An archive holding the two seed articles in data/, imported by the real pipeline."""
    from viewer.core.archive import Archive
    from viewer.core.importer import run_import

    path = tmp_path / "seeds.sqlite"
    with Archive(path) as archive:
        report = run_import(archive, [Path(__file__).parent.parent / "data"])
    assert len(report.imported) == 2, report.summary
    return path


@pytest.fixture
def make_window(qtbot, settings):
    """Open a main window on an archive file and wait for its first results."""
    from viewer.core.archive import Archive
    from viewer.qt.main_window import MainWindow

    opened = []

    def make(path: Path, *, read_only: bool = False):
        archive = Archive(path, read_only=read_only)
        window = MainWindow(archive, settings)
        opened.append((window, archive))
        qtbot.addWidget(window)
        # Answers arrive only through the event loop, so none can be missed by waiting now.
        with qtbot.waitSignal(window.results_shown, timeout=10_000):
            pass
        return window

    yield make
    for window, archive in opened:
        window.close()  # stops the query thread and any import
        archive.close()
