"""Word documents: title paragraph, body paragraphs, date line, damaged files."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest

from tests.readers_fixtures import BODY, PARAGRAPHS, TITLE
from viewer.core.readers import ReadError, decode_document


def _docx(build) -> bytes:  # type: ignore[no-untyped-def]
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_heading_is_the_title_and_the_rest_is_the_body() -> None:
    def build(d) -> None:  # type: ignore[no-untyped-def]
        d.add_heading(TITLE, level=1)
        for p in PARAGRAPHS:
            d.add_paragraph(p)
            d.add_paragraph("")  # blank paragraphs between are not paragraphs of text

    doc = decode_document(_docx(build), "bai.docx")
    assert (doc.title, doc.body) == (TITLE, BODY)
    assert doc.published is None
    assert doc.source_format == "docx"


def test_without_styles_the_first_paragraph_is_the_title() -> None:
    data = _docx(lambda d: [d.add_paragraph(t) for t in [TITLE, *PARAGRAPHS]])
    doc = decode_document(data, "b.docx")
    assert (doc.title, doc.body) == (TITLE, BODY)


def test_styled_title_after_a_kicker_line_is_the_title() -> None:
    def build(d) -> None:  # type: ignore[no-untyped-def]
        d.add_paragraph("THỜI SỰ")
        d.add_paragraph(TITLE, style="Title")
        d.add_paragraph(PARAGRAPHS[0])

    doc = decode_document(_docx(build), "b.docx")
    assert doc.title == TITLE
    assert doc.body == "THỜI SỰ\n\n" + PARAGRAPHS[0]


def test_date_line_at_the_top_gives_the_publication_date() -> None:
    def build(d) -> None:  # type: ignore[no-untyped-def]
        d.add_paragraph(f" date 2025-03-16 {TITLE}")
        for p in PARAGRAPHS:
            d.add_paragraph(p)

    doc = decode_document(_docx(build), "b.docx")
    assert (doc.published, doc.title, doc.body) == (dt.date(2025, 3, 16), TITLE, BODY)


def test_captions_in_tables_are_kept_in_reading_order() -> None:
    def build(d) -> None:  # type: ignore[no-untyped-def]
        d.add_heading(TITLE, level=1)
        d.add_paragraph(PARAGRAPHS[0])
        table = d.add_table(rows=1, cols=1)
        table.cell(0, 0).text = "Các đại biểu tham dự buổi làm việc."
        d.add_paragraph(PARAGRAPHS[1])

    doc = decode_document(_docx(build), "b.docx")
    caption = "Các đại biểu tham dự buổi làm việc."
    assert doc.body.split("\n\n") == [PARAGRAPHS[0], caption, PARAGRAPHS[1]]


def test_corrupt_docx_is_refused() -> None:
    data = _docx(lambda d: d.add_paragraph(TITLE))
    with pytest.raises(ReadError, match="damaged"):
        decode_document(data[: len(data) // 2], "b.docx")


def test_zip_that_is_not_a_word_document_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    with pytest.raises(ReadError, match="damaged"):
        decode_document(buffer.getvalue(), "b.docx")


def test_old_doc_renamed_to_docx_gets_a_useful_reason() -> None:
    with pytest.raises(ReadError, match=r"old Word \.doc"):
        decode_document(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "b.docx")


def test_text_file_renamed_to_docx_is_refused() -> None:
    with pytest.raises(ReadError, match="not a Word document"):
        decode_document("Xin chào".encode(), "b.docx")
