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


def test_a_long_read_apart_does_not_hold_up_the_query_thread(qtbot, tmp_path):
    import threading

    Archive(tmp_path / "a.sqlite").close()
    executor = ArchiveExecutor(tmp_path / "a.sqlite")
    release = threading.Event()
    answers: list[str] = []
    errors: list[BaseException] = []

    def long_export(archive: Archive) -> str:
        release.wait(5)
        return "export"

    try:
        executor.run_apart(long_export, answers.append)
        executor.run(lambda archive: "filter", answers.append)
        qtbot.waitUntil(lambda: answers == ["filter"], timeout=2000)  # not behind the export
        release.set()
        qtbot.waitUntil(lambda: answers == ["filter", "export"], timeout=5000)
        executor.run_apart(lambda archive: 1 / 0, answers.append, errors.append)
        qtbot.waitUntil(lambda: len(errors) == 1, timeout=2000)
        assert isinstance(errors[0], ZeroDivisionError)
    finally:
        release.set()
        executor.close()
