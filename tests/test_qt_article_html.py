"""The article pane's HTML: highlights at the right offsets, and article text always escaped."""

from __future__ import annotations

import datetime as dt
import html
import re
from html.parser import HTMLParser

from viewer.core.archive.records import (
    CommuneInVisit,
    MentionInArticle,
    OfficialInVisit,
    StatementInVisit,
    TopicRef,
    VisitDetail,
    VisitRow,
)
from viewer.core.text import tone_key
from viewer.qt.article_html import ALL_KINDS, entity_href, render_article_html
from viewer.qt.entities import entity_filter, entity_tooltip, parse_href

TITLE = "Bí thư <Tỉnh ủy> & xã Thiệu Hóa"
BODY = (
    "Sáng 12/12, đồng chí Nguyễn <b>Phong</b> làm việc tại xã Thiệu Hóa.\n\n"
    "Đồng chí đề nghị xã Thiệu Hóa đẩy mạnh chuyển đổi số & cải cách.\n\n"
    "Các đại biểu tham dự."
)
TEXT = f"{TITLE}\n\n{BODY}"
NAME = "Nguyễn <b>Phong</b>"  # markup in a name must arrive as text


def _span(words: str, after: int = 0) -> tuple[int, int]:
    start = TEXT.index(words, after)
    return start, start + len(words)


def _detail(mentions: list[MentionInArticle], statements=()) -> VisitDetail:  # type: ignore[no-untyped-def]
    row = VisitRow(1, 1, dt.date(2025, 12, 12), "sáng", False, TITLE, "Nguyễn <b>Phong</b>",
                   ("Bí thư",), ("xã Thiệu Hóa",),
                   (TopicRef("digital_transformation", "chuyển đổi số", "digital"),))
    return VisitDetail(
        row=row, date_source="text", article_title=TITLE, article_text=TEXT,
        body_start=len(TITLE) + 2, published=None, source_files=("a.txt",), imported_at="",
        officials=(OfficialInVisit(7, "Nguyễn <b>Phong</b>", "lead", ("Bí thư <Tỉnh ủy>",)),),
        communes=(CommuneInVisit(3, "Thiệu Hóa", "xã", "Thanh Hóa", 16000, True, True),),
        statements=tuple(statements), mentions=tuple(mentions),
    )


def _mentions() -> list[MentionInArticle]:
    body = len(TITLE) + 2
    return [
        MentionInArticle("title", *_span("Bí thư <Tỉnh ủy>"), ""),
        MentionInArticle("official", *_span(NAME), tone_key(NAME)),
        MentionInArticle("commune", *_span("xã Thiệu Hóa", body), "ward:16000"),
        MentionInArticle("commune", *_span("xã Thiệu Hóa", TEXT.index("đề nghị")), "ward:16000"),
        MentionInArticle("topic", *_span("chuyển đổi số"), "digital_transformation"),
        MentionInArticle("date", *_span("Sáng 12/12"), ""),
    ]


def test_each_mention_is_one_anchor_around_its_escaped_text():
    mentions = _mentions()
    page = render_article_html(_detail(mentions))
    for m in mentions:
        href = html.escape(entity_href(m.kind, m.key))
        escaped = html.escape(TEXT[m.start:m.end])
        assert re.search(rf'<a href="{re.escape(href)}"[^>]*>{re.escape(escaped)}</a>', page), m


def test_article_text_never_reaches_the_widget_as_markup():
    page = render_article_html(_detail(_mentions()))
    assert "<b>Phong</b>" not in page
    assert "&lt;b&gt;Phong&lt;/b&gt;" in page
    assert "&lt;Tỉnh ủy&gt;</a> &amp; xã" in page
    assert "chuyển đổi số</a> &amp; cải cách" in page


class _Balance(HTMLParser):
    """Checks that every element closes in the order it opened (no crossing tags)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.stack.append(tag)

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        assert self.stack and self.stack.pop() == tag, f"</{tag}> closes the wrong element"

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        self.text += data


def test_overlapping_highlights_nest_and_keep_the_text():
    directive = _span("Đồng chí đề nghị xã Thiệu Hóa đẩy mạnh chuyển đổi số & cải cách.")
    caption = _span("Các đại biểu tham dự.")
    statements = [StatementInVisit("directive", *directive, TEXT[slice(*directive)]),
                  StatementInVisit("caption", *caption, TEXT[slice(*caption)])]
    # A search hit that crosses the end of a name must split, not break, the markup.
    _, name_end = _span("Nguyễn <b>Phong</b>")
    search = [(name_end - 5, name_end + 9), _span("đẩy mạnh")]
    page = render_article_html(_detail(_mentions(), statements), search_spans=search)
    parser = _Balance()
    parser.feed(page)
    assert parser.stack == []
    assert parser.text.replace("\n", "") == TEXT.replace("\n", "")
    # The commune inside the directive keeps its anchor inside the sentence background.
    body = page[page.index("Đồng chí đề nghị") - 80:]
    assert re.search(r'<span style="background-color:#dcf2d8">Đồng chí đề nghị '
                     r'<a href="entity:commune:ward%3A16000"[^>]*>xã Thiệu Hóa</a>', body)
    assert '<span style="color:#707070; font-style:italic">Các đại biểu tham dự.</span>' in page
    assert page.count('background-color:#ffe14d') >= 2  # the crossing hit was split in two


def test_hidden_kinds_are_plain_text():
    page = render_article_html(_detail(_mentions()), enabled=set(ALL_KINDS) - {"official"})
    assert "entity:official" not in page
    assert "entity:commune" in page


def test_title_is_its_own_larger_paragraph():
    page = render_article_html(_detail([]))
    assert re.search(r'<p style="font-size:x-large[^"]*">Bí thư &lt;Tỉnh ủy&gt;', page)
    assert page.count("<p") == 4


def test_clicking_entities_filters_by_what_they_resolved_to():
    detail = _detail(_mentions())
    assert entity_filter(detail, "official", tone_key("Nguyễn <b>Phong</b>")) == ("officials", 7)
    assert entity_filter(detail, "commune", "ward:16000") == ("communes", 3)
    assert entity_filter(detail, "topic", "digital_transformation") == ("topics",
                                                                        "digital_transformation")
    assert entity_filter(detail, "date", "") is None
    assert parse_href(entity_href("commune", "ward:16000")) == ("commune", "ward:16000")


def test_tooltips_say_what_an_entity_resolved_to_and_are_escaped():
    detail = _detail(_mentions())
    official = entity_tooltip(detail, "official", tone_key("Nguyễn <b>Phong</b>"), "Nguyễn")
    assert "Bí thư &lt;Tỉnh ủy&gt;" in official and "<b>Phong</b>" not in official
    commune = entity_tooltip(detail, "commune", "ward:16000", "xã Thiệu Hóa")
    assert "xã Thiệu Hóa, Thanh Hóa" in commune and "16000" in commune
