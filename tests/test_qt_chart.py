"""The month chart by keyboard: the same jumps and ranges as the mouse, without a mouse."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit, QToolTip, QVBoxLayout, QWidget

from tests.qt_synthetic import build_archive
from viewer.qt.month_chart import MonthChart

# Six months with March missing: the chart still shows it, so the cursor passes over it.
COUNTS = [("2025-01", 4), ("2025-02", 1), ("2025-04", 3), ("2025-05", 2), ("2025-06", 5)]
Key = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def chart(qtbot, settings):  # settings: the strings are Vietnamese, as for a new user
    """A chart below a search box, shown and focused, as in the window."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    search = QLineEdit()
    chart = MonthChart()
    layout.addWidget(search)
    layout.addWidget(chart)
    qtbot.addWidget(holder)
    holder.resize(400, 140)
    holder.show()
    qtbot.waitExposed(holder)
    holder.activateWindow()
    chart.set_counts(COUNTS, (None, None))
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    qtbot.keyClick(search, Key.Key_Tab)
    qtbot.waitUntil(chart.hasFocus)
    yield chart  # the holder lives as long as the test


def _keys(qtbot, chart, *keys) -> None:  # type: ignore[no-untyped-def]
    for key in keys:
        key, modifier = key if isinstance(key, tuple) else (key, Qt.KeyboardModifier.NoModifier)
        qtbot.keyClick(chart, key, modifier)


def test_tab_reaches_the_chart_with_its_cursor_on_the_newest_month(chart):
    assert chart.hasFocus()
    assert chart.cursor_month() == "2025-06"
    assert chart.accessibleName() == "Biểu đồ số chuyến theo tháng"
    assert chart.accessibleDescription().startswith("Tháng 6/2025: 5 chuyến.")


def test_arrows_move_the_cursor_and_enter_jumps_as_a_click_does(qtbot, chart):
    with qtbot.waitSignal(chart.month_clicked) as jumped:
        _keys(qtbot, chart, Key.Key_Left, Key.Key_Left, Key.Key_Return)
    assert jumped.args == ["2025-04"]
    with qtbot.waitSignal(chart.month_clicked) as jumped:
        _keys(qtbot, chart, Key.Key_Left, Key.Key_Space)  # the gap month is a month too
    assert jumped.args == ["2025-03"]
    with qtbot.waitSignal(chart.month_clicked) as jumped:
        _keys(qtbot, chart, Key.Key_Home, Key.Key_Left, Key.Key_Enter)  # stops at the edge
    assert jumped.args == ["2025-01"]
    with qtbot.waitSignal(chart.month_clicked) as jumped:
        _keys(qtbot, chart, Key.Key_End, Key.Key_Right, Key.Key_Return)
    assert jumped.args == ["2025-06"]

    # The mouse sees the same month: a click on the fourth bar jumps to April.
    with qtbot.waitSignal(chart.month_clicked) as clicked:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=_bar_centre(chart, 3))
    assert clicked.args == ["2025-04"]
    assert chart.cursor_month() == "2025-04"  # and the keyboard goes on from there


def _bar_centre(chart: MonthChart, index: int) -> QPoint:
    plot = chart._plot()
    return QPoint(int(plot.left() + (index + 0.5) * chart._step(plot)), int(plot.center().y()))


def test_shift_arrows_narrow_to_the_range_a_drag_narrows_to(qtbot, chart):
    with qtbot.waitSignal(chart.range_selected) as dragged:
        qtbot.mousePress(chart, Qt.MouseButton.LeftButton, pos=_bar_centre(chart, 1))
        qtbot.mouseMove(chart, _bar_centre(chart, 3))
        qtbot.mouseRelease(chart, Qt.MouseButton.LeftButton, pos=_bar_centre(chart, 3))
    assert dragged.args == [dt.date(2025, 2, 1), dt.date(2025, 4, 30)]

    ranges = []
    chart.range_selected.connect(lambda start, end: ranges.append((start, end)))
    _keys(qtbot, chart, Key.Key_Home, Key.Key_Right, (Key.Key_Right, SHIFT),
          (Key.Key_Right, SHIFT))
    assert ranges[-1] == tuple(dragged.args)
    # The range grows from where Shift was first held, also back past its start.
    _keys(qtbot, chart, (Key.Key_Left, SHIFT), (Key.Key_Left, SHIFT), (Key.Key_Left, SHIFT))
    assert ranges[-1] == (dt.date(2025, 1, 1), dt.date(2025, 2, 28))
    # A plain arrow ends the range; the next Shift+arrow starts a new one from the cursor.
    _keys(qtbot, chart, Key.Key_End, (Key.Key_Left, SHIFT))
    assert ranges[-1] == (dt.date(2025, 5, 1), dt.date(2025, 6, 30))


def test_escape_clears_the_date_range_and_only_when_there_is_one(qtbot, chart):
    with qtbot.assertNotEmitted(chart.range_selected):
        _keys(qtbot, chart, Key.Key_Escape)
    chart.set_counts(COUNTS, (dt.date(2025, 2, 1), dt.date(2025, 4, 30)))
    with qtbot.waitSignal(chart.range_selected) as cleared:
        _keys(qtbot, chart, Key.Key_Escape)
    assert cleared.args == [None, None]


def test_the_tooltip_names_the_month_under_the_cursor(qtbot, chart):
    _keys(qtbot, chart, Key.Key_Home, Key.Key_Right)
    assert chart.toolTip().startswith("Tháng 2/2025: 1 chuyến\n")
    assert "Shift" in chart.toolTip()  # says how to narrow
    qtbot.waitUntil(lambda: QToolTip.isVisible() and QToolTip.text() == chart.toolTip())
    assert chart.accessibleDescription().startswith("Tháng 2/2025: 1 chuyến.")


def test_the_cursor_keeps_its_month_when_the_span_of_months_changes(qtbot, chart):
    _keys(qtbot, chart, Key.Key_Home, Key.Key_Right)
    chart.set_counts([("2024-11", 1), *COUNTS], (None, None))  # a text filter found older
    assert chart.cursor_month() == "2025-02"


def test_keyboard_in_the_window_narrows_the_timeline_and_escape_restores(qtbot, make_window,
                                                                          tmp_path):
    window = make_window(build_archive(tmp_path / "a.sqlite", 60, months=6))
    window.show()
    qtbot.waitExposed(window)
    months = list(window.chart.months)
    assert len(months) == 6
    window.chart.setFocus()
    qtbot.waitUntil(window.chart.hasFocus)
    total = window.model.visit_count

    with qtbot.waitSignal(window.timeline_shown, timeout=10_000):
        _keys(qtbot, window.chart, Key.Key_End, (Key.Key_Left, SHIFT))
    first, last = dt.date.fromisoformat(months[-2] + "-01"), window.filter.date_to
    assert window.filter.date_from == first and last and last.strftime("%Y-%m") == months[-1]
    # The timeline's month headers are the two months only.
    assert window.result and [m for m, _n in window.result.month_counts] == months[-2:]
    assert 0 < window.model.visit_count < total

    with qtbot.waitSignal(window.timeline_shown, timeout=10_000):
        _keys(qtbot, window.chart, Key.Key_Escape)
    assert (window.filter.date_from, window.filter.date_to) == (None, None)
    assert window.model.visit_count == total
