"""The import pipeline: files in, articles and visits out, as a generator of progress.

`import_paths` is the one pipeline behind the window, the command line and the tests.
Reading, decoding, extracting and turning the result into row tuples (`prepare`) are
pure and run in worker processes when there is enough work to pay for them, so that
storing, the one part that cannot run in parallel, is only SQL: it runs here, one
savepoint per file inside batched transactions. A file is reported as imported only
after its batch committed, so a crash loses at most work that was never reported, and
a re-run imports the rest.
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import functools
import gc
import hashlib
import itertools
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, NamedTuple

from viewer.core.archive import Archive
from viewer.core.archive.rows import ArticleRows, article_rows
from viewer.core.archive.store import ArticleWriter
from viewer.core.extract import extract
from viewer.core.readers import ReadError, Source, SourceProblem, decode_document, iter_sources

Status = Literal["imported", "duplicate", "failed"]

BATCH_FILES = 250  # files per transaction: commits are cheap in WAL mode, but not free
BATCH_SECONDS = 0.5  # ... and a slow batch still commits (and reports) twice a second
PARALLEL_FROM = 200  # below this many files, starting worker processes costs more than it saves
CHUNK_FILES = 16  # files per worker task: one message each way for many small files
CHUNKS_PER_WORKER = 3  # tasks queued per worker: never idle, yet few to drop on cancel


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


class Prepared(NamedTuple):
    """A file read, decoded and extracted: the rows to store, as a worker sends them back.

    Plain tuples, so that sending a file's results between processes costs little.
    """

    name: str
    sha256: str
    key: str  # the content key: equal for the same article in another format or encoding
    rows: ArticleRows


# What a worker process is sent for one file: the source, and its bytes when they had to
# be read here; or the outcome already known when reading them here failed.
Task = tuple[Source, bytes | None] | FileOutcome


def prepare(source: Source, default_province: str) -> Prepared | FileOutcome:
    """Read, decode and extract one file; every failure becomes a plain-words outcome."""
    return _prepare(_task(source), default_province)


def _task(source: Source) -> Task:
    """A file on disk is read by the worker. A zip member is read here: its reader holds
    the open zip, which cannot be sent to another process."""
    if source.path is not None:
        return source, None
    try:
        return Source(source.name, None, source.size), source.read_bytes()
    except Exception as error:
        return _failure(source.name, error)


def _prepare(task: Task, default_province: str) -> Prepared | FileOutcome:
    if isinstance(task, FileOutcome):
        return task
    source, data = task
    try:
        if data is None:
            data = source.read_bytes()
        sha256 = hashlib.sha256(data).hexdigest()
        document = decode_document(data, source.name)
        extraction = extract(
            document, default_province=default_province, fallback_year=_file_year(source.path)
        )
        rows = article_rows(
            document, extraction, file_name=source.name, file_sha256=sha256, file_size=len(data)
        )
        return Prepared(source.name, sha256, rows.article[-1], rows)
    except Exception as error:
        return _failure(source.name, error)


def _prepare_chunk(tasks: list[Task], default_province: str) -> list[Prepared | FileOutcome]:
    """Worker: prepare several files, sent back in one message."""
    prepared = [_prepare(task, default_province) for task in tasks]
    _freeze_what_the_worker_loaded()
    return prepared


@functools.cache
def _freeze_what_the_worker_loaded() -> None:
    """Once per worker, after its first files: what they loaded (the gazetteer, patterns)
    lives as long as the worker, and each full collection rescanned it: collecting took
    0.024 ms per file, 0.011 with it frozen."""
    gc.freeze()


def _failure(name: str, error: Exception) -> FileOutcome:
    if isinstance(error, ReadError):
        return FileOutcome(name, "failed", str(error))
    if isinstance(error, MemoryError):
        return FileOutcome(name, "failed", "the file is too large to read")
    # A bug must cost one file, never the whole import.
    return FileOutcome(name, "failed", f"internal error while reading: {error!r}")


def _file_year(path: Path | None) -> int | None:
    try:
        return time.localtime(path.stat().st_mtime).tm_year if path else None
    except OSError:
        return None


def _prepared_stream(
    sources: list[Source], default_province: str, workers: int
) -> Iterator[Prepared | FileOutcome]:
    """Every source prepared, in the order given (which of two equal files is the
    duplicate must not depend on timing)."""
    if workers <= 1 or len(sources) < PARALLEL_FROM:
        for source in sources:
            yield prepare(source, default_province)
        return
    # "spawn": forking a process that runs Qt threads can deadlock; spawn is safe everywhere.
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
        chunks = _task_chunks(sources)
        in_flight: collections.deque[Future[list[Prepared | FileOutcome]]] = collections.deque()
        try:
            for chunk in itertools.islice(chunks, workers * CHUNKS_PER_WORKER):
                in_flight.append(pool.submit(_prepare_chunk, chunk, default_province))
            while in_flight:
                prepared = in_flight.popleft().result()
                chunk = next(chunks, None)  # queued before storing: the workers never wait
                if chunk is not None:
                    in_flight.append(pool.submit(_prepare_chunk, chunk, default_province))
                yield from prepared
        finally:
            pool.shutdown(wait=False, cancel_futures=True)


def _task_chunks(sources: list[Source]) -> Iterator[list[Task]]:
    for start in range(0, len(sources), CHUNK_FILES):
        yield [_task(source) for source in sources[start : start + CHUNK_FILES]]


def _duplicate(archive: Archive, item: Prepared) -> FileOutcome | None:
    same_file = archive.find_file(item.sha256)
    if same_file is not None:
        _, title, first = same_file
        return FileOutcome(
            item.name, "duplicate", f"same file as “{title}” ({first})", same_file[0]
        )
    same_text = archive.find_content(item.key)
    if same_text is not None:
        _, title, first = same_text
        return FileOutcome(
            item.name, "duplicate", f"same article as “{title}” ({first})", same_text[0]
        )
    return None


def _store(archive: Archive, item: Prepared, writer: ArticleWriter | None = None) -> FileOutcome:
    """Store one prepared file, or say which article it duplicates."""
    duplicate = _duplicate(archive, item)
    if duplicate is not None:
        return duplicate
    article_id, visit_id = (writer or ArticleWriter(archive.conn)).write(item.rows)
    return FileOutcome(item.name, "imported", "", article_id, visit_id)


@contextlib.contextmanager
def _batch(archive: Archive, writer: ArticleWriter) -> Iterator[None]:
    """One write transaction for many files; the deferred index rows go in last."""
    try:
        with archive.batch():
            yield
            writer.flush_index()
    except BaseException:
        writer.forget()  # the ids it learned were rolled back with the transaction
        raise


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
    writer = ArticleWriter(archive.conn, defer_index=True)
    try:
        while True:
            with _batch(archive, writer):
                started = time.monotonic()
                for item in stream:
                    if isinstance(item, FileOutcome):
                        pending.append(item)
                    else:
                        try:
                            pending.append(_store(archive, item, writer))
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
