"""The main window as a user drives it: search, facets, chips, the article, the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.qt_synthetic import build_archive
from viewer.core.archive import VisitFilter
from viewer.qt.timeline_model import VisitRowRole


def _visible_headlines(window) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.model
    rows = [model.data(model.index(r, 0), VisitRowRole) for r in range(model.rowCount())]
    return [r.headline for r in rows if r is not None]


def _wait_for_filter(qtbot, window, change) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        change()


def test_window_shows_the_archive_newest_first(make_window, seeds_archive):
    window = make_window(seeds_archive)
    headlines = _visible_headlines(window)
    assert len(headlines) == 2
    assert "Thiệu Trung" in headlines[0]  # 22/12 before 12/12
    assert window.model.data(window.model.index(0, 0)).startswith("Tháng 12/2025 — 2")
    # The newest visit is selected and its article shown, highlighted.
    assert window.article.detail is not None
    assert "Thiệu Trung" in window.article.detail.article_title
    assert "entity:official:" in window.article.browser.toHtml()


def test_typing_without_tones_finds_the_thieu_hoa_visit_only(qtbot, make_window, seeds_archive):
    window = make_window(seeds_archive)
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        qtbot.keyClicks(window.search, "thieu hoa")  # debounced: one query, not nine
    assert window.filter.text == "thieu hoa"
    headlines = _visible_headlines(window)
    assert len(headlines) == 1 and "Thiệu Hóa" in headlines[0]
    assert window.article.detail and "004_" in window.article.detail.source_files[0]
    # The hits are highlighted in the article, and a chip shows the search.
    assert "background-color:#ffe14d" in window.article.browser.toHtml()
    assert any("thieu hoa" in chip.text() for chip in window.chips.chips)


def test_a_facet_value_narrows_the_timeline_and_the_other_counts(qtbot, make_window,
                                                                 seeds_archive):
    window = make_window(seeds_archive)
    communes = window.filters.facets["communes"]
    topics_before = dict((v, t) for v, t, _ in window.filters.facets["topics"].value_rows())
    bien_thuong = next(v for v, text, _ in communes.value_rows() if "Biện Thượng" in text)
    _wait_for_filter(qtbot, window, lambda: communes.click_value(bien_thuong))
    assert window.filter.communes == frozenset({bien_thuong})
    headlines = _visible_headlines(window)
    assert len(headlines) == 1 and "Biện Thượng" in headlines[0]
    topics_after = dict((v, t) for v, t, _ in window.filters.facets["topics"].value_rows())
    assert topics_after != topics_before  # counts follow the commune chosen
    assert all(text.endswith("(1)") for text in topics_after.values())
    # The commune's own facet still offers the other communes to widen the choice.
    assert any("Thiệu Hóa" in text for _, text, _ in communes.value_rows())
    assert any(checked for v, _, checked in communes.value_rows() if v == bien_thuong)
    # Its chip removes it again.
    chip = next(c for c in window.chips.chips if "Biện Thượng" in c.text())
    _wait_for_filter(qtbot, window, lambda: qtbot.mouseClick(chip, Qt.MouseButton.LeftButton))
    assert window.filter == VisitFilter()
    assert len(_visible_headlines(window)) == 2


def test_clicking_an_entity_in_the_article_filters_by_it(qtbot, make_window, seeds_archive):
    window = make_window(seeds_archive)
    detail = window.article.detail
    commune = next(c for c in detail.communes if c.visited)
    _wait_for_filter(qtbot, window,
                     lambda: window.article.filter_requested.emit("communes", commune.id))
    assert window.filter.communes == frozenset({commune.id})
    assert len(_visible_headlines(window)) == 1


def test_no_match_offers_to_clear_and_clear_all_restores(qtbot, make_window, seeds_archive):
    window = make_window(seeds_archive)
    _wait_for_filter(qtbot, window,
                     lambda: window.apply_filter(VisitFilter(text="khongcotrongbaibao")))
    assert window.model.visit_count == 0
    assert window.timeline.overlay.isVisibleTo(window.timeline)
    assert "clear" in window.timeline.overlay.link.text()
    assert window.article.detail is None
    _wait_for_filter(qtbot, window, window.actions.clear_filters.trigger)
    assert window.model.visit_count == 2
    assert not window.timeline.overlay.isVisibleTo(window.timeline)


def test_an_empty_archive_says_how_to_import(make_window, tmp_path):
    window = make_window(tmp_path / "new.sqlite")
    assert window.model.rowCount() == 0
    assert "Kéo thả bài báo vào đây" in window.timeline.overlay.title.text()


def test_keyboard_steps_through_visits(qtbot, make_window, seeds_archive):
    window = make_window(seeds_archive)
    first = window.article.detail.row.id
    window.actions.next_visit.trigger()
    second = window.article.detail.row.id
    assert second != first
    window.actions.previous_visit.trigger()
    assert window.article.detail.row.id == first


def test_the_last_filter_comes_back_next_time(qtbot, make_window, seeds_archive, settings):
    window = make_window(seeds_archive)
    _wait_for_filter(qtbot, window, lambda: window.apply_filter(VisitFilter(text="vinh loc")))
    window.close()
    again = make_window(seeds_archive)
    assert again.filter.text == "vinh loc"
    assert again.model.visit_count == 1


def test_month_headers_keep_their_height_when_the_filter_moves_them(qtbot, make_window,
                                                                    tmp_path):
    window = make_window(build_archive(tmp_path / "months.sqlite", 60, months=8))
    view, model = window.timeline, window.model

    def heights_match() -> bool:
        header = view.rowHeight(model.header_rows[0])
        visit = view.verticalHeader().defaultSectionSize()
        return header < visit and all(
            view.rowHeight(r) == (header if r in model.header_rows else visit)
            for r in range(model.rowCount()))

    assert heights_match()
    official = window.filters.facets["officials"].value_rows()[0][0]
    _wait_for_filter(qtbot, window, lambda: window.filter_by("officials", official))
    assert model.visit_count == 15 and heights_match()
    _wait_for_filter(qtbot, window, window.clear_filters)
    assert model.visit_count == 60 and heights_match()


def test_the_timeline_is_shown_before_the_facet_counts_arrive(qtbot, make_window, seeds_archive):
    # Counting facets costs most at scale: the filtered timeline must not wait for it.
    window = make_window(seeds_archive)
    with qtbot.waitSignals([window.timeline_shown, window.results_shown], order="strict",
                           timeout=10_000):
        window.apply_filter(VisitFilter(text="thieu hoa"))
    assert len(_visible_headlines(window)) == 1
    topics = [text for _, text, _ in window.filters.facets["topics"].value_rows()]
    assert topics and all(text.endswith("(1)") for text in topics)  # under the new filter


def test_a_superseded_filter_never_shows_its_counts(qtbot, make_window, seeds_archive):
    window = make_window(seeds_archive)
    shown: list[object] = []
    window.results_shown.connect(lambda: shown.append(window.filter))
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.apply_filter(VisitFilter(text="thieu hoa"))
        window.apply_filter(VisitFilter(text="bien thuong"))
    assert shown == [VisitFilter(text="bien thuong")]


def test_hiding_a_highlight_keeps_the_readers_place_and_a_new_visit_starts_at_the_top(
        qtbot, make_window, seeds_archive):
    window = make_window(seeds_archive)
    window.resize(900, 400)  # the article scrolls
    window.show()
    qtbot.waitExposed(window)
    scrollbar = window.article.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: scrollbar.maximum() > 0)
    scrollbar.setValue(scrollbar.maximum() // 2)
    place = scrollbar.value()
    window.article.legend_boxes["official"].click()  # re-rendered without that highlight
    assert "entity:official:" not in window.article.browser.toHtml()
    assert scrollbar.value() == place
    window.step_visit(1)  # another visit is read from its beginning
    assert scrollbar.value() == 0


def test_clicking_a_name_in_the_article_or_the_facts_filters_by_it(qtbot, make_window,
                                                                   seeds_archive):
    from PySide6.QtCore import QUrl

    from viewer.qt.article_html import entity_href
    from viewer.qt.entities import entity_filter

    window = make_window(seeds_archive)
    detail = window.article.detail
    # The article's link, as QTextBrowser hands it over: a QUrl, percent-encoded.
    mention = next(m for m in detail.mentions if m.kind == "official"
                   and entity_filter(detail, m.kind, m.key))
    facet, official = entity_filter(detail, mention.kind, mention.key)
    _wait_for_filter(qtbot, window, lambda: window.article.browser.anchorClicked.emit(
        QUrl(entity_href(mention.kind, mention.key))))
    assert getattr(window.filter, facet) == frozenset({official})
    # The facts panel's link to a topic.
    topic = window.article.detail.row.topics[0].id
    _wait_for_filter(qtbot, window, lambda: window.article.facts.anchorClicked.emit(
        QUrl(f"filter:topics:{topic}")))
    assert window.filter.topics == frozenset({topic})
