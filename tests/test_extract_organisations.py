"""Organisations: bodies named on their own, not delegations, hosts or bare council words."""

from __future__ import annotations

from tests.extract_helpers import assert_offsets, doc
from viewer.core.extract import extract

TITLE = "Bí thư Tỉnh ủy Nguyễn Văn An thăm xã Thọ Xuân"


def organisations(body: str) -> list[str]:
    document = doc(TITLE, body)
    extraction = extract(document)
    assert_offsets(document, extraction)
    return [o.name for o in extraction.visit.organisations]


def test_a_delegation_is_not_an_organisation_but_a_national_assembly_delegation_is():
    found = organisations(
        "Sáng 12/12, Đoàn công tác của tỉnh đã thăm xã Thọ Xuân. Cùng đi có lãnh đạo "
        "Đoàn ĐBQH tỉnh và Sở Tài chính. Đoàn giám sát của HĐND tỉnh kiểm tra tuyến kè. "
        "Đoàn kiểm tra làm việc với xã."
    )
    assert "Đoàn ĐBQH tỉnh" in found
    assert "Sở Tài chính" in found
    assert not any(name.startswith("Đoàn công tác") for name in found)
    assert not any(name.startswith(("Đoàn giám sát", "Đoàn kiểm tra")) for name in found)


def test_the_hosts_party_standing_board_is_not_an_organisation_the_provinces_is():
    found = organisations(
        "Sáng 12/12, đồng chí đã làm việc với Ban Thường vụ Đảng ủy hai xã Thọ Xuân và "
        "Xuân Hòa. Cùng đi có các đồng chí trong Ban Thường vụ Tỉnh ủy."
    )
    assert "Ban Thường vụ Tỉnh ủy" in found
    assert not any("Đảng ủy" in name for name in found)


def test_a_party_committee_or_council_without_a_scope_is_not_an_organisation():
    found = organisations(
        "Sáng 12/12, đoàn làm việc với Đảng ủy, UBND xã Thọ Xuân. Năm 2026 cần chuẩn bị tốt "
        "cuộc bầu cử đại biểu Quốc hội và đại biểu HĐND các cấp. Đại diện Văn phòng UBND "
        "tỉnh cùng dự."
    )
    assert "Văn phòng UBND tỉnh" in found
    assert not {"Đảng ủy", "HĐND", "Hội đồng nhân dân"} & set(found)
