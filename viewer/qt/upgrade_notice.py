"""The small window shown while an archive of an older schema is backed up and upgraded.

For 100,000 articles that is a 2.4 GB copy and a full-text index rebuilt, two minutes or
more, before any other window exists: the notice says which step runs and how far it got,
and keeps repainting (the upgrade runs on the GUI thread, nothing else being shown yet).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QProgressBar, QVBoxLayout, QWidget

from viewer import APP_NAME
from viewer.qt.strings import tr

STAGES = {"backup": "archive.upgrade_backup", "upgrade": "archive.upgrade_rebuild"}


class UpgradeNotice(QWidget):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.message = QLabel(tr("archive.upgrading", name=path.name))
        self.stage = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setValue(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        for widget in (self.message, self.stage, self.bar):
            layout.addWidget(widget)
        self.stage.hide()
        self._shown: tuple[str, int] | None = None

    @classmethod
    @contextlib.contextmanager
    def shown(cls, path: Path) -> Iterator[UpgradeNotice]:
        notice = cls(path)
        notice.show()
        QApplication.processEvents()
        try:
            yield notice
        finally:
            notice.close()

    def report(self, stage: str, done: float) -> None:
        """The archive's progress hook: a few hundred calls, repainted when the percent
        moves (each call comes from inside SQLite, so it stays cheap otherwise)."""
        now = (stage, int(done * 100))
        if now == self._shown:
            return
        self._shown = now
        self.stage.setText(tr(STAGES.get(stage, "archive.upgrade_rebuild")))
        self.stage.show()
        self.bar.setValue(now[1])
        QApplication.processEvents()
