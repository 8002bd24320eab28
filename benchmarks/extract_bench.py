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
GOLD = sorted((ROOT / "tests" / "gold" / "articles").glob("*.txt"))
# The two Báo Thanh Hóa articles the product was specified from (6.4 and 10.1 KB): what the
# issue means by "a seed-sized article (8 KB)". They are also the sample archive's files.
SEEDS = sorted((ROOT / "data").glob("*.txt"))
TARGET_MS_8KB = 5.0
WELL_UNDER_MS_8KB = TARGET_MS_8KB / 2  # what "well under 5 ms" is taken to mean


def _documents(texts: list[tuple[str, bytes]]) -> list[Document]:
    return [decode_document(data, name) for name, data in texts]


# CPU time (process time), ours and underthesea's alike: the figures are "on one core",
# and on a shared VM wall time also counts the moments another guest had the core.
def _extract_seconds(documents: list[Document], rounds: int = 1) -> float:
    started = time.process_time()
    for _ in range(rounds):
        for document in documents:
            extract(document, default_province="Thanh Hóa", fallback_year=None)
    return (time.process_time() - started) / rounds


def _ner_seconds(documents: list[Document]) -> float:
    from underthesea import ner  # heavy: only when this benchmark runs

    ner("Khởi động.")  # the first call loads the model
    started = time.process_time()
    for document in documents:
        for paragraph in document.text.split("\n\n"):
            if paragraph.strip():
                ner(paragraph)
    return time.process_time() - started


def run(count: int, seed: int, ner_count: int) -> list[Figure]:
    generated = _documents(
        [(a.name, a.text.encode("utf-8")) for a in iter_articles(count, seed, start=900_000)]
    )
    gold = _documents([(p.name, p.read_bytes()) for p in GOLD])
    seeds = _documents([(p.name, p.read_bytes()) for p in SEEDS])
    _extract_seconds(generated[:50])  # warm caches (compiled patterns, gazetteer)
    seconds = _extract_seconds(generated)
    size = sum(len(d.text.encode("utf-8")) for d in generated)
    per_8kb = seconds * 1000 / size * 8192
    gold_seconds = _extract_seconds(gold, rounds=20)
    # the median of many short rounds: one pass of two articles is at the mercy of the load
    seed_rounds = sorted(_extract_seconds(seeds) for _ in range(200))
    seed_seconds = seed_rounds[len(seed_rounds) // 2]
    seed_size = sum(len(d.text.encode("utf-8")) for d in seeds)
    seed_per_8kb = seed_seconds * 1000 / seed_size * 8192
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
            "ms per 8 KB, generated articles",
            per_8kb,
            "ms",
            "one pass; shorter than the seeds, so a fixed ~0.1 ms per article weighs more",
            None,
        ),
        Figure(
            "extract",
            f"ms per 8 KB, the {len(seeds)} seed articles",
            seed_per_8kb,
            "ms",
            f"target well under {TARGET_MS_8KB:.0f} ms (taken as <= {WELL_UNDER_MS_8KB} ms)",
            seed_per_8kb <= WELL_UNDER_MS_8KB,
            f"({seed_size / len(seeds) / 1024:.1f} KB average; median of 200 rounds)",
        ),
        Figure(
            "extract",
            f"extract(), the {len(gold)} gold-set articles",
            len(gold) / gold_seconds,
            "articles/s",
            "one core",
            None,
            f"({sum(len(d.text.encode('utf-8')) for d in gold) / len(gold) / 1024:.1f} KB average)",
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
