"""The start-up asks for its first answer before the window exists; the window shows it."""

from __future__ import annotations

import pytest

from tests.qt_synthetic import build_archive
from viewer.core.archive import Archive, VisitFilter
from viewer.qt.app import Application
from viewer.qt.dialogs import ArchiveChoice
from viewer.qt.first_answer import ask_first_answer


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory: pytest.TempPathFactory):
    return build_archive(tmp_path_factory.mktemp("first") / "a.sqlite", 400, undated=5,
                         months=14)


def test_the_window_shows_the_answer_asked_for_before_it(qtbot, settings, archive_path):
    settings.set_last_filter(VisitFilter(topics=frozenset({"education"})))
    first = ask_first_answer(archive_path, settings.last_filter())
    assert first is not None
    application = Application(settings)
    try:
        assert application.open(archive_path, first)
        window = application.window
        assert window is not None and window.executor is first.executor
        qtbot.waitUntil(lambda: window.result is not None, timeout=10_000)
        assert window.filter == settings.last_filter()
        with Archive(archive_path, read_only=True) as archive:
            assert window.model.ids == archive.visit_ids(window.filter)
    finally:
        application.close()


def test_an_answer_for_an_archive_that_did_not_open_is_dropped(qtbot, settings, tmp_path,
                                                               monkeypatch):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not an archive", encoding="utf-8")
    first = ask_first_answer(bad, VisitFilter())
    assert first is not None
    monkeypatch.setattr("viewer.qt.dialogs.archive_error", lambda *_: ArchiveChoice.USE_DEFAULT)
    application = Application(settings)
    try:
        assert application.open(bad, first)
        assert application.window is not None
        assert application.window.executor is not first.executor
        qtbot.waitUntil(lambda: application.window.model.visit_count == 2, timeout=20_000)
    finally:
        application.close()
    # The dropped answer's query thread was stopped (conftest fails the test otherwise).


def test_no_answer_is_asked_for_an_archive_that_must_be_created_first(tmp_path):
    assert ask_first_answer(None, VisitFilter()) is None
    assert ask_first_answer(tmp_path / "none.sqlite", VisitFilter()) is None
