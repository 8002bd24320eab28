"""Word documents (.docx): the title paragraph and the body paragraphs, tables included."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..model import Document
from .article import make_document, parse_header
from .errors import MAX_FILE_BYTES, ReadError, human_size
from .sniff import binary_kind

# A .docx is a zip: python-docx inflates document.xml whole, so refuse packages that
# would inflate to far more than any article before handing them over.
_MAX_INFLATED = 10 * MAX_FILE_BYTES
_TITLE_STYLES = ("title", "heading")
_TITLE_SEARCH = 3  # a styled title further down is a sub-heading, not the headline


def read_docx(data: bytes) -> Document:
    if not data:
        raise ReadError("the file is empty")
    _check_package(data)
    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = [(text, style) for text, style in _paragraphs(document) if text.strip()]
    except Exception:  # python-docx raises many kinds on a damaged package
        raise ReadError("the Word document is damaged and could not be opened") from None
    published = None
    if paragraphs and (header := parse_header(paragraphs[0][0])) is not None:
        published, header_title = header
        paragraphs = ([(header_title, "title")] if header_title else []) + paragraphs[1:]
    if not paragraphs:
        raise ReadError("the file is empty")
    leading = [style for _, style in paragraphs[:_TITLE_SEARCH]]
    title_at = next((i for i, style in enumerate(leading) if style.startswith(_TITLE_STYLES)), 0)
    title = paragraphs[title_at][0]
    body = [text for i, (text, _) in enumerate(paragraphs) if i != title_at]
    return make_document(title, body, published, "docx", "utf-8")  # .docx XML is UTF-8


def _check_package(data: bytes) -> None:
    if not data.startswith(b"PK\x03\x04"):
        kind = binary_kind(data)
        if kind is not None and "Word" in kind:
            raise ReadError(
                "this is an old Word .doc file or a password-protected .docx; "
                "save it as .docx without a password"
            )
        raise ReadError("the file is named .docx but is not a Word document")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            inflated = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ReadError("the Word document is damaged and could not be opened") from None
    if inflated > _MAX_INFLATED:
        raise ReadError(
            f"the Word document unpacks to {human_size(inflated)}; "
            f"more than {human_size(_MAX_INFLATED)} is refused"
        )


def _paragraphs(document: docx.document.Document) -> Iterator[tuple[str, str]]:
    """(text, lower-case style name) of each paragraph in reading order, table cells too:
    photo captions are often laid out in a table under the photo."""
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block.text, _style(block)
        elif isinstance(block, Table):
            yield from _table_paragraphs(block)


def _table_paragraphs(table: Table) -> Iterator[tuple[str, str]]:
    seen: set[int] = set()
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is returned once per grid column
                continue
            seen.add(id(cell._tc))
            for paragraph in cell.paragraphs:
                yield paragraph.text, _style(paragraph)


def _style(paragraph: Paragraph) -> str:
    try:
        return (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    except (KeyError, ValueError, AttributeError):
        return ""
