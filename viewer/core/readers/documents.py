"""Turning one file's bytes into a `Document`, by the file's extension."""

from __future__ import annotations

from pathlib import PurePath

from ..model import Document
from .errors import MAX_FILE_BYTES, ReadError, supported_list, too_large
from .plain import read_plain
from .source import Source
from .zips import SEPARATOR


def decode_document(data: bytes, name: str) -> Document:
    """The article in `data`, read as the type `name`'s extension says; ReadError if none.

    A file without an extension is read as plain text if it decodes as text.
    """
    if len(data) > MAX_FILE_BYTES:
        raise too_large(len(data))
    suffix = PurePath(name.rsplit(SEPARATOR, 1)[-1]).suffix.lower()
    if suffix in (".txt", ".text", ""):
        return read_plain(data)
    # The web-page and Word readers pull in trafilatura and python-docx, a good part of a
    # second to import: load them when such a file arrives, not when the window starts.
    if suffix in (".html", ".htm"):
        from .webpage import read_html

        return read_html(data)
    if suffix == ".docx":
        from .worddoc import read_docx

        return read_docx(data)
    if suffix == ".zip":
        raise ReadError("this is a zip archive, not an article: import it to read the files in it")
    raise ReadError(f"not an article file type ({suffix}); supported: {supported_list()}")


def read_document(source: Source) -> Document:
    """`decode_document(source.read_bytes(), source.name)`."""
    return decode_document(source.read_bytes(), source.name)
