"""Statements: the leader's directives, the difficulties reported, and photo captions."""

from __future__ import annotations

import datetime as dt

from tests.extract_helpers import assert_offsets, doc
from viewer.core.extract import extract
from viewer.core.model import MentionKind

BODY = "\n\n".join(
    [
        "Sáng 5/11, đồng chí Lê Văn Ba, Bí thư Tỉnh ủy đã thăm, làm việc tại xã Hoằng Lộc.",
        "Bí thư Tỉnh ủy Lê Văn Ba thăm mô hình trồng dưa lưới tại xã Hoằng Lộc.",
        "Thực hiện nhiệm vụ năm 2025, xã đạt nhiều kết quả, đáp ứng yêu cầu phát triển.",
        "Tuy nhiên, xã còn gặp khó khăn, vướng mắc như: hạ tầng chưa đồng bộ. "
        "Thu ngân sách còn thấp.",
        "Các đại biểu tham dự buổi làm việc.",
        "Phát biểu kết luận, Bí thư Tỉnh ủy Lê Văn Ba đề nghị xã tập trung chuyển đổi số.",
        "Cùng với đó, rà soát các dự án chậm tiến độ, kiên quyết thu hồi dự án vi phạm.",
        "Quang cảnh buổi làm việc",
        "Trước đó, đoàn đã thăm gia đình chính sách.",
    ]
)


def statements():
    document = doc("Bí thư Tỉnh ủy thăm xã Hoằng Lộc", BODY, dt.date(2025, 11, 6))
    extraction = extract(document)
    assert_offsets(document, extraction)
    by_kind: dict[MentionKind, list[str]] = {}
    for st in extraction.visit.statements:
        by_kind.setdefault(st.kind, []).append(st.text)
    return extraction, by_kind


def test_difficulties_are_the_sentences_of_the_difficulty_paragraph():
    _, found = statements()
    assert found[MentionKind.DIFFICULTY] == [
        "Tuy nhiên, xã còn gặp khó khăn, vướng mắc như: hạ tầng chưa đồng bộ.",
        "Thu ngân sách còn thấp.",
    ]


def test_directives_include_the_continuation_of_the_speech():
    _, found = statements()
    directives = found[MentionKind.DIRECTIVE]
    assert any("đề nghị xã tập trung chuyển đổi số" in d for d in directives)
    assert any(d.startswith("Cùng với đó, rà soát") for d in directives)
    # Describing ("đáp ứng yêu cầu") and narrative ("Trước đó, …") sentences are not directives.
    assert not any("đáp ứng yêu cầu" in d or d.startswith("Trước đó") for d in directives)


def test_captions_are_short_standalone_photo_paragraphs():
    extraction, found = statements()
    assert found[MentionKind.CAPTION] == [
        "Bí thư Tỉnh ủy Lê Văn Ba thăm mô hình trồng dưa lưới tại xã Hoằng Lộc.",
        "Các đại biểu tham dự buổi làm việc.",
        "Quang cảnh buổi làm việc",
    ]
    # A caption repeats a fact: it does not change the lead.
    assert extraction.visit.lead.name == "Lê Văn Ba"
    assert all(
        m.key == "" for m in extraction.mentions if m.kind is MentionKind.CAPTION
    )


def _difficulties(*paragraphs: str) -> list[str]:
    lead = "Sáng 5/11, đồng chí Lê Văn Ba, Bí thư Tỉnh ủy đã thăm, làm việc tại xã Hoằng Lộc."
    document = doc("Bí thư Tỉnh ủy thăm xã Hoằng Lộc", "\n\n".join([lead, *paragraphs]))
    extraction = extract(document)
    return [s.text for s in extraction.visit.statements if s.kind is MentionKind.DIFFICULTY]


def test_a_report_sentence_naming_a_problem_is_a_difficulty_without_an_opening_word():
    report = (
        "Lãnh đạo xã cho biết, nhiều dự án triển khai chậm do vướng mắc giải phóng mặt bằng. "
        "Tuyến đường ven biển đã cơ bản hoàn thành."
    )
    speech = "Bí thư Tỉnh ủy Lê Văn Ba đề nghị xã tháo gỡ vướng mắc cho các dự án còn thiếu vốn."
    station = "Trạm y tế còn thiếu bác sĩ, trang thiết bị đã xuống cấp."
    found = _difficulties(report, station, speech)
    assert found == [
        "Lãnh đạo xã cho biết, nhiều dự án triển khai chậm do vướng mắc giải phóng mặt bằng.",
        station,
    ]


def test_problems_being_solved_are_not_difficulties():
    solved = "Đoàn đã lắng nghe, giải đáp các vướng mắc của doanh nghiệp trên địa bàn."
    assert _difficulties(solved) == []


def _captions(*paragraphs: str) -> list[str]:
    lead = "Sáng 5/11, đồng chí Lê Văn Ba, Bí thư Tỉnh ủy đã thăm, làm việc tại xã Hoằng Lộc."
    document = doc("Bí thư Tỉnh ủy thăm xã Hoằng Lộc", "\n\n".join([lead, *paragraphs]))
    extraction = extract(document)
    return [s.text for s in extraction.visit.statements if s.kind is MentionKind.CAPTION]


def test_ceremonies_and_voter_meetings_are_photo_captions():
    incense = "Bí thư Tỉnh ủy Lê Văn Ba dâng hương tại Khu di tích lịch sử Hàm Rồng."
    voters = "Bí thư Tỉnh ủy Lê Văn Ba tiếp xúc cử tri xã Hoằng Lộc."
    assert _captions(incense, voters) == [incense, voters]


def test_the_opening_of_a_speech_and_a_plan_are_not_captions():
    speech = "Phát biểu chỉ đạo tại buổi làm việc, Bí thư Tỉnh ủy ghi nhận kết quả của xã."
    plan = "Đoàn công tác sẽ tổng hợp các kiến nghị để gửi các sở, ngành."
    assert _captions(speech, plan) == []
