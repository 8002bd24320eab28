"""A killed import leaves a sound archive holding exactly what was reported; two writers coexist."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.readers_fixtures import ARTICLE
from viewer.core.archive import Archive
from viewer.core.importer import run_import

ROOT = Path(__file__).parent.parent

IMPORT_AND_REPORT = r"""
import sys
from viewer.core.archive import Archive
from viewer.core.importer import import_paths
with Archive(sys.argv[2]) as archive:
    for event in import_paths(archive, [sys.argv[1]]):
        if event.outcome and event.outcome.status == "imported":
            print(event.outcome.name, flush=True)
"""


def write_articles(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        text = ARTICLE.replace("15/3", f"{i % 28 + 1}/{i % 12 + 1}") + f"\nBài viết số {i}.\n"
        (folder / f"{i:05}.txt").write_text(text, encoding="utf-8")


@pytest.mark.slow
def test_sigkill_mid_import_loses_nothing_reported_and_a_rerun_imports_the_rest(tmp_path):
    folder, db = tmp_path / "articles", tmp_path / "a.sqlite"
    write_articles(folder, 3000)
    child = subprocess.Popen(
        [sys.executable, "-c", IMPORT_AND_REPORT, str(folder), str(db)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    reported = []
    assert child.stdout is not None
    for line in child.stdout:
        reported.append(line.strip())
        if len(reported) >= 600:
            break
    os.killpg(child.pid, signal.SIGKILL)  # the importer and its worker processes
    child.wait(timeout=30)
    assert len(reported) >= 600, "the import finished before it could be killed"

    with Archive(db) as archive:
        conn = archive.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {row[0] for row in conn.execute("SELECT name FROM article_files")}
        assert set(reported) <= stored
        articles = archive.stats().articles
        assert articles < 3000, "the kill came too late to test anything"
        # Nothing partial: every stored article has its visit, mentions and index rows.
        assert conn.execute("SELECT count(*) FROM visits").fetchone()[0] == articles
        assert (
            conn.execute(
                "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM mentions)"
            ).fetchone()[0]
            == 0
        )
        indexed = conn.execute(
            "SELECT count(*) FROM search_folded WHERE search_folded MATCH 'thanh'"
        ).fetchone()[0]
        assert indexed == articles

        rerun = run_import(archive, [folder])
        assert len(rerun.imported) == 3000 - articles
        assert len(rerun.duplicates) == articles
        assert archive.stats().articles == 3000


def test_two_archives_on_one_file_read_while_the_other_writes(tmp_path):
    folder, db = tmp_path / "articles", tmp_path / "a.sqlite"
    write_articles(folder, 120)
    with Archive(db) as first, Archive(db) as second:
        errors: list[BaseException] = []

        def read_all_the_time() -> None:
            try:
                deadline = time.monotonic() + 3
                while time.monotonic() < deadline:
                    second.visit_ids()
                    second.facet(second_filter, "communes")
            except BaseException as error:  # the test reports it below
                errors.append(error)

        from viewer.core.archive import VisitFilter

        second_filter = VisitFilter(text="thanh")
        reader = threading.Thread(target=read_all_the_time)
        reader.start()
        report = run_import(first, [folder])
        reader.join()
        assert not errors
        assert len(report.imported) == 120
        assert len(second.visit_ids()) == 120


def test_two_writers_wait_for_each_other_instead_of_failing(tmp_path):
    db = tmp_path / "a.sqlite"
    write_articles(tmp_path / "one", 40)
    write_articles(tmp_path / "two", 40)
    for path in (tmp_path / "two").iterdir():
        path.write_text(path.read_text() + "Một bài khác.\n")
    results = {}

    def run(name: str) -> None:
        with Archive(db) as archive:
            results[name] = run_import(archive, [tmp_path / name])

    Archive(db).close()
    threads = [threading.Thread(target=run, args=(n,)) for n in ("one", "two")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(len(r.imported) for r in results.values()) == 80
    assert not any(r.failed for r in results.values())
