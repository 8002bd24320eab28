"""Topics: phrases from resources/topics.toml, tone and case insensitive, with exclusions."""

from __future__ import annotations

from tests.extract_helpers import assert_offsets, doc
from viewer.core.extract import extract, vocabulary
from viewer.core.model import MentionKind

IDS = {
    "socio_economic", "defence_security", "party_building", "two_tier_government",
    "digital_transformation", "administrative_reform", "land_planning",
    "transport_infrastructure", "high_tech_agriculture", "craft_villages", "relics_tourism",
    "education", "health", "environment", "social_welfare", "budget_revenue",
    "investment_attraction", "human_resources",
}


def topics(body: str) -> set[str]:
    document = doc("Bí thư Tỉnh ủy thăm xã Thọ Xuân", body)
    extraction = extract(document)
    assert_offsets(document, extraction)
    ids = {t.id for t in extraction.visit.topics}
    assert ids == {m.key for m in extraction.mentions if m.kind is MentionKind.TOPIC}
    return ids


def test_taxonomy_has_exactly_the_agreed_ids_and_labels():
    loaded = vocabulary.topics()
    assert {t.id for t in loaded} == IDS
    assert all(t.label_vi and t.label_en and t.phrases for t in loaded)


def test_each_topic_by_a_typical_phrase():
    found = topics(
        "Đoàn nghe báo cáo phát triển KT-XH, bảo đảm quốc phòng, an ninh, xây dựng Đảng, vận hành "
        "chính quyền 2 cấp, Chuyển Đổi Số, cải cách thủ tục hành chính, quy hoạch, đường giao "
        "thông, nông nghiệp ứng dụng công nghệ cao, làng nghề, di tích, trường học, trạm y tế, "
        "bảo vệ môi trường, an sinh xã hội, thu ngân sách, xúc tiến đầu tư và nguồn nhân lực."
    )
    assert found == IDS


def test_old_tone_placement_matches():
    assert "environment" in topics("Xã chú trọng xử lý rác thải, bảo vệ môi trường, hoà bình.")
    assert "craft_villages" in topics("Làng nghề truyền thống được khôi phục; người dân thuỷ sản.")


def test_investment_climate_is_not_the_environment():
    found = topics("Xã cần cải thiện môi trường đầu tư kinh doanh.")
    assert "environment" not in found and "investment_attraction" in found


def test_phrases_inside_organisation_names_do_not_count():
    found = topics(
        "Cùng đi có lãnh đạo Sở Y tế, Sở Giáo dục và Đào tạo, Sở Nông nghiệp và Môi trường."
    )
    assert not {"health", "education", "environment"} & found
