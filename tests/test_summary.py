"""The printed summary's document model and its HTML, without Qt."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import unicodedata
from dataclasses import replace

import pytest

from tests.visit_samples import LEAD, LEAD_TITLE, SEED_000, SEED_004, seed_000, seed_004
from viewer.core.archive import Archive, CommuneInVisit
from viewer.core.archive.records import StatementInVisit
from viewer.core.importer import run_import
from viewer.core.summary import filter_report, visit_summary
from viewer.core.summary_html import to_html

PRINTED = dt.datetime(2025, 12, 24, 9, 30)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@pytest.fixture
def imported(tmp_path):
    """The two seeds imported into a fresh archive, as the window and the CLI see them."""
    archive = Archive(tmp_path / "a.sqlite")
    report = run_import(archive, [SEED_000, SEED_004])
    assert not report.failed, report.failed
    visits = {o.name.rsplit("/", 1)[-1][:3]: archive.visit_detail(o.visit_id)
              for o in report.imported}
    yield visits
    archive.close()


def test_summary_of_an_imported_seed_names_lead_communes_and_directives(imported):
    doc = visit_summary(imported["000"], PRINTED)
    assert doc.lead is not None and nfc(doc.lead.name) == LEAD
    assert LEAD_TITLE in map(nfc, doc.lead.titles)
    assert {nfc(c.label) for c in doc.communes} == {"xã Biện Thượng", "xã Vĩnh Lộc"}
    assert all(c.province for c in doc.communes)
    assert {nfc(p.name) for p in doc.delegation} >= {"Mai Xuân Liêm", "Đỗ Thị Toán"}
    assert doc.date == dt.date(2025, 12, 12) and doc.time_of_day == "sáng"
    assert any("chuyển đổi số" in nfc(d) for d in doc.directives)
    assert doc.difficulties, "seed 000 raises land and infrastructure difficulties"
    html = nfc(to_html(doc))
    for fragment in (LEAD, "Biện Thượng", "Vĩnh Lộc", "chuyển đổi số", "Chỉ đạo"):
        assert fragment in html


def test_summary_sections_from_a_hand_built_visit():
    doc = visit_summary(seed_000(), PRINTED)
    assert [p.name for p in doc.delegation] == ["Mai Xuân Liêm", "Đỗ Thị Toán"]
    assert doc.sites == ("Dự án Tôn tạo Khu di tích Phủ Trịnh",)
    assert len(doc.directives) == 4 and len(doc.difficulties) == 1
    assert doc.source.files == (SEED_000.name,)
    assert doc.printed_at == PRINTED
    html = to_html(doc)
    assert "Sáng 12/12/2025" in html
    assert "năm suy đoán" in html  # seed 000 has no publication date: the year is a guess
    assert "In lúc 09:30 24/12/2025" in html


def test_a_year_taken_from_the_publication_date_is_not_marked_as_a_guess():
    html = to_html(visit_summary(seed_004(), PRINTED))
    assert "Chiều 22/12/2025" in html
    assert "năm suy đoán" not in html
    assert "đăng ngày 22/12/2025" in html


def test_only_visited_communes_are_listed_and_former_units_are_marked():
    visit = seed_004()
    doc = visit_summary(visit, PRINTED)
    # The former district "huyện Thiệu Hóa" is mentioned in the article, not visited.
    assert [c.label for c in doc.communes] == ["xã Thiệu Trung", "xã Thiệu Hóa"]
    old = replace(visit, communes=(
        CommuneInVisit(9, "Thiệu Tâm", "xã", "Thanh Hóa", None, False, True),))
    html = to_html(visit_summary(old, PRINTED))
    assert "xã Thiệu Tâm (cũ), Thanh Hóa" in html
    assert "xã Thiệu Tâm (former), Thanh Hóa" in to_html(visit_summary(old, PRINTED), "en")


def test_repeated_statements_print_once_and_whitespace_is_tidied():
    visit = seed_000()
    twice = (
        *visit.statements,
        StatementInVisit("directive", 0, 0, "  Cấp ủy cần\nrà soát   lại. "),
        StatementInVisit("directive", 0, 0, "Cấp ủy cần rà soát lại."),
    )
    doc = visit_summary(replace(visit, statements=twice), PRINTED)
    assert doc.directives.count("Cấp ủy cần rà soát lại.") == 1


def test_hostile_article_text_is_escaped():
    script = "<script>alert(1)</script>"
    visit = seed_000(article_title=script, source_files=('a"><img src=x>.txt',))
    visit = replace(
        visit,
        row=replace(visit.row, headline=f"Tin {script}"),
        statements=(StatementInVisit("directive", 0, 0, "Yêu cầu <b>gấp</b> & ngay"),),
    )
    for doc in (visit_summary(visit, PRINTED), filter_report([visit], script, PRINTED)):
        html = to_html(doc)
        assert "<script" not in html and "<img" not in html and "<b>gấp" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "Yêu cầu &lt;b&gt;gấp&lt;/b&gt; &amp; ngay" in html


def test_report_has_a_cover_row_per_visit_then_each_summary():
    report = filter_report([seed_004(), seed_000()], "commune: Thiệu", PRINTED)
    assert [r.visit_id for r in report.rows] == [2, 1]
    assert report.rows[0].communes == ("xã Thiệu Trung", "xã Thiệu Hóa")
    html = to_html(report)
    assert html.index("Báo cáo các chuyến thăm, làm việc") < html.index("<h2")
    assert html.count("<h2") == 2
    assert "Bộ lọc: commune: Thiệu · 2 chuyến thăm, làm việc" in html
    # Standalone HTML breaks pages before each summary; the Qt layout asks for none.
    assert html.count("page-break-before: always") == 2
    assert "page-break-before" not in to_html(report, page_breaks=False)


def test_english_labels():
    html = to_html(visit_summary(seed_000(), PRINTED), "en")
    for label in ("Led by", "Directives", "Difficulties raised", "12 Dec 2025, morning",
                  "year inferred"):
        assert label in html
    assert "Chỉ đạo" not in html


def test_a_visit_without_date_lead_or_statements_still_prints():
    bare = seed_000()
    bare = replace(bare, row=replace(bare.row, date=None, time_of_day=""),
                   officials=(), statements=(), sites=())
    html = to_html(visit_summary(bare, PRINTED))
    assert "Không rõ ngày" in html
    assert "Chỉ đạo" not in html and "Trưởng đoàn" not in html


def test_the_summary_modules_do_not_import_qt():
    code = ("import sys, viewer.core.summary, viewer.core.summary_html; "
            "sys.exit(any(m.startswith('PySide6') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
