"""Figures beside their references: one table on the terminal, the same as JSON."""

from __future__ import annotations

import json
import os
import statistics
from dataclasses import asdict, dataclass
from pathlib import Path

OUT = Path(os.environ.get("BENCH_OUT") or Path(__file__).resolve().parent / "out")


@dataclass
class Figure:
    """One measured number, what it is compared with, and whether the target is met."""

    group: str  # "import", "query", "window", "extract"
    name: str
    measured: float
    unit: str
    reference: str = ""  # what it is compared with, in words and numbers from the same run
    met: bool | None = None  # None: a reference point only, no target
    detail: str = ""  # shown after the measured number, e.g. "(p50 4.1 ms)"

    @property
    def verdict(self) -> str:
        return {True: "yes", False: "NO", None: "-"}[self.met]


def percentile(samples: list[float], fraction: float) -> float:
    """Nearest-rank percentile: p95 of 30 runs is the 29th fastest, never an interpolation."""
    ordered = sorted(samples)
    rank = max(1, round(fraction * len(ordered) + 0.4999))
    return ordered[min(rank, len(ordered)) - 1]


def p50(samples: list[float]) -> float:
    return statistics.median(samples)


def _number(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def table(figures: list[Figure]) -> str:
    """Markdown table: figure | measured | reference / target | met?"""
    rows = [("figure", "measured", "reference / target", "met?")]
    rows += [
        (
            f"{f.group}: {f.name}",
            f"{_number(f.measured)} {f.unit} {f.detail}".strip(),
            f.reference,
            f.verdict,
        )
        for f in figures
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in rows
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def write_json(figures: list[Figure], machine: dict[str, object], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"machine": machine, "figures": [asdict(f) for f in figures]}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
