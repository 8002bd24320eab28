"""Communes: lists, tone placement, case, former units, provinces, visited, gazetteer codes."""

from __future__ import annotations

import datetime as dt
import unicodedata

from tests.extract_helpers import assert_offsets, doc
from viewer.core.extract import extract
from viewer.core.extract.gazetteer import gazetteer


def places(title: str, body: str, published: dt.date | None = dt.date(2025, 11, 20), **kw):
    document = doc(title, body, published)
    extraction = extract(document, **kw)
    assert_offsets(document, extraction)
    assert extraction.visit is not None
    return {(p.unit, p.name): p for p in extraction.visit.places}


def code(province: int, name: str) -> int:
    ward = gazetteer().ward(province, name)
    assert ward is not None
    return ward.code


def test_list_sharing_one_unit_word_with_either_tone_placement():
    found = places(
        "Phó Chủ tịch UBND tỉnh thăm hai xã Thiệu Trung và Thiệu Hoá",
        "Sáng 19/11, đoàn làm việc với lãnh đạo các xã Thiệu Trung, Thiệu Hóa.",
    )
    assert set(found) == {("xã", "Thiệu Trung"), ("xã", "Thiệu Hóa")}
    hoa = found[("xã", "Thiệu Hóa")]
    assert hoa.current and hoa.visited and hoa.code == code(38, "Thiệu Hóa")
    assert hoa.key == f"ward:{hoa.code}" and hoa.province == "Thanh Hóa"


def test_colon_and_number_lists():
    found = places(
        "Kiểm tra 3 xã Yên Định, Định Tân và Định Hòa",
        "Sáng 19/11, đoàn làm việc với hai xã: Biện Thượng, Vĩnh Lộc.",
    )
    assert {name for _, name in found} == {
        "Yên Định", "Định Tân", "Định Hòa", "Biện Thượng", "Vĩnh Lộc"
    }


def test_district_is_a_former_unit_not_the_commune_of_the_same_name():
    found = places(
        "Đoàn công tác làm việc tại xã Thiệu Hóa",
        "Sáng 19/11, đoàn đã đến xã Thiệu Hóa, nơi trước đây là thị trấn của huyện Thiệu Hóa cũ.",
    )
    commune, district = found[("xã", "Thiệu Hóa")], found[("huyện", "Thiệu Hóa")]
    assert commune.current and commune.code is not None
    assert not district.current and district.code is None and not district.visited
    assert district.key.startswith("former:huyện:")


def test_province_from_the_text_and_namesakes_elsewhere():
    found = places(
        "Chủ tịch UBND tỉnh Nghệ An thăm xã Con Cuông và Môn Sơn",
        "Chiều 19/11, đoàn làm việc tại hai xã Con Cuông, Môn Sơn, tỉnh Nghệ An.",
    )
    con_cuong = found[("xã", "Con Cuông")]
    assert con_cuong.province == "Nghệ An" and con_cuong.current


def test_unknown_name_in_the_default_province_stays_a_former_unit():
    found = places(
        "Đoàn thăm xã Định Tăng",
        "Sáng 19/11, đoàn đã thăm xã Định Tăng.",
    )
    place = found[("xã", "Định Tăng")]
    assert not place.current and place.province == "Thanh Hóa" and place.code is None


def test_pre_reform_article_keeps_old_communes_as_former_units():
    found = places(
        "Bí thư Huyện ủy kiểm tra chống hạn tại xã Thọ Tân",
        "Sáng 12/3, đoàn đã kiểm tra trạm bơm tại xã Thọ Tân, huyện Triệu Sơn.",
        published=dt.date(2024, 3, 13),
    )
    assert not found[("xã", "Thọ Tân")].current
    assert found[("xã", "Thọ Tân")].visited
    assert not found[("huyện", "Triệu Sơn")].current


def test_nfd_and_capitalised_unit_word():
    body = unicodedata.normalize("NFD", "Sáng 19/11, đoàn thăm Xã Vĩnh Lộc.")
    document = doc("Thăm xã Biện Thượng", "x")
    document.body = body  # as a careless reader might hand it over
    extraction = extract(document)
    assert_offsets(document, extraction)
    names = {p.name for p in extraction.visit.places}
    assert names == {"Biện Thượng", "Vĩnh Lộc"}


def test_cooperative_and_social_words_are_not_communes():
    found = places(
        "Thăm Hợp tác xã Nông nghiệp Hoằng Lộc",
        "Sáng 19/11, đoàn bàn về an sinh xã hội và Ban Văn hóa - Xã hội.",
    )
    assert found == {}


def test_current_ward_and_special_zone_of_another_province():
    found = places(
        "Phó Chủ tịch UBND tỉnh Quảng Trị thăm đặc khu Cồn Cỏ",
        "Ngày 11/12, đoàn đã ra thăm đặc khu Cồn Cỏ, tỉnh Quảng Trị.",
    )
    zone = found[("đặc khu", "Cồn Cỏ")]
    assert zone.current and zone.province == "Quảng Trị" and zone.visited
