"""Shared article shape: the ` date YYYY-MM-DD Title` header and paragraph joining.

Every reader ends here so that the same article gives the same `Document.body` whatever
file it came in: the importer finds duplicates by comparing normalised bodies.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from ..model import Document
from ..text import nfc
from .errors import ReadError

# The crawler writes " date 2025-12-22 Title" as the first line; tolerate missing or
# extra spaces and a header line without the title.
_HEADER = re.compile(r"\s*date\s+(\d{4})-(\d{2})-(\d{2})(?:\s+(?P<title>.*\S))?\s*", re.I)
_BLANK_LINE = re.compile(r"\n[ \t\f\v\u00a0]*\n\s*")


def parse_header(line: str) -> tuple[dt.date, str] | None:
    """(date, title) from a crawler header line, or None when `line` is not one."""
    match = _HEADER.fullmatch(line)
    if match is None:
        return None
    try:
        date = dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None  # "date 2025-13-45 …" is a title that happens to start like a header
    return date, match["title"] or ""


def split_blocks(text: str) -> list[str]:
    """Paragraphs of a plain text: blocks separated by blank lines.

    A text with no blank line at all is taken as one paragraph per line, the other
    common way crawlers and copy-paste write articles.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if _BLANK_LINE.search(text) is None:
        return [line.strip() for line in text.split("\n") if line.strip()]
    return [block.strip() for block in _BLANK_LINE.split(text) if block.strip()]


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


def make_document(
    title: str,
    paragraphs: Iterable[str],
    published: dt.date | None,
    source_format: str,
    encoding: str,
    garbled: str | None = None,
) -> Document:
    """Build the NFC `Document`; `original` keeps the pre-normalisation text when it differs.

    `garbled` is the text as first read when decoding had to repair it (it then becomes
    `original`, so the user can see what the file really held).
    """
    title = title.strip()
    body = join_paragraphs(paragraphs)
    if not title and not body:
        raise ReadError("the file is empty")
    raw = f"{title}\n\n{body}" if title else body
    doc = Document(
        title=nfc(title),
        body=nfc(body),
        published=published,
        source_format=source_format,
        encoding=encoding,
    )
    if garbled is not None:
        doc.original = garbled
    elif raw != doc.text:
        doc.original = raw
    return doc
