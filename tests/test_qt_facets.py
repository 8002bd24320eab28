"""Facet lists: new counts update in place, the list keeps its place, long lists stay light."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt

from viewer.core.archive import FacetValue
from viewer.qt.facets import PAGE, FacetList

Key = Qt.Key


def _officials(counts: dict[int, int]) -> list[FacetValue]:
    """As the archive sends them: most visits first."""
    values = [FacetValue(i, f"Quan chức {i:05d}", "Bí thư", n) for i, n in counts.items()]
    return sorted(values, key=lambda v: (-v.count, v.label))


def _communes() -> list[FacetValue]:
    return [
        FacetValue(1, "xã Thiệu Hóa", "Thanh Hóa", 9),
        FacetValue(2, "xã Thiệu Trung", "Thanh Hóa", 5),
        FacetValue(3, "xã Vĩnh Lộc", "Thanh Hóa", 4),
        FacetValue(4, "xã Diễn Châu", "Nghệ An", 3),
        FacetValue(5, "phường Vinh", "Nghệ An", 2),
    ]


@pytest.fixture
def facet_list(qtbot, settings):  # type: ignore[no-untyped-def]
    def make(grouped: bool = False) -> FacetList:
        facet = FacetList("communes" if grouped else "officials", grouped=grouped)
        qtbot.addWidget(facet)
        facet.resize(280, 300)
        facet.show()
        qtbot.waitExposed(facet)
        return facet
    return make


def _top_value(facet: FacetList) -> object:
    return facet.view.indexAt(QPoint(1, 1)).data(Qt.ItemDataRole.UserRole + 1)


def _current_value(facet: FacetList) -> object:
    return facet.view.currentIndex().data(Qt.ItemDataRole.UserRole + 1)


def _make_current(facet: FacetList, value: object) -> None:
    index = facet.model.index_of(("value", value))
    facet.view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_new_counts_for_the_same_values_are_updated_in_place(qtbot, facet_list):
    facet = facet_list()
    counts = {i: 1000 - i for i in range(60)}
    facet.set_values(_officials(counts), frozenset({3}))
    facet.view.scrollTo(facet.model.index(20), facet.view.ScrollHint.PositionAtTop)
    _make_current(facet, 25)
    scrolled = facet.view.verticalScrollBar().value()
    assert scrolled > 0

    # Every count drops by the same amount: same values, same order, new numbers.
    with qtbot.assertNotEmitted(facet.model.modelReset):
        facet.set_values(_officials({i: n - 500 for i, n in counts.items()}), frozenset({3}))
    rows = facet.value_rows()
    assert rows[0] == (0, "Quan chức 00000  (500)", False)
    assert rows[3] == (3, "Quan chức 00003  (497)", True)
    assert facet.view.verticalScrollBar().value() == scrolled
    assert (_top_value(facet), _current_value(facet)) == (20, 25)


def test_when_the_order_changes_the_list_keeps_its_top_value_and_current_row(facet_list):
    facet = facet_list()
    facet.set_values(_officials({i: 1000 - i for i in range(60)}), frozenset())
    facet.view.scrollTo(facet.model.index(20), facet.view.ScrollHint.PositionAtTop)
    _make_current(facet, 25)
    assert _top_value(facet) == 20

    # Another filter: the counts now run the other way, and values 50-59 are gone.
    facet.set_values(_officials({i: 1 + i for i in range(50)}), frozenset())
    assert [v for v, _t, _c in facet.value_rows()][:3] == [49, 48, 47]
    assert (_top_value(facet), _current_value(facet)) == (20, 25)


def test_a_list_seen_from_its_top_stays_at_its_top(facet_list):
    facet = facet_list()
    facet.set_values(_officials({i: 1000 - i for i in range(60)}), frozenset())
    facet.set_values(_officials({i: 1 + i for i in range(60)}), frozenset())
    assert facet.view.verticalScrollBar().value() == 0
    assert _top_value(facet) == 59  # the new first value, not the old one scrolled to


def test_a_long_list_reaches_the_view_a_page_at_a_time(qtbot, facet_list):
    facet = facet_list()
    many = 20_000
    facet.set_values(_officials({i: many - i for i in range(many)}), frozenset())
    assert facet.model.rowCount() == PAGE  # the view lays out one page, not 20,000 rows
    assert len(facet.value_rows()) == many
    bar = facet.view.verticalScrollBar()
    bar.setValue(bar.maximum())  # scrolling to the end brings the next page
    qtbot.waitUntil(lambda: facet.model.rowCount() == 2 * PAGE)
    # A value far down can still be ticked, as a click on it would.
    with qtbot.waitSignal(facet.toggled) as ticked:
        facet.click_value(many - 1)
    assert ticked.args == ["officials", many - 1]
    assert facet.value_rows()[-1][2] is True


def test_space_ticks_the_current_value(qtbot, facet_list):
    facet = facet_list()
    facet.set_values(_officials({i: 10 - i for i in range(5)}), frozenset())
    facet.view.setFocus()
    _make_current(facet, 2)
    with qtbot.waitSignal(facet.toggled) as ticked:
        qtbot.keyClick(facet.view, Key.Key_Space)
    assert ticked.args == ["officials", 2]


def test_a_selected_value_the_other_filters_exclude_stays_listed_ticked(facet_list):
    facet = facet_list()
    facet.set_values(_officials({1: 5, 2: 4}), frozenset())
    facet.set_values(_officials({2: 3}), frozenset({1}))
    assert facet.value_rows() == [(1, "Quan chức 00001  (0)", True),
                                  (2, "Quan chức 00002  (3)", False)]


def test_searching_without_tones_and_by_province(qtbot, facet_list):
    facet = facet_list(grouped=True)
    facet.set_values(_communes(), frozenset())
    qtbot.keyClicks(facet.search, "thieu")
    assert [v for v, _t, _c in facet.value_rows()] == [1, 2]
    assert facet.model.index(0).data() == "▾ Thanh Hóa"
    facet.search.clear()
    qtbot.keyClicks(facet.search, "nghe an")  # a province's name finds all its communes
    assert [v for v, _t, _c in facet.value_rows()] == [4, 5]
    facet.search.clear()
    assert len(facet.value_rows()) == 5


def test_a_folded_province_stays_folded_when_the_counts_change(qtbot, facet_list):
    facet = facet_list(grouped=True)
    facet.set_values(_communes(), frozenset())
    header = facet.model.index(0)
    assert header.data() == "▾ Thanh Hóa"
    qtbot.mouseClick(facet.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=facet.view.visualRect(header).center())
    assert facet.model.index(0).data() == "▸ Thanh Hóa"
    assert [v for v, _t, _c in facet.value_rows()] == [4, 5]

    facet.set_values([FacetValue(v.id, v.label, v.group, v.count + 1) for v in _communes()],
                     frozenset())
    assert [v for v, _t, _c in facet.value_rows()] == [4, 5]
    # Enter on the province opens it again.
    facet.view.setFocus()
    facet.view.setCurrentIndex(facet.model.index(0))
    qtbot.keyClick(facet.view, Key.Key_Return)
    assert [v for v, _t, _c in facet.value_rows()] == [1, 2, 3, 4, 5]


def test_typing_in_the_commune_search_after_a_filter_change(qtbot, make_window,
                                                            seeds_archive):
    # The list used to be rebuilt under a filter proxy with its signals blocked; typing
    # here after any filter change crashed the whole program (a segmentation fault).
    window = make_window(seeds_archive)
    communes = window.filters.facets["communes"]
    official = window.filters.facets["officials"].value_rows()[0][0]
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.filter_by("officials", official)
    communes.search.show()
    qtbot.keyClicks(communes.search, "thieu")
    assert communes.value_rows()
    assert all("Thiệu" in text for _v, text, _c in communes.value_rows())


def test_the_model_keeps_qts_rules_through_refreshes_and_searches(qtmodeltester, facet_list):
    facet = facet_list(grouped=True)
    facet.set_values(_communes(), frozenset({2}))
    qtmodeltester.check(facet.model)  # watches every change that follows
    facet.set_values(_communes()[1:], frozenset({2}))
    facet.search.setText("vinh")
    facet.model.toggle_group("Nghệ An")
    facet.search.clear()
    facet.model.toggle_group("Nghệ An")
    facet.set_values([], frozenset())
