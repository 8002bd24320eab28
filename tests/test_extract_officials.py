"""Officials: titles in both orders, shared titles, short forms, later mentions, roles."""

from __future__ import annotations

import datetime as dt

from tests.extract_helpers import assert_offsets, doc
from viewer.core.extract import extract
from viewer.core.model import MentionKind, Role
from viewer.core.text import tone_key


def officials(title: str, body: str):
    document = doc(title, body, dt.date(2025, 11, 20))
    extraction = extract(document)
    assert_offsets(document, extraction)
    assert extraction.visit is not None
    return extraction, {o.name: o for o in extraction.visit.officials}


def test_title_before_and_after_the_name():
    _, found = officials(
        "Chủ tịch UBND tỉnh Nghệ An Lê Hồng Vinh kiểm tra tại xã Con Cuông",
        "Sáng 19/11, đồng chí Lê Hồng Vinh, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh đã đi kiểm tra.",
    )
    titles = [tone_key(t) for t in found["Lê Hồng Vinh"].titles]
    assert tone_key("Chủ tịch Ủy ban nhân dân tỉnh Nghệ An") in titles
    assert tone_key("Phó Bí thư Tỉnh ủy") in titles
    # "Chủ tịch UBND tỉnh" is the same title as "… tỉnh Nghệ An": kept once, the longer form.
    assert tone_key("Chủ tịch Ủy ban nhân dân tỉnh") not in titles


def test_shared_title_in_a_list_goes_to_every_member():
    _, found = officials(
        "Bí thư Tỉnh ủy thăm xã Hoằng Lộc",
        "Sáng 19/11, đồng chí Nguyễn Doãn Anh, Bí thư Tỉnh ủy đã thăm xã Hoằng Lộc.\n\n"
        "Cùng đi có các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy: Lê Thị Bích Ngọc, Trưởng Ban "
        "Tuyên giáo và Dân vận Tỉnh ủy; Đầu Thanh Tùng, Phó Chủ tịch UBND tỉnh.",
    )
    ngoc = [tone_key(t) for t in found["Lê Thị Bích Ngọc"].titles]
    assert tone_key("Ủy viên Ban Thường vụ Tỉnh ủy") in ngoc
    assert tone_key("Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy") in ngoc
    assert found["Lê Thị Bích Ngọc"].role is Role.DELEGATION
    assert found["Nguyễn Doãn Anh"].role is Role.LEAD


def test_short_forms_are_expanded_but_mentions_keep_the_wording():
    extraction, found = officials(
        "UVTV Tỉnh ủy, Phó Chủ tịch HĐND tỉnh Lê Tiến Lam thăm xã Nga Sơn",
        "Chiều 19/11, đồng chí Lê Tiến Lam, UVTV Tỉnh ủy, Phó Chủ tịch HĐND tỉnh đã thăm xã.",
    )
    titles = found["Lê Tiến Lam"].titles
    assert "Ủy viên Ban Thường vụ Tỉnh ủy" in titles
    assert "Phó Chủ tịch Hội đồng nhân dân tỉnh" in titles
    assert any(m.kind is MentionKind.TITLE and "HĐND" in m.text for m in extraction.mentions)


def test_bare_membership_takes_the_committee_of_the_next_title():
    _, found = officials(
        "Đoàn công tác thăm xã Thiệu Trung",
        "Chiều 19/11, đồng chí Nguyễn Văn Hùng, Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức "
        "Tỉnh ủy đã thăm, làm việc tại xã Thiệu Trung.",
    )
    assert "Ủy viên Ban Thường vụ Tỉnh ủy" in found["Nguyễn Văn Hùng"].titles


def test_later_mention_by_title_alone_is_linked_back():
    extraction, found = officials(
        "Phó Chủ tịch UBND tỉnh Phan Văn Dũng kiểm tra xã Xuân Giang",
        "Sáng 19/11, Phó Chủ tịch UBND tỉnh Phan Văn Dũng kiểm tra đồng lúa.\n\n"
        "Đồng chí Phó Chủ tịch UBND tỉnh đề nghị xã làm tốt công tác thủy lợi.\n\n"
        "Qua kiểm tra, đồng chí yêu cầu bảo đảm nước tưới.",
    )
    person = found["Phan Văn Dũng"]
    texts = [extraction_text for extraction_text in _span_texts(extraction, person.key)]
    assert any(t.startswith("Phó Chủ tịch") for t in texts)  # the title-only mention
    assert "đồng chí" in texts  # the bare "đồng chí" right after


def test_places_named_like_people_are_not_officials():
    _, found = officials(
        "Chủ tịch UBND xã Lê Lợi Nguyễn Văn Tám tiếp đoàn",
        "Sáng 19/11, đoàn đã thăm, làm việc tại xã Lê Lợi và đặt hoa tại tượng đài Trần Phú.",
    )
    assert "Lê Lợi" not in found and "Trần Phú" not in found
    assert "Nguyễn Văn Tám" in found


def test_headline_title_only_leads_to_the_named_person():
    extraction, _ = officials(
        "Bộ trưởng Bộ Y tế làm việc với tỉnh Hà Tĩnh",
        "Ngày 19/11, đồng chí Đào Hồng Lan, Bộ trưởng Bộ Y tế đã kiểm tra trạm y tế xã Đức Thọ.\n\n"
        "Tham gia đoàn có đồng chí Trần Văn Thuấn, Thứ trưởng Bộ Y tế.",
    )
    visit = extraction.visit
    assert visit.lead is not None and visit.lead.name == "Đào Hồng Lan"
    roles = {o.name: o.role for o in visit.officials}
    assert roles["Trần Văn Thuấn"] is Role.DELEGATION


def test_name_keys_ignore_tone_placement():
    _, found = officials(
        "Bí thư Tỉnh uỷ Nguyễn Doãn Anh thăm xã Thọ Xuân",
        "Sáng 19/11, đồng chí Nguyễn Doãn Anh, Bí thư Tỉnh uỷ đã thăm xã Thọ Xuân.",
    )
    assert found["Nguyễn Doãn Anh"].key == tone_key("Nguyễn Doãn Anh")
    assert tone_key("Bí thư Tỉnh ủy") in [tone_key(t) for t in found["Nguyễn Doãn Anh"].titles]


def _span_texts(extraction, key):
    return [m.text for m in extraction.mentions if m.key == key]
