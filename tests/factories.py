"""Hand-built documents and extractions, for archive tests that must not depend on the extractor."""

from __future__ import annotations

import datetime as dt

from viewer.core.archive import Archive
from viewer.core.archive.rows import content_key
from viewer.core.archive.store import insert_article
from viewer.core.model import (
    Document,
    Extraction,
    Mention,
    MentionKind,
    OfficialFound,
    PlaceFound,
    Role,
    Span,
    TopicFound,
    VisitFound,
)
from viewer.core.text import tone_key

TOPIC_LABELS = {
    "digital_transformation": ("chuyển đổi số", "Digital transformation"),
    "education": ("giáo dục", "Education"),
    "craft_villages": ("làng nghề", "Craft villages"),
}


def add_visit(
    archive: Archive,
    *,
    lead: str = "Nguyễn Hồng Phong",
    title: str = "Phó Bí thư Thường trực Tỉnh ủy",
    communes: tuple[tuple[str, int], ...] = (("Biện Thượng", 16000),),
    topics: tuple[str, ...] = ("digital_transformation",),
    date: dt.date | None = dt.date(2025, 12, 12),
    body: str = "",
    others: tuple[str, ...] = (),
    file_name: str = "",
) -> tuple[int, int]:
    """Store one visit as the importer would; returns (article id, visit id)."""
    places = ", ".join(f"xã {name}" for name, _ in communes)
    headline = f"{title} {lead} thăm, làm việc tại {places}"
    body = (
        body
        or f"Sáng {date.day if date else 1}/12, đồng chí {lead}, {title} làm việc tại {places}."
    )
    document = Document(headline, body, date, "txt", "utf-8")
    text = document.text
    start = text.index(lead, len(headline))
    official = OfficialFound(
        lead, tone_key(lead), [title], Role.LEAD, [Span(start, start + len(lead))]
    )
    people = [official] + [OfficialFound(n, tone_key(n), [], Role.DELEGATION) for n in others]
    found_places = [
        PlaceFound(name, "xã", "Thanh Hóa", code, 38, True, True, f"ward:{code}")
        for name, code in communes
    ]
    found_topics = [TopicFound(t, *TOPIC_LABELS[t]) for t in topics]
    visit = VisitFound(
        date,
        "sáng",
        False,
        "publication",
        headline,
        official,
        people,
        found_places,
        topics=found_topics,
    )
    mentions = [Mention(MentionKind.OFFICIAL, start, start + len(lead), lead, official.key)]
    with archive.batch(), archive.db.atomic():
        ids = insert_article(
            archive.conn,
            document,
            Extraction(visit, mentions),
            file_name=file_name or f"{headline}.txt",
            file_sha256=content_key(document),
            file_size=len(text),
            key=content_key(document),
        )
    assert ids[1] is not None
    return ids[0], ids[1]
