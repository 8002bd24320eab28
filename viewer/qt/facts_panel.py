"""The facts of one visit beside its article: who, when, where, with whom, what was said."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from viewer.core.archive import VisitDetail
from viewer.qt.strings import tr
from viewer.qt.timeline_delegate import date_text

if TYPE_CHECKING:  # named, QUrl's Python type would be made at every start: see article_view
    from PySide6.QtCore import QUrl


def _link(facet: str, value: int | str, label: str) -> str:
    return f'<a href="filter:{facet}:{html.escape(str(value))}">{html.escape(label)}</a>'


def _section(title: str, items: list[str]) -> str:
    if not items:
        return ""
    rows = "".join(f"<li>{item}</li>" for item in items)
    return f"<h4>{html.escape(title)}</h4><ul style='margin-left:-20px'>{rows}</ul>"


def facts_html(detail: VisitDetail) -> str:
    """Everything below is escaped: names and sentences come from the article text."""
    row = detail.row
    parts: list[str] = []
    lead = detail.lead
    if lead:
        titles = f", {html.escape(', '.join(lead.titles))}" if lead.titles else ""
        parts.append(_section(tr("facts.who"), [_link("officials", lead.id, lead.name) + titles]))
    when = html.escape(date_text(row))
    if row.date_inferred and row.date:
        when += f" <i>({html.escape(tr('timeline.inferred'))})</i>"
    parts.append(_section(tr("facts.when"), [when]))
    places = []
    for c in detail.communes:
        if not c.visited:
            continue
        former = "" if c.current else f" <i>({html.escape(tr('facts.former'))})</i>"
        province = f", {html.escape(c.province)}" if c.province else ""
        places.append(_link("communes", c.id, f"{c.unit} {c.name}") + province + former)
    parts.append(_section(tr("facts.where"), places))
    delegation = []
    for o in detail.officials:
        if o.role == "delegation":
            titles = f" — {html.escape(', '.join(o.titles))}" if o.titles else ""
            delegation.append(_link("officials", o.id, o.name) + titles)
    parts.append(_section(tr("facts.with"), delegation))
    parts.append(_section(tr("facts.sites"), [html.escape(s.name) for s in detail.sites]))
    parts.append(_section(tr("facts.organisations"),
                          [html.escape(o.name) for o in detail.organisations]))
    parts.append(_section(tr("facts.topics"),
                          [_link("topics", t.id, t.label_vi) for t in row.topics]))
    parts.append(_section(tr("facts.difficulties"),
                          [html.escape(s.text) for s in detail.statements_of("difficulty")]))
    parts.append(_section(tr("facts.directives"),
                          [html.escape(s.text) for s in detail.statements_of("directive")]))
    return "<html><body>" + "".join(parts) + "</body></html>"


class FactsPanel(QTextBrowser):
    """Read-only facts; clicking a name, commune or topic filters the archive by it."""

    filter_requested = Signal(str, object)  # facet, value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._clicked)
        self.document().setDefaultStyleSheet("a { text-decoration: none; } h4 { margin: 0; }")

    def show_visit(self, detail: VisitDetail | None) -> None:
        self.setHtml(facts_html(detail) if detail else "")

    def _clicked(self, url: QUrl) -> None:
        parts = url.toString().split(":", 2)
        if len(parts) == 3 and parts[0] == "filter":
            facet, value = parts[1], parts[2]
            self.filter_requested.emit(facet, value if facet == "topics" else int(value))
