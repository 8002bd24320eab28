"""The filter chips: one per active filter part, rebuilt only when what they say changes."""

from __future__ import annotations

from viewer.core.archive import VisitFilter
from viewer.qt.filter_chips import FilterChips


def test_chips_are_kept_when_the_counts_bring_nothing_new(qtbot):
    chips = FilterChips()
    qtbot.addWidget(chips)
    filter_ = VisitFilter(text="lang nghe", officials=frozenset({7}))
    chips.show_filter(filter_, {})
    first = list(chips.chips)
    assert "lang nghe" in first[1].text()
    chips.show_filter(filter_, {})  # the facet counts arrived: same words, same chips
    assert chips.chips == first
    chips.show_filter(filter_, {("officials", 7): "Mai Xuân Liêm"})  # a name instead of 7
    assert chips.chips != first and "Mai Xuân Liêm" in chips.chips[0].text()
    chips.show_filter(VisitFilter(), {})
    assert chips.chips == [] and chips.isHidden()


def test_many_chips_wrap_onto_lines_instead_of_widening_the_window(qtbot):
    chips = FilterChips()
    qtbot.addWidget(chips)
    communes = {("communes", n): f"xã Commune Có Tên Khá Dài Số {n}" for n in range(8)}
    long_search = "chuyển đổi số " * 10
    chips.show_filter(VisitFilter(communes=frozenset(range(8)), text=long_search), communes)
    chips.resize(400, chips.heightForWidth(400))
    chips.show()
    qtbot.waitExposed(chips)
    widest = max(chip.sizeHint().width() for chip in chips.chips)
    assert chips.minimumSizeHint().width() <= max(widest, 400)
    assert chips.minimumSizeHint().width() < 400  # eight chips side by side: ~2,000 px
    rows = {chip.geometry().top() for chip in chips.chips}
    assert len(rows) >= 4  # wrapped, each chip whole and inside the width
    assert all(chip.geometry().right() < 400 for chip in chips.chips)
    search_chip = chips.chips[-1]
    assert search_chip.text().endswith("…") and len(search_chip.text()) <= 48
    assert long_search.strip() in chips.texts[-1]  # the printed description keeps every word
    assert long_search.strip() in search_chip.toolTip()
