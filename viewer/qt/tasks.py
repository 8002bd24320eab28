"""One background thread for archive queries, results handed back to the GUI thread.

Like Anki's taskman: every filter query runs on a single serial executor that owns its own
read-only `Archive` connection (one connection = one thread), and the result comes back
through a queued signal. Callers discard stale results with their own generation counter.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

from viewer.core.archive import Archive
from viewer.core.archive.archive import build_index

log = logging.getLogger(__name__)
T = TypeVar("T")


class ArchiveExecutor(QObject):
    """Runs `job(archive)` calls one after another on a worker thread."""

    _done = Signal(object)  # (on_done, on_error, future): crosses to the GUI thread
    index_ready = Signal()  # the worker holds a fresh VisitIndex (benchmarks wait for it)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self._archive: Archive | None = None  # touched only on the worker thread
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="archive-queries")
        self._done_connected = False
        self._connecting = threading.Lock()  # the index thread delivers too
        self._closed = False
        self._building = False
        self._building_lock = threading.Lock()

    def run(
        self,
        job: Callable[[Archive], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        future = self.submit(job)
        if future is not None:
            self.deliver(future, on_done, on_error)

    def submit(self, job: Callable[[Archive], T]) -> Future[T] | None:
        """Queue `job`; its answer is handed to the GUI thread only once `deliver`ed. The
        start-up asks for the first answer this way, before the window that shows it exists."""
        if self._closed:
            return None
        try:
            return self._pool.submit(self._call, job)
        except RuntimeError:  # closed meanwhile, by the GUI thread: nobody wants the answer
            return None

    def deliver(
        self,
        future: Future[T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Call `on_done(answer)` (or `on_error`) on the GUI thread once `future` is done."""
        with self._connecting:
            if not self._done_connected:
                self._connect_done()
        future.add_done_callback(lambda f: self._done.emit((on_done, on_error, f)))

    def _connect_done(self) -> None:
        # Connected at the first delivery, not in __init__: `Qt` is imported here because
        # its first use creates its hundred enums (40 ms), and the start-up submits its
        # first query before that (viewer.qt.first_answer).
        from PySide6.QtCore import Qt

        # Queued even from the GUI thread: a job that finishes before add_done_callback runs
        # has its callback called at once, in run()'s caller, which must never see its
        # answer before run() returns (the window did, during its own construction).
        self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._done_connected = True

    def run_apart(
        self,
        job: Callable[[Archive], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Like `run`, but on a thread and connection of its own: for long reads (an export
        of 50,000 visits takes half a minute) that must not hold up the filters."""
        if self._closed:
            return
        future: Future[T] = Future()
        self.deliver(future, on_done, on_error)

        def work() -> None:
            try:
                with Archive(self._path, read_only=True) as archive:
                    future.set_result(job(archive))
            except BaseException as error:  # handed to on_error on the GUI thread
                future.set_exception(error)

        threading.Thread(target=work, name="archive-read", daemon=True).start()

    def _call(self, job: Callable[[Archive], T]) -> T:
        if self._archive is None:
            self._archive = Archive(self._path, read_only=True)
            self._archive.on_stale_index = self.build_index
        return job(self._archive)

    def build_index(self) -> None:
        """Build the archive's `VisitIndex` on a thread of its own, then hand it to the
        worker. Queries go on meanwhile (SQL answers them), so a user who filters right
        after the start, or during an import, never waits for the index."""
        with self._building_lock:
            if self._building or self._closed:
                return
            self._building = True
        threading.Thread(target=self._build_index, name="visit-index", daemon=True).start()

    def _build_index(self) -> None:
        try:
            index = build_index(self._path)
        except Exception:
            log.exception("the visit index could not be built; SQL answers instead")
            return
        finally:
            with self._building_lock:
                self._building = False
        if self._closed:
            index.close()
            return
        self.run(lambda archive: archive.adopt_index(index), lambda _: self.index_ready.emit())

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
