"""`python -m benchmarks` (= `python3 dev.py bench`): every figure beside its reference.

    python -m benchmarks [--quick] [--only import|query|window|extract] [--seed 7]

References are measured in the same run on the same machine; the table and the machine
are printed and also written to benchmarks/out/results.json.
"""

from __future__ import annotations

import argparse
import sys
import time

from benchmarks import machine, report
from benchmarks.report import Figure

FULL = {"import": 10_000, "query": 100_000, "extract": 2_000, "ner": 50, "runs": 30}
QUICK = {"import": 300, "query": 1_000, "extract": 100, "ner": 5, "runs": 30}
GROUPS = ("import", "query", "window", "extract")


def _run_group(
    group: str, sizes: dict[str, int], seed: int, args: argparse.Namespace
) -> list[Figure]:
    if group == "import":
        from benchmarks import import_bench

        return import_bench.run(sizes["import"], seed)
    if group == "extract":
        from benchmarks import extract_bench

        return extract_bench.run(sizes["extract"], seed, sizes["ner"])
    from benchmarks.corpus import big_archive

    path = big_archive(sizes["query"], seed, rebuild=args.rebuild, reuse=args.reuse)
    if group == "query":
        from benchmarks import query_bench

        return query_bench.run(path, sizes["runs"])
    from benchmarks import window_bench

    return window_bench.run(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run")
    parser.add_argument("--only", choices=GROUPS, action="append", help="run only these groups")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached big archive")
    parser.add_argument(
        "--reuse", action="store_true", help="reuse a cached archive built by an earlier pipeline"
    )
    parser.add_argument("--size", type=int, help="visits in the query and window archive")
    args = parser.parse_args(argv)
    sizes = dict(QUICK if args.quick else FULL)
    if args.size:
        sizes["query"] = args.size
    info = machine.describe()
    print(f"Machine: {machine.one_line(info)}", flush=True)
    figures: list[Figure] = []
    for group in args.only or GROUPS:
        started = time.monotonic()
        print(f"\n== {group} ==", flush=True)
        try:
            found = _run_group(group, sizes, args.seed, args)
        except Exception as error:  # one broken group must not hide the others' figures
            print(f"{group}: could not be measured: {error!r}", file=sys.stderr, flush=True)
            continue
        print(report.table(found), flush=True)
        print(f"({time.monotonic() - started:.0f} s)", flush=True)
        figures += found
    print("\n== all figures ==")
    print(f"Machine: {machine.one_line(info)}")
    print(report.table(figures))
    out = report.OUT / ("results-quick.json" if args.quick else "results.json")
    report.write_json(figures, info, out)
    print(f"\nwritten to {out}")
    return 0  # a missed target is a finding in the table, not a failed command


if __name__ == "__main__":
    raise SystemExit(main())
