"""Sites: where a site's name ends, and which ones name no particular place."""

from __future__ import annotations

from tests.extract_helpers import assert_offsets, doc
from viewer.core.extract import extract


def sites(*paragraphs: str) -> list[str]:
    lead = "Sáng 5/11, đồng chí Lê Văn Ba, Bí thư Tỉnh ủy đã thăm, làm việc tại xã Hoằng Lộc."
    document = doc("Bí thư Tỉnh ủy thăm xã Hoằng Lộc", "\n\n".join([lead, *paragraphs]))
    extraction = extract(document)
    assert_offsets(document, extraction)
    return [s.name for s in extraction.visit.sites]


def test_a_name_ends_at_its_last_capitalised_word_or_a_new_clause():
    found = sites(
        "Đoàn dâng hương tại Khu di tích Lam Kinh và làm việc với lãnh đạo xã.",
        "Công ty TNHH Sông Chu cần điều tiết nước hợp lý cho vụ đông.",
    )
    assert found == ["Khu di tích Lam Kinh", "Công ty TNHH Sông Chu"]


def test_a_health_station_is_named_with_its_commune():
    assert sites("Đoàn kiểm tra Trạm Y tế xã Hoằng Lộc.") == ["Trạm Y tế xã Hoằng Lộc"]


def test_an_unnamed_service_centre_is_neither_a_site_nor_an_organisation():
    document = doc(
        "Bí thư Tỉnh ủy thăm xã Hoằng Lộc",
        "Sáng 5/11, Bí thư Tỉnh ủy Lê Văn Ba đã làm việc tại xã Hoằng Lộc.\n\n"
        "Trung tâm Phục vụ hành chính công các xã đã tiếp nhận 900 hồ sơ.",
    )
    visit = extract(document).visit
    assert visit.sites == []
    assert not any(o.name.startswith("Trung tâm") for o in visit.organisations)


def test_dykes_and_embankments_are_sites_like_roads():
    found = sites(
        "Đoàn kiểm tra tuyến đê biển Bình Minh III, đoạn đi qua xã Hoằng Lộc.",
        "Đồng chí đề nghị xử lý khẩn cấp tuyến kè biển xã Hoằng Lộc trước mùa mưa lũ.",
    )
    assert found == ["tuyến đê biển Bình Minh III", "tuyến kè biển"]


def test_a_name_ends_where_a_passive_clause_begins():
    # "bị sạt lở" says what happened to the road; it is no part of a name.
    found = sites("Đoàn kiểm tra tuyến đường liên xã bị sạt lở tại xã Hoằng Lộc.")
    assert not any("sạt lở" in name for name in found)


def test_an_inspected_road_or_station_counts_without_a_proper_name():
    found = sites(
        "Tại xã Hoằng Lộc, đoàn thị sát tuyến đường liên xã đang được mở rộng.",
        "Đoàn đến thăm Trạm Y tế xã và tặng quà cho người cao tuổi.",
        "Đoàn kiểm tra dự án cải tạo, nâng cấp đường giao thông nội đồng.",
        "Nhiều tuyến đường liên thôn bị sạt lở sau mưa lũ.",
    )
    assert found == ["tuyến đường liên xã", "Trạm Y tế xã"]


def test_a_size_is_no_part_of_a_name():
    found = sites("Đoàn kiểm tra tuyến kè biển dài gần 300 m bị sóng đánh sạt lở.")
    assert found == ["tuyến kè biển"]
