"""The serial query executor hands answers back later, on the GUI thread, never re-entrantly."""

from __future__ import annotations

from concurrent.futures import Future

from viewer.core.archive import Archive
from viewer.qt.tasks import ArchiveExecutor


def test_an_answer_ready_at_once_still_arrives_after_run_returns(qtbot, tmp_path):
    Archive(tmp_path / "a.sqlite").close()
    executor = ArchiveExecutor(tmp_path / "a.sqlite")
    ready: Future[int] = Future()
    ready.set_result(42)
    # A job finished before add_done_callback runs has its callback called in run()'s caller;
    # the window once emitted its first results while still being constructed.
    executor._pool.submit = lambda *args: ready  # type: ignore[method-assign]
    answers: list[int] = []
    try:
        executor.run(lambda archive: 0, answers.append)
        assert answers == []
        qtbot.waitUntil(lambda: answers == [42], timeout=2000)
    finally:
        executor.close()
