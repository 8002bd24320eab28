"""Writing one imported article, its visit, entities, mentions and index rows.

Called inside a transaction (a savepoint per file, see `Archive.add_article`), so an
article is either fully stored or not at all. Uses prepared SQL rather than
sqlite-utils' table helpers: they inspect the table on every call, which cost more than
the whole extraction at import rates of thousands of articles a second.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3

from viewer.core.model import Document, Extraction, NamedFound, OfficialFound, PlaceFound
from viewer.core.text import canonical_tones, fold, tone_key


def content_key(document: Document) -> str:
    """Equal for the same article saved as text or HTML, in any encoding or tone style."""
    normal = " ".join(canonical_tones(document.body).lower().split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def index_rows(title: str, body: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """What goes into (search_exact, search_folded) for one article.

    The exact index sees one tone placement (Hoá -> Hóa) so either spelling matches;
    the folded index sees text without any mark, đ included, which unicode61 alone
    would keep apart from d.
    """
    return (canonical_tones(title), canonical_tones(body)), (fold(title), fold(body))


def _upsert_id(conn: sqlite3.Connection, table: str, key: str, values: dict[str, object]) -> int:
    columns = ["key", *values]
    placeholders = ", ".join("?" for _ in columns)
    conn.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders}) "
        "ON CONFLICT(key) DO NOTHING",
        [key, *values.values()],
    )
    return int(conn.execute(f"SELECT id FROM {table} WHERE key = ?", (key,)).fetchone()[0])


def _official_id(conn: sqlite3.Connection, official: OfficialFound, seen: str | None) -> int:
    official_id = _upsert_id(
        conn, "officials", official.key, {"name": official.name, "folded": fold(official.name)}
    )
    for title in official.titles:
        conn.execute(
            """INSERT INTO official_titles (official_id, title, title_key, first_seen, last_seen)
               VALUES (?, ?, ?, ?, ?)
               ON CONFLICT(official_id, title_key) DO UPDATE SET
                 first_seen = coalesce(min(first_seen, excluded.first_seen),
                                       first_seen, excluded.first_seen),
                 last_seen = coalesce(max(last_seen, excluded.last_seen),
                                      last_seen, excluded.last_seen)""",
            (official_id, title, tone_key(title), seen, seen),
        )
    return official_id


def _commune_id(conn: sqlite3.Connection, place: PlaceFound) -> int:
    return _upsert_id(
        conn,
        "communes",
        place.key,
        {
            "name": place.name,
            "unit": place.unit,
            "province": place.province,
            "code": place.code,
            "province_code": place.province_code,
            "current": int(place.current),
            "folded": fold(place.name),
        },
    )


def _named_id(conn: sqlite3.Connection, table: str, found: NamedFound) -> int:
    values: dict[str, object] = {"name": found.name}
    if table == "sites":
        values["kind"] = found.kind or "other"
    return _upsert_id(conn, table, found.key, values)


def insert_article(
    conn: sqlite3.Connection,
    document: Document,
    extraction: Extraction,
    *,
    file_name: str,
    file_sha256: str,
    file_size: int,
    key: str,
) -> tuple[int, int | None]:
    """Store everything about one article; returns (article id, visit id or None)."""
    now = dt.datetime.now().isoformat(timespec="seconds")
    text = document.text
    body_start = len(text) - len(document.body)
    article_id = conn.execute(
        """INSERT INTO articles (title, text, body_start, published, source_format,
               source_encoding, original_text, content_key, imported_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            document.title,
            text,
            body_start,
            document.published.isoformat() if document.published else None,
            document.source_format,
            document.encoding,
            document.original,
            key,
            now,
        ),
    ).lastrowid
    assert article_id is not None
    conn.execute(
        "INSERT INTO article_files (article_id, name, sha256, size, imported_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (article_id, file_name, file_sha256, file_size, now),
    )
    exact, folded = index_rows(document.title, document.body)
    conn.execute(
        "INSERT INTO search_exact (rowid, title, body) VALUES (?, ?, ?)", (article_id, *exact)
    )
    conn.execute(
        "INSERT INTO search_folded (rowid, title, body) VALUES (?, ?, ?)", (article_id, *folded)
    )
    conn.executemany(
        'INSERT INTO mentions (article_id, kind, start, "end", key) VALUES (?, ?, ?, ?, ?)',
        [(article_id, m.kind.value, m.start, m.end, m.key) for m in extraction.mentions],
    )
    visit = extraction.visit
    if visit is None:
        return article_id, None

    seen = visit.date or document.published
    seen_iso = seen.isoformat() if seen else None
    official_ids = {o.key: _official_id(conn, o, seen_iso) for o in visit.officials}
    lead_id = official_ids.get(visit.lead.key) if visit.lead else None
    visit_id = conn.execute(
        """INSERT INTO visits (article_id, visit_date, time_of_day, date_inferred, date_source,
               headline, lead_official_id) VALUES (?, ?, ?, ?, ?, ?, ?)""",
        (
            article_id,
            visit.date.isoformat() if visit.date else None,
            visit.time_of_day,
            int(visit.date_inferred),
            visit.date_source,
            visit.headline,
            lead_id,
        ),
    ).lastrowid
    assert visit_id is not None
    conn.executemany(
        "INSERT OR IGNORE INTO visit_officials (visit_id, official_id, role, titles) "
        "VALUES (?, ?, ?, ?)",
        [
            (visit_id, official_ids[o.key], o.role.value, json.dumps(o.titles, ensure_ascii=False))
            for o in visit.officials
        ],
    )
    visited: dict[int, bool] = {}
    for place in visit.places:
        commune_id = _commune_id(conn, place)
        visited[commune_id] = visited.get(commune_id, False) or place.visited
    conn.executemany(
        "INSERT INTO visit_communes (visit_id, commune_id, visited) VALUES (?, ?, ?)",
        [(visit_id, cid, int(v)) for cid, v in visited.items()],
    )
    for topic in visit.topics:
        conn.execute(
            "INSERT OR IGNORE INTO topics (id, label_vi, label_en) VALUES (?, ?, ?)",
            (topic.id, topic.label_vi, topic.label_en),
        )
    conn.executemany(
        "INSERT OR IGNORE INTO visit_topics (visit_id, topic_id, hits) VALUES (?, ?, ?)",
        [(visit_id, t.id, max(1, len(t.spans))) for t in visit.topics],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO visit_sites (visit_id, site_id) VALUES (?, ?)",
        [(visit_id, _named_id(conn, "sites", s)) for s in visit.sites],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO visit_organisations (visit_id, organisation_id) VALUES (?, ?)",
        [(visit_id, _named_id(conn, "organisations", o)) for o in visit.organisations],
    )
    conn.executemany(
        'INSERT INTO statements (visit_id, kind, start, "end", text) VALUES (?, ?, ?, ?, ?)',
        [(visit_id, s.kind.value, s.start, s.end, s.text) for s in visit.statements],
    )
    return article_id, visit_id


def delete_article(conn: sqlite3.Connection, article_id: int) -> None:
    """Remove an article and everything derived from it (the entities stay)."""
    row = conn.execute("SELECT title, text, body_start FROM articles WHERE id = ?", (article_id,))
    found = row.fetchone()
    if found is None:
        return
    title, text, body_start = found
    exact, folded = index_rows(title, text[body_start:])
    conn.execute(
        "INSERT INTO search_exact (search_exact, rowid, title, body) VALUES ('delete', ?, ?, ?)",
        (article_id, *exact),
    )
    conn.execute(
        "INSERT INTO search_folded (search_folded, rowid, title, body) VALUES ('delete', ?, ?, ?)",
        (article_id, *folded),
    )
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
