"""A guard against PySide6 6.12.0's lost references to None on Python 3.11.

There, each call of a method that returns nothing (QPainter.save, QTextDocument.setHtml,
drawContents, ...) takes one reference from None without having given it. None starts
with some 9,000 references, so a report of a few hundred visits empties it and Python
aborts ("Fatal Python error: none_dealloc"), mid-print or at exit. Python 3.12 made None
immortal, and a fixed PySide6 loses nothing; on those this guard costs one comparison.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys
from collections.abc import Iterator


@contextlib.contextmanager
def keep_none_alive(expected_calls: int) -> Iterator[None]:
    """Lend None `expected_calls` references for the block, then give back what was lost."""
    if sys.version_info >= (3, 12):  # immortal None: nothing to lose
        yield
        return
    loan = [None] * expected_calls  # so None survives even before we can count the loss
    before = sys.getrefcount(None)
    try:
        yield
    finally:
        lost = before - sys.getrefcount(None)
        # Given back for good, not held in a list: Python frees lists at exit, and None
        # would then reach zero anyway (the references PySide took are never returned).
        none = ctypes.py_object(None)
        for _ in range(max(lost, 0)):
            ctypes.pythonapi.Py_IncRef(none)
        del loan
