"""The archive file: opening it safely, and every question the program asks of it.

One `Archive` wraps one SQLite connection (with a sqlite-utils `Database` made on first
use: importing sqlite-utils costs the window's start 0.1-0.2 s) and is used from one
thread. The file is the user's data: WAL so readers never block the writer, foreign
keys, a busy timeout so a second window waits instead of failing, a schema version with
migrations (backed up first), and a read-only mode for files we may not write.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.core.archive import query as q
from viewer.core.archive import visits
from viewer.core.archive.records import (
    ArchiveStats,
    ArticleHit,
    FacetValue,
    VisitDetail,
    VisitFilter,
    VisitRow,
)
from viewer.core.archive.schema import (
    LATEST_VERSION,
    Progress,
    SchemaTooNew,
    current_version,
    migrate,
)
from viewer.core.archive.search import parse_query
from viewer.core.archive.visits import date_or_none
from viewer.core.text import fold

if TYPE_CHECKING:  # neither is needed before the window's first paint
    from sqlite_utils import Database

    from viewer.core.archive.visit_index import VisitIndex

BUSY_TIMEOUT_MS = 10_000
LOCK_POLL_S = 0.05  # a patient batch tries for the write lock this often
EVERYTHING = VisitFilter()


class ArchiveError(Exception):
    """The archive cannot be opened or used; the message names the file and the reason."""


class WaitCancelled(Exception):
    """The user cancelled while another connection held the write lock."""


@dataclass
class _Patience:
    """How a batch waits for another writer (`Archive.wait_for_other_writers`)."""

    on_waiting: Callable[[bool], object]
    cancelled: Callable[[], bool]
    waiting: bool = False

    def set_waiting(self, waiting: bool) -> None:
        if waiting != self.waiting:
            self.waiting = waiting
            self.on_waiting(waiting)


class Archive:
    """An open archive file. Use as a context manager or call `close()`."""

    def __init__(
        self,
        path: str | Path,
        *,
        read_only: bool = False,
        on_upgrade_progress: Progress | None = None,
    ) -> None:
        """Open (or create) the archive at `path`. An archive of an older schema is
        backed up and upgraded first, telling `on_upgrade_progress` how far it got."""
        self.path = Path(path)
        self.read_only = read_only or _must_open_read_only(self.path)
        self.backup_made: Path | None = None
        self._index: VisitIndex | None = None
        self.on_stale_index: Callable[[], object] | None = None
        self._patience: _Patience | None = None
        self._db: Database | None = None
        try:
            self._conn = self._connect()
            self._configure(on_upgrade_progress)
        except SchemaTooNew as error:
            self._close_quietly()
            raise ArchiveError(f"{self.path}: {error}") from error
        except sqlite3.DatabaseError as error:
            self._close_quietly()
            raise ArchiveError(f"{self.path} cannot be opened as an archive: {error}") from error

    # -- opening -------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            if not self.path.exists():
                raise ArchiveError(f"{self.path}: no such archive file")
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            if not os.access(self.path.parent, os.W_OK):
                uri += "&immutable=1"  # nobody can write a read-only medium; skip locking
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return conn

    def _configure(self, on_upgrade_progress: Progress | None) -> None:
        conn = self._conn
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # fails on non-databases
        conn.execute("PRAGMA foreign_keys = ON")
        if self.read_only:
            version = current_version(conn)
            if version == 0:
                raise ArchiveError(f"{self.path} is not an archive of this program")
            if version != LATEST_VERSION:
                raise ArchiveError(
                    f"{self.path} uses schema version {version} and is read-only, so it "
                    "cannot be upgraded; copy it somewhere writable first"
                )
            return
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = wal")
        conn.execute("PRAGMA synchronous = NORMAL")  # with WAL: durable, atomic, faster
        if current_version(conn) != LATEST_VERSION:
            self.backup_made = migrate(self.db, self.path, on_progress=on_upgrade_progress)

    def _close_quietly(self) -> None:
        with contextlib.suppress(Exception):
            self._conn.close()

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
        self._conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        return self._conn

    @property
    def db(self) -> Database:
        """The connection as a sqlite-utils `Database` (savepoints, table helpers)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self._conn)
        return self._db

    # -- writing -------------------------------------------------------------------------
    def wait_for_other_writers(
        self, on_waiting: Callable[[bool], object], cancelled: Callable[[], bool]
    ) -> None:
        """From now on, a write batch waits for another writer (a second window, the
        command line) as long as it takes, instead of failing after SQLite's busy timeout:
        `on_waiting(True)` when waiting starts (at once, if the lock is held now),
        `on_waiting(False)` when the lock is ours; `cancelled()` ends a wait with
        `WaitCancelled`."""
        self._patience = _Patience(on_waiting, cancelled)
        if not self.write_lock_free():
            self._patience.set_waiting(True)

    def write_lock_free(self) -> bool:
        """Whether a write transaction could start now (taken and given back at once)."""
        if not self._try_begin_immediate():
            return False
        self.conn.execute("ROLLBACK")
        return True

    def _try_begin_immediate(self) -> bool:
        timeout = self.conn.execute("PRAGMA busy_timeout").fetchone()[0]
        self.conn.execute("PRAGMA busy_timeout = 0")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            return True
        except sqlite3.OperationalError as error:
            if getattr(error, "sqlite_errorcode", None) in (
                sqlite3.SQLITE_BUSY,
                sqlite3.SQLITE_LOCKED,
            ):
                return False
            raise
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")

    def _begin(self) -> None:
        patience = self._patience
        if patience is None:
            self.conn.execute("BEGIN IMMEDIATE")  # SQLite's busy timeout: 10 s
            return
        while not self._try_begin_immediate():
            patience.set_waiting(True)
            if patience.cancelled():
                raise WaitCancelled(f"{self.path}: cancelled while another writer held it")
            time.sleep(LOCK_POLL_S)
        patience.set_waiting(False)

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """A write transaction taken at once (IMMEDIATE), so two windows queue, not fail."""
        if self.read_only:
            raise ArchiveError(f"{self.path} is open read-only")
        self._begin()
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def find_file(self, sha256: str) -> tuple[int, str, str] | None:
        """(article id, title, first file name) of an article imported from these bytes."""
        row = self.conn.execute(
            """SELECT a.id, a.title, f.name FROM article_files f JOIN articles a
               ON a.id = f.article_id WHERE f.sha256 = ?""",
            (sha256,),
        ).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def find_content(self, content_key: str) -> tuple[int, str, str] | None:
        """(article id, title, first file name) of an article with this text."""
        row = self.conn.execute(
            """SELECT a.id, a.title, coalesce((SELECT name FROM article_files f
                   WHERE f.article_id = a.id ORDER BY f.id LIMIT 1), '')
               FROM articles a WHERE a.content_key = ?""",
            (content_key,),
        ).fetchone()
        return (row[0], row[1], row[2]) if row else None

    # -- reading: the timeline -----------------------------------------------------------
    def load_index(self) -> None:
        """Hold the visits in memory (`VisitIndex`) from now on, so filters and facet
        counts take milliseconds. Building it costs about a second per 100,000 visits on
        this thread; the window builds it on another (`build_index`) and adopts it."""
        self.adopt_index(build_index(self.path))

    def adopt_index(self, index: VisitIndex) -> None:
        if self._index is not None:
            self._index.close()
        self._index = index

    def forget_text_searches(self) -> None:
        """Drop the index's remembered full-text answers, so the next search runs anew."""
        if self._index is not None:
            self._index.forget_texts()

    def forget_facet_lists(self) -> None:
        """Drop the index's last facet lists, so the next ones are counted anew."""
        if self._index is not None:
            self._index.forget_listings()

    def _current_index(self) -> VisitIndex | None:
        """The index when it still describes the file; after a change, a new one built
        here, or, when `on_stale_index` is set, None (SQL answers) while the owner of
        that hook builds a new one elsewhere."""
        index = self._index
        if index is None or index.is_current():
            return index
        self._index = None
        index.close()
        if self.on_stale_index is not None:
            self.on_stale_index()
            return None
        self.load_index()
        return self._index

    def visit_total(self) -> int:
        """How many visits the archive holds."""
        index = self._current_index()
        if index is not None:
            return index.size
        return self.conn.execute("SELECT count(*) FROM visits").fetchone()[0]

    def visit_ids(self, filter_: VisitFilter = EVERYTHING) -> list[int]:
        """Ids of the visits the filter admits, newest first (undated ones last)."""
        index = self._current_index()
        if index is not None:
            return index.ids(index.select(filter_))
        sql, params = q.visit_ids_sql(filter_)
        # One JSON array, built by SQLite without holding the GIL: fetched a row at a time,
        # 100,000 ids took 70 ms and held it for 60 (the window's start runs beside this);
        # as JSON 18 ms, holding it for 7. An aggregate keeps its ordered subquery's order
        # (SQLite never flattens one into the other; the order is tested).
        (ids,) = self.conn.execute(f"SELECT json_group_array(id) FROM ({sql})", params).fetchone()
        return json.loads(ids)

    def timeline(
        self, filter_: VisitFilter = EVERYTHING
    ) -> tuple[list[int], list[tuple[str, int]]]:
        """`visit_ids` and `month_counts`, evaluating a full-text filter only once.

        Without the index, the ids come newest first, so each month is one run of rows.
        Counting the runs here saves a second full-text search; without text, SQLite
        counts months from the date index faster than Python counts 100,000 rows, so
        both queries run.
        """
        index = self._current_index()
        if index is not None:
            found = index.select(filter_)
            return index.ids(found), index.month_counts(found)
        if not filter_.text.strip():
            return self.visit_ids(filter_), self.month_counts(filter_)
        sql, params = q.visit_ids_sql(filter_, with_month=True)
        ids: list[int] = []
        months: list[tuple[str, int]] = []
        for visit_id, month in self.conn.execute(sql, params):
            ids.append(visit_id)
            if month is None:
                continue  # undated visits close the list and have no month
            if months and months[-1][0] == month:
                months[-1] = (month, months[-1][1] + 1)
            else:
                months.append((month, 1))
        months.reverse()
        return ids, months

    def visit_rows(self, ids: Iterable[int]) -> dict[int, VisitRow]:
        """Timeline rows for `ids` (any order, a page at a time), keyed by visit id."""
        return visits.visit_rows(self.conn, ids)

    def facet(self, filter_: VisitFilter, facet: str) -> list[FacetValue]:
        """Values of `facet` ("officials", "communes", "topics") with counts under the
        other facets' filters, so counts follow what else is selected."""
        if facet not in q.FACET_LINKS:
            raise ValueError(f"unknown facet {facet!r}")
        index = self._current_index()
        if index is not None:
            scope = filter_.without(facet)
            return index.facet(facet, index.select(scope))
        sql, params = q.facet_sql(filter_, facet)
        return [FacetValue(r[0], r[1], r[2], r[3]) for r in self.conn.execute(sql, params)]

    def month_counts(self, filter_: VisitFilter = EVERYTHING) -> list[tuple[str, int]]:
        """("YYYY-MM", number of visits) for every month with a visit, oldest first."""
        index = self._current_index()
        if index is not None:
            return index.month_counts(index.select(filter_))
        sql, params = q.month_counts_sql(filter_)
        return [(r[0], r[1]) for r in self.conn.execute(sql, params)]

    # -- reading: visits in full ---------------------------------------------------------
    def visit_detail(self, visit_id: int) -> VisitDetail | None:
        """One visit with its article text and highlights: what the article pane shows."""
        found = self.visit_details([visit_id], with_article=True)
        return found[0] if found else None

    def visit_details(self, ids: list[int], *, with_article: bool = False) -> list[VisitDetail]:
        """Visits in full, in the order of `ids` (see `visits.visit_details`)."""
        return visits.visit_details(self.conn, ids, with_article=with_article)

    # -- reading: search and look-ups ----------------------------------------------------
    def search_articles(self, typed: str, limit: int = 50) -> list[ArticleHit]:
        """Articles matching what the user typed; exact-tone matches first, then by rank."""
        query = parse_query(typed)
        if query.empty:
            return []
        # Ranked in the index alone, then the best few joined to their articles: joined
        # first, SQLite read every hit's row past its text to reach `published` (46,000
        # hits of "chuyen doi so" at 100,000 articles: 310-460 ms, now 130-200 ms).
        also_exact = ""
        params: list[object] = [query.as_typed, query.folded]
        if query.exact:
            also_exact = "AND rowid IN (SELECT rowid FROM search_exact WHERE search_exact MATCH ?)"
            params.append(query.exact)
        params.append(limit)
        sql = f"""WITH best AS (
                      SELECT rowid AS id, rank, rowid IN
                          (SELECT rowid FROM search_exact WHERE search_exact MATCH ?) AS exact
                      FROM search_folded WHERE search_folded MATCH ? {also_exact}
                      ORDER BY exact DESC, rank LIMIT ?)
                  SELECT a.id, a.title, a.published, best.exact
                  FROM best JOIN articles a ON a.id = best.id
                  ORDER BY best.exact DESC, best.rank"""
        return [
            ArticleHit(r[0], r[1], date_or_none(r[2]), bool(r[3]))
            for r in self.conn.execute(sql, params)
        ]

    def find_officials(self, name: str) -> frozenset[int]:
        """Officials whose name contains `name`, typed with or without tones."""
        return self._find("officials", name)

    def find_communes(self, name: str) -> frozenset[int]:
        """Communes (current or former) whose name contains `name`."""
        return self._find("communes", name)

    def find_topics(self, name: str) -> frozenset[str]:
        """Topics whose id, Vietnamese or English label contains `name`."""
        wanted = fold(name).strip()
        return frozenset(
            r[0]
            for r in self.conn.execute("SELECT id, label_vi, label_en FROM topics")
            if any(wanted in fold(v) for v in r)
        )

    def _find(self, table: str, name: str) -> frozenset[int]:
        wanted = " ".join(fold(name).split())
        rows = self.conn.execute(f"SELECT id FROM {table} WHERE folded LIKE ?", (f"%{wanted}%",))
        return frozenset(r[0] for r in rows)

    def stats(self) -> ArchiveStats:
        count = lambda table: self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: E731
        first, last = self.conn.execute(
            "SELECT min(visit_date), max(visit_date) FROM visits"
        ).fetchone()
        return ArchiveStats(
            articles=count("articles"),
            visits=count("visits"),
            officials=count("officials"),
            communes=count("communes"),
            first_visit=date_or_none(first),
            last_visit=date_or_none(last),
            schema_version=current_version(self.conn),
            path=str(self.path),
        )


def needs_upgrade(path: Path) -> bool:
    """True when opening `path` will migrate it: seconds to minutes for a large archive."""
    if not path.exists():
        return False
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return 0 < current_version(conn) < LATEST_VERSION
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False  # opening it will say what is wrong


def build_index(path: Path) -> VisitIndex:
    """A `VisitIndex` of the archive at `path`, read through a read-only connection of its
    own, so it can be built on any thread and handed to the thread that queries."""
    from viewer.core.archive.visit_index import VisitIndex  # with pyroaring: after the paint

    reader = Archive(path, read_only=True)
    try:
        return VisitIndex(reader.conn)
    except BaseException:
        reader.close()
        raise


def _must_open_read_only(path: Path) -> bool:
    """True for an existing archive we may not write (read-only file or medium)."""
    if not path.exists():
        return False
    return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)
