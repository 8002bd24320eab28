"""Micro-benchmark of `extract()`: milliseconds per seed-sized article on one core.

Run from the repository root:  .venv/bin/python benchmarks/extract_speed.py [--runs N]
Prints the CPU time (process time, so other load on the machine counts less) per article
over many runs for each seed: median, min and p95, and the median scaled to 8 KB of text,
the size the speed goal is stated for ("a seed-sized article (8 KB) in well under 5 ms").
Then the median per 8 KB over both seeds and the articles/s rate on one core. On a busy
machine the median moves with the load; the min shows what the code itself costs.

With --generated N it also times N generated articles (`benchmarks.synthetic`, the ones
`python -m benchmarks --only extract` uses) in several passes: total time over total size,
per 8 KB, as that benchmark reports it, but as a median of passes instead of one pass.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.extract_helpers import SEEDS, load_seed  # noqa: E402
from viewer.core.extract import extract  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=300, help="timed runs per seed")
    parser.add_argument(
        "--generated", type=int, default=0, metavar="N", help="also time N generated articles"
    )
    parser.add_argument("--passes", type=int, default=5, help="passes over the generated ones")
    args = parser.parse_args(argv)

    documents = [load_seed(name) for name in SEEDS]
    started = time.process_time()
    extract(documents[0])  # first call builds the gazetteer index and compiles the regexes
    warm_up_ms = (time.process_time() - started) * 1000
    print(f"first call (index + regex build): {warm_up_ms:.0f} ms")

    all_times = []
    per_8kb = []
    for name, document in zip(SEEDS, documents, strict=True):
        times = []
        for _ in range(args.runs):
            t0 = time.process_time()
            extract(document)
            times.append(time.process_time() - t0)
        all_times.extend(times)
        size_kb = len(document.text.encode("utf-8")) / 1024
        per_8kb.extend(t * 8 / size_kb for t in times)
        median = statistics.median(times)
        print(
            f"{name}: {size_kb:.1f} KB, median {median * 1000:.2f} ms, "
            f"min {min(times) * 1000:.2f} ms, "
            f"p95 {sorted(times)[int(len(times) * 0.95)] * 1000:.2f} ms "
            f"(median {median * 8 / size_kb * 1000:.2f} ms per 8 KB)"
        )
    median = statistics.median(all_times)
    print(
        f"median per seed-sized article: {median * 1000:.2f} ms "
        f"({1 / median:.0f} articles/s on one core); "
        f"per 8 KB: median {statistics.median(per_8kb) * 1000:.2f} ms, "
        f"min {min(per_8kb) * 1000:.2f} ms"
    )
    if args.generated:
        _time_generated(args.generated, args.passes)
    return 0


def _time_generated(count: int, passes: int) -> None:
    from benchmarks.synthetic import iter_articles
    from viewer.core.readers import decode_document

    documents = [
        decode_document(a.text.encode("utf-8"), a.name)
        for a in iter_articles(count, seed=7, start=900_000)  # as extract_bench picks them
    ]
    for document in documents[:50]:
        extract(document)  # warm the caches, as extract_bench does
    size_kb = sum(len(d.text.encode("utf-8")) for d in documents) / 1024
    per_8kb = []
    for _ in range(passes):
        t0 = time.process_time()
        for document in documents:
            extract(document)
        per_8kb.append((time.process_time() - t0) * 8 / size_kb)
    print(
        f"{count} generated articles ({size_kb / count:.1f} KB average), {passes} passes: "
        f"per 8 KB median {statistics.median(per_8kb) * 1000:.2f} ms, "
        f"min {min(per_8kb) * 1000:.2f} ms"
    )


if __name__ == "__main__":
    raise SystemExit(main())
