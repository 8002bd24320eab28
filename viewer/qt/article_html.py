"""The article as HTML for the article pane: entities, sentences and search hits highlighted.

A pure function of (visit, enabled kinds, search spans), so it is unit-tested without a
window. Every piece of article text goes through `html.escape`: the text came from files
on the internet and must never reach a widget as markup.

Highlights overlap (a name inside a directive sentence, a search hit across a name), so the
text is split at every span boundary and, at each boundary, only the elements that change
are closed and reopened: properly nested spans stay whole, crossing ones are split.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from itertools import pairwise
from urllib.parse import quote

from viewer.core.archive import VisitDetail

ENTITY_KINDS = ("official", "title", "commune", "former_unit", "province", "organisation",
                "site", "topic", "date")
SENTENCE_KINDS = ("directive", "difficulty")
ALL_KINDS = (*ENTITY_KINDS, *SENTENCE_KINDS, "caption", "search")

# The look of each kind; the legend shows the same styles.
KIND_STYLES: dict[str, str] = {
    "official": "color:#1d4fa3; font-weight:600",
    "title": "color:#6a3d9a",
    "commune": "color:#0b7a3e; font-weight:600",
    "former_unit": "color:#8a6d00; font-weight:600",
    "province": "color:#0e6f73",
    "organisation": "color:#9a4a06",
    "site": "color:#b0302a",
    "topic": "color:#b0007a",
    "date": "color:#c05800; font-weight:600",
    "directive": "background-color:#dcf2d8",
    "difficulty": "background-color:#fde3cf",
    "caption": "color:#707070; font-style:italic",
    "search": "background-color:#ffe14d",
}

_CAPTION, _SENTENCE, _ENTITY, _SEARCH = range(4)  # nesting order, outermost first
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class _Element:
    """One highlight over article[start:end], opened and closed around the text."""

    start: int
    end: int
    level: int
    open_tag: str
    close_tag: str


def entity_href(kind: str, key: str) -> str:
    return f"entity:{kind}:{quote(key, safe='')}"


def _elements(
    detail: VisitDetail, enabled: set[str], search_spans: list[tuple[int, int]]
) -> list[_Element]:
    elements: list[_Element] = []
    seen_statements: set[tuple[str, int, int]] = set()
    statements = [(s.kind, s.start, s.end) for s in detail.statements]
    # The extractor may also store sentence kinds as mentions; use both, once.
    statements += [(m.kind, m.start, m.end) for m in detail.mentions
                   if m.kind in (*SENTENCE_KINDS, "caption")]
    for kind, start, end in statements:
        if kind not in enabled or (kind, start, end) in seen_statements or start >= end:
            continue
        seen_statements.add((kind, start, end))
        level = _CAPTION if kind == "caption" else _SENTENCE
        elements.append(_Element(start, end, level, f'<span style="{KIND_STYLES[kind]}">',
                                 "</span>"))
    for m in detail.mentions:
        if m.kind in ENTITY_KINDS and m.kind in enabled and m.start < m.end:
            tag = (f'<a href="{entity_href(m.kind, m.key)}" '
                   f'style="{KIND_STYLES[m.kind]}; text-decoration:none">')
            elements.append(_Element(m.start, m.end, _ENTITY, tag, "</a>"))
    if "search" in enabled:
        for start, end in search_spans:
            if start < end:
                elements.append(_Element(start, end, _SEARCH,
                                         f'<span style="{KIND_STYLES["search"]}">', "</span>"))
    return elements


def _wanted_stack(active: list[_Element]) -> list[_Element]:
    """Elements to have open over one stretch of text, outermost first.

    Anchors cannot nest, so of several entities over the same text only the innermost
    (shortest) one is kept there: "xã Thiệu Hóa" inside a site's name stays a commune.
    """
    entities = [e for e in active if e.level == _ENTITY]
    keep = min(entities, key=lambda e: (e.end - e.start, -e.start)) if entities else None
    chosen = [e for e in active if e.level != _ENTITY or e is keep]
    return sorted(chosen, key=lambda e: (e.level, e.start, -e.end, e.open_tag))


def _paragraph_html(text: str, p_start: int, p_end: int, elements: list[_Element]) -> str:
    inside = [e for e in elements if e.start < p_end and e.end > p_start]
    cuts = {p_start, p_end}
    for e in inside:
        cuts.update((max(e.start, p_start), min(e.end, p_end)))
    bounds = sorted(cuts)
    out: list[str] = []
    open_stack: list[_Element] = []
    for a, b in pairwise(bounds):
        wanted = _wanted_stack([e for e in inside if e.start <= a and e.end >= b])
        keep = 0
        while keep < min(len(open_stack), len(wanted)) and open_stack[keep] is wanted[keep]:
            keep += 1
        out.extend(e.close_tag for e in reversed(open_stack[keep:]))
        out.extend(e.open_tag for e in wanted[keep:])
        open_stack = wanted
        out.append(html.escape(text[a:b]))
    out.extend(e.close_tag for e in reversed(open_stack))
    return "".join(out)


def render_article_html(
    detail: VisitDetail,
    enabled: set[str] | frozenset[str] = frozenset(ALL_KINDS),
    search_spans: list[tuple[int, int]] | None = None,
) -> str:
    """The article text as HTML: one <p> per paragraph, the title as a larger first one."""
    text = detail.article_text
    elements = _elements(detail, set(enabled), search_spans or [])
    parts = []
    for match in _PARAGRAPH.finditer(text):
        start, end = match.span()
        if not text[start:end].strip():
            continue
        body = _paragraph_html(text, start, end, elements)
        if end <= detail.body_start:
            parts.append(f'<p style="font-size:x-large; font-weight:600">{body}</p>')
        else:
            parts.append(f"<p>{body}</p>")
    return "<html><body>" + "\n".join(parts) + "</body></html>"


def legend_swatch_html(kind: str, label: str) -> str:
    """A legend entry drawn in the kind's own style."""
    return f'<span style="{KIND_STYLES[kind]}">{html.escape(label)}</span>'
