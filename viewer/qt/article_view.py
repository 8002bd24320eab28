"""The article pane: header (dates, source files), highlight legend, text, and visit facts."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QSplitter,
    QTextBrowser,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from viewer.core.archive import VisitDetail
from viewer.core.archive.search import match_spans, parse_query
from viewer.qt.article_html import ALL_KINDS, KIND_STYLES, entity_href, render_article_html
from viewer.qt.entities import entity_filter, entity_tooltip, parse_href
from viewer.qt.facts_panel import FactsPanel
from viewer.qt.strings import tr
from viewer.qt.timeline_delegate import date_text

if TYPE_CHECKING:
    # Only a clicked link is a QUrl: its Python type (and enums, 1 ms) is made then, not
    # when this module is imported at every start.
    from PySide6.QtCore import QUrl

LEGEND_COLUMNS = 7


class ArticleBrowser(QTextBrowser):
    """Article text; entities show what they resolved to on hover and filter on click."""

    entity_clicked = Signal(str, object)  # facet, value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)  # our hrefs are not URLs to follow
        self.anchorClicked.connect(self._clicked)
        self.detail: VisitDetail | None = None
        self._texts: dict[str, str] = {}  # href -> the words it covers, for tooltips

    def set_visit(self, detail: VisitDetail | None, page: str) -> None:
        self.detail = detail
        self._texts = {}
        if detail:
            for m in detail.mentions:
                self._texts.setdefault(entity_href(m.kind, m.key),
                                       detail.article_text[m.start:m.end])
        # Re-rendered for the legend or the search: keep the reader's place. Read only then:
        # the first verticalScrollBar() makes QScrollBar's Python type (1.2 ms), which the
        # empty pane and the first visit of a start then do not wait for.
        same_visit = detail is not None and self.property("visit_id") == detail.row.id
        scroll = self.verticalScrollBar().value() if same_visit else 0
        self.setHtml(page)
        self.setProperty("visit_id", detail.row.id if detail else None)
        if same_visit:
            self.verticalScrollBar().setValue(scroll)

    def viewportEvent(self, event: QEvent) -> bool:
        # QTextBrowser ignores title attributes; hovering an anchor shows our own tooltip.
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            href = self.anchorAt(event.pos())
            parsed = parse_href(href) if href else None
            if parsed and self.detail:
                kind, key = parsed
                tip = entity_tooltip(self.detail, kind, key, self._texts.get(href, ""))
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def _clicked(self, url: QUrl) -> None:
        parsed = parse_href(url.toString(url.ComponentFormattingOption.FullyEncoded))
        if parsed and self.detail:
            target = entity_filter(self.detail, *parsed)
            if target:
                self.entity_clicked.emit(*target)


class ArticlePane(QWidget):
    filter_requested = Signal(str, object)  # facet, value
    kinds_changed = Signal(set)  # the kinds shown, for the settings

    def __init__(self, hidden_kinds: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: VisitDetail | None = None
        self.search_text = ""
        self.enabled_kinds = set(ALL_KINDS) - hidden_kinds
        self.header = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.legend = QWidget()
        grid = QGridLayout(self.legend)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        self.legend_boxes: dict[str, QCheckBox] = {}
        for number, kind in enumerate(ALL_KINDS):
            box = QCheckBox(tr(f"kind.{kind}"))
            box.setChecked(kind in self.enabled_kinds)
            box.setStyleSheet(f"QCheckBox {{ {KIND_STYLES[kind]}; padding: 1px 3px; }}")
            box.toggled.connect(lambda on, kind=kind: self._toggle_kind(kind, on))
            grid.addWidget(box, number // LEGEND_COLUMNS, number % LEGEND_COLUMNS)
            self.legend_boxes[kind] = box
        self.browser = ArticleBrowser()
        self.browser.entity_clicked.connect(self.filter_requested)
        self.facts = FactsPanel()
        self.facts.filter_requested.connect(self.filter_requested)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="article_splitter")
        self.splitter.addWidget(self.browser)
        self.splitter.addWidget(self.facts)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.placeholder = QLabel(tr("empty.no_visit"), alignment=Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.legend)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.placeholder, 1)
        self.show_visit(None)

    def show_visit(self, detail: VisitDetail | None) -> None:
        self.detail = detail
        for widget in (self.header, self.legend, self.splitter):
            widget.setVisible(detail is not None)
        self.placeholder.setVisible(detail is None)
        self.header.setText(self._header_html(detail) if detail else "")
        self.facts.show_visit(detail)
        self._render()

    def set_search(self, text: str, *, render: bool = True) -> None:
        """Highlight what `text` finds; `render=False` when a `show_visit` follows."""
        if text != self.search_text:
            self.search_text = text
            if render:
                self._render()

    def _toggle_kind(self, kind: str, on: bool) -> None:
        (self.enabled_kinds.add if on else self.enabled_kinds.discard)(kind)
        self._render()
        self.kinds_changed.emit(set(self.enabled_kinds))

    def _render(self) -> None:
        detail = self.detail
        if detail is None:
            self.browser.set_visit(None, "")
            return
        spans = match_spans(detail.article_text, parse_query(self.search_text)) \
            if self.search_text.strip() else []
        self.browser.set_visit(detail, render_article_html(detail, self.enabled_kinds, spans))

    @staticmethod
    def _header_html(detail: VisitDetail) -> str:
        visit = html.escape(date_text(detail.row))
        if detail.row.date_inferred and detail.row.date:
            visit += f" <i>({html.escape(tr('timeline.inferred'))})</i>"
        published = (detail.published.strftime("%d/%m/%Y") if detail.published
                     else tr("article.unknown"))
        files = "; ".join(detail.source_files)
        return (f"<b>{html.escape(tr('article.visit_date'))}:</b> {visit} &nbsp;·&nbsp; "
                f"<b>{html.escape(tr('article.published'))}:</b> {html.escape(published)}"
                f"<br><b>{html.escape(tr('article.sources'))}:</b> {html.escape(files)}")
