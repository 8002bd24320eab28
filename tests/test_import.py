"""Importing: the seeds become visits, duplicates are recognised, bad files cost only themselves."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.readers_fixtures import ARTICLE
from viewer.core.archive import Archive
from viewer.core.archive.rows import _single_spaced
from viewer.core.importer import Progress, import_paths, run_import

SEEDS = sorted((Path(__file__).parent.parent / "data").glob("00*.txt"))


@pytest.fixture
def archive(tmp_path):
    with Archive(tmp_path / "a.sqlite") as archive:
        yield archive


def visit_dates(archive: Archive) -> list[dt.date | None]:
    return [row.date for row in archive.visit_rows(archive.visit_ids()).values()]


def test_the_seeds_become_two_dated_visits(archive):
    report = run_import(archive, SEEDS)
    assert len(report.imported) == 2 and not report.failed
    assert sorted(visit_dates(archive)) == [dt.date(2025, 12, 12), dt.date(2025, 12, 22)]


def test_reimport_reports_duplicates_of_the_first(archive, tmp_path):
    run_import(archive, SEEDS)
    renamed = tmp_path / "copy of 000.txt"
    shutil.copy(SEEDS[0], renamed)
    report = run_import(archive, [*SEEDS, renamed])
    assert not report.imported and len(report.duplicates) == 3
    assert SEEDS[0].name in report.duplicates[-1].reason
    assert archive.stats().articles == 2


def test_same_text_in_another_encoding_or_format_is_a_duplicate(archive, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(ARTICLE.encode("utf-16"))
    (tmp_path / "c.txt").write_text(ARTICLE.replace("hóa", "hoá").replace("ủy", "uỷ"), "utf-8")
    title, *paragraphs = ARTICLE.strip().split("\n\n")
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    (tmp_path / "d.html").write_text(
        f"<html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>",
        encoding="utf-8",
    )
    report = run_import(archive, [tmp_path / n for n in ("a.txt", "b.txt", "c.txt", "d.html")])
    assert [o.name.rsplit("/", 1)[-1] for o in report.imported] == ["a.txt"]
    assert len(report.duplicates) == 3, report.failed


def test_the_same_text_spaced_otherwise_is_a_duplicate(archive, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    # The same words with other spaces and line breaks between them (paragraph breaks kept).
    spaced = ARTICLE.replace(", ", ",\u00a0 ").replace(". ", ".\t").replace("\n\n", "\n \n\n")
    (tmp_path / "b.txt").write_text(spaced, encoding="utf-8")
    report = run_import(archive, [tmp_path / "a.txt", tmp_path / "b.txt"])
    assert len(report.imported) == 1 and len(report.duplicates) == 1, report.failed


@given(st.text(alphabet=" \n\t\r\u00a0\u2028\u200bab", max_size=40))
def test_the_content_key_sees_any_run_of_spaces_as_one(text):
    assert _single_spaced(text) == " ".join(text.split())


def test_a_bad_file_among_good_ones_is_reported_and_the_rest_imported(archive, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    report = run_import(archive, [folder])
    assert len(report.imported) == 2
    failed = {Path(o.name).name: o.reason for o in report.failed}
    assert set(failed) == {"empty.txt", "photo.txt"}
    assert all(reason for reason in failed.values())


def test_zip_of_articles_is_imported_member_by_member(archive, tmp_path):
    bundle = tmp_path / "articles.zip"
    with zipfile.ZipFile(bundle, "w") as z:
        for seed in SEEDS:
            z.write(seed, f"thanh-hoa/{seed.name}")
    report = run_import(archive, [bundle])
    assert len(report.imported) == 2
    assert all("articles.zip" in o.name for o in report.imported)


def test_progress_counts_every_file_once(archive, tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"")
    events: list[Progress] = list(import_paths(archive, [*SEEDS, tmp_path / "bad.txt"]))
    assert events[0] == Progress(0, 3)
    assert [e.done for e in events[1:]] == [1, 2, 3]
    assert {e.outcome.status for e in events[1:]} == {"imported", "failed"}


def test_cancelled_import_keeps_what_was_reported_and_nothing_else(archive, tmp_path):
    for i in range(30):
        (tmp_path / f"{i:02}.txt").write_text(
            ARTICLE.replace("15/3", f"{i % 28 + 1}/3") + f"\nSố {i}.\n"
        )
    calls = iter(range(1000))
    report = run_import(archive, [tmp_path], cancelled=lambda: next(calls) >= 4)
    assert report.cancelled
    assert archive.stats().articles == len(report.imported) == 5
    assert archive.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    again = run_import(archive, [tmp_path])
    assert len(again.imported) == 25 and len(again.duplicates) == 5


def test_many_files_go_through_worker_processes_with_the_same_result(archive, tmp_path):
    for i in range(220):
        text = ARTICLE.replace("15/3", f"{i % 28 + 1}/{i % 12 + 1}") + f"\nBài số {i}.\n"
        (tmp_path / f"{i:03}.txt").write_text(text, encoding="utf-8")
    report = run_import(archive, [tmp_path], workers=2)
    assert len(report.imported) == 220 and not report.failed
    assert archive.stats().visits == 220
