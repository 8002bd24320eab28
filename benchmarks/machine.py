"""The machine a benchmark ran on: CPU model, cores, RAM, Python and SQLite versions."""

from __future__ import annotations

import os
import platform
import sqlite3
import time
from pathlib import Path


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def describe() -> dict[str, object]:
    """Facts about this machine that explain the figures beside them."""
    affinity = getattr(os, "sched_getaffinity", None)
    return {
        "cpu": _cpu_model(),
        "cores": len(affinity(0)) if affinity else os.cpu_count(),
        "ram_gb": _ram_gb(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "load_average": round(os.getloadavg()[0], 1) if hasattr(os, "getloadavg") else None,
        "python_loop_ms": _python_speed_ms(),
    }


def _python_speed_ms() -> float:
    """Milliseconds for sum(range(10**6)): scales every figure on a busy or slow machine."""
    best = min(_timed(lambda: sum(range(10**6))) for _ in range(5))
    return round(best * 1000, 1)


def _timed(call) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def one_line(info: dict[str, object]) -> str:
    return (
        f"{info['cpu']}, {info['cores']} cores, {info['ram_gb']} GB RAM, {info['os']}, "
        f"Python {info['python']}, SQLite {info['sqlite']}; load average {info['load_average']}, "
        f"sum(range(10**6)) {info['python_loop_ms']} ms (a CPU-speed yardstick)"
    )
