"""Print HTML for a visit summary or a report, in the CSS subset Qt's rich text understands.

Every string that came from an article is escaped: article text is untrusted input.
`html_sections` hands the page layout (viewer.qt.pdf_layout) each summary as its own
page of HTML, so it can keep a summary together on one sheet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from html import escape

from viewer import APP_NAME
from viewer.core.archive.records import TopicRef
from viewer.core.summary import (
    CommuneLine,
    CoverRow,
    PersonLine,
    ReportDocument,
    SummaryDocument,
)

DEFAULT_FAMILY = "Noto Sans"  # the bundled font (resources/fonts): full Vietnamese coverage

LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "summary": "Tóm tắt chuyến thăm, làm việc",
        "report": "Báo cáo các chuyến thăm, làm việc",
        "when": "Thời gian",
        "lead": "Trưởng đoàn",
        "delegation": "Cùng tham gia",
        "communes": "Địa phương",
        "sites": "Nơi đến kiểm tra",
        "topics": "Nội dung",
        "difficulties": "Khó khăn, vướng mắc",
        "directives": "Chỉ đạo",
        "source": "Nguồn",
        "published": "đăng ngày",
        "files": "tệp",
        "printed": "In lúc",
        "year_guess": "năm suy đoán",
        "former": "cũ",
        "no_date": "Không rõ ngày",
        "filter": "Bộ lọc",
        "everything": "toàn bộ kho lưu trữ",
        "visits": "chuyến thăm, làm việc",
        "col_date": "Ngày",
        "col_lead": "Lãnh đạo",
        "col_communes": "Địa phương",
        "col_topics": "Nội dung",
        "unknown": "—",
    },
    "en": {
        "summary": "Working visit summary",
        "report": "Report of working visits",
        "when": "When",
        "lead": "Led by",
        "delegation": "With",
        "communes": "Communes",
        "sites": "Sites inspected",
        "topics": "Topics",
        "difficulties": "Difficulties raised",
        "directives": "Directives",
        "source": "Source",
        "published": "published",
        "files": "files",
        "printed": "Printed",
        "year_guess": "year inferred",
        "former": "former",
        "no_date": "Date unknown",
        "filter": "Filter",
        "everything": "the whole archive",
        "visits": "working visits",
        "col_date": "Date",
        "col_lead": "Led by",
        "col_communes": "Communes",
        "col_topics": "Topics",
        "unknown": "—",
    },
}

_NEW_PAGE = ' style="page-break-before: always"'
_TIME_OF_DAY_EN = {"sáng": "morning", "trưa": "noon", "chiều": "afternoon", "tối": "evening"}

# Qt rich text: sizes in pt, margins in px (Qt scales px to the printer's resolution).
# One value per side rather than `margin: a b c d`: that is the form Qt reads everywhere.
# Sizes are relative to the body size, so a summary can be set a little smaller to fit a page.
_CSS = """
body {{ font-family: '{family}'; font-size: {body}pt; color: #1a1a1a; }}
h1 {{ font-size: {h1}pt; font-weight: bold; color: #16365c; margin-top: 0px; margin-bottom: 4px; }}
h2 {{ font-size: {h2}pt; font-weight: bold; color: #16365c; margin-top: 14px;
      margin-bottom: 6px; }}
h3 {{ font-size: {h3}pt; font-weight: bold; color: #16365c; margin-top: 8px;
      margin-bottom: 2px; }}
p {{ margin-top: 0px; margin-bottom: 3px; }}
li {{ margin-bottom: 2px; }}
td {{ padding-top: 1px; padding-bottom: 1px; }}
td.label {{ color: #555555; font-weight: bold; padding-right: 8px; white-space: nowrap; }}
table.cover {{ border-collapse: collapse; border: 1px solid #9aa7b8; }}
table.cover th {{ background-color: #e4eaf2; font-weight: bold; padding: 3px;
                  border: 1px solid #9aa7b8; }}
table.cover td {{ padding: 3px; border: 1px solid #9aa7b8; font-size: {small}pt; }}
.meta {{ color: #555555; font-size: {small}pt; margin-bottom: 8px; }}
.source {{ color: #555555; font-size: {tiny}pt; margin-top: 8px; }}
.guess {{ color: #9a4d00; font-style: italic; }}
"""
BODY_PT = 10.0
COVER_TOPICS = 4  # the cover is for scanning: the rest are in the visit's own summary


def labels(lang: str) -> dict[str, str]:
    return LABELS.get(lang, LABELS["vi"])


def stylesheet(family: str = DEFAULT_FAMILY, body_pt: float = BODY_PT) -> str:
    # The family is named explicitly so Qt picks the bundled font, not whatever the machine has.
    def size(factor: float) -> str:
        return f"{body_pt * factor:.1f}"

    return _CSS.format(
        family=family.replace("'", ""), body=size(1), h1=size(1.6), h2=size(1.3),
        h3=size(1.05), small=size(0.9), tiny=size(0.85),
    )


def when_text(
    date: dt.date | None, time_of_day: str, date_inferred: bool, lang: str = "vi"
) -> str:
    """ "Sáng 12/12/2025 (năm suy đoán)" — escaped HTML, the guess mark styled."""
    words = labels(lang)
    if date is None:
        text = words["no_date"]
    elif lang == "en":
        part = _TIME_OF_DAY_EN.get(time_of_day.lower(), time_of_day)
        text = f"{date.day} {date:%b %Y}" + (f", {part}" if part else "")
    else:
        text = f"{time_of_day.capitalize()} {date:%d/%m/%Y}".strip()
    html = escape(text)
    if date is not None and date_inferred:
        html += f' <span class="guess">({escape(words["year_guess"])})</span>'
    return html


def _date(date: dt.date | None, lang: str) -> str:
    if date is None:
        return ""
    return f"{date.day} {date:%b %Y}" if lang == "en" else f"{date:%d/%m/%Y}"


def _printed(at: dt.datetime, lang: str) -> str:
    return f"{at:%H:%M} {_date(at.date(), lang)}"


def _person(person: PersonLine, *, bold: bool = False) -> str:
    name = escape(person.name)
    name = f"<b>{name}</b>" if bold else name
    return f"{name}, {escape(', '.join(person.titles))}" if person.titles else name


def _commune(commune: CommuneLine, lang: str) -> str:
    former = f" ({labels(lang)['former']})" if commune.former else ""
    province = f", {commune.province}" if commune.province else ""
    return escape(f"{commune.label}{former}{province}")


def _topics(topics: Iterable[TopicRef], lang: str) -> str:
    return escape(", ".join(t.label_en if lang == "en" else t.label_vi for t in topics))


def _fact_rows(doc: SummaryDocument, lang: str) -> list[tuple[str, str]]:
    words = labels(lang)
    rows = [
        ("when", when_text(doc.date, doc.time_of_day, doc.date_inferred, lang)),
        ("lead", _person(doc.lead, bold=True) if doc.lead else ""),
        ("delegation", "<br/>".join(_person(p) for p in doc.delegation)),
        ("communes", "<br/>".join(_commune(c, lang) for c in doc.communes)),
        ("sites", "<br/>".join(escape(s) for s in doc.sites)),
        ("topics", _topics(doc.topics, lang)),
    ]
    return [(escape(words[key]), value) for key, value in rows if value]


def _statements(title: str, texts: tuple[str, ...], tag: str) -> str:
    if not texts:
        return ""
    items = "".join(f"<li>{escape(t)}</li>" for t in texts)
    return f"<h3>{escape(title)}</h3><{tag}>{items}</{tag}>"


def summary_body(
    doc: SummaryDocument, lang: str = "vi", *, printed_line: bool = True, new_page: bool = False
) -> str:
    """One visit's summary as an HTML fragment starting with its <h2> headline."""
    words = labels(lang)
    facts = "".join(
        f'<tr><td class="label" width="18%">{label}</td><td>{value}</td></tr>'
        for label, value in _fact_rows(doc, lang)
    )
    source = doc.source
    source_bits = [escape(source.title)]
    if source.published:
        source_bits.append(f"{escape(words['published'])} {_date(source.published, lang)}")
    if source.files:
        source_bits.append(f"{escape(words['files'])}: {escape(', '.join(source.files))}")
    source_html = f"{escape(words['source'])}: {' — '.join(source_bits)}"
    if printed_line:
        source_html += f"<br/>{escape(words['printed'])} {_printed(doc.printed_at, lang)}"
    return (
        f"<h2{_NEW_PAGE if new_page else ''}>{escape(doc.headline)}</h2>"
        f'<table width="100%" cellspacing="0" cellpadding="0">{facts}</table>'
        + _statements(words["difficulties"], doc.difficulties, "ul")
        + _statements(words["directives"], doc.directives, "ol")
        + f'<p class="source">{source_html}</p>'
    )


def _cover_row(row: CoverRow, number: int, lang: str) -> str:
    cells = (
        str(number),
        when_text(row.date, row.time_of_day, row.date_inferred, lang),
        escape(row.lead_name) or labels(lang)["unknown"],
        "<br/>".join(escape(c) for c in row.communes),
        _topics(row.topics[:COVER_TOPICS], lang)
        + (f" (+{len(row.topics) - COVER_TOPICS})" if len(row.topics) > COVER_TOPICS else ""),
    )
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def report_cover(report: ReportDocument, lang: str = "vi") -> str:
    words = labels(lang)
    head = "".join(
        f"<th>{escape(h)}</th>"
        for h in ("#", words["col_date"], words["col_lead"], words["col_communes"],
                  words["col_topics"])
    )
    rows = "".join(_cover_row(r, i, lang) for i, r in enumerate(report.rows, 1))
    meta = (
        f"{escape(words['filter'])}: {escape(report.filter_text or words['everything'])}"
        f" · {len(report.rows)} {escape(words['visits'])}"
        f" · {escape(words['printed'])} {_printed(report.printed_at, lang)}"
    )
    return (
        f"<h1>{escape(words['report'])}</h1><p class=\"meta\">{meta}</p>"
        '<table class="cover" width="100%" cellspacing="0" cellpadding="3">'
        f"<thead><tr>{head}</tr></thead>{rows}</table>"
    )


def to_html(
    doc: SummaryDocument | ReportDocument,
    lang: str = "vi",
    *,
    family: str = DEFAULT_FAMILY,
    body_pt: float = BODY_PT,
    page_breaks: bool = True,
) -> str:
    """A complete HTML page; in a report, `page_breaks` starts each summary on a new page."""
    if isinstance(doc, SummaryDocument):
        body = summary_body(doc, lang)
    else:
        # A report shows the print time once, on the cover.
        body = report_cover(doc, lang) + "".join(
            summary_body(s, lang, printed_line=False, new_page=page_breaks)
            for s in doc.summaries
        )
    return _page(body, document_title(doc, lang), lang, family, body_pt)


def html_sections(
    doc: SummaryDocument | ReportDocument,
    lang: str = "vi",
    *,
    family: str = DEFAULT_FAMILY,
    body_pt: float = BODY_PT,
) -> list[str]:
    """The document as complete HTML pages, one per piece a page layout keeps together:
    a summary alone, or a report's cover followed by each visit's summary."""
    title = document_title(doc, lang)
    if isinstance(doc, SummaryDocument):
        return [_page(summary_body(doc, lang), title, lang, family, body_pt)]
    return [_page(report_cover(doc, lang), title, lang, family, body_pt)] + [
        _page(summary_body(s, lang, printed_line=False), title, lang, family, body_pt)
        for s in doc.summaries
    ]


def _page(body: str, title: str, lang: str, family: str, body_pt: float) -> str:
    return (
        f'<html lang="{escape(lang)}"><head><meta charset="utf-8"/>'
        f"<title>{escape(APP_NAME)} — {escape(title)}</title>"
        f"<style>{stylesheet(family, body_pt)}</style></head><body>{body}</body></html>"
    )


def document_title(doc: SummaryDocument | ReportDocument, lang: str = "vi") -> str:
    """What the page header says the document is."""
    return labels(lang)["summary" if isinstance(doc, SummaryDocument) else "report"]
