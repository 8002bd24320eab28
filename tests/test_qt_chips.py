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
