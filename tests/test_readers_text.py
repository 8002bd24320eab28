"""Plain-text articles in the crawler's format: title, publication date, body paragraphs."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from tests.readers_fixtures import ARTICLE, BODY, PARAGRAPHS, TITLE
from viewer.core.readers import ReadError, decode_document, iter_sources, read_document

SEEDS = Path(__file__).resolve().parent.parent / "data"


def test_header_line_gives_date_and_title() -> None:
    doc = decode_document(f" date 2025-03-16 {ARTICLE}".encode(), "a.txt")
    assert doc.published == dt.date(2025, 3, 16)
    assert doc.title == TITLE
    assert doc.body == BODY
    assert doc.source_format == "txt"
    assert doc.encoding == "utf-8"
    assert doc.original is None


def test_header_without_leading_space_is_also_understood() -> None:
    doc = decode_document(f"date 2025-03-16 {ARTICLE}".encode(), "a.txt")
    assert (doc.published, doc.title) == (dt.date(2025, 3, 16), TITLE)


def test_header_line_alone_takes_the_title_from_the_next_line() -> None:
    doc = decode_document(f" date 2025-03-16\n{ARTICLE}".encode(), "a.txt")
    assert (doc.published, doc.title, doc.body) == (dt.date(2025, 3, 16), TITLE, BODY)


def test_without_header_the_first_line_is_the_title_and_no_date_is_invented() -> None:
    doc = decode_document(("\n\n" + ARTICLE).encode(), "a.txt")
    assert doc.title == TITLE
    assert doc.published is None
    assert doc.body.split("\n\n") == PARAGRAPHS


def test_impossible_date_is_not_a_header() -> None:
    doc = decode_document(b"date 2025-13-45 Something odd\n\nBody.", "a.txt")
    assert doc.published is None
    assert doc.title == "date 2025-13-45 Something odd"


def test_windows_line_ends_and_extra_blank_lines_give_the_same_body() -> None:
    body = "\r\n \r\n\r\n".join(PARAGRAPHS)
    messy = ("  " + TITLE + "\r\n\r\n\r\n" + body + "\r\n\r\n  ").encode()
    doc = decode_document(messy, "a.txt")
    assert doc.title == TITLE
    assert doc.body == BODY


def test_one_paragraph_per_line_without_blank_lines() -> None:
    doc = decode_document("\n".join([TITLE, *PARAGRAPHS]).encode(), "a.txt")
    assert doc.body == BODY


def test_line_breaks_inside_a_paragraph_are_kept() -> None:
    text = f"{TITLE}\n\nDòng một\ndòng hai\n\nĐoạn sau."
    doc = decode_document(text.encode(), "a.txt")
    assert doc.body == "Dòng một\ndòng hai\n\nĐoạn sau."


def test_nfd_text_is_stored_as_nfc_and_the_original_is_kept() -> None:
    nfd = unicodedata.normalize("NFD", ARTICLE)
    doc = decode_document(nfd.encode(), "a.txt")
    assert doc.title == TITLE and doc.body == BODY
    assert unicodedata.is_normalized("NFC", doc.text)
    assert doc.original is not None
    assert unicodedata.normalize("NFC", doc.original) == doc.text


def test_a_single_line_is_an_article_with_a_title_only() -> None:
    doc = decode_document("Tin ngắn: xã Hoằng Lộc đón bằng công nhận".encode(), "short.txt")
    assert doc.title == "Tin ngắn: xã Hoằng Lộc đón bằng công nhận"
    assert doc.body == ""


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", "\ufeff".encode()])
def test_empty_or_blank_file_is_refused(data: bytes) -> None:
    with pytest.raises(ReadError, match="the file is empty"):
        decode_document(data, "a.txt")


def test_file_without_extension_is_read_as_text(tmp_path: Path) -> None:
    (tmp_path / "bai-viet").write_text(ARTICLE, encoding="utf-8")
    [source] = list(iter_sources([tmp_path / "bai-viet"]))
    assert read_document(source).title == TITLE


def test_web_page_saved_with_txt_extension_is_read_as_a_page() -> None:
    page = f"<!DOCTYPE html><html><head><title>{TITLE}</title></head><body><article>"
    page += "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article></body></html>"
    doc = decode_document(page.encode(), "page.txt")
    assert doc.source_format == "html"
    assert doc.body == BODY


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_seed_articles_read_cleanly(seed: Path) -> None:
    doc = decode_document(seed.read_bytes(), seed.name)
    raw = seed.read_text(encoding="utf-8")
    assert doc.title.startswith("Phó Bí thư Thường trực Tỉnh ủy Nguyễn Hồng Phong")
    assert "date" not in doc.title
    assert doc.published == (dt.date(2025, 12, 22) if raw.startswith(" date") else None)
    assert doc.body.startswith(("Sáng 12/12", "Chiều ngày 22/12"))
    assert doc.body.count("\n\n") >= 10
