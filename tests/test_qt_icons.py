"""Icons are drawn once by qtawesome, then read from the cache; a cache that cannot be
written still gives icons."""

from __future__ import annotations

import os
import subprocess
import sys

from viewer.qt import icons


def test_an_icon_is_drawn_once_then_read_from_the_cache(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("VIEWER_DATA_DIR", str(tmp_path))
    first = icons.icon("fa6s.xmark", color="#1b3a63")
    drawn = sorted(tmp_path.glob("cache/icons-*/fa6s.xmark-1b3a63-*.png"))
    assert len(drawn) == len(icons.SIZES)
    again = icons.icon("fa6s.xmark", color="#1b3a63")
    assert not first.isNull() and not again.isNull()
    assert again.pixmap(24, 24).toImage() == first.pixmap(24, 24).toImage()


def test_a_later_start_does_not_import_qtawesome(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("VIEWER_DATA_DIR", str(tmp_path))
    icons.icon("fa6s.language")
    probe = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from viewer.qt import icons\n"
        "assert not icons.icon('fa6s.language').isNull()\n"
        "print('qtawesome' in sys.modules)\n"
    )
    env = dict(os.environ, VIEWER_DATA_DIR=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == "False"


def test_an_unwritable_cache_still_gives_icons(qapp, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("VIEWER_DATA_DIR", str(blocker))
    assert not icons.icon("fa6s.xmark").isNull()
