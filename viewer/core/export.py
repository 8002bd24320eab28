"""Visits as plain data: the stable JSON of `viewer visits --json` and CSV rows.

The JSON shape is documented in docs/cli.md; add keys, never rename or remove them.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from viewer.core.archive import Archive, VisitDetail

EXPORT_CHUNK = 2_000  # visits read and written at a time

CSV_COLUMNS = (
    "id",
    "date",
    "time_of_day",
    "date_inferred",
    "lead",
    "lead_titles",
    "officials",
    "communes",
    "sites",
    "topics",
    "headline",
    "article_title",
    "published",
    "source_file",
)


def visit_to_dict(visit: VisitDetail) -> dict[str, Any]:
    row = visit.row
    lead = visit.lead
    return {
        "id": row.id,
        "date": row.date.isoformat() if row.date else None,
        "time_of_day": row.time_of_day,
        "date_inferred": row.date_inferred,
        "date_source": visit.date_source,
        "headline": row.headline,
        "lead": {"name": lead.name, "titles": list(lead.titles)} if lead else None,
        "officials": [
            {"name": o.name, "titles": list(o.titles), "role": o.role} for o in visit.officials
        ],
        "communes": [
            {
                "name": c.name,
                "unit": c.unit,
                "province": c.province,
                "code": c.code,
                "current": c.current,
                "visited": c.visited,
            }
            for c in visit.communes
        ],
        "sites": [{"name": s.name, "kind": s.kind} for s in visit.sites],
        "organisations": [o.name for o in visit.organisations],
        "topics": [
            {"id": t.id, "label_vi": t.label_vi, "label_en": t.label_en} for t in row.topics
        ],
        "difficulties": [s.text for s in visit.statements_of("difficulty")],
        "directives": [s.text for s in visit.statements_of("directive")],
        "article": {
            "id": row.article_id,
            "title": visit.article_title,
            "published": visit.published.isoformat() if visit.published else None,
            "files": list(visit.source_files),
        },
    }


def _official_label(name: str, titles: Iterable[str]) -> str:
    titles = list(titles)
    return f"{name} ({', '.join(titles)})" if titles else name


def visits_to_csv(visits: Iterable[VisitDetail]) -> str:
    """CSV with one visit per line; lists joined with "; " so it opens cleanly in a sheet."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_csv_row(visit) for visit in visits)
    return out.getvalue()


def _csv_row(visit: VisitDetail) -> list[object]:
    d = visit_to_dict(visit)
    lead = d["lead"] or {"name": "", "titles": []}
    return [
        d["id"],
        d["date"] or "",
        d["time_of_day"],
        int(d["date_inferred"]),
        lead["name"],
        "; ".join(lead["titles"]),
        "; ".join(
            _official_label(o["name"], o["titles"]) for o in d["officials"] if o["role"] != "lead"
        ),
        "; ".join(
            f"{c['unit']} {c['name']} ({c['province']})" for c in d["communes"] if c["visited"]
        ),
        "; ".join(s["name"] for s in d["sites"]),
        "; ".join(t["label_vi"] for t in d["topics"]),
        d["headline"],
        d["article"]["title"],
        d["article"]["published"] or "",
        "; ".join(d["article"]["files"]),
    ]


def export_visits(
    archive: Archive,
    ids: list[int],
    path: Path,
    kind: str,
    on_progress: Callable[[int], object] | None = None,
) -> int:
    """Write the visits `ids` to `path` as "csv" or "json", reading and writing a chunk at
    a time so 100,000 visits never sit in memory at once; returns how many were written.
    `on_progress` hears how many are written after each chunk (about a second apart).

    The file appears complete or not at all: it is written beside `path` and moved into
    place at the end. CSV is UTF-8 with a BOM, so spreadsheet programs read the letters.
    """
    partial = path.with_name(f".{path.name}.partial")
    written = 0
    try:
        with partial.open(
            "w", encoding="utf-8-sig" if kind == "csv" else "utf-8", newline=""
        ) as out:
            writer = csv.writer(out)
            if kind == "csv":
                writer.writerow(CSV_COLUMNS)
            else:
                out.write("[")
            for start in range(0, len(ids), EXPORT_CHUNK):
                for visit in archive.visit_details(ids[start : start + EXPORT_CHUNK]):
                    if kind == "csv":
                        writer.writerow(_csv_row(visit))
                    else:
                        out.write(",\n" if written else "\n")
                        out.write(json.dumps(visit_to_dict(visit), ensure_ascii=False, indent=2))
                    written += 1
                if on_progress is not None:
                    on_progress(written)
            if kind != "csv":
                out.write("\n]\n")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return written
