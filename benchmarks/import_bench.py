"""Import throughput of the whole pipeline beside the floor of storing the same text bare."""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import article_folder
from benchmarks.report import Figure
from viewer.core.archive import Archive
from viewer.core.importer import run_import

TARGET_RATE = 1000.0  # articles/s, end to end
TARGET_RATIO = 3.0  # at most this many times the floor's time


def _warm(files: list[Path]) -> None:
    """Read every file once so neither run pays for a cold disk cache."""
    for file in files:
        file.read_bytes()


def search_tables(tmp: Path) -> list[str]:
    """The archive's own CREATE statements for its two full-text indices (prefixes and
    tokenizers included), so that the floor indexes the text as the archive does."""
    with Archive(tmp / "schema.sqlite") as archive:
        rows = archive.conn.execute(
            "SELECT sql FROM sqlite_master WHERE name IN ('search_exact', 'search_folded')"
        )
        return [sql for (sql,) in rows]


def floor(files: list[Path], db_path: Path) -> float:
    """Seconds to read the files and store their text in a bare table with the same FTS."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, name TEXT, text TEXT)")
    for create in search_tables(db_path.parent):
        conn.execute(create)
    started = time.perf_counter()
    conn.execute("BEGIN")
    for file in files:
        text = file.read_bytes().decode("utf-8")
        rowid = conn.execute(
            "INSERT INTO articles (name, text) VALUES (?, ?)", (file.name, text)
        ).lastrowid
        for index in ("search_exact", "search_folded"):
            conn.execute(
                f"INSERT INTO {index} (rowid, title, body) VALUES (?, '', ?)", (rowid, text)
            )
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def pipeline(folder: Path, db_path: Path) -> tuple[float, int, int]:
    """Seconds for `run_import` of the folder into a fresh archive; (s, imported, failed)."""
    started = time.perf_counter()
    with Archive(db_path) as archive:
        report = run_import(archive, [folder])
    return time.perf_counter() - started, len(report.imported), len(report.failed)


def run(count: int, seed: int) -> list[Figure]:
    folder = article_folder(count, seed)
    files = sorted(folder.glob("*.txt"))
    _warm(files)
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        bare = floor(files, Path(tmp) / "floor.sqlite")
        seconds, imported, failed = pipeline(folder, Path(tmp) / "archive.sqlite")
    rate, floor_rate = count / seconds, count / bare
    ratio = seconds / bare
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        Figure(
            "import",
            f"run_import of {count:,} articles",
            rate,
            "articles/s",
            f"target >= {TARGET_RATE:,.0f}/s on {cores} cores",
            rate >= TARGET_RATE,
            f"({seconds:.1f} s, {imported:,} imported, {failed} failed)",
        ),
        Figure(
            "import",
            "floor: read + bare table + 2 FTS",
            floor_rate,
            "articles/s",
            "same files, one process, no extraction",
            None,
            f"({bare:.1f} s)",
        ),
        Figure(
            "import",
            "pipeline time / floor time",
            ratio,
            "x",
            f"target <= {TARGET_RATIO:.0f}x",
            ratio <= TARGET_RATIO,
        ),
    ]
