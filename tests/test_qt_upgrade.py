"""Opening an archive of an older schema says what is happening while it is upgraded."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from tests.test_archive import _archive_at_version
from viewer.core.archive.archive import needs_upgrade
from viewer.core.archive.schema import LATEST_VERSION
from viewer.qt import app as app_module


def test_an_old_archive_is_upgraded_behind_a_notice(qapp, tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    _archive_at_version(path, LATEST_VERSION - 1)
    assert needs_upgrade(path)
    shown: list[str] = []

    class Notice(QLabel):
        def show(self) -> None:
            shown.append(self.text())
            super().show()

    monkeypatch.setattr(app_module, "QLabel", Notice)
    archive = app_module._open_archive(path)
    assert archive is not None
    try:
        assert archive.stats().schema_version == LATEST_VERSION
        assert archive.backup_made is not None
        assert len(shown) == 1 and "old.sqlite" in shown[0]
        assert not needs_upgrade(path)
    finally:
        archive.close()


def test_a_current_or_missing_archive_needs_no_upgrade(tmp_path):
    assert not needs_upgrade(tmp_path / "none.sqlite")
    (tmp_path / "junk.sqlite").write_bytes(b"not a database at all" * 10)
    assert not needs_upgrade(tmp_path / "junk.sqlite")
