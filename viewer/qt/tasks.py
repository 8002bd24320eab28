"""One background thread for archive queries, results handed back to the GUI thread.

Like Anki's taskman: every filter query runs on a single serial executor that owns its own
read-only `Archive` connection (one connection = one thread), and the result comes back
through a queued signal. Callers discard stale results with their own generation counter.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot

from viewer.core.archive import Archive

log = logging.getLogger(__name__)
T = TypeVar("T")


class ArchiveExecutor(QObject):
    """Runs `job(archive)` calls one after another on a worker thread."""

    _done = Signal(object)  # (on_done, on_error, future): crosses to the GUI thread

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self._archive: Archive | None = None  # touched only on the worker thread
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="archive-queries")
        # Queued even from the GUI thread: a job that finishes before add_done_callback runs
        # has its callback called at once, in run()'s caller, which must never see its
        # answer before run() returns (the window did, during its own construction).
        self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._closed = False

    def run(
        self,
        job: Callable[[Archive], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        if self._closed:
            return
        future = self._pool.submit(self._call, job)
        future.add_done_callback(lambda f: self._done.emit((on_done, on_error, f)))

    def _call(self, job: Callable[[Archive], T]) -> T:
        if self._archive is None:
            self._archive = Archive(self._path, read_only=True)
        return job(self._archive)

    @Slot(object)
    def _deliver(self, packet: tuple[Any, Any, Future[Any]]) -> None:
        on_done, on_error, future = packet
        if self._closed:
            return
        error = future.exception()
        if error is None:
            on_done(future.result())
        elif on_error is not None:
            on_error(error)
        else:
            log.error("background query failed", exc_info=error)

    def close(self) -> None:
        """Finish the running query, close the worker's connection, stop the thread."""
        if self._closed:
            return
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)
        # The worker thread has ended, so closing its connection from here is safe.
        if self._archive is not None:
            self._archive.close()
            self._archive = None
