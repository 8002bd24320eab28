"""Loading the gold set: article files, their hand annotations, and a fallback reader."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from viewer.core.model import Document

GOLD_DIR = Path(__file__).resolve().parent
ARTICLES_DIR = GOLD_DIR / "articles"
ANNOTATIONS_DIR = GOLD_DIR / "annotations"

TOPIC_IDS = frozenset(
    {
        "socio_economic",
        "defence_security",
        "party_building",
        "two_tier_government",
        "digital_transformation",
        "administrative_reform",
        "land_planning",
        "transport_infrastructure",
        "high_tech_agriculture",
        "craft_villages",
        "relics_tourism",
        "education",
        "health",
        "environment",
        "social_welfare",
        "budget_revenue",
        "investment_attraction",
        "human_resources",
    }
)
ROLES = frozenset({"lead", "delegation", "mentioned"})

_DATE_LINE = re.compile(r"^ date (\d{4})-(\d{2})-(\d{2}) (.*)$")


@dataclass(frozen=True)
class GoldArticle:
    """One article file and its annotation (the raw JSON dict, see README.md)."""

    path: Path
    gold: dict[str, Any]

    @property
    def name(self) -> str:
        return self.path.name


def parse_crawled(data: bytes, name: str) -> Document:
    """Fallback reader for the crawled .txt format, used until `viewer.core.readers` exists.

    Format: optional first line " date YYYY-MM-DD Title" (leading space), else the first
    line is the title; the body follows, paragraphs separated by blank lines.
    """
    raw = data.decode("utf-8-sig")
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n")
    first, _, body = text.partition("\n")
    published = None
    title = first.strip()
    match = _DATE_LINE.match(first.rstrip())
    if match:
        year, month, day, title = match.groups()
        published = dt.date(int(year), int(month), int(day))
        title = title.strip()
    return Document(
        title=title,
        body=body.strip(),
        published=published,
        source_format="txt",
        encoding="utf-8",
        original=raw if raw != text else None,
    )


def decode(data: bytes, name: str) -> Document:
    """Read an article with the project's reader when it exists, else `parse_crawled`."""
    try:
        from viewer.core.readers import decode_document  # type: ignore[attr-defined]
    except ImportError:
        return parse_crawled(data, name)
    return decode_document(data, name)


def load_annotations() -> list[dict[str, Any]]:
    """Every annotation in file order (one JSON file per article)."""
    paths = sorted(ANNOTATIONS_DIR.glob("*.json"))
    return [json.loads(p.read_text(encoding="utf-8")) for p in paths]


def load_gold() -> list[GoldArticle]:
    """Annotated articles, sorted by file name; annotations without a file are skipped."""
    articles = []
    for gold in load_annotations():
        path = ARTICLES_DIR / gold["file"]
        if path.is_file():
            articles.append(GoldArticle(path, gold))
    return sorted(articles, key=lambda a: a.name)
