"""The benchmarks run end to end on a tiny corpus and print their figures (no timed asserts)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from benchmarks import corpus, query_bench, report
from benchmarks.synthetic import article, generate

ROOT = Path(__file__).resolve().parent.parent


def test_generator_is_deterministic_and_in_the_genre(tmp_path):
    paths = generate(tmp_path, 50, seed=3)
    assert len(paths) == 50
    texts = [p.read_text(encoding="utf-8") for p in paths]
    assert texts == [article(3, i).text for i in range(50)]
    assert len(set(texts)) == 50
    assert all(1500 < len(t.encode()) < 10_000 for t in texts)
    assert sum(t.startswith(" date ") for t in texts) > 30  # most carry a date line
    assert any("Cùng tham gia có" in t or "Cùng đi có" in t for t in texts)
    assert any("Tuy nhiên" in t or "tồn tại, hạn chế" in t for t in texts)
    assert any("uỷ" in t for t in texts) and any("ủy" in t for t in texts)


def test_query_benchmark_measures_every_case(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus, "OUT", tmp_path)
    path = corpus.big_archive(60, seed=3)
    figures = query_bench.run(path, runs=2)
    assert len(figures) == len(query_bench.CASE_NAMES) + 1  # and the index build
    assert all(f.measured >= 0 and f.group == "query" for f in figures)
    printed = report.table(figures)
    assert 'text "Thiệu Hóa"' in printed and "ms p95" in printed


def test_command_prints_the_table_and_writes_json(tmp_path):
    env = dict(os.environ, BENCH_OUT=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--only", "query", "--size", "80"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "Machine:" in done.stdout and "| query: official, popular" in done.stdout
    assert (tmp_path / "results-quick.json").exists()
