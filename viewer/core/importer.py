"""The import pipeline: files in, articles and visits out, as a generator of progress.

`import_paths` is the one pipeline behind the window, the command line and the tests.
Reading, decoding and extracting (`prepare`) are pure and run in worker processes when
there is enough work to pay for them; storing runs here, one savepoint per file inside
batched transactions. A file is reported as imported only after its batch committed,
so a crash loses at most work that was never reported, and a re-run imports the rest.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from viewer.core.archive import Archive
from viewer.core.archive.store import content_key, insert_article
from viewer.core.extract import extract
from viewer.core.model import Document, Extraction
from viewer.core.readers import ReadError, Source, SourceProblem, decode_document, iter_sources

Status = Literal["imported", "duplicate", "failed"]

BATCH_FILES = 250  # files per transaction: commits are cheap in WAL mode, but not free
BATCH_SECONDS = 0.5  # ... and a slow batch still commits (and reports) twice a second
PARALLEL_FROM = 200  # below this many files, starting worker processes costs more than it saves


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file, in words a user reads in the import report."""

    name: str
    status: Status
    reason: str = ""  # why it failed, or what it duplicates
    article_id: int | None = None
    visit_id: int | None = None


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    outcome: FileOutcome | None = None  # None for the first event, once the files are counted


@dataclass
class ImportReport:
    imported: list[FileOutcome] = field(default_factory=list)
    duplicates: list[FileOutcome] = field(default_factory=list)
    failed: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False

    def add(self, outcome: FileOutcome) -> None:
        {"imported": self.imported, "duplicate": self.duplicates, "failed": self.failed}[
            outcome.status
        ].append(outcome)

    @property
    def summary(self) -> str:
        text = (
            f"{len(self.imported)} imported, {len(self.duplicates)} duplicate"
            f"{'' if len(self.duplicates) == 1 else 's'}, {len(self.failed)} failed"
        )
        return text + (" (cancelled)" if self.cancelled else "")


@dataclass
class Prepared:
    """A file read, decoded and extracted, ready to store."""

    name: str
    sha256: str
    size: int
    document: Document
    extraction: Extraction
    key: str


def prepare(source: Source, default_province: str) -> Prepared | FileOutcome:
    """Read, decode and extract one file; every failure becomes a plain-words outcome."""
    try:
        data = source.read_bytes()
        sha256 = hashlib.sha256(data).hexdigest()
        document = decode_document(data, source.name)
        extraction = extract(
            document, default_province=default_province, fallback_year=_file_year(source.path)
        )
        return Prepared(source.name, sha256, len(data), document, extraction, content_key(document))
    except ReadError as error:
        return FileOutcome(source.name, "failed", str(error))
    except MemoryError:
        return FileOutcome(source.name, "failed", "the file is too large to read")
    except Exception as error:  # a bug must cost one file, never the whole import
        return FileOutcome(source.name, "failed", f"internal error while reading: {error!r}")


def _file_year(path: Path | None) -> int | None:
    try:
        return time.localtime(path.stat().st_mtime).tm_year if path else None
    except OSError:
        return None


def _prepared_stream(
    sources: list[Source], default_province: str, workers: int
) -> Iterator[Prepared | FileOutcome]:
    if workers <= 1 or len(sources) < PARALLEL_FROM:
        for source in sources:
            yield prepare(source, default_province)
        return
    # "spawn": forking a process that runs Qt threads can deadlock; spawn is safe everywhere.
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
        results = pool.map(prepare, sources, [default_province] * len(sources), chunksize=16)
        try:
            yield from results
        finally:
            pool.shutdown(wait=False, cancel_futures=True)


def _store(archive: Archive, item: Prepared) -> FileOutcome:
    same_file = archive.find_file(item.sha256)
    if same_file is None:
        same_text = archive.find_content(item.key)
        if same_text is not None:
            _, title, first = same_text
            return FileOutcome(
                item.name, "duplicate", f"same article as “{title}” ({first})", same_text[0]
            )
    else:
        _, title, first = same_file
        return FileOutcome(
            item.name, "duplicate", f"same file as “{title}” ({first})", same_file[0]
        )
    with archive.db.atomic():  # a savepoint: this file entirely, or not at all
        article_id, visit_id = insert_article(
            archive.conn,
            item.document,
            item.extraction,
            file_name=item.name,
            file_sha256=item.sha256,
            file_size=item.size,
            key=item.key,
        )
    return FileOutcome(item.name, "imported", "", article_id, visit_id)


def import_paths(
    archive: Archive,
    paths: Iterable[str | Path],
    *,
    default_province: str = "Thanh Hóa",
    workers: int | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[Progress]:
    """Import files, folders and zips; yields progress and returns the `ImportReport`.

    Use `run_import` when only the report matters.
    """
    report = ImportReport()
    sources: list[Source] = []
    problems: list[FileOutcome] = []
    for found in iter_sources(paths):
        if isinstance(found, SourceProblem):
            problems.append(FileOutcome(found.name, "failed", found.reason))
        else:
            sources.append(found)
    total = len(sources) + len(problems)
    done = 0
    yield Progress(done, total)
    for outcome in problems:
        report.add(outcome)
        done += 1
        yield Progress(done, total, outcome)

    pending: list[FileOutcome] = []
    stream = _prepared_stream(sources, default_province, workers or os.cpu_count() or 1)
    try:
        while True:
            with archive.batch():
                started = time.monotonic()
                for item in stream:
                    if isinstance(item, FileOutcome):
                        pending.append(item)
                    else:
                        try:
                            pending.append(_store(archive, item))
                        except Exception as error:  # one file fails, not the import
                            pending.append(
                                FileOutcome(item.name, "failed", f"could not be stored: {error}")
                            )
                    if cancelled():
                        report.cancelled = True
                        break
                    if len(pending) >= BATCH_FILES or time.monotonic() - started > BATCH_SECONDS:
                        break
                else:
                    stream = iter(())  # exhausted
            # Committed: only now are these files really in the archive.
            for outcome in pending:
                report.add(outcome)
                done += 1
                yield Progress(done, total, outcome)
            finished = not pending or report.cancelled
            pending = []
            if finished:
                break
    finally:
        close = getattr(stream, "close", None)
        if close:
            close()
    return report


def run_import(archive: Archive, paths: Iterable[str | Path], **options: object) -> ImportReport:
    """Run `import_paths` to the end and return its report."""
    events = import_paths(archive, paths, **options)  # type: ignore[arg-type]
    while True:
        try:
            next(events)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]
