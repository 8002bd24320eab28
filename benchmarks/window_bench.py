"""The window at 100,000 visits: launch to painted timeline, filter + repaint, peak memory.

Each measurement is a child process run offscreen, beside a bare PySide6 window started and
measured the same way. The viewer prints `VIEWER_PAINTED <epoch s>` after the timeline's
first paint when VIEWER_EXIT_AFTER_PAINT=1, then (with VIEWER_BENCH_FILTER=<text>) applies
that text filter and prints `VIEWER_FILTERED <ms>` once the timeline repainted, and quits.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.report import Figure

BARE = Path(__file__).with_name("bare_window.py")
ROOT = BARE.parent.parent
TARGET_S, TARGET_RATIO, TARGET_FILTER_MS, TARGET_RSS_MB = 1.0, 2.0, 100.0, 300.0


def _measure(args: list[str], extra_env: dict[str, str]) -> tuple[float, dict[str, str], float]:
    """(seconds from launch to first paint, printed markers, peak RSS in MB) of one child."""
    # A fresh settings folder: the user's saved window would restore their last filter
    # (a text search at 100,000 visits doubled the figures once).
    with tempfile.TemporaryDirectory() as config, tempfile.TemporaryFile("w+") as errors:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", VIEWER_EXIT_AFTER_PAINT="1",
                   XDG_CONFIG_HOME=config, **extra_env)
        started = time.time()
        child = subprocess.Popen(
            args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=errors, text=True
        )
        assert child.stdout is not None
        out = child.stdout.read()  # until the child exits and closes it
        # wait4 reaps this child alone and returns its own rusage (ru_maxrss in KB on Linux).
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        err = errors.read()
    markers = {}
    for line in out.splitlines():
        key, _, value = line.partition(" ")
        if key.startswith("VIEWER_"):
            markers[key] = value
    if "VIEWER_PAINTED" not in markers:
        raise RuntimeError(f"{' '.join(args[1:])} never reported a paint: {err.strip()[-400:]}")
    return float(markers["VIEWER_PAINTED"]) - started, markers, usage.ru_maxrss / 1024


def run(db_path: Path, repeats: int = 5) -> list[Figure]:
    # An installed program starts from compiled modules; where PYTHONDONTWRITEBYTECODE is
    # set (as on some CI machines), every start would compile the edited ones again.
    compileall.compile_dir(ROOT / "viewer", quiet=1)
    bare = [_measure([sys.executable, str(BARE)], {})[0] for _ in range(repeats)]
    viewer_args = [sys.executable, "-m", "viewer", "--db", str(db_path)]
    # Not counted: the very first start draws the toolbar's icons into the user's cache
    # (viewer/qt/icons.py), and reads the archive's pages into the OS cache.
    _measure(viewer_args, {})
    runs = [_measure(viewer_args, {"VIEWER_BENCH_FILTER": "chuyen doi so"}) for _ in range(repeats)]
    launch = statistics.median(r[0] for r in runs)
    bare_s = statistics.median(bare)
    filters = [float(r[1]["VIEWER_FILTERED"]) for r in runs if "VIEWER_FILTERED" in r[1]]
    peak = max(r[2] for r in runs)
    figures = [
        Figure(
            "window",
            "launch to painted timeline",
            launch,
            "s",
            f"target <= {TARGET_S:.1f} s; bare PySide6 window {bare_s:.2f} s",
            launch <= TARGET_S,
            f"(median of {repeats})",
        ),
        Figure(
            "window",
            "launch / bare window",
            launch / bare_s,
            "x",
            f"target <= {TARGET_RATIO:.0f}x",
            launch / bare_s <= TARGET_RATIO,
        ),
        Figure(
            "window",
            "peak RSS",
            peak,
            "MB",
            f"target <= {TARGET_RSS_MB:.0f} MB",
            peak <= TARGET_RSS_MB,
        ),
    ]
    if filters:
        median = statistics.median(filters)
        ready = statistics.median(
            float(r[1]["VIEWER_INDEX_READY"]) for r in runs if "VIEWER_INDEX_READY" in r[1]
        )
        figures[2:2] = [
            Figure(
                "window",
                "visit index ready after the first paint",
                ready,
                "ms",
                "built on its own thread; until then SQL answers filters",
            ),
            Figure(
                "window",
                "apply a text filter and repaint",
                median,
                "ms",
                f"target <= {TARGET_FILTER_MS:.0f} ms; timed once the index is ready",
                median <= TARGET_FILTER_MS,
            ),
        ]
    else:
        figures.insert(
            2,
            Figure(
                "window",
                "apply a text filter and repaint",
                float("nan"),
                "ms",
                "not measured: the window has no VIEWER_BENCH_FILTER hook yet",
            ),
        )
    return figures
