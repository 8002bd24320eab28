"""The archive's schema, created in one place and changed only by numbered migrations.

Every table and column is documented in docs/archive.md for people who open the file
with Datasette or the `sqlite-utils` command line. A migration is a list of SQL
statements; `migrate` applies the missing ones inside one transaction each, records
them in `schema_migrations`, and backs the file up first when it already held data.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.core.archive.search import folded_index_form
from viewer.core.text import canonical_tones

if TYPE_CHECKING:  # the window's start does not pay for importing sqlite-utils
    from sqlite_utils import Database


class SchemaTooNew(Exception):
    """The archive was written by a newer version of the program; we must not touch it."""


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]
    # How many times per article its statements call `SQL_FUNCTIONS`: how the long ones,
    # which rebuild an index from every article's text, report their progress.
    calls_per_article: int = 0


# ("backup" or "upgrade", fraction done): what a long upgrade reports, a few hundred times
Progress = Callable[[str, float], object]


# SQL functions the migrations may call: how the store derives what it indexes.
SQL_FUNCTIONS: dict[str, Callable[[str], str]] = {
    "search_exact_form": canonical_tones,
    "search_folded_form": folded_index_form,
}


def _rebuilt_with_prefixes(table: str, *, remove_diacritics: int) -> tuple[str, ...]:
    """Statements rebuilding the full-text index `table` with 1-3 letter prefixes, fed from
    every stored article through `<table>_form`, as the store feeds it (rows.index_rows)."""
    form = f"{table}_form"
    return (
        f"DROP TABLE {table}",
        f"""CREATE VIRTUAL TABLE {table} USING fts5(
            title, body, content='',
            tokenize='unicode61 remove_diacritics {remove_diacritics}', prefix='1 2 3')""",
        f"""INSERT INTO {table} (rowid, title, body)
            SELECT id, {form}(title), {form}(substr(text, body_start + 1)) FROM articles""",
    )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles, visits and their entities, mentions, full-text indices",
        (
            """CREATE TABLE articles (
                id INTEGER PRIMARY KEY,
                title TEXT NOT NULL,
                text TEXT NOT NULL,
                body_start INTEGER NOT NULL,
                published TEXT,
                source_format TEXT NOT NULL,
                source_encoding TEXT NOT NULL,
                original_text TEXT,
                content_key TEXT NOT NULL UNIQUE,
                imported_at TEXT NOT NULL
            )""",
            """CREATE TABLE article_files (
                id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                sha256 TEXT NOT NULL UNIQUE,
                size INTEGER NOT NULL,
                imported_at TEXT NOT NULL
            )""",
            "CREATE INDEX article_files_article ON article_files(article_id)",
            """CREATE TABLE officials (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                key TEXT NOT NULL UNIQUE,
                folded TEXT NOT NULL
            )""",
            """CREATE TABLE official_titles (
                official_id INTEGER NOT NULL REFERENCES officials(id) ON DELETE CASCADE,
                title TEXT NOT NULL,
                title_key TEXT NOT NULL,
                first_seen TEXT,
                last_seen TEXT,
                PRIMARY KEY (official_id, title_key)
            )""",
            """CREATE TABLE communes (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                unit TEXT NOT NULL,
                province TEXT NOT NULL,
                code INTEGER,
                province_code INTEGER,
                current INTEGER NOT NULL,
                folded TEXT NOT NULL
            )""",
            """CREATE TABLE topics (
                id TEXT PRIMARY KEY,
                label_vi TEXT NOT NULL,
                label_en TEXT NOT NULL
            )""",
            """CREATE TABLE sites (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                kind TEXT NOT NULL
            )""",
            """CREATE TABLE organisations (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL
            )""",
            """CREATE TABLE visits (
                id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                visit_date TEXT,
                time_of_day TEXT NOT NULL,
                date_inferred INTEGER NOT NULL,
                date_source TEXT NOT NULL,
                headline TEXT NOT NULL,
                lead_official_id INTEGER REFERENCES officials(id)
            )""",
            "CREATE INDEX visits_article ON visits(article_id)",
            "CREATE INDEX visits_date ON visits(visit_date, id)",
            """CREATE TABLE visit_officials (
                visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
                official_id INTEGER NOT NULL REFERENCES officials(id),
                role TEXT NOT NULL,
                titles TEXT NOT NULL,
                PRIMARY KEY (visit_id, official_id)
            ) WITHOUT ROWID""",
            "CREATE INDEX visit_officials_official ON visit_officials(official_id, visit_id)",
            """CREATE TABLE visit_communes (
                visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
                commune_id INTEGER NOT NULL REFERENCES communes(id),
                visited INTEGER NOT NULL,
                PRIMARY KEY (visit_id, commune_id)
            ) WITHOUT ROWID""",
            "CREATE INDEX visit_communes_commune ON visit_communes(commune_id, visit_id)",
            """CREATE TABLE visit_topics (
                visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
                topic_id TEXT NOT NULL REFERENCES topics(id),
                hits INTEGER NOT NULL,
                PRIMARY KEY (visit_id, topic_id)
            ) WITHOUT ROWID""",
            "CREATE INDEX visit_topics_topic ON visit_topics(topic_id, visit_id)",
            """CREATE TABLE visit_sites (
                visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
                site_id INTEGER NOT NULL REFERENCES sites(id),
                PRIMARY KEY (visit_id, site_id)
            ) WITHOUT ROWID""",
            """CREATE TABLE visit_organisations (
                visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
                organisation_id INTEGER NOT NULL REFERENCES organisations(id),
                PRIMARY KEY (visit_id, organisation_id)
            ) WITHOUT ROWID""",
            """CREATE TABLE statements (
                id INTEGER PRIMARY KEY,
                visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                text TEXT NOT NULL
            )""",
            "CREATE INDEX statements_visit ON statements(visit_id)",
            """CREATE TABLE mentions (
                id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                key TEXT NOT NULL
            )""",
            "CREATE INDEX mentions_article ON mentions(article_id)",
            # Contentless indices: the text lives once, in articles.text. Each is fed a
            # derived form (see archive.search) and rows are deleted by re-deriving it.
            """CREATE VIRTUAL TABLE search_exact USING fts5(
                title, body, content='', tokenize='unicode61 remove_diacritics 0')""",
            """CREATE VIRTUAL TABLE search_folded USING fts5(
                title, body, content='', tokenize='unicode61 remove_diacritics 2')""",
        ),
    ),
    Migration(
        2,
        "visit counts kept on officials, communes and topics; a visited-communes index",
        (
            # Facet counts with nothing selected are what the window shows first; counting
            # 300,000 link rows for them took most of a second at 100,000 visits. Triggers
            # keep the totals exact through inserts and deletes, cascades included (the store
            # never re-points a link row; a commune's `visited` flag may change).
            "ALTER TABLE officials ADD COLUMN visit_count INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE communes ADD COLUMN visit_count INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE topics ADD COLUMN visit_count INTEGER NOT NULL DEFAULT 0",
            """UPDATE officials SET visit_count =
                (SELECT count(*) FROM visit_officials x WHERE x.official_id = officials.id)""",
            """UPDATE communes SET visit_count = (SELECT count(*) FROM visit_communes x
                WHERE x.commune_id = communes.id AND x.visited = 1)""",
            """UPDATE topics SET visit_count =
                (SELECT count(*) FROM visit_topics x WHERE x.topic_id = topics.id)""",
            """CREATE TRIGGER visit_officials_count_add AFTER INSERT ON visit_officials BEGIN
                UPDATE officials SET visit_count = visit_count + 1 WHERE id = new.official_id;
            END""",
            """CREATE TRIGGER visit_officials_count_remove AFTER DELETE ON visit_officials BEGIN
                UPDATE officials SET visit_count = visit_count - 1 WHERE id = old.official_id;
            END""",
            """CREATE TRIGGER visit_communes_count_add AFTER INSERT ON visit_communes
                WHEN new.visited = 1 BEGIN
                UPDATE communes SET visit_count = visit_count + 1 WHERE id = new.commune_id;
            END""",
            """CREATE TRIGGER visit_communes_count_remove AFTER DELETE ON visit_communes
                WHEN old.visited = 1 BEGIN
                UPDATE communes SET visit_count = visit_count - 1 WHERE id = old.commune_id;
            END""",
            """CREATE TRIGGER visit_communes_count_change AFTER UPDATE OF visited, commune_id
                ON visit_communes BEGIN
                UPDATE communes SET visit_count = visit_count - 1
                    WHERE id = old.commune_id AND old.visited = 1;
                UPDATE communes SET visit_count = visit_count + 1
                    WHERE id = new.commune_id AND new.visited = 1;
            END""",
            """CREATE TRIGGER visit_topics_count_add AFTER INSERT ON visit_topics BEGIN
                UPDATE topics SET visit_count = visit_count + 1 WHERE id = new.topic_id;
            END""",
            """CREATE TRIGGER visit_topics_count_remove AFTER DELETE ON visit_topics BEGIN
                UPDATE topics SET visit_count = visit_count - 1 WHERE id = old.topic_id;
            END""",
            # Counting visited communes under a filter reads this instead of the table.
            """CREATE INDEX visit_communes_visited ON visit_communes(commune_id, visit_id)
                WHERE visited = 1""",
        ),
    ),
    # The search box matches the last word typed as a prefix ("thieu h"). Without prefix
    # indices FTS5 merges every word starting so: 130 ms for "thieu h" at 20,000 articles,
    # 10 ms with them, for +3.7 KB per article.
    Migration(
        3,
        "prefixes of 1-3 letters indexed in search_folded",
        _rebuilt_with_prefixes("search_folded", remove_diacritics=2),
        calls_per_article=2,
    ),
    # Most users type with tones, so the toned index sees a half-typed last word just as
    # often: without prefixes "chuyển đổi số" took 36 ms at 100,000 articles ("số" begins
    # many words) and a bare "đ" 650 ms; with them 10 and 15 ms, for 4.5 KB more per article.
    Migration(
        4,
        "prefixes of 1-3 letters indexed in search_exact too",
        _rebuilt_with_prefixes("search_exact", remove_diacritics=0),
        calls_per_article=2,
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version


def current_version(conn: sqlite3.Connection) -> int:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_migrations'"
    ).fetchone()
    if not exists:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return int(row[0] or 0)


def backup(
    conn: sqlite3.Connection, path: Path, version: int, on_progress: Progress | None = None
) -> Path:
    """Copy the archive beside itself before changing its schema; returns the copy."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.v{version}-{stamp}.bak{path.suffix}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = sqlite3.connect(target)
    try:
        if on_progress is None:
            conn.backup(copy)
        else:  # a few MB a step, so a 2 GB archive reports its copy a few hundred times
            conn.backup(
                copy,
                pages=2048,
                progress=lambda _status, left, total: on_progress("backup", 1 - left / total),
            )
    finally:
        copy.close()
    return target


class _CountedCalls:
    """The migrations' SQL functions, counting their calls to report a rebuild's progress."""

    def __init__(self, total: int, on_progress: Progress) -> None:
        self.done, self.total, self.on_progress = 0, max(total, 1), on_progress
        self.every = max(self.total // 200, 1)

    def wrap(self, function: Callable[[str], str]) -> Callable[[str], str]:
        def counted(text: str) -> str:
            self.done += 1
            if self.done % self.every == 0:
                self.on_progress("upgrade", min(self.done / self.total, 1.0))
            return function(text)

        return counted


def migrate(
    db: Database,
    path: Path | None,
    *,
    target: int | None = None,
    on_progress: Progress | None = None,
) -> Path | None:
    """Bring the archive to `LATEST_VERSION` (or `target`, for tests building old
    archives); returns the backup made, if any. `on_progress` hears how far the backup
    and the rebuilding of indices got.

    Raises `SchemaTooNew` for an archive from a newer program, without writing to it.
    """
    conn = db.conn
    version = current_version(conn)
    if version > LATEST_VERSION:
        raise SchemaTooNew(
            f"this archive uses schema version {version}, but this program knows only up to "
            f"{LATEST_VERSION}; open it with a newer version of the viewer"
        )
    target = LATEST_VERSION if target is None else target
    if version >= target:
        return None
    backup_path = None
    if version > 0 and path is not None:
        backup_path = backup(conn, path, version, on_progress)
    conn.execute(
        """CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"""
    )
    pending = [m for m in MIGRATIONS if version < m.version <= target]
    functions = dict(SQL_FUNCTIONS)
    if on_progress is not None and version > 0:
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        calls = _CountedCalls(articles * sum(m.calls_per_article for m in pending), on_progress)
        functions = {name: calls.wrap(function) for name, function in functions.items()}
    for name, function in functions.items():
        conn.create_function(name, 1, function, deterministic=True)
    for migration in pending:
        with db.atomic():  # one transaction per migration: all of it or none of it
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                (migration.version, migration.description, dt.datetime.now().isoformat()),
            )
    return backup_path
