"""Writing imported articles: each one's visit, entities, mentions and index rows.

`ArticleWriter` writes the rows `rows.article_rows` computed (in the importer's worker
processes) with prepared statements rather than sqlite-utils' table helpers (which
inspect the table on every call), one savepoint per article so that an article is
either fully stored or not at all.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from viewer.core.archive.rows import ArticleRows, VisitRows, article_rows, index_rows
from viewer.core.archive.search import folded_index_form
from viewer.core.model import Document, Extraction

# Entities are shared between articles: inserted once by key, never changed by a later one.
_ENTITY_INSERT = {
    "officials": "INSERT INTO officials (key, name, folded) VALUES (?, ?, ?) "
    "ON CONFLICT(key) DO NOTHING",
    "communes": "INSERT INTO communes (key, name, unit, province, code, province_code, "
    "current, folded) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING",
    "sites": "INSERT INTO sites (key, name, kind) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING",
    "organisations": "INSERT INTO organisations (key, name) VALUES (?, ?) "
    "ON CONFLICT(key) DO NOTHING",
}
_TITLE_UPSERT = """INSERT INTO official_titles
      (official_id, title, title_key, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(official_id, title_key) DO UPDATE SET
      first_seen = coalesce(min(first_seen, excluded.first_seen), first_seen, excluded.first_seen),
      last_seen = coalesce(max(last_seen, excluded.last_seen), last_seen, excluded.last_seen)"""


def _index_row(article_id: int, rows: ArticleRows) -> tuple[int, str, str, str, str]:
    """(rowid, exact title, exact body, folded title, folded body), as `index_rows` gives."""
    title, text, body_start = rows.article[:3]
    body = text[body_start:]
    exact_title, exact_body = rows.index
    return (
        article_id,
        exact_title,
        body if exact_body is None else exact_body,
        folded_index_form(title),
        folded_index_form(body),
    )


class _BulkInsert:
    """Rows sharing their first column (an article's or a visit's id), inserted by
    multi-row INSERTs of 64, 32, … 1 rows: 83 mentions take 4 statements. `executemany`
    stepped once per row, and that overhead was a third of the cost of storing them."""

    _MOST = 64  # rows per statement at most (1 + 64 * width values, far below SQLite's limit)

    def __init__(self, head: str, width: int) -> None:
        self.head = head  # "INSERT INTO table (id column, columns …)"
        self.width = width  # values per row besides the shared first one
        self._sql: dict[int, str] = {}  # by rows: powers of two only, few cached statements

    def run(self, conn: sqlite3.Connection, first: int, flat: tuple[object, ...]) -> None:
        """Insert the rows `flat` holds one after the other, each after `first`, in order."""
        rows, at, size = len(flat) // self.width, 0, self._MOST
        while rows:
            while size > rows:
                size //= 2
            end = at + size * self.width
            conn.execute(self._statement(size), (first, *flat[at:end]))
            at, rows = end, rows - size

    def _statement(self, rows: int) -> str:
        sql = self._sql.get(rows)
        if sql is None:
            numbers = iter(range(2, 2 + rows * self.width))  # ?1 is the shared first value
            values = ", ".join(
                "(?1, " + ", ".join(f"?{next(numbers)}" for _ in range(self.width)) + ")"
                for _ in range(rows)
            )
            sql = self._sql[rows] = f"{self.head} VALUES {values}"
        return sql


_MENTIONS = _BulkInsert('INSERT INTO mentions (article_id, kind, start, "end", key)', 4)
_TOPICS = _BulkInsert("INSERT OR IGNORE INTO visit_topics (visit_id, topic_id, hits)", 2)
_STATEMENTS = _BulkInsert('INSERT INTO statements (visit_id, kind, start, "end", text)', 4)


class ArticleWriter:
    """Writes `ArticleRows` on one connection, inside the caller's write transaction.

    Two things make a batch of articles cheap:
    - Entity ids (officials, communes, sites, organisations, topics) are remembered by key,
      so a known entity costs no query. They are forgotten when a savepoint rolls back and
      when another connection has written since (`PRAGMA data_version`).
    - With `defer_index`, the full-text rows wait for `flush_index`, to be called once
      before the transaction commits. FTS5 writes its pending terms to disk at every
      savepoint, so indexing inside each article's savepoint wrote (and later merged) a
      tiny index segment per article: a third of the time spent storing.
    """

    def __init__(self, conn: sqlite3.Connection, *, defer_index: bool = False) -> None:
        self.conn = conn
        self.defer_index = defer_index
        self._ids: dict[str, dict[str, int]] = {table: {} for table in _ENTITY_INSERT}
        self._topics: set[str] = set()
        self._index: list[tuple[int, str, str, str, str]] = []
        self._data_version = self._read_data_version()

    def write(self, rows: ArticleRows) -> tuple[int, int | None]:
        """Store one article, all of it or nothing; returns (article id, visit id or None)."""
        self._forget_if_changed_elsewhere()
        conn = self.conn
        conn.execute("SAVEPOINT article")
        try:
            ids = self._write(rows)
            if not self.defer_index:
                self._write_index([_index_row(ids[0], rows)])
        except BaseException:
            if conn.in_transaction:  # an error may have ended the whole transaction already
                conn.execute("ROLLBACK TO article")
                conn.execute("RELEASE article")
            self._forget_ids()  # those learned inside the savepoint are gone with it
            raise
        conn.execute("RELEASE article")
        if self.defer_index:
            self._index.append(_index_row(ids[0], rows))
        return ids

    def flush_index(self) -> None:
        """Write the deferred full-text rows; call before committing the transaction."""
        rows, self._index = self._index, []
        self._write_index(rows)

    def forget(self) -> None:
        """Drop remembered ids and deferred rows: call when the transaction rolled back."""
        self._forget_ids()
        self._index = []

    def _forget_ids(self) -> None:
        for ids in self._ids.values():
            ids.clear()
        self._topics.clear()

    # -- inside the savepoint ----------------------------------------------------------
    def _write(self, rows: ArticleRows) -> tuple[int, int | None]:
        conn = self.conn
        now = dt.datetime.now().isoformat(timespec="seconds")
        article_id = conn.execute(
            """INSERT INTO articles (title, text, body_start, published, source_format,
                   source_encoding, original_text, content_key, imported_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (*rows.article, now),
        ).lastrowid
        assert article_id is not None
        conn.execute(
            "INSERT INTO article_files (article_id, name, sha256, size, imported_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (article_id, *rows.file, now),
        )
        _MENTIONS.run(conn, article_id, rows.mentions)
        if rows.visit is None:
            return article_id, None
        return article_id, self._write_visit(article_id, rows.visit)

    def _write_visit(self, article_id: int, visit: VisitRows) -> int:
        conn = self.conn
        officials = self._entity_ids("officials", visit.officials)
        conn.executemany(
            _TITLE_UPSERT,
            [(officials[key], t, t_key, visit.seen, visit.seen) for key, t, t_key in visit.titles],
        )
        lead_id = officials[visit.lead_key] if visit.lead_key else None
        visit_id = conn.execute(
            """INSERT INTO visits (article_id, visit_date, time_of_day, date_inferred,
                   date_source, headline, lead_official_id) VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (article_id, *visit.visit, lead_id),
        ).lastrowid
        assert visit_id is not None
        conn.executemany(
            "INSERT OR IGNORE INTO visit_officials (visit_id, official_id, role, titles) "
            "VALUES (?, ?, ?, ?)",
            [(visit_id, officials[key], role, titles) for key, role, titles in visit.roles],
        )
        communes = self._entity_ids("communes", visit.communes)
        conn.executemany(
            "INSERT INTO visit_communes (visit_id, commune_id, visited) VALUES (?, ?, ?)",
            [(visit_id, communes[key], visited) for key, visited in visit.visited],
        )
        self._add_topics(visit.topics)
        _TOPICS.run(conn, visit_id, visit.topic_hits)
        sites = self._entity_ids("sites", visit.sites)
        conn.executemany(
            "INSERT OR IGNORE INTO visit_sites (visit_id, site_id) VALUES (?, ?)",
            [(visit_id, sites[key]) for key, *_ in visit.sites],
        )
        organisations = self._entity_ids("organisations", visit.organisations)
        conn.executemany(
            "INSERT OR IGNORE INTO visit_organisations (visit_id, organisation_id) VALUES (?, ?)",
            [(visit_id, organisations[key]) for key, *_ in visit.organisations],
        )
        _STATEMENTS.run(conn, visit_id, visit.statements)
        return visit_id

    def _entity_ids(self, table: str, rows: tuple[tuple[Any, ...], ...]) -> dict[str, int]:
        """Ids by key for `rows` (key first), inserting the entities not stored yet."""
        known = self._ids[table]
        stored_before: list[str] = []  # keys of entities an earlier import stored
        for row in rows:
            key = row[0]
            if key in known:
                continue
            # One or two entities per article are new: the id of an inserted row is its
            # lastrowid, so only those already stored need a query.
            cursor = self.conn.execute(_ENTITY_INSERT[table], row)
            if cursor.rowcount == 1 and cursor.lastrowid is not None:
                known[key] = cursor.lastrowid
            else:
                stored_before.append(key)
        if stored_before:
            keys = json.dumps(stored_before, ensure_ascii=False)
            known.update(
                self.conn.execute(
                    f"SELECT key, id FROM {table} WHERE key IN (SELECT value FROM json_each(?))",
                    (keys,),
                )
            )
        return known

    def _add_topics(self, topics: tuple[tuple[str, str, str], ...]) -> None:
        new = [topic for topic in topics if topic[0] not in self._topics]
        if new:
            self.conn.executemany(
                "INSERT OR IGNORE INTO topics (id, label_vi, label_en) VALUES (?, ?, ?)", new
            )
            self._topics.update(topic[0] for topic in new)

    def _write_index(self, rows: list[tuple[int, str, str, str, str]]) -> None:
        self.conn.executemany(
            "INSERT INTO search_exact (rowid, title, body) VALUES (?, ?, ?)",
            [(article_id, title, body) for article_id, title, body, _, _ in rows],
        )
        self.conn.executemany(
            "INSERT INTO search_folded (rowid, title, body) VALUES (?, ?, ?)",
            [(article_id, title, body) for article_id, _, _, title, body in rows],
        )

    # -- remembered ids stay valid only while nobody else writes -------------------------
    def _read_data_version(self) -> int:
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def _forget_if_changed_elsewhere(self) -> None:
        version = self._read_data_version()
        if version != self._data_version:
            self._data_version = version
            self._forget_ids()


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
    rows = article_rows(
        document,
        extraction,
        file_name=file_name,
        file_sha256=file_sha256,
        file_size=file_size,
        key=key,
    )
    return ArticleWriter(conn).write(rows)


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
