"""The start-up filter's answer, asked for before the window's modules are imported.

The first answer comes from SQL (the visit index is built after the first paint): about
0.1 s at 100,000 visits. Asked for as soon as the archive and the saved filter are known,
it is computed on the query thread while the GUI thread imports the window's modules and
builds its widgets (0.2-0.3 s), instead of after them while the window waits.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from viewer.core.archive import VisitFilter
from viewer.core.archive.archive import needs_upgrade
from viewer.qt.queries import FilterResult, run_filter
from viewer.qt.tasks import ArchiveExecutor


@dataclass(frozen=True)
class FirstAnswer:
    """`filter`'s answer on its way, from the query thread the window will go on using."""

    executor: ArchiveExecutor
    filter: VisitFilter
    future: Future[FilterResult]

    def discard(self) -> None:
        """Another archive was opened instead (the asked one could not be): stop the thread."""
        self.executor.close()


def ask_first_answer(path: Path | None, filter_: VisitFilter) -> FirstAnswer | None:
    """Start answering `filter_` on the archive at `path`; None when that has to wait for
    the window's own opening of the archive: the default archive may have to be created
    first, an older one upgraded (a read-only connection cannot read it before)."""
    if path is None or not path.is_file() or needs_upgrade(path):
        return None
    executor = ArchiveExecutor(path)
    future = executor.submit(lambda archive: run_filter(archive, filter_))
    if future is None:
        return None
    return FirstAnswer(executor, filter_, future)
