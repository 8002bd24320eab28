"""Article files inside zip archives (nested ones too), read in memory with bomb limits.

Nothing is extracted to disk. A member's declared sizes are checked before reading and
the real amount of data is counted while inflating, so a forged header cannot make a
small zip expand without limit.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath

from .errors import MAX_FILE_BYTES, SUPPORTED_EXTENSIONS, ReadError, SourceProblem, human_size
from .sniff import looks_like_text
from .source import Source

MAX_ZIP_DEPTH = 3  # a zip in a zip in a zip; deeper nesting is refused
MAX_ZIP_TOTAL_BYTES = 1024 * 1024 * 1024  # declared uncompressed bytes per archive
MAX_NESTED_ZIP_BYTES = 200 * 1024 * 1024  # an inner zip is held in memory while read
MAX_ZIP_MEMBERS = 100_000
MAX_COMPRESSION_RATIO = 100  # text compresses about 5-10 times; bombs a thousand times
_RATIO_FLOOR = 1024 * 1024  # tiny members can have any ratio without doing harm
_CHUNK = 64 * 1024
SEPARATOR = " \u203a "  # "a.zip › sub/b.txt": a single right-pointing angle quote  # noqa: RUF003

Opener = Callable[[], zipfile.ZipFile]


def iter_zip(name: str, open_zip: Opener, depth: int = 1) -> Iterator[Source | SourceProblem]:
    """Sources for the article files in the zip called `name` (nested: "a.zip › b.zip")."""  # noqa: RUF002
    try:
        archive = open_zip()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        yield SourceProblem(name, "the zip file is damaged and could not be opened")
        return
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_MEMBERS:
            yield SourceProblem(name, f"the zip holds more than {MAX_ZIP_MEMBERS} files")
            return
        total = 0
        for info in sorted(infos, key=lambda i: i.filename):
            member = info.filename.replace("\\", "/")
            display = f"{name}{SEPARATOR}{member}"
            if info.is_dir() or _skipped(member):
                continue
            if _unsafe(member):
                yield SourceProblem(display, "unsafe path in the zip")
                continue
            if info.flag_bits & 0x1:
                yield SourceProblem(display, "the file is password-protected")
                continue
            total += info.file_size
            if total > MAX_ZIP_TOTAL_BYTES:
                yield SourceProblem(
                    name,
                    f"the zip unpacks to more than {human_size(MAX_ZIP_TOTAL_BYTES)}; "
                    "the remaining files were skipped",
                )
                return
            if _bomb_like(info):
                yield SourceProblem(display, "compressed suspiciously well (a zip bomb?)")
                continue
            if member.lower().endswith(".zip"):
                yield from _nested(display, archive, info, depth)
            elif not _suffix(member) and not _text_head(archive, info):
                continue  # an extension-less member that is not text: not an article
            else:
                yield Source(display, None, info.file_size, _loader(archive, open_zip, info))


def _nested(
    display: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, depth: int
) -> Iterator[Source | SourceProblem]:
    if depth >= MAX_ZIP_DEPTH:
        yield SourceProblem(display, f"zips nested more than {MAX_ZIP_DEPTH} deep are not opened")
        return
    try:
        data = read_member(archive, info, MAX_NESTED_ZIP_BYTES)
    except ReadError as err:
        yield SourceProblem(display, str(err))
        return
    yield from iter_zip(display, lambda: zipfile.ZipFile(io.BytesIO(data)), depth + 1)


def _loader(
    archive: zipfile.ZipFile, open_zip: Opener, info: zipfile.ZipInfo
) -> Callable[[], bytes]:
    """Read from the archive while the walk keeps it open, else open it again."""

    def load() -> bytes:
        if archive.fp is not None:
            return read_member(archive, info, MAX_FILE_BYTES)
        try:
            with open_zip() as again:
                return read_member(again, info, MAX_FILE_BYTES)
        except FileNotFoundError:
            raise ReadError("the zip file disappeared before it could be read") from None
        except (zipfile.BadZipFile, OSError, ValueError):
            raise ReadError("the zip file is damaged and could not be opened") from None

    return load


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """The member's bytes, refusing more than `limit` or more than its header declares."""
    if info.file_size > limit:
        raise ReadError(
            f"the file is {human_size(info.file_size)}; articles larger than "
            f"{human_size(limit)} are refused"
        )
    chunks = []
    got = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                got += len(chunk)
                if got > info.file_size or got > limit:
                    raise ReadError("the zip holds more data than it declares (damaged or forged)")
                chunks.append(chunk)
    except RuntimeError:  # zipfile's way of saying "encrypted"
        raise ReadError("the file is password-protected") from None
    except NotImplementedError:
        raise ReadError("the file is compressed with a method this program cannot read") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError):
        raise ReadError("the file is damaged in the zip and could not be unpacked") from None
    return b"".join(chunks)


def _suffix(member: str) -> str:
    return PurePosixPath(member).suffix.lower()


def _skipped(member: str) -> bool:
    """Hidden files, macOS resource forks and files of other types are passed over."""
    parts = member.split("/")
    if any(part.startswith(".") and part not in (".", "..") for part in parts):
        return True
    if parts[0] == "__MACOSX" or parts[-1].startswith("~$"):
        return True
    suffix = _suffix(member)
    return bool(suffix) and suffix not in SUPPORTED_EXTENSIONS


def _unsafe(member: str) -> bool:
    parts = member.split("/")
    drive = len(member) > 1 and member[1] == ":"
    return member.startswith("/") or drive or ".." in parts


def _bomb_like(info: zipfile.ZipInfo) -> bool:
    if info.file_size <= _RATIO_FLOOR:
        return False
    return info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1)


def _text_head(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    try:
        with archive.open(info) as stream:
            return looks_like_text(stream.read(8192))
    except Exception:  # unreadable: let reading it report why
        return True
