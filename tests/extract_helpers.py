"""Test helpers for the extractor: build Documents by hand and read the two seed articles."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from viewer.core.model import Document, Extraction

SEED_DIR = Path(__file__).resolve().parent / "gold" / "articles"
SEEDS = ("000_172bc57fb8c9c5e3.txt", "004_e25b7a6582c1cd78.txt")
_DATE_LINE = re.compile(r"^ date (\d{4})-(\d{2})-(\d{2}) (.*)$")


def doc(title: str, body: str, published: dt.date | None = None) -> Document:
    """A Document as a reader would hand it over (NFC)."""
    return Document(
        title=unicodedata.normalize("NFC", title),
        body=unicodedata.normalize("NFC", body),
        published=published,
        source_format="txt",
        encoding="utf-8",
    )


def load_seed(name: str) -> Document:
    """Parse a crawled seed file: optional " date YYYY-MM-DD Title" line, then the body."""
    text = unicodedata.normalize("NFC", (SEED_DIR / name).read_text(encoding="utf-8"))
    first, _, body = text.partition("\n")
    published = None
    title = first.strip()
    match = _DATE_LINE.match(first.rstrip())
    if match:
        published = dt.date(int(match[1]), int(match[2]), int(match[3]))
        title = match[4].strip()
    return doc(title, body.strip(), published)


def assert_offsets(document: Document, extraction: Extraction) -> None:
    """Every mention's text is exactly the document's text at its offsets."""
    text = document.text
    for mention in extraction.mentions:
        assert 0 <= mention.start < mention.end <= len(text), mention
        assert text[mention.start : mention.end] == mention.text, mention
    if extraction.visit:
        for statement in extraction.visit.statements:
            assert text[statement.start : statement.end] == statement.text
