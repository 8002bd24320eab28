"""Visit dates: lead phrases, time of day, and where the year comes from."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract_helpers import assert_offsets, doc
from viewer.core.extract import extract
from viewer.core.model import MentionKind


def visit(body: str, published: dt.date | None = None, fallback_year: int | None = None):
    document = doc("Bí thư Tỉnh ủy thăm, làm việc tại xã Thọ Xuân", body)
    document.published = published
    extraction = extract(document, fallback_year=fallback_year)
    assert_offsets(document, extraction)
    return extraction


@pytest.mark.parametrize(
    ("lead", "day", "tod"),
    [
        ("Sáng 12/12, đoàn thăm xã.", dt.date(2025, 12, 12), "sáng"),
        ("Chiều ngày 22/12, đoàn thăm xã.", dt.date(2025, 12, 22), "chiều"),
        ("Ngày 4/12, đoàn thăm xã.", dt.date(2025, 12, 4), ""),
        ("Sáng 12-12, đoàn thăm xã.", dt.date(2025, 12, 12), "sáng"),
        ("Tối nay (12/12), đoàn thăm xã.", dt.date(2025, 12, 12), "tối"),
        ("Trưa 3/12/2024, đoàn thăm xã.", dt.date(2024, 12, 3), "trưa"),
    ],
)
def test_lead_date_phrases(lead, day, tod):
    extraction = visit(lead, published=dt.date(2025, 12, 23))
    assert extraction.visit.date == day
    assert extraction.visit.time_of_day == tod
    dates = [m for m in extraction.mentions if m.kind is MentionKind.DATE]
    assert dates and dates[0].key == day.isoformat()


def test_year_from_publication_is_not_a_guess():
    extraction = visit("Chiều ngày 22/12, đoàn thăm xã.", published=dt.date(2025, 12, 22))
    assert extraction.visit.date_source == "publication"
    assert extraction.visit.date_inferred is False


def test_visit_late_december_published_in_january_is_the_year_before():
    extraction = visit("Sáng 30/12, đoàn thăm xã.", published=dt.date(2026, 1, 2))
    assert extraction.visit.date == dt.date(2025, 12, 30)


def test_year_from_months_of_two_tier_government():
    extraction = visit(
        "Sáng 12/12, đoàn thăm xã.\n\nSau hơn 5 tháng đi vào vận hành mô hình chính quyền "
        "địa phương 2 cấp, xã đã kiện toàn bộ máy."
    )
    assert extraction.visit.date == dt.date(2025, 12, 12)
    assert extraction.visit.date_source == "text" and extraction.visit.date_inferred


def test_two_tier_government_before_july_means_the_next_year():
    extraction = visit(
        "Sáng 10/3, đoàn thăm xã.\n\nKết quả vận hành chính quyền địa phương 2 cấp được ghi nhận."
    )
    assert extraction.visit.date == dt.date(2026, 3, 10)


def test_target_years_are_not_the_year_of_writing():
    extraction = visit(
        "Sáng 10/3, đoàn thăm xã.\n\nNăm 2023, xã đạt chuẩn; phấn đấu đến năm 2030 là đô thị."
    )
    assert extraction.visit.date == dt.date(2023, 3, 10)


def test_file_year_is_the_last_resort():
    extraction = visit("Sáng 10/3, đoàn thăm xã.", fallback_year=2024)
    assert extraction.visit.date == dt.date(2024, 3, 10)
    assert extraction.visit.date_source == "file" and extraction.visit.date_inferred


def test_a_planned_year_after_the_file_was_saved_is_not_the_visit_year():
    extraction = visit(
        "Sáng 25/6, đoàn thăm xã.\n\nDự án dự kiến đưa vào sử dụng trong năm 2027.",
        fallback_year=2026,
    )
    assert extraction.visit.date == dt.date(2026, 6, 25)
    assert extraction.visit.date_source == "file"


def test_no_date_at_all():
    extraction = visit("Đoàn đã thăm xã.")
    assert extraction.visit.date is None
