"""Web pages saved from a newspaper's site: the article, not the page around it."""

from __future__ import annotations

import datetime as dt
import socket
import urllib.request

import pytest

from tests.readers_fixtures import ARTICLE, BODY, PARAGRAPHS, TITLE, news_page, to_cp1258
from viewer.core.readers import ReadError, decode_document


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading a page must never fetch anything it links to."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the HTML reader tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)


def test_article_is_found_among_menus_scripts_related_links_and_comments() -> None:
    doc = decode_document(news_page().encode("utf-8"), "bai-viet.html")
    assert doc.title == TITLE
    assert doc.published == dt.date(2025, 3, 15)
    assert doc.body.split("\n\n") == PARAGRAPHS
    for noise in (
        "Thời sự",
        "Quảng cáo",
        "Tìm kiếm",
        "Tin liên quan",
        "cầu dân sinh",
        "Bình luận",
        "Bài viết rất hay",
        "Bản quyền",
        "dataLayer",
        "Gửi",
    ):
        assert noise not in doc.text, noise
    assert doc.source_format == "html"


def test_same_article_as_txt_and_html_has_the_same_body() -> None:
    # The importer finds duplicates by normalised body text: both files must agree.
    as_txt = decode_document(ARTICLE.encode("utf-8"), "bai.txt")
    as_html = decode_document(news_page().encode("utf-8"), "bai.html")
    assert as_html.body == as_txt.body
    assert as_html.title == as_txt.title


def test_charset_declared_in_meta_is_used() -> None:
    page = news_page(charset="windows-1258")
    doc = decode_document(to_cp1258(page), "cu.htm")
    assert doc.encoding == "cp1258"
    assert (doc.title, doc.body) == (TITLE, BODY)


def test_utf8_page_without_a_declaration() -> None:
    doc = decode_document(news_page(charset=None).encode("utf-8"), "bai.html")
    assert (doc.title, doc.body) == (TITLE, BODY)


def test_utf8_page_that_wrongly_claims_latin1_is_read_as_utf8() -> None:
    doc = decode_document(news_page(charset="iso-8859-1").encode("utf-8"), "bai.html")
    assert doc.body == BODY


def test_page_without_metadata_takes_the_title_from_h1() -> None:
    page = "<html><body><nav><a href='/'>Trang chủ</a></nav><h1>" + TITLE + "</h1>"
    page += "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</body></html>"
    doc = decode_document(page.encode(), "bai.html")
    assert doc.title == TITLE
    assert doc.body == BODY


def test_page_with_no_text_is_refused() -> None:
    page = b"<html><head><title>Trang chu</title></head><body><script>x()</script></body></html>"
    with pytest.raises(ReadError, match="no article text"):
        decode_document(page, "empty.html")


def test_empty_html_file_is_refused() -> None:
    with pytest.raises(ReadError, match="empty"):
        decode_document(b"  \n", "empty.html")
