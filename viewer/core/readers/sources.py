"""Walking what the user chose to import (files, folders, zips) into article sources."""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import ARTICLE_EXTENSIONS, SourceProblem, supported_list
from .sniff import looks_like_text
from .source import Source
from .zips import iter_zip

_HEAD = 8192


def iter_sources(paths: Iterable[str | Path]) -> Iterator[Source | SourceProblem]:
    """A Source per article file found, in a deterministic order, or a SourceProblem.

    Files named explicitly must be of a supported type; inside folders and zips other
    files (images, hidden files) are passed over silently. Folder links are followed,
    but a link back to a folder being walked is reported once and not followed.
    """
    walked: set[tuple[int, int]] = set()
    for given in paths:
        name = os.fspath(given)
        path = Path(given)
        try:
            info = path.stat()
        except FileNotFoundError:
            reason = "the link points to nothing" if path.is_symlink() else "no such file or folder"
            yield SourceProblem(name, reason)
            continue
        except OSError as err:
            yield SourceProblem(name, f"it could not be opened ({err.strerror or err})")
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path, name, info, frozenset(), walked)
        elif stat.S_ISREG(info.st_mode):
            yield from _explicit_file(path, name, info)
        else:
            yield SourceProblem(name, "not a regular file (a device, pipe or socket)")


def _explicit_file(path: Path, name: str, info: os.stat_result) -> Iterator[Source | SourceProblem]:
    suffix = path.suffix.lower()
    if suffix == ".zip":
        yield from iter_zip(name, lambda: zipfile.ZipFile(path))
    elif suffix in ARTICLE_EXTENSIONS or not suffix:
        yield Source(name, path, info.st_size)
    else:
        reason = f"not an article file type ({suffix}); supported: {supported_list()}"
        yield SourceProblem(name, reason)


def _walk(
    folder: Path,
    name: str,
    info: os.stat_result,
    ancestors: frozenset[tuple[int, int]],
    walked: set[tuple[int, int]],
) -> Iterator[Source | SourceProblem]:
    key = (info.st_dev, info.st_ino)
    if key in ancestors:
        yield SourceProblem(name, "this folder link loops back to a folder that holds it; skipped")
        return
    if key in walked:
        return  # the same folder reached again through a link: its files are already in
    walked.add(key)
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as err:
        yield SourceProblem(name, f"the folder could not be opened ({err.strerror or err})")
        return
    inside = ancestors | {key}
    for entry in entries:
        if entry.name.startswith((".", "~$")):  # hidden files, Word's lock files
            continue
        path = folder / entry.name
        child = os.path.join(name, entry.name)
        try:
            child_info = path.stat()
        except OSError:
            continue  # a dangling link or a file gone since the listing: nothing to import
        if stat.S_ISDIR(child_info.st_mode):
            yield from _walk(path, child, child_info, inside, walked)
        elif stat.S_ISREG(child_info.st_mode):
            yield from _folder_file(path, child, child_info)


def _folder_file(path: Path, name: str, info: os.stat_result) -> Iterator[Source | SourceProblem]:
    suffix = path.suffix.lower()
    if suffix == ".zip":
        yield from iter_zip(name, lambda: zipfile.ZipFile(path))
    elif suffix in ARTICLE_EXTENSIONS or (not suffix and _text_head(path)):
        yield Source(name, path, info.st_size)


def _text_head(path: Path) -> bool:
    """An extension-less file is an article only if it starts like text."""
    try:
        with open(path, "rb") as stream:
            return looks_like_text(stream.read(_HEAD))
    except PermissionError:
        return True  # let reading it report the permission problem
    except OSError:
        return False
