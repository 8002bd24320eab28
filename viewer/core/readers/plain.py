"""Plain-text articles (.txt, .text, no extension), as the crawler writes them."""

from __future__ import annotations

from ..model import Document
from .article import make_document, parse_header, split_blocks
from .decode import decode_text


def read_plain(data: bytes) -> Document:
    """Title from the header line or the first line; the rest is the body."""
    decoded = decode_text(data)
    text = decoded.text.lstrip("\ufeff")
    if _is_html(text):
        from .webpage import document_from_html  # a saved web page renamed to .txt

        return document_from_html(text, decoded.encoding)
    return document_from_text(text, decoded.encoding, decoded.garbled)


def document_from_text(text: str, encoding: str, garbled: str | None = None) -> Document:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    published = None
    title = ""
    rest_start = len(lines)
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        header = parse_header(line)
        if header is not None and published is None and not title:
            published, title = header
            if title:
                rest_start = index + 1
                break
            continue  # a header line alone: the title is the next line
        title = line.strip()
        rest_start = index + 1
        break
    body = split_blocks("\n".join(lines[rest_start:]))
    return make_document(title, body, published, "txt", encoding, garbled)


def _is_html(text: str) -> bool:
    head = text.lstrip()[:100].lower()
    return head.startswith(("<!doctype html", "<html"))
