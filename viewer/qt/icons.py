"""qtawesome's icons, kept as PNG files after the first start.

Importing qtawesome (and qtpy under it, which creates some 370 Qt enums) costs the
window's start 0.2-0.4 s, about as much as everything else before the first paint. The
dozen icons the window uses are drawn by qtawesome once, at a few sizes, saved in the
user's cache folder, and read from there on every later start.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QApplication

from viewer import __version__
from viewer.core.locations import user_cache_dir

SIZES = (16, 24, 32, 48, 64)  # 64 covers a 32-pixel toolbar on a 2x screen


def icon(name: str, color: str | None = None) -> QIcon:
    """The qtawesome icon `name` ("fa6s.file-import") in `color` (default: text colour)."""
    color = color or QApplication.palette().color(QPalette.ColorRole.Text).name()
    folder = user_cache_dir() / f"icons-{__version__}"
    stem = f"{name}-{color.lstrip('#')}"
    files = {size: folder / f"{stem}-{size}.png" for size in SIZES}
    if not all(path.exists() for path in files.values()) and not _draw(name, color, files):
        import qtawesome

        return qtawesome.icon(name, color=color)  # the cache cannot be written: draw each time
    drawn = QIcon()
    for size, path in files.items():
        drawn.addFile(str(path), QSize(size, size))
    return drawn


def _draw(name: str, color: str, files: dict[int, Path]) -> bool:
    """Draw the icon at every size into `files`; False when they cannot be written."""
    import qtawesome

    source = qtawesome.icon(name, color=color)
    try:
        next(iter(files.values())).parent.mkdir(parents=True, exist_ok=True)
        for size, path in files.items():
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            if not source.pixmap(size, size).save(str(partial), "PNG"):
                return False
            os.replace(partial, path)  # a second window reading it sees all or nothing
    except OSError:
        with contextlib.suppress(OSError):
            for path in files.values():
                path.with_suffix(f".{os.getpid()}.tmp").unlink(missing_ok=True)
        return False
    return True
