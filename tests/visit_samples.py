"""Hand-built VisitDetail objects for the two seed articles, for summary and printing tests.

They mirror what the importer stores for data/000_… and data/004_…, so summary tests do
not depend on the extractor's current recall; test_printing_pdf also checks the real import.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from viewer.core.archive.records import (
    CommuneInVisit,
    NamedInVisit,
    OfficialInVisit,
    StatementInVisit,
    TopicRef,
    VisitDetail,
    VisitRow,
)

DATA = Path(__file__).resolve().parent.parent / "data"
SEED_000 = DATA / "000_172bc57fb8c9c5e3.txt"
SEED_004 = DATA / "004_e25b7a6582c1cd78.txt"

LEAD = "Nguyễn Hồng Phong"
LEAD_TITLE = "Phó Bí thư Thường trực Tỉnh ủy"
UVTV = "Ủy viên Ban Thường vụ Tỉnh ủy"

TOPICS = {
    "socio_economic": ("kinh tế - xã hội", "socio-economic development"),
    "defence_security": ("quốc phòng - an ninh", "defence and security"),
    "two_tier_government": ("vận hành chính quyền 2 cấp", "two-tier government"),
    "digital_transformation": ("chuyển đổi số", "digital transformation"),
    "craft_villages": ("làng nghề", "craft villages"),
}


def _topics(*ids: str) -> tuple[TopicRef, ...]:
    return tuple(TopicRef(i, *TOPICS[i]) for i in ids)


def _statements(text: str, kind: str, *fragments: str) -> tuple[StatementInVisit, ...]:
    """Statements cut from the article at the sentences that contain each fragment."""
    out = []
    for fragment in fragments:
        at = text.index(fragment)
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        out.append(StatementInVisit(kind, start, end, text[start:end].strip()))
    return tuple(out)


def seed_000(**changes: object) -> VisitDetail:
    text = SEED_000.read_text(encoding="utf-8")
    title = text.splitlines()[0]
    row = VisitRow(
        id=1, article_id=1, date=dt.date(2025, 12, 12), time_of_day="sáng",
        date_inferred=True, headline=title, lead_name=LEAD, lead_titles=(LEAD_TITLE,),
        communes=("xã Biện Thượng", "xã Vĩnh Lộc"),
        topics=_topics("socio_economic", "defence_security", "two_tier_government",
                       "digital_transformation"),
    )
    statements = _statements(
        text, "difficulty", "vẫn còn gặp một số khó khăn"
    ) + _statements(
        text, "directive", "Cấp ủy, chính quyền xã cần", "rà soát lại các dự án",
        "cũng đề nghị hai xã", "tăng cường chuyển đổi số",
    )
    detail = VisitDetail(
        row=row, date_source="text", article_title=title, article_text=text, body_start=0,
        published=None, source_files=(SEED_000.name,), imported_at="2025-12-20T10:00:00",
        officials=(
            OfficialInVisit(1, LEAD, "lead", (LEAD_TITLE,)),
            OfficialInVisit(2, "Mai Xuân Liêm", "delegation",
                            (UVTV, "Phó Chủ tịch Thường trực UBND tỉnh")),
            OfficialInVisit(3, "Đỗ Thị Toán", "delegation",
                            (UVTV, "Phó trưởng Ban Tổ chức Tỉnh ủy")),
        ),
        communes=(
            CommuneInVisit(1, "Biện Thượng", "xã", "Thanh Hóa", 16000, True, True),
            CommuneInVisit(2, "Vĩnh Lộc", "xã", "Thanh Hóa", 16001, True, True),
        ),
        sites=(NamedInVisit(1, "Dự án Tôn tạo Khu di tích Phủ Trịnh", "relic"),),
        statements=statements,
    )
    return _replace(detail, changes)


def seed_004(**changes: object) -> VisitDetail:
    raw = SEED_004.read_text(encoding="utf-8")
    text = raw.split(" ", 3)[-1] if raw.startswith(" date ") else raw
    title = text.splitlines()[0]
    row = VisitRow(
        id=2, article_id=2, date=dt.date(2025, 12, 22), time_of_day="chiều",
        date_inferred=False, headline=title, lead_name=LEAD, lead_titles=(LEAD_TITLE,),
        communes=("xã Thiệu Trung", "xã Thiệu Hóa"),
        topics=_topics("socio_economic", "craft_villages", "digital_transformation"),
    )
    statements = _statements(text, "difficulty", "Kinh tế tăng trưởng chưa tương xứng") + (
        _statements(text, "directive", "cần đẩy mạnh quảng bá", "tập trung nguồn lực cho",
                    "tăng cường chuyển đổi số")
    )
    detail = VisitDetail(
        row=row, date_source="publication", article_title=title, article_text=text,
        body_start=0, published=dt.date(2025, 12, 22), source_files=(SEED_004.name,),
        imported_at="2025-12-23T08:00:00",
        officials=(
            OfficialInVisit(1, LEAD, "lead", (LEAD_TITLE,)),
            OfficialInVisit(4, "Nguyễn Văn Hùng", "delegation",
                            ("Ủy viên Ban Thường vụ", "Trưởng Ban Tổ chức Tỉnh ủy")),
        ),
        communes=(
            CommuneInVisit(3, "Thiệu Trung", "xã", "Thanh Hóa", 16002, True, True),
            CommuneInVisit(4, "Thiệu Hóa", "xã", "Thanh Hóa", 16003, True, True),
            CommuneInVisit(5, "Thiệu Hóa", "huyện", "Thanh Hóa", None, False, False),
        ),
        sites=(
            NamedInVisit(2, "Trung tâm Phục vụ hành chính công xã Thiệu Hóa", "service"),
            NamedInVisit(3, "làng nghề truyền thống đúc đồng xã Thiệu Trung", "craft"),
        ),
        statements=statements,
    )
    return _replace(detail, changes)


def _replace(detail: VisitDetail, changes: dict[str, object]) -> VisitDetail:
    from dataclasses import replace

    return replace(detail, **changes) if changes else detail  # type: ignore[arg-type]
