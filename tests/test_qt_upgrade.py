"""Opening an archive of an older schema says what is happening while it is upgraded."""

from __future__ import annotations

from tests.test_archive import _archive_at_version
from viewer.core.archive.archive import needs_upgrade
from viewer.core.archive.schema import LATEST_VERSION
from viewer.qt import app as app_module
from viewer.qt import upgrade_notice
from viewer.qt.strings import tr
from viewer.qt.upgrade_notice import UpgradeNotice


def test_an_old_archive_is_upgraded_behind_a_notice_showing_its_progress(
    qapp, tmp_path, monkeypatch
):
    path = tmp_path / "old.sqlite"
    _archive_at_version(path, 2)  # both full-text rebuilds to come
    assert needs_upgrade(path)
    notices: list[UpgradeNotice] = []
    seen: list[tuple[str, str, int]] = []

    class Watched(UpgradeNotice):
        def __init__(self, path):  # type: ignore[no-untyped-def]
            super().__init__(path)
            notices.append(self)

        def report(self, stage: str, done: float) -> None:
            super().report(stage, done)
            seen.append((stage, self.stage.text(), self.bar.value()))

    monkeypatch.setattr(upgrade_notice, "UpgradeNotice", Watched)
    archive = app_module._open_archive(path)
    assert archive is not None
    try:
        assert archive.stats().schema_version == LATEST_VERSION
        assert archive.backup_made is not None
        assert len(notices) == 1 and "old.sqlite" in notices[0].message.text()
        assert not notices[0].isVisible()  # closed once the archive is open
        # the user saw the backup, then the rebuild, each reach 100 %
        assert ("backup", tr("archive.upgrade_backup"), 100) in seen
        assert seen[-1] == ("upgrade", tr("archive.upgrade_rebuild"), 100)
        assert not needs_upgrade(path)
    finally:
        archive.close()


def test_a_current_or_missing_archive_needs_no_upgrade(tmp_path):
    assert not needs_upgrade(tmp_path / "none.sqlite")
    (tmp_path / "junk.sqlite").write_bytes(b"not a database at all" * 10)
    assert not needs_upgrade(tmp_path / "junk.sqlite")
