"""The archive file: schema, safety settings, migrations, read-only use, facets and timeline."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
import time

import pytest
from sqlite_utils import Database

from tests.factories import add_visit
from viewer.core.archive import Archive, ArchiveError, VisitFilter
from viewer.core.archive.archive import WaitCancelled
from viewer.core.archive.rows import content_key
from viewer.core.archive.schema import LATEST_VERSION, MIGRATIONS, migrate
from viewer.core.archive.store import delete_article, insert_article
from viewer.core.model import Document, Extraction, OfficialFound, PlaceFound, Role, VisitFound
from viewer.core.text import tone_key


@pytest.fixture
def archive(tmp_path):
    with Archive(tmp_path / "a.sqlite") as archive:
        yield archive


def test_new_archive_is_wal_with_foreign_keys_and_a_schema_version(archive):
    conn = archive.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert archive.stats().schema_version == LATEST_VERSION
    versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY 1")]
    assert versions == [m.version for m in MIGRATIONS]


def test_timeline_is_newest_first_with_undated_visits_last(archive):
    _, old = add_visit(archive, date=dt.date(2024, 3, 1), lead="Lê Văn A")
    _, undated = add_visit(archive, date=None, lead="Lê Văn B")
    _, new = add_visit(archive, date=dt.date(2025, 12, 22), lead="Lê Văn C")
    assert archive.visit_ids() == [new, old, undated]
    assert archive.month_counts() == [("2024-03", 1), ("2025-12", 1)]


def test_facet_counts_follow_the_other_filters(archive):
    add_visit(archive, lead="Nguyễn Hồng Phong", communes=(("Biện Thượng", 16000),))
    add_visit(
        archive, lead="Nguyễn Hồng Phong", communes=(("Thiệu Hóa", 16010),), topics=("education",)
    )
    add_visit(
        archive, lead="Mai Xuân Liêm", communes=(("Thiệu Hóa", 16010),), topics=("education",)
    )
    officials = {f.label: f for f in archive.facet(VisitFilter(), "officials")}
    assert officials["Nguyễn Hồng Phong"].count == 2
    phong = VisitFilter(officials=frozenset({officials["Nguyễn Hồng Phong"].id}))
    assert len(archive.visit_ids(phong)) == 2
    communes = {f.label: f.count for f in archive.facet(phong, "communes")}
    assert communes == {"xã Biện Thượng": 1, "xã Thiệu Hóa": 1}
    # The facet's own selection does not shrink its own counts (multi-select widens).
    assert {f.label: f.count for f in archive.facet(phong, "officials")} == {
        "Nguyễn Hồng Phong": 2,
        "Mai Xuân Liêm": 1,
    }
    thieu_hoa = next(f.id for f in archive.facet(VisitFilter(), "communes") if "Thiệu" in f.label)
    both = phong.toggled("communes", thieu_hoa).toggled("topics", "education")
    assert len(archive.visit_ids(both)) == 1


def test_date_range_filter(archive):
    add_visit(archive, date=dt.date(2025, 1, 5), lead="Lê Văn A")
    add_visit(archive, date=dt.date(2025, 12, 12), lead="Lê Văn B")
    december = VisitFilter(date_from=dt.date(2025, 12, 1), date_to=dt.date(2025, 12, 31))
    assert len(archive.visit_ids(december)) == 1


def test_visit_detail_holds_what_the_article_pane_needs(archive):
    article_id, visit_id = add_visit(archive, others=("Đỗ Thị Toán",))
    detail = archive.visit_detail(visit_id)
    assert detail.lead.name == "Nguyễn Hồng Phong"
    assert [o.role for o in detail.officials] == ["lead", "delegation"]
    mention = detail.mentions[0]
    assert detail.article_text[mention.start : mention.end] == "Nguyễn Hồng Phong"
    assert detail.row.article_id == article_id


def test_visits_in_full_are_read_in_chunks_in_the_order_asked(archive, monkeypatch):
    monkeypatch.setattr("viewer.core.archive.visits.DETAIL_CHUNK", 2)
    ids = [
        add_visit(archive, lead=name, others=("Đỗ Thị Toán",), file_name=f"{name}.txt")[1]
        for name in ("Lê Văn A", "Lê Văn B", "Lê Văn C")
    ]
    asked = [ids[2], 999, ids[0], ids[1]]  # 999: deleted meanwhile
    details = archive.visit_details(asked)
    assert [d.row.id for d in details] == [ids[2], ids[0], ids[1]]
    for detail in details:
        one = archive.visit_detail(detail.row.id)
        # the same visit, without the article's text and highlights unless asked
        assert detail.article_text == "" and detail.mentions == ()
        assert one.mentions and one.article_text
        assert (detail.officials, detail.communes, detail.statements, detail.source_files) == (
            one.officials,
            one.communes,
            one.statements,
            one.source_files,
        )
    assert archive.visit_details(asked, with_article=True)[0] == archive.visit_detail(ids[2])


def test_deleting_an_article_removes_it_from_search_and_timeline(archive):
    article_id, _ = add_visit(
        archive, body="Sáng 12/12, đồng chí Nguyễn Hồng Phong đến xã Biện Thượng."
    )
    with archive.batch():
        delete_article(archive.conn, article_id)
    assert archive.visit_ids() == []
    assert archive.search_articles("bien thuong") == []
    assert archive.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_not_an_archive_is_refused_with_the_file_named(tmp_path):
    bogus = tmp_path / "notes.sqlite"
    bogus.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(ArchiveError, match=r"notes\.sqlite"):
        Archive(bogus)


def test_newer_schema_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "future.sqlite"
    Archive(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (999, 'from the future', 'x')")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ArchiveError, match="newer version"):
        Archive(path)
    assert path.read_bytes() == before


def _archive_at_version(path, version):
    """An archive as an older program left it, holding one visit stored back then."""
    db = Database(sqlite3.connect(path, isolation_level=None))
    migrate(db, path, target=version)
    document = Document(
        "Thăm xã Biện Thượng",
        "Sáng 12/12, đồng chí Lê Văn A đến xã Biện Thượng.",
        None,
        "txt",
        "utf-8",
    )
    lead = OfficialFound("Lê Văn A", tone_key("Lê Văn A"), ["Bí thư Tỉnh ủy"], Role.LEAD)
    place = PlaceFound("Biện Thượng", "xã", "Thanh Hóa", 16000, 38, True, True, "ward:16000")
    visit = VisitFound(
        dt.date(2025, 12, 12), "sáng", False, "text", document.title, lead, [lead], [place]
    )
    with db.atomic():
        insert_article(
            db.conn,
            document,
            Extraction(visit),
            file_name="old.txt",
            file_sha256="0" * 64,
            file_size=1,
            key=content_key(document),
        )
    db.conn.close()


@pytest.mark.parametrize("old_version", range(1, LATEST_VERSION))
def test_older_archive_is_backed_up_then_migrated_with_its_visits(tmp_path, old_version):
    path = tmp_path / "old.sqlite"
    _archive_at_version(path, old_version)
    with Archive(path) as archive:
        assert archive.stats().schema_version == LATEST_VERSION
        assert archive.backup_made is not None and archive.backup_made.exists()
        assert len(archive.visit_ids()) == 1
        assert [(f.label, f.count) for f in archive.facet(VisitFilter(), "communes")] == [
            ("xã Biện Thượng", 1)
        ]
        assert archive.search_articles("bien thuong")
        # the folded index was rebuilt from the stored text (migration 3), prefixes too
        assert len(archive.visit_ids(VisitFilter(text="bien th"))) == 1
        assert len(archive.visit_ids(VisitFilter(text="bien thuongx"))) == 0
        # and so was the toned one (migration 4)
        assert len(archive.visit_ids(VisitFilter(text="Biện Thư"))) == 1
        assert len(archive.visit_ids(VisitFilter(text="Biện Thượngx"))) == 0
    with sqlite3.connect(archive.backup_made) as backup:
        version = backup.execute("SELECT max(version) FROM schema_migrations").fetchone()[0]
        assert version == old_version
        assert backup.execute("SELECT count(*) FROM visits").fetchone()[0] == 1


def test_an_upgrade_says_how_far_its_backup_and_rebuilt_indices_got(tmp_path):
    path = tmp_path / "old.sqlite"
    _archive_at_version(path, 2)  # both full-text rebuilds (schemas 3 and 4) to come
    heard = []
    with Archive(path, on_upgrade_progress=lambda *report: heard.append(report)) as archive:
        assert archive.stats().schema_version == LATEST_VERSION
    backup = [done for stage, done in heard if stage == "backup"]
    upgrade = [done for stage, done in heard if stage == "upgrade"]
    assert heard == [("backup", d) for d in backup] + [("upgrade", d) for d in upgrade]
    assert backup == sorted(backup) and backup[-1] == 1.0
    assert upgrade == sorted(upgrade) and upgrade[-1] == 1.0


def test_archive_on_a_read_only_medium_opens_read_only(tmp_path, monkeypatch):
    path = tmp_path / "ro.sqlite"
    with Archive(path) as archive:
        add_visit(archive)
    # Tests often run as root, who may write anything: pretend the medium is read-only.
    real_access = os.access
    monkeypatch.setattr(
        "viewer.core.archive.archive.os.access",
        lambda p, mode: False if mode == os.W_OK else real_access(p, mode),
    )
    with Archive(path) as archive:
        assert archive.read_only
        assert len(archive.visit_ids()) == 1
        with pytest.raises(ArchiveError, match="read-only"), archive.batch():
            pass


def test_explicit_read_only_mode(tmp_path):
    path = tmp_path / "a.sqlite"
    with Archive(path) as archive:
        add_visit(archive)
    with Archive(path, read_only=True) as archive:
        assert len(archive.visit_ids()) == 1
        with pytest.raises(ArchiveError), archive.batch():
            pass


def test_timeline_gives_the_same_ids_and_months_as_the_separate_queries(archive):
    for day, month in [(1, 3), (15, 3), (2, 12), (9, 12), (30, 12)]:
        add_visit(archive, date=dt.date(2025, month, day), lead=f"Lê Văn {day}{month}")
    add_visit(archive, date=None, lead="Lê Văn Không")
    add_visit(archive, date=dt.date(2024, 3, 1), lead="Lê Văn Cũ")
    for filter_ in (VisitFilter(), VisitFilter(text="le van"), VisitFilter(text="không có")):
        ids, months = archive.timeline(filter_)
        assert ids == archive.visit_ids(filter_)
        assert months == archive.month_counts(filter_)


def test_a_patient_batch_waits_for_another_writer_and_says_so(tmp_path):
    path = tmp_path / "a.sqlite"
    Archive(path).close()
    said: list[bool] = []
    with Archive(path) as first, Archive(path) as second:
        first.conn.execute("BEGIN IMMEDIATE")  # another window, mid-batch
        second.wait_for_other_writers(said.append, cancelled=lambda: False)
        assert said == [True]  # told at once, before any batch
        threading.Timer(0.3, lambda: first.conn.execute("COMMIT")).start()
        started = time.monotonic()
        with second.batch():  # waits for the other's commit, however long
            pass
        assert time.monotonic() - started >= 0.2
        assert said == [True, False]


def test_a_patient_batch_can_be_cancelled_while_waiting(tmp_path):
    path = tmp_path / "a.sqlite"
    Archive(path).close()
    with Archive(path) as first, Archive(path) as second:
        first.conn.execute("BEGIN IMMEDIATE")
        second.wait_for_other_writers(lambda waiting: None, cancelled=lambda: True)
        with pytest.raises(WaitCancelled), second.batch():
            pass
        assert not second.conn.in_transaction
        first.conn.execute("ROLLBACK")
