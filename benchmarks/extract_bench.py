"""Extraction speed on one core, beside underthesea's `ner` over the same paragraphs."""

from __future__ import annotations

import time
from pathlib import Path

from benchmarks.report import Figure
from benchmarks.synthetic import iter_articles
from viewer.core.extract import extract
from viewer.core.model import Document
from viewer.core.readers import decode_document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "tests" / "gold" / "articles").glob("*.txt"))
TARGET_MS_8KB = 5.0


def _documents(texts: list[tuple[str, bytes]]) -> list[Document]:
    return [decode_document(data, name) for name, data in texts]


def _extract_seconds(documents: list[Document], rounds: int = 1) -> float:
    started = time.perf_counter()
    for _ in range(rounds):
        for document in documents:
            extract(document, default_province="Thanh Hóa", fallback_year=None)
    return (time.perf_counter() - started) / rounds


def _ner_seconds(documents: list[Document]) -> float:
    from underthesea import ner  # heavy: only when this benchmark runs

    ner("Khởi động.")  # the first call loads the model
    started = time.perf_counter()
    for document in documents:
        for paragraph in document.text.split("\n\n"):
            if paragraph.strip():
                ner(paragraph)
    return time.perf_counter() - started


def run(count: int, seed: int, ner_count: int) -> list[Figure]:
    generated = _documents(
        [(a.name, a.text.encode("utf-8")) for a in iter_articles(count, seed, start=900_000)]
    )
    seeds = _documents([(p.name, p.read_bytes()) for p in SEEDS])
    _extract_seconds(generated[:50])  # warm caches (compiled patterns, gazetteer)
    seconds = _extract_seconds(generated)
    size = sum(len(d.text.encode("utf-8")) for d in generated)
    per_8kb = seconds * 1000 / size * 8192
    seed_seconds = _extract_seconds(seeds, rounds=20)
    subset = generated[:ner_count]
    ours_subset = _extract_seconds(subset)
    ner_seconds = _ner_seconds(subset)
    return [
        Figure(
            "extract",
            f"extract(), {count:,} generated articles",
            count / seconds,
            "articles/s",
            "one core",
            None,
            f"({size / count / 1024:.1f} KB average)",
        ),
        Figure(
            "extract",
            "ms per 8 KB article",
            per_8kb,
            "ms",
            f"target well under {TARGET_MS_8KB:.0f} ms",
            per_8kb < TARGET_MS_8KB,
        ),
        Figure(
            "extract",
            f"extract(), the {len(seeds)} gold-set seeds",
            len(seeds) / seed_seconds,
            "articles/s",
            "one core",
            None,
        ),
        Figure(
            "extract",
            f"underthesea ner, {len(subset)} articles by paragraph",
            len(subset) / ner_seconds,
            "articles/s",
            f"extract() on the same: {len(subset) / ours_subset:,.0f}/s, "
            f"{ner_seconds / ours_subset:,.0f}x faster",
            None,
        ),
    ]
