"""PDFs of summaries and reports: Vietnamese text intact, pages as promised, font embedded."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported

import re
import subprocess
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest

from tests.visit_samples import SEED_000, SEED_004, seed_000, seed_004
from viewer.core.archive import Archive
from viewer.core.archive.records import StatementInVisit
from viewer.core.importer import run_import
from viewer.qt.printing import export_pdf

ROOT = Path(__file__).resolve().parent.parent


def words(text: str) -> str:
    # pypdf puts tabs between the words Qt wrote separately, and lines break anywhere.
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text))


def pages_text(pdf: Path) -> list[str]:
    return [words(page.extract_text()) for page in pypdf.PdfReader(pdf).pages]


def font_names(pdf: Path) -> set[str]:
    names = set()
    for page in pypdf.PdfReader(pdf).pages:
        fonts = page["/Resources"]["/Font"]
        names |= {str(fonts[key].get_object()["/BaseFont"]) for key in fonts}
    return names


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("archive") / "a.sqlite"
    with Archive(path) as archive:
        report = run_import(archive, [SEED_000, SEED_004])
    assert not report.failed, report.failed
    return path


def run_viewer(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "viewer", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_summary_pdf_is_one_page_with_intact_vietnamese(tmp_path):
    out = tmp_path / "s.pdf"
    assert export_pdf([seed_000()], out, report=False, filter_text="") == 1
    [text] = pages_text(out)
    for fragment in ("Nguyễn Hồng Phong", "Biện Thượng", "Vĩnh Lộc", "chuyển đổi số",
                     "Phó Bí thư Thường trực Tỉnh ủy", "năm suy đoán", "Trang 1/1",
                     "Visit Viewer"):
        assert fragment in text
    assert any("NotoSans" in name for name in font_names(out))
    assert not list(tmp_path.glob("*.part"))


def test_report_pdf_has_a_cover_and_both_visits(tmp_path):
    out = tmp_path / "r.pdf"
    pages = export_pdf([seed_004(), seed_000()], out, report=True, filter_text="commune: Thiệu")
    texts = pages_text(out)
    assert pages == len(texts) >= 2
    assert "Báo cáo các chuyến thăm, làm việc" in texts[0]
    assert "Bộ lọc: commune: Thiệu" in texts[0]
    everything = " ".join(texts)
    for fragment in ("Thiệu Trung", "Biện Thượng", "Vĩnh Lộc", "chuyển đổi số"):
        assert fragment in everything
    assert f"Trang {pages}/{pages}" in texts[-1]


def test_report_keeps_each_summary_on_one_page_and_loses_no_text(tmp_path):
    # 12 short summaries: several share a page, none may be cut in two.
    visits = []
    for n in range(12):
        base = seed_004() if n % 2 else seed_000()
        visits.append(replace(
            base, row=replace(base.row, id=n + 1, headline=f"Chuyến số {n + 1} thăm xã"),
            source_files=(f"bai-{n + 1:02}.txt",), statements=base.statements[: 1 + n % 3]))
    out = tmp_path / "many.pdf"
    pages = export_pdf(visits, out, report=True, filter_text="")
    texts = pages_text(out)
    assert pages == len(texts) > 2
    for n in range(1, 13):
        starts = [i for i, t in enumerate(texts) if f"Chuyến số {n} thăm xã" in t]
        ends = [i for i, t in enumerate(texts) if f"bai-{n:02}.txt" in t]
        assert len(starts) == 1 and ends == starts, f"summary {n} split: {starts} {ends}"


def test_a_summary_longer_than_a_page_continues_and_headings_stay_with_text(tmp_path):
    visit = seed_000()
    many = tuple(
        StatementInVisit("directive", 0, 0, f"Chỉ thị số {n}: cấp ủy, chính quyền xã cần "
                         "đẩy mạnh chuyển đổi số, cải cách hành chính, thu hút đầu tư. " * 3)
        for n in range(1, 41)
    )
    out = tmp_path / "long.pdf"
    pages = export_pdf([replace(visit, statements=visit.statements + many)], out,
                       report=False, filter_text="")
    texts = pages_text(out)
    assert pages == len(texts) >= 3
    everything = " ".join(texts)
    for n in range(1, 41):
        assert f"Chỉ thị số {n}:" in everything  # nothing lost at page breaks
    for i, text in enumerate(texts):
        assert f"Trang {i + 1}/{pages}" in text
        for heading in ("Chỉ đạo", "Khó khăn, vướng mắc"):
            # A section heading is never the last thing before the footer.
            assert not text.rstrip().endswith(f"{heading} Trang {i + 1}/{pages}")


def test_summary_and_report_from_the_command_line(seeded_db, tmp_path):
    with Archive(seeded_db) as archive:
        ids = archive.visit_ids()
        first = next(i for i in ids
                     if "Biện Thượng" in unicodedata.normalize(
                         "NFC", archive.visit_detail(i).article_title))
    summary = tmp_path / "s.pdf"
    done = run_viewer("summary", str(first), "--db", str(seeded_db), "--pdf", str(summary))
    assert done.returncode == 0, done.stderr
    assert "(1 page)" in done.stdout
    [text] = pages_text(summary)
    for fragment in ("Nguyễn Hồng Phong", "Biện Thượng", "Vĩnh Lộc", "chuyển đổi số"):
        assert fragment in text

    report = tmp_path / "r.pdf"
    done = run_viewer("report", "--commune", "Thiệu", "--db", str(seeded_db),
                      "--pdf", str(report))
    assert done.returncode == 0, done.stderr
    texts = pages_text(report)
    assert len(texts) >= 2
    assert "Thiệu Trung" in " ".join(texts) and "Biện Thượng" not in " ".join(texts)
    assert any("NotoSans" in name for name in font_names(report))


def test_a_section_heading_never_ends_a_page(tmp_path):
    from PySide6.QtGui import QGuiApplication, QPdfWriter

    from viewer.qt.fonts import register_bundled_fonts
    from viewer.qt.pdf_layout import PagedDocument, PageStyle, a4_layout

    _app = QGuiApplication.instance() or QGuiApplication([])
    family = register_bundled_fonts()
    writer = QPdfWriter(str(tmp_path / "unused.pdf"))
    writer.setResolution(300)
    writer.setPageLayout(a4_layout())
    style = PageStyle(family, "", "")
    # Some number of filler lines puts the heading at the very bottom of page 1.
    for lines in range(40, 75):
        html = "<p>dòng</p>" * lines + "<h3>Chỉ đạo</h3><ol><li>Đề nghị xã.</li></ol>"
        paged = PagedDocument([html], writer, style)
        layout = paged.docs[0].documentLayout()
        block = paged.docs[0].begin()
        while block.blockFormat().headingLevel() != 3:
            block = block.next()
        heading_page = layout.blockBoundingRect(block).top() // paged.body.height()
        item = block.next()
        item_top = layout.blockBoundingRect(item).top() + item.layout().lineAt(0).y()
        assert heading_page == item_top // paged.body.height(), f"{lines} lines"


def test_printing_a_long_report_does_not_drain_none(tmp_path):
    # PySide6 6.12.0 on Python 3.11 takes a reference from None per void call; a few hundred
    # visits used to abort Python ("deallocating None"). Unguarded, 40 visits lose ~600.
    visits = [seed_000() if n % 2 else seed_004() for n in range(40)]
    before = sys.getrefcount(None)
    export_pdf(visits, tmp_path / "long.pdf", report=True, filter_text="")
    assert before - sys.getrefcount(None) < 100


def test_the_print_preview_path_renders_on_a_qprinter(qapp, tmp_path):
    # print_preview hands a QPrinter to render(); a PDF-format printer stands in for paper.
    from PySide6.QtPrintSupport import QPrinter

    from viewer.qt.printing import build_document, render

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    from viewer.qt.pdf_layout import a4_layout

    printer.setPageLayout(a4_layout())
    printer.setFullPage(True)
    assert render(build_document([seed_000()], report=False), printer) == 1
    del printer  # the file is finished when the printer goes
    [text] = pages_text(tmp_path / "printer.pdf")
    assert "Nguyễn Hồng Phong" in text and "Trang 1/1" in text
