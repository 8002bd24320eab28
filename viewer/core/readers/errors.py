"""What a reader reports when a file cannot become an article, and the limits it enforces."""

from __future__ import annotations

from dataclasses import dataclass

# One article is a few kilobytes; 20 MB leaves room for pages full of inline markup
# while keeping a mistaken import of a disk image or a video from eating the memory.
MAX_FILE_BYTES: int = 20 * 1024 * 1024

SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(
    {".txt", ".text", ".html", ".htm", ".docx", ".zip"}
)
ARTICLE_EXTENSIONS: frozenset[str] = SUPPORTED_EXTENSIONS - {".zip"}


class ReadError(Exception):
    """A file that cannot be read as an article; `str(err)` is a reason a user understands."""


@dataclass(frozen=True)
class SourceProblem:
    """Something given to the importer that yields no article source at all."""

    name: str
    reason: str


def human_size(size: int) -> str:
    """`20971520` -> "20 MB": sizes as a user reads them in an import report."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.0f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


def too_large(size: int) -> ReadError:
    return ReadError(
        f"the file is {human_size(size)}; articles larger than "
        f"{human_size(MAX_FILE_BYTES)} are refused"
    )


def supported_list() -> str:
    return ", ".join(sorted(SUPPORTED_EXTENSIONS))
