"""Cached benchmark inputs under benchmarks/out/: article folders and the big archive.

The big archive is keyed by the generator version, the seed, the size and a digest of the
code and vocabulary that decide what gets stored (readers, extractor, store, schema), so a
change to any of them rebuilds it and a figure never comes from a stale pipeline.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import multiprocessing
import os
import time
from pathlib import Path

from benchmarks.report import OUT
from benchmarks.synthetic import GENERATOR_VERSION, article, generate

ROOT = Path(__file__).resolve().parent.parent
PIPELINE = (
    "viewer/core/readers",
    "viewer/core/extract",
    "viewer/core/archive/rows.py",
    "viewer/core/archive/store.py",
    "viewer/core/archive/schema.py",
    "viewer/core/text.py",
    "resources",
)


def article_folder(count: int, seed: int) -> Path:
    """A folder of `count` generated .txt articles, written once and reused."""
    folder = OUT / f"articles-g{GENERATOR_VERSION}-s{seed}-n{count}"
    done = folder / ".complete"
    if not done.exists():
        generate(folder, count, seed)
        done.write_text("ok\n")
    return folder


def pipeline_digest() -> str:
    digest = hashlib.sha256()
    for entry in PIPELINE:
        path = ROOT / entry
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file() and file.suffix in {".py", ".toml", ".json", ".txt"}:
                digest.update(str(file.relative_to(ROOT)).encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def _prepare_synthetic(seed: int, index: int):  # type: ignore[no-untyped-def]
    """Worker: generate article `index` and read, decode, extract it like the importer."""
    from viewer.core.importer import prepare
    from viewer.core.readers import Source

    item = article(seed, index)
    data = item.text.encode("utf-8")
    return prepare(Source(item.name, None, len(data), lambda: data), "Thanh Hóa")


def _store_all(path: Path, count: int, seed: int, workers: int) -> None:
    from viewer.core.archive import Archive
    from viewer.core.importer import PARALLEL_FROM, FileOutcome, _store

    context = multiprocessing.get_context("spawn")
    started, stored = time.monotonic(), 0
    with (
        Archive(path) as archive,
        concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool,
    ):
        # Like the importer: worker processes only when there is enough work to pay for them.
        if count >= PARALLEL_FROM and workers > 1:
            results = pool.map(_prepare_synthetic, [seed] * count, range(count), chunksize=64)
        else:
            results = map(_prepare_synthetic, [seed] * count, range(count))
        while stored < count:
            with archive.batch():
                for _ in range(min(5000, count - stored)):
                    item = next(results)
                    stored += 1
                    if not isinstance(item, FileOutcome):
                        _store(archive, item)
            rate = stored / (time.monotonic() - started)
            print(f"  … {stored:,}/{count:,} articles stored ({rate:,.0f}/s)", flush=True)


def _migrate(path: Path) -> None:
    """Apply the schema's newer migrations to a cached archive, without keeping a backup."""
    from viewer.core.archive import Archive

    with Archive(path) as archive:
        made = archive.backup_made
    if made is not None:
        made.unlink()


def big_archive(count: int, seed: int, *, rebuild: bool = False, reuse: bool = False) -> Path:
    """An archive of `count` generated articles, built through the real pipeline once.

    `reuse` takes the newest one built by an earlier pipeline (the extraction is slow to
    redo while the extractor changes by the hour); newer migrations are applied to it.
    """
    path = OUT / f"archive-g{GENERATOR_VERSION}-s{seed}-n{count}-{pipeline_digest()}.sqlite"
    older = sorted(
        OUT.glob(f"archive-g{GENERATOR_VERSION}-s{seed}-n{count}-*.sqlite"),
        key=lambda p: p.stat().st_mtime,
    )
    if reuse and not path.exists() and older:
        path = older[-1]
        print(f"Reusing {path.name}, built by an earlier pipeline", flush=True)
    if path.exists() and not rebuild:
        _migrate(path)
        return path
    for stale in OUT.glob(f"archive-g*-s{seed}-n{count}-*.sqlite*"):
        stale.unlink()
    partial = path.with_suffix(".partial")
    for leftover in OUT.glob(partial.name + "*"):
        leftover.unlink()
    print(f"Building a {count:,}-article archive (cached as {path.name}) …", flush=True)
    _store_all(partial, count, seed, os.cpu_count() or 1)
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    partial.rename(path)
    return path
