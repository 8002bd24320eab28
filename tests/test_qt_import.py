"""Importing from the window: drag and drop, the report, cancelling, a read-only archive."""

from __future__ import annotations

import shutil
import warnings
import zipfile
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from viewer.core.archive import Archive
from viewer.qt.strings import tr

ROOT = Path(__file__).parent.parent
SEEDS = sorted((ROOT / "data").glob("*.txt"))
GOLD_ARTICLE = ROOT / "tests" / "gold" / "articles" / "010_tho-xuan-sao-vang-ha-tang.txt"


def _drop(window, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    with warnings.catch_warnings():
        # Qt marks this constructor deprecated, yet QDragEnterEvent has no other one.
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)


def test_dropping_files_a_zip_and_a_bad_file_imports_and_reports(qtbot, make_window, tmp_path):
    dropped = tmp_path / "dropped"
    dropped.mkdir()
    copies = [Path(shutil.copy(seed, dropped)) for seed in SEEDS]
    bundle = dropped / "more.zip"
    with zipfile.ZipFile(bundle, "w") as archive_zip:
        archive_zip.write(GOLD_ARTICLE, "new/" + GOLD_ARTICLE.name)  # a new article
        archive_zip.write(SEEDS[0], "again/" + SEEDS[0].name)  # the same as a dropped file
    bad = dropped / "scan.docx"
    bad.write_bytes(b"\x00\x01 not a word document \xff" * 20)
    window = make_window(tmp_path / "archive.sqlite")
    assert window.model.visit_count == 0

    with qtbot.waitSignal(window.import_done, timeout=60_000) as done:
        _drop(window, [*copies, bundle, bad])
    report = done.args[0]
    assert sorted(o.name.split("/")[-1] for o in report.imported) == sorted(
        [*(s.name for s in SEEDS), GOLD_ARTICLE.name])
    assert [o.name.split("/")[-1] for o in report.duplicates] == [SEEDS[0].name]
    assert SEEDS[0].name in report.duplicates[0].reason  # says what it duplicates
    assert [Path(o.name).name for o in report.failed] == ["scan.docx"]
    assert report.failed[0].reason

    # New visits appear without a restart.
    qtbot.waitUntil(lambda: window.model.visit_count == 3, timeout=10_000)
    assert window.result and window.result.total_visits == 3
    # The report lists every file with its status, failures first, and copies as text.
    dialog = window.last_report_dialog
    assert dialog is not None and dialog.isVisible()
    table = dialog.table
    statuses = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert statuses == [tr("report.failed"), tr("report.duplicate")] + [tr("report.imported")] * 3
    assert "scan.docx" in dialog.as_text()
    # Reasons read in the window's language (Vietnamese by default), not the core's English.
    assert table.item(0, 2).text() == "tệp mang đuôi .docx nhưng không phải văn bản Word"
    assert table.item(1, 2).text().startswith("trùng tệp với “")
    dialog.close()


def _small_articles(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        day = n % 28 + 1
        (folder / f"bai-{n:03d}.txt").write_text(
            f" date 2025-11-{day:02d} Bí thư Đảng ủy Lê Văn Nam làm việc tại xã Biện Thượng "
            f"(số {n})\n\nSáng {day}/11, đồng chí Lê Văn Nam, Bí thư Đảng ủy xã đã làm việc "
            f"tại xã Biện Thượng về chuyển đổi số, bài số {n}.\n",
            encoding="utf-8",
        )


def test_a_cancelled_import_leaves_the_archive_consistent(qtbot, make_window, tmp_path):
    folder = tmp_path / "many"
    _small_articles(folder, 300)
    window = make_window(tmp_path / "archive.sqlite")
    cancelled: list[int] = []

    def cancel_on_first_progress(done: int, total: int) -> None:
        if not cancelled:
            cancelled.append(done)
            window.cancel_import()

    with qtbot.waitSignal(window.import_done, timeout=120_000) as finished:
        window.import_paths([folder])
        window.import_task.progress.connect(cancel_on_first_progress)
    report = finished.args[0]
    assert cancelled, "no progress event arrived"
    assert report.cancelled
    assert len(report.imported) < 300

    with Archive(tmp_path / "archive.sqlite") as check:
        conn = check.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        orphans = conn.execute("""SELECT count(*) FROM visits v
                                  WHERE NOT EXISTS (SELECT 1 FROM articles a
                                                    WHERE a.id = v.article_id)""").fetchone()[0]
        assert orphans == 0
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert articles == len(report.imported)
    qtbot.waitUntil(lambda: window.result is not None
                    and window.result.total_visits == len(report.imported), timeout=10_000)


def test_a_read_only_archive_says_so_and_disables_import(make_window, seeds_archive):
    # Opened read-only explicitly: file modes do not stop root, who runs CI containers.
    window = make_window(seeds_archive, read_only=True)
    assert window.banner.isVisibleTo(window)
    assert not window.actions.import_files.isEnabled()
    assert window.model.visit_count == 2
