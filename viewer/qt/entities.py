"""What a highlighted entity in the article resolved to: its tooltip and the filter it sets.

Mention keys come from the extractor (`viewer.core.model`): officials and names by
`tone_key(name)`, current communes "ward:<code>", former units
"former:<unit>:<tone_key>:<province>", topics by their taxonomy id.
"""

from __future__ import annotations

import html
from urllib.parse import unquote

from viewer.core.archive import CommuneInVisit, OfficialInVisit, VisitDetail
from viewer.core.text import tone_key
from viewer.qt.strings import tr


def parse_href(href: str) -> tuple[str, str] | None:
    """("official", key) from "entity:official:<quoted key>", else None."""
    parts = href.split(":", 2)
    if len(parts) != 3 or parts[0] != "entity":
        return None
    return parts[1], unquote(parts[2])


def find_official(detail: VisitDetail, key: str) -> OfficialInVisit | None:
    return next((o for o in detail.officials if tone_key(o.name) == key), None)


def find_commune(detail: VisitDetail, key: str) -> CommuneInVisit | None:
    if key.startswith("ward:"):
        code = key.removeprefix("ward:")
        return next((c for c in detail.communes if str(c.code) == code), None)
    if key.startswith("former:"):
        parts = key.split(":")
        unit, name_key = (parts[1], parts[2]) if len(parts) >= 3 else ("", "")
        return next((c for c in detail.communes
                     if not c.current and c.unit == unit and tone_key(c.name) == name_key), None)
    return None


def entity_filter(detail: VisitDetail, kind: str, key: str) -> tuple[str, int | str] | None:
    """The (facet, value) a click on this entity filters by, or None when it sets none."""
    if kind in ("official", "title"):
        official = find_official(detail, key)
        return ("officials", official.id) if official else None
    if kind in ("commune", "former_unit"):
        commune = find_commune(detail, key)
        return ("communes", commune.id) if commune else None
    if kind == "topic" and any(t.id == key for t in detail.row.topics):
        return "topics", key
    return None


def entity_tooltip(detail: VisitDetail, kind: str, key: str, text: str) -> str:
    """Rich-text tooltip: what the highlighted words were understood to be."""
    lines = [f"<b>{html.escape(text)}</b> — {html.escape(tr('kind.' + kind))}"]
    if kind in ("official", "title"):
        official = find_official(detail, key)
        if official:
            lines.append(html.escape(official.name))
            if official.titles:
                lines.append(f"{html.escape(tr('tip.titles'))}: "
                             + html.escape("; ".join(official.titles)))
    elif kind in ("commune", "former_unit"):
        commune = find_commune(detail, key)
        if commune:
            state = tr("tip.current") if commune.current else tr("facts.former")
            code = f", {tr('tip.gazetteer_code', code=commune.code)}" if commune.code else ""
            lines.append(html.escape(f"{commune.unit} {commune.name}, {commune.province}"
                                     f"{code} ({state})"))
    elif kind == "topic":
        topic = next((t for t in detail.row.topics if t.id == key), None)
        if topic:
            lines.append(html.escape(f"{topic.label_vi} / {topic.label_en}"))
    if entity_filter(detail, kind, key):
        lines.append(f"<i>{html.escape(tr('tip.click_to_filter'))}</i>")
    return "<br>".join(lines)
