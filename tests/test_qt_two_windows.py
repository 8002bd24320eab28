"""Two programs on one archive: the window's import says at once that another one is
writing, waits for it however long it takes, then imports, and nothing of either is lost."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

import viewer.core.archive.archive as archive_module
from tests.qt_synthetic import build_archive, synthetic_visit
from viewer.core.archive import Archive
from viewer.core.archive.rows import content_key
from viewer.core.archive.store import insert_article
from viewer.qt.strings import tr

ROOT = Path(__file__).parent.parent
SEEDS = sorted((ROOT / "data").glob("*.txt"))
VISITS = 5  # in the archive before either writes

# Another program: writes one visit in a transaction it holds until told to commit.
OTHER_WRITER = """
import sys
sys.path.insert(0, sys.argv[2])
from tests.test_qt_two_windows import write_one_visit
from viewer.core.archive import Archive
with Archive(sys.argv[1]) as archive:
    archive.conn.execute("BEGIN IMMEDIATE")
    write_one_visit(archive)
    print("writing", flush=True)
    sys.stdin.readline()
    archive.conn.execute("COMMIT")
    print("committed", flush=True)
"""


def write_one_visit(archive: Archive) -> None:
    """One visit, as another window's import would store it (inside its transaction)."""
    document, extraction = synthetic_visit(1000, dt.date(2025, 6, 1))
    digest = hashlib.sha256(document.text.encode()).hexdigest()
    insert_article(archive.conn, document, extraction, file_name="other-window.txt",
                   file_sha256=digest, file_size=len(document.text),
                   key=content_key(document))


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    return build_archive(tmp_path / "shared.sqlite", VISITS, months=3)


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "dropped"
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder)
    return folder


def _is_waiting(window) -> bool:  # type: ignore[no-untyped-def]
    progress = window.progress
    return progress.isVisibleTo(window) and progress.label.text() == tr("import.waiting")


def _visits_and_integrity(path: Path) -> tuple[int, str]:
    with Archive(path) as archive:
        visits = archive.conn.execute("SELECT count(*) FROM visits").fetchone()[0]
        return visits, archive.conn.execute("PRAGMA integrity_check").fetchone()[0]


def test_another_program_writing_is_named_at_once_then_the_import_completes(
        qtbot, make_window, archive_path, articles):
    window = make_window(archive_path)
    other = subprocess.Popen([sys.executable, "-c", OTHER_WRITER, str(archive_path), str(ROOT)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout and other.stdout.readline().strip() == "writing"
        started = time.monotonic()
        window.import_paths([articles])
        qtbot.waitUntil(lambda: _is_waiting(window), timeout=5000)
        # At once, not after a guess from a stalled progress bar (that took 2 s or more).
        assert time.monotonic() - started < 1.5
        assert "Hủy" in window.progress.label.toolTip()  # says how to stop waiting
        qtbot.wait(500)
        assert window.import_task and window.import_task.running and _is_waiting(window)

        with qtbot.waitSignal(window.import_done, timeout=60_000) as done:
            assert other.stdin
            other.stdin.write("go\n")
            other.stdin.flush()
            assert other.stdout.readline().strip() == "committed"
    finally:
        other.communicate(timeout=30)
    assert other.returncode == 0

    report = done.args[0]
    assert sorted(o.name.split("/")[-1] for o in report.imported) == [s.name for s in SEEDS]
    assert not report.failed and not report.cancelled
    assert not window.progress.isVisibleTo(window)
    # The other program's visit and ours are all there; the window shows them all.
    qtbot.waitUntil(lambda: window.model.visit_count == VISITS + 1 + len(SEEDS), timeout=10_000)
    assert _visits_and_integrity(archive_path) == (VISITS + 1 + len(SEEDS), "ok")


def test_a_wait_longer_than_sqlites_busy_timeout_does_not_fail_the_import(
        qtbot, make_window, archive_path, articles, monkeypatch):
    window = make_window(archive_path)
    # SQLite alone would give up after the busy timeout: "database is locked".
    monkeypatch.setattr(archive_module, "BUSY_TIMEOUT_MS", 100)
    other = Archive(archive_path)
    try:
        other.conn.execute("BEGIN IMMEDIATE")
        write_one_visit(other)
        window.import_paths([articles])
        qtbot.waitUntil(lambda: _is_waiting(window), timeout=5000)
        qtbot.wait(800)  # eight busy timeouts
        with qtbot.waitSignal(window.import_done, timeout=60_000) as done:
            other.conn.execute("COMMIT")
    finally:
        other.close()
    report = done.args[0]
    assert len(report.imported) == len(SEEDS) and not report.failed
    assert _visits_and_integrity(archive_path) == (VISITS + 1 + len(SEEDS), "ok")


def test_cancel_while_waiting_stops_at_once_and_loses_nothing(qtbot, make_window,
                                                               archive_path, articles):
    window = make_window(archive_path)
    other = Archive(archive_path)
    try:
        other.conn.execute("BEGIN IMMEDIATE")
        write_one_visit(other)
        window.import_paths([articles])
        qtbot.waitUntil(lambda: _is_waiting(window), timeout=5000)
        with qtbot.waitSignal(window.import_done, timeout=5000) as done:
            qtbot.mouseClick(window.progress.cancel, Qt.MouseButton.LeftButton)
        report = done.args[0]
        assert report.cancelled and not report.imported and not report.failed
        assert window.import_task and not window.import_task.running
        other.conn.execute("COMMIT")  # the other program's write is untouched
    finally:
        other.close()
    assert _visits_and_integrity(archive_path) == (VISITS + 1, "ok")
