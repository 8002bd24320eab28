"""The window builds the visit index beside its query thread and adopts it; imports made
meanwhile are seen, and filtering works before, during and after."""

from __future__ import annotations

from tests.factories import add_visit
from tests.qt_synthetic import build_archive
from viewer.core.archive import Archive, VisitFilter


def worker_index(window):  # type: ignore[no-untyped-def]
    archive = window.executor._archive
    return archive._index if archive is not None else None


def test_the_window_adopts_an_index_after_its_first_answer(make_window, qtbot, tmp_path):
    window = make_window(build_archive(tmp_path / "a.sqlite", 300, months=12))
    qtbot.waitUntil(lambda: worker_index(window) is not None, timeout=10_000)
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.apply_filter(VisitFilter(text="lang nghe"))
    assert window.model.visit_count == 100  # one visit in three is about craft villages


def test_visits_imported_by_another_window_reach_the_timeline(make_window, qtbot, tmp_path):
    path = build_archive(tmp_path / "a.sqlite", 30, months=3)
    window = make_window(path)
    qtbot.waitUntil(lambda: worker_index(window) is not None, timeout=10_000)
    with Archive(path) as other:
        add_visit(other, lead="Trịnh Văn Mới", file_name="new.txt")
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.refresh()  # answered by SQL while a new index is built
    assert window.model.visit_count == 31
    qtbot.waitUntil(lambda: worker_index(window) is not None, timeout=10_000)
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.apply_filter(VisitFilter(text="Trịnh"))
    assert window.model.visit_count == 1
