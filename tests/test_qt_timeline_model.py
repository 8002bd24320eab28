"""The timeline model stays instant on big archives: ids only, rows fetched a page at a time."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.qt_synthetic import build_archive
from viewer.core.archive import Archive, VisitFilter, VisitRow
from viewer.qt.timeline_model import (
    PAGE_SIZE,
    HeaderRole,
    MonthSection,
    TimelineModel,
    VisitIdRole,
    VisitRowRole,
)

VISITS, UNDATED, MONTHS = 3000, 7, 24


@pytest.fixture(scope="module")
def big_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.sqlite"
    return build_archive(path, VISITS, undated=UNDATED, months=MONTHS)


@pytest.fixture
def archive(big_archive: Path):
    with Archive(big_archive) as archive:
        yield archive


def _model(archive: Archive, filter_: VisitFilter | None = None) -> TimelineModel:
    filter_ = filter_ or VisitFilter()
    model = TimelineModel(archive.visit_rows)
    model.set_results(archive.visit_ids(filter_), archive.month_counts(filter_))
    return model


def test_row_count_is_immediate_and_fetches_nothing(qtbot, archive):
    model = _model(archive)
    started = time.perf_counter()
    rows = model.rowCount()
    assert time.perf_counter() - started < 0.01
    months = len(archive.month_counts())
    assert rows == VISITS + UNDATED + months + 1  # one header per month, one for "no date"
    assert model.pages_fetched == 0


def test_a_far_row_fetches_one_page_and_its_neighbours_come_free(qtbot, archive):
    model = _model(archive)
    far = model.rowCount() - 50
    row = model.data(model.index(far, 0), VisitRowRole)
    assert isinstance(row, VisitRow)
    assert model.pages_fetched == 1
    for near in range(far - 5, far + 5):
        model.data(model.index(near, 0), VisitRowRole)
    assert model.pages_fetched <= 2  # at most the page boundary was crossed
    assert row.id == model.data(model.index(far, 0), VisitIdRole)


def test_pages_are_cached_and_evicted_least_recently_used(qtbot, archive):
    model = _model(archive)
    for position in range(0, VISITS, PAGE_SIZE):
        model.data(model.index(model.row_of_position(position), 0), VisitRowRole)
    fetched = model.pages_fetched
    model.data(model.index(model.row_of_position(VISITS - 1), 0), VisitRowRole)
    assert model.pages_fetched == fetched  # last page still cached


def test_month_headers_sit_above_each_month_newest_first(qtbot, archive):
    model = _model(archive)
    counts = dict(archive.month_counts())
    ids = archive.visit_ids()
    rows = {r[0]: r[1] for r in archive.conn.execute("SELECT id, visit_date FROM visits")}
    previous_month = "9999-99"
    for header in model.header_rows:
        section = model.data(model.index(header, 0), HeaderRole)
        assert isinstance(section, MonthSection)
        if section.month is None:
            assert section.count == UNDATED and header == model.header_rows[-1]
            continue
        assert section.month < previous_month
        previous_month = section.month
        assert section.count == counts[section.month]
        first_visit = model.visit_id_at(header + 1)
        assert rows[first_visit][:7] == section.month  # the visit under it is of that month
        assert model.flags(model.index(header, 0)) == Qt.ItemFlag.NoItemFlags  # not selectable
    # Every visit appears exactly once, in the query's order.
    shown = [model.visit_id_at(r) for r in range(model.rowCount())]
    assert [i for i in shown if i is not None] == ids


def test_month_header_labels_read_as_users_expect(qtbot, archive):
    model = _model(archive)
    label = model.data(model.index(0, 0))
    assert label.startswith("Tháng 12/2025 — ") and label.endswith(" chuyến")


def test_navigation_skips_headers_and_finds_months(qtbot, archive):
    model = _model(archive)
    first_visit = model.neighbour_visit_row(-1, 1)
    assert first_visit == 1
    second_header = model.header_rows[1]
    assert model.neighbour_visit_row(second_header - 1, 1) == second_header + 1
    assert model.neighbour_visit_row(second_header + 1, -1) == second_header - 1
    month = model.data(model.index(second_header, 0), HeaderRole).month
    assert model.row_of_month(month) == second_header
    assert model.row_of_visit(model.visit_id_at(second_header + 1)) == second_header + 1


def test_a_filter_with_no_dated_visit_has_only_the_undated_header(qtbot, archive):
    undated = [r[0] for r in archive.conn.execute(
        "SELECT id FROM visits WHERE visit_date IS NULL ORDER BY id DESC")]
    model = TimelineModel(archive.visit_rows)
    model.set_results(undated, [])
    assert model.rowCount() == UNDATED + 1
    assert model.data(model.index(0, 0), HeaderRole).month is None
