"""Synthetic archives for the window's tests: many visits without running the extractor.

The GUI tests need archives of known shape (a few thousand visits, several months, some
without a date) quickly and independently of the extractor's accuracy, so they store
hand-made `Extraction`s through the same `insert_article` the importer uses.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

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
    TopicFound,
    VisitFound,
)
from viewer.core.text import tone_key

OFFICIALS = ("Nguyễn Hồng Phong", "Mai Xuân Liêm", "Đỗ Thị Toán", "Lê Văn Nam")
COMMUNES = (("Biện Thượng", 1001), ("Vĩnh Lộc", 1002), ("Thiệu Hóa", 1003), ("Thiệu Trung", 1004))
TOPICS = (
    ("digital_transformation", "chuyển đổi số", "digital transformation"),
    ("education", "giáo dục", "education"),
    ("craft_villages", "làng nghề", "craft villages"),
)


def synthetic_visit(number: int, date: dt.date | None) -> tuple[Document, Extraction]:
    """Visit `number`: official, commune and topic chosen by `number` so counts are known."""
    official = OFFICIALS[number % len(OFFICIALS)]
    commune, code = COMMUNES[number % len(COMMUNES)]
    topic = TOPICS[number % len(TOPICS)]
    title = f"{official} thăm xã {commune} (số {number})"
    body = (
        f"Sáng {date.day}/{date.month}, " if date else "Sáng nay, "
    ) + (f"đồng chí {official}, Bí thư Tỉnh ủy làm việc tại xã {commune} về {topic[1]} "
         f"(bài {number}).")
    document = Document(title, body, None, "txt", "utf-8")
    text = document.text
    start = len(title) + 2
    name_at = text.index(official, start)
    commune_at = text.index(f"xã {commune}", start)
    topic_at = text.index(topic[1], start)
    key = tone_key(official)
    place = PlaceFound(commune, "xã", "Thanh Hóa", code, 38, True, True, f"ward:{code}")
    visit = VisitFound(
        date=date,
        time_of_day="sáng",
        date_inferred=number % 5 == 0,
        date_source="text",
        headline=title,
        lead=OfficialFound(official, key, ["Bí thư Tỉnh ủy"], Role.LEAD),
        officials=[OfficialFound(official, key, ["Bí thư Tỉnh ủy"], Role.LEAD)],
        places=[place],
        topics=[TopicFound(*topic)],
    )
    mentions = [
        Mention(MentionKind.OFFICIAL, name_at, name_at + len(official), official, key),
        Mention(MentionKind.COMMUNE, commune_at, commune_at + 3 + len(commune),
                f"xã {commune}", f"ward:{code}"),
        Mention(MentionKind.TOPIC, topic_at, topic_at + len(topic[1]), topic[1], topic[0]),
    ]
    return document, Extraction(visit, mentions)


def build_archive(path: Path, visits: int, *, undated: int = 0, months: int = 24) -> Path:
    """An archive with `visits` dated visits spread over `months` months, plus `undated`."""
    start = dt.date(2025, 12, 28)
    with Archive(path) as archive, archive.batch():
        for number in range(visits + undated):
            date = None
            if number < visits:
                days_back = (number * months * 30) // max(visits, 1)
                date = start - dt.timedelta(days=days_back)
            document, extraction = synthetic_visit(number, date)
            digest = hashlib.sha256(document.text.encode()).hexdigest()
            insert_article(
                archive.conn, document, extraction, file_name=f"synthetic-{number}.txt",
                file_sha256=digest, file_size=len(document.text), key=content_key(document),
            )
    return path
