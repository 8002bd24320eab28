"""Turning files people have into `Document`s: plain text, HTML pages, .docx, zips, folders.

Contract used by the importer (`viewer.core.importer`):

- `iter_sources(paths)` walks files, folders (recursively) and zip archives (nested too)
  and yields a `Source` for every article file found, or a `SourceProblem` for anything
  that cannot even be opened (unreadable file, unsafe zip member, symlink loop …).
- `read_document(source)` (or `decode_document(data, name)`) turns one source's bytes into
  a `Document`, or raises `ReadError` whose message is a plain-words reason.
"""

from .documents import decode_document, read_document
from .errors import MAX_FILE_BYTES, SUPPORTED_EXTENSIONS, ReadError, SourceProblem
from .source import Source
from .sources import iter_sources

__all__ = [
    "MAX_FILE_BYTES",
    "SUPPORTED_EXTENSIONS",
    "ReadError",
    "Source",
    "SourceProblem",
    "decode_document",
    "iter_sources",
    "read_document",
]
