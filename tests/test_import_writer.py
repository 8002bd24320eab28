"""Storing in batches: a file that fails costs only itself, its index rows included, and
remembered entity ids never outlive the rows they name."""

from __future__ import annotations

import zipfile

import pytest

from tests.readers_fixtures import ARTICLE
from viewer.core.archive import Archive, VisitFilter
from viewer.core.archive.store import ArticleWriter
from viewer.core.importer import prepare, run_import
from viewer.core.readers import Source

LEAD = "Lê Văn Thành"


def numbered_article(i: int, extra: str = "") -> str:
    return ARTICLE.replace("15/3", f"{i % 28 + 1}/{i % 12 + 1}") + f"\nBài số {i}. {extra}\n"


@pytest.fixture
def archive(tmp_path):
    with Archive(tmp_path / "a.sqlite") as archive:
        yield archive


def lead_names(archive: Archive) -> list[str]:
    rows = archive.visit_rows(archive.visit_ids()).values()
    return sorted(row.lead_name for row in rows)


def folded_matches(archive: Archive, word: str) -> int:
    return archive.conn.execute(
        "SELECT count(*) FROM search_folded WHERE search_folded MATCH ?", (word,)
    ).fetchone()[0]


def test_a_file_failing_mid_batch_is_not_stored_nor_indexed_and_the_next_ones_are(
    archive, tmp_path, monkeypatch
):
    # The first file fails after storing officials and communes no file stored before.
    for i, extra in enumerate(["Hỏng giữa chừng.", "", ""]):
        (tmp_path / f"{i}.txt").write_text(numbered_article(i, extra), encoding="utf-8")
    write_visit = ArticleWriter._write_visit

    def fail_after_the_officials(self, article_id, visit):  # type: ignore[no-untyped-def]
        visit_id = write_visit(self, article_id, visit)
        text = self.conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,))
        if "Hỏng" in text.fetchone()[0]:
            raise RuntimeError("disk trouble")
        return visit_id

    monkeypatch.setattr(ArticleWriter, "_write_visit", fail_after_the_officials)
    report = run_import(archive, [tmp_path])

    assert [o.name.rsplit("/", 1)[-1] for o in report.imported] == ["1.txt", "2.txt"]
    assert "disk trouble" in report.failed[0].reason
    assert folded_matches(archive, "hong") == 0  # its index rows went with it
    assert folded_matches(archive, "thanh") == 2
    # The files after it name the same officials and communes, and still have them.
    assert lead_names(archive) == [LEAD, LEAD]
    communes = {value.label: value.count for value in archive.facet(VisitFilter(), "communes")}
    assert communes == {"xã Hoằng Lộc": 2, "phường Quảng Phú": 2}
    assert archive.conn.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.parametrize("defer_index", [False, True])
def test_ids_remembered_by_a_writer_are_dropped_when_another_window_wrote(tmp_path, defer_index):
    db = tmp_path / "a.sqlite"
    (tmp_path / "one.txt").write_text(numbered_article(1), encoding="utf-8")
    (tmp_path / "two.txt").write_text(numbered_article(2), encoding="utf-8")
    one, two = (
        prepare(Source(p.name, p, p.stat().st_size), "Thanh Hóa")
        for p in (tmp_path / "one.txt", tmp_path / "two.txt")
    )
    with Archive(db) as first, Archive(db) as second:
        writer = ArticleWriter(first.conn, defer_index=defer_index)
        with first.batch():
            writer.write(one.rows)
            writer.flush_index()
        # Another window empties the archive; a new official takes the freed id.
        with second.batch():
            second.conn.execute("DELETE FROM articles")
            second.conn.execute("DELETE FROM officials")
            second.conn.execute(
                "INSERT INTO officials (key, name, folded) VALUES ('x', 'Người Khác', 'nguoi khac')"
            )
        with first.batch():
            writer.write(two.rows)
            writer.flush_index()
        assert lead_names(first) == [LEAD]


def test_a_title_seen_again_in_a_batch_widens_its_dates_only_when_they_change(archive, tmp_path):
    # One official with one title, seen on dates in this order: 6/6, 2/2, 10/10, 4/4.
    for i in (5, 1, 9, 3):
        (tmp_path / f"{i}.txt").write_text(numbered_article(i), encoding="utf-8")
    report = run_import(archive, [tmp_path / f"{i}.txt" for i in (5, 1, 9, 3)])
    assert len(report.imported) == 4
    dates = archive.conn.execute("SELECT min(visit_date), max(visit_date) FROM visits").fetchone()
    spans = archive.conn.execute(
        "SELECT first_seen, last_seen FROM official_titles t JOIN officials o "
        "ON o.id = t.official_id WHERE o.name = ?",
        (LEAD,),
    ).fetchall()
    assert spans and all(span == dates for span in spans)


def test_a_zip_of_many_articles_goes_through_the_worker_processes(archive, tmp_path):
    bundle = tmp_path / "articles.zip"
    with zipfile.ZipFile(bundle, "w") as z:
        for i in range(220):
            z.writestr(f"bai/{i:03}.txt", numbered_article(i))
    report = run_import(archive, [bundle], workers=2)
    assert len(report.imported) == 220 and not report.failed
    assert all("articles.zip" in o.name for o in report.imported)
    assert folded_matches(archive, "thanh") == 220
