"""The archive a new user starts with: created on first launch from the sample articles."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from viewer.core.archive import Archive
from viewer.core.locations import default_archive_path, sample_articles_dir

if TYPE_CHECKING:
    from viewer.core.importer import ImportReport


def ensure_default_archive(path: Path | None = None) -> tuple[Path, ImportReport | None]:
    """Return the default archive's path, creating and filling it on first use.

    The report of the sample import is returned when it happened, else None. A sample
    import that failed part-way leaves no archive behind, so the next launch retries.
    """
    target = path or default_archive_path()
    if target.exists():
        return target, None
    from viewer.core.importer import run_import  # only on first launch: it is slow to load

    partial = target.with_name(target.name + ".new")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    with Archive(partial) as archive:
        samples = sample_articles_dir()
        report = run_import(archive, [samples])
        # Record the samples as "data/…", not by where this copy of the program happens to
        # be installed: that path goes stale when the program moves or is updated.
        prefix = str(samples)
        archive.conn.execute(
            "UPDATE article_files SET name = 'data' || substr(name, ?) WHERE name LIKE ? || '%'",
            (len(prefix) + 1, prefix),
        )
        archive.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.replace(target)
    for leftover in (Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    return target, report
