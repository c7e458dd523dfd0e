"""Provides `Store`, the SQLite cache: the only code that writes SQL, and it returns models, never rows.

`Store` owns the connection: it opens the file (WAL, foreign keys, migrations), closes it, and gives out
write transactions (`transaction`). Its own methods keep the article rows: fetched entries in (`ingest`),
analyses, stories, read marks, pruning, and the articles out. The rest is done by parts built on the same
connection, each in its own module: `feeds` (feed rows, fetch status, moved addresses; `FeedRows`), `pages`
(the full-text page cache; `PageCache`), `search` (the FTS index, plain words and the query language;
`Search`), `actors` (actors across articles; `ActorRows`), `analysis_jobs` (claims of the articles being
analyzed and the analyzers' recorded failures; `AnalysisJobs`) and `stars` (the starred articles; `Stars`).

The connection runs in autocommit mode and every write is one explicit `BEGIN IMMEDIATE` transaction, so a
crash or a `kill -9` leaves either the whole batch or none of it; WAL lets readers (the TUI) go on while
a fetch writes.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path

from briefing.codec import ANALYSIS_VERSION
from briefing.models import Analysis, Article, ParsedEntry
from briefing.store.actors import ActorRows, StoredActor
from briefing.store.analysis_jobs import AnalysisJobs
from briefing.store.articles import COLUMNS, FROM, LISTED_COLUMNS, article_from_row, read_articles
from briefing.store.chunked import rows_in
from briefing.store.compact import encode
from briefing.store.feeds import FeedRows
from briefing.store.ingest import FetchStatus, IngestResult, write_entries
from briefing.store.pages import PageCache
from briefing.store.schema import SchemaTooNew, migrate
from briefing.store.search import Search
from briefing.store.stars import Stars
from briefing.store.transaction import transaction

__all__ = ["FetchStatus", "IngestResult", "SchemaTooNew", "Store", "StoredActor"]


class Store:
    """The cache file. Open with `Store.open(path)`; use as a context manager to close it."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self.feeds = FeedRows(conn)
        self.pages = PageCache(conn)
        self.search = Search(conn)
        self.actors = ActorRows(conn)
        self.analysis_jobs = AnalysisJobs(conn)
        self.stars = Stars(conn)

    @classmethod
    def open(cls, path: Path | str, *, readonly: bool = False) -> Store:
        path = Path(path)
        if not readonly:
            path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=30, check_same_thread=False)
        try:
            conn.execute("PRAGMA busy_timeout = 30000")
            conn.execute("PRAGMA foreign_keys = ON")
            _use_wal(conn)
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn)
        except sqlite3.DatabaseError as exc:
            conn.close()
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise
            raise sqlite3.DatabaseError(f"{path} is not a briefing cache ({exc})") from exc
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE); inside another one, a savepoint of it. The parts' writes
        made inside it join it."""
        return transaction(self.conn)

    # --- fetched entries ----------------------------------------------------------------------------------

    def ingest(self, feed_id: int, entries: Iterable[ParsedEntry], fetched_at: datetime) -> IngestResult:
        """Insert or update entries in one transaction; an entry whose content is unchanged is not written."""
        with self.transaction() as c:
            return write_entries(c, feed_id, entries, fetched_at)

    def ingest_fetched(
        self, batch: Sequence[tuple[int, Sequence[ParsedEntry], FetchStatus]], when: datetime
    ) -> list[IngestResult]:
        """`ingest` then `feeds.record_fetch(ok=True, ...)` for each feed of a batch, all in one transaction
        (a fetch run stores a few feeds at a time: one commit instead of two per feed)."""
        out: list[IngestResult] = []
        with self.transaction() as c:
            for feed_id, entries, status in batch:
                out.append(write_entries(c, feed_id, entries, when))
                self.feeds.record_fetch(feed_id, ok=True, when=when, **status)
        return out

    # --- articles ---------------------------------------------------------------------------------------

    def articles(
        self, ids: Iterable[int], *, light: bool = False, event_actors: bool = False
    ) -> list[Article]:
        """The articles `ids`, oldest first; `light`: their analyses without sentences and mention offsets;
        `event_actors` (with `light`): only the actors their events name and countries (`compact.decode`)."""
        return read_articles(self.conn, ids, light=light, event_actors=event_actors)

    def each_article(self, ids: Iterable[int], *, chunk: int = 500) -> Iterator[Article]:
        """The articles `ids`, read `chunk` at a time and handed out one by one, so that a caller that keeps
        only what it needs of each holds at most one chunk in memory (oldest first within a chunk)."""
        ids = list(ids)
        for i in range(0, len(ids), chunk):
            yield from self.articles(ids[i : i + chunk])

    def ids_between(self, start: datetime, end: datetime) -> list[int]:
        """The ids of the articles published in [start, end), oldest first."""
        q = "SELECT id FROM articles WHERE published_utc >= ? AND published_utc < ? ORDER BY published_utc"
        rows = self.conn.execute(q, (start.astimezone(UTC).isoformat(), end.astimezone(UTC).isoformat()))
        return [int(r[0]) for r in rows]

    def articles_between(self, start: datetime, end: datetime) -> list[Article]:
        """Articles published in [start, end), oldest first."""
        q = (
            f"SELECT {COLUMNS} FROM {FROM} "
            "WHERE a.published_utc >= ? AND a.published_utc < ? ORDER BY a.published_utc"
        )
        rows = self.conn.execute(q, (start.astimezone(UTC).isoformat(), end.astimezone(UTC).isoformat()))
        return [article_from_row(r) for r in rows]

    def article_heads_between(self, start: datetime, end: datetime) -> list[Article]:
        """Articles published in [start, end), oldest first, as headers: no text (`text` is empty) and no
        analysis. What choosing among thousands of articles needs (feed, time, language, read mark) without
        reading and decoding each one's text and analysis; `articles(ids)` gives the chosen ones whole."""
        q = (
            f"SELECT {LISTED_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id "
            "WHERE a.published_utc >= ? AND a.published_utc < ? ORDER BY a.published_utc"
        )
        rows = self.conn.execute(q, (start.astimezone(UTC).isoformat(), end.astimezone(UTC).isoformat()))
        return [article_from_row(r) for r in rows]

    def upcoming_event_counts(self, start: datetime, end: datetime, day: date) -> dict[int, int]:
        """For the articles published in [start, end) that report events ending after `day` (or starting
        after it, when they have no end): how many such events each reports."""
        q = (
            "SELECT e.article_id, COUNT(*) FROM events e JOIN articles a ON a.id = e.article_id "
            "WHERE a.published_utc >= ? AND a.published_utc < ? AND COALESCE(e.end, e.start) > ? "
            "GROUP BY e.article_id"
        )
        bounds = (start.astimezone(UTC).isoformat(), end.astimezone(UTC).isoformat(), day.isoformat())
        return {int(a): int(n) for a, n in self.conn.execute(q, bounds)}

    def unanalyzed_ids(self) -> list[int]:
        """Articles without a current analysis that are still to be tried (claimed or not), oldest first."""
        return self.analysis_jobs.pending_ids()

    def save_analyses(self, results: Iterable[tuple[int, Analysis]]) -> None:
        with self.transaction() as c:
            for article_id, analysis in results:
                row = c.execute(
                    "SELECT title, text, published FROM articles WHERE id = ?", (article_id,)
                ).fetchone()
                if row is None:  # pruned while it was analyzed
                    continue
                data = encode(analysis, *row)
                c.execute(
                    "INSERT OR REPLACE INTO analyses (article_id, version, data) VALUES (?, ?, ?)",
                    (article_id, ANALYSIS_VERSION, data),
                )
                c.execute("UPDATE articles SET lang = ? WHERE id = ?", (analysis.lang, article_id))
                c.execute("DELETE FROM events WHERE article_id = ?", (article_id,))
                c.executemany(
                    "INSERT INTO events (article_id, idx, start, end) VALUES (?, ?, ?, ?)",
                    [
                        (article_id, i, e.start.isoformat(), e.end.isoformat() if e.end else None)
                        for i, e in enumerate(analysis.events)
                    ],
                )

    def set_stories(self, assignments: Iterable[tuple[int, str]]) -> None:
        with self.transaction() as c:
            c.executemany("UPDATE articles SET story_id = ? WHERE id = ?", [(s, a) for a, s in assignments])

    def story_ids(self, article_ids: Iterable[int]) -> dict[int, str]:
        q = "SELECT id, story_id FROM articles WHERE story_id IS NOT NULL AND id IN ({marks})"
        return {int(a): str(s) for a, s in rows_in(self.conn, q, list(article_ids))}

    def story_titles(self, story_ids: Iterable[str]) -> dict[str, str]:
        """Story id -> the title of its newest article (stories without a titled article are left out)."""
        q = (
            "SELECT story_id, title, MAX(published_utc) FROM articles "
            "WHERE story_id IN ({marks}) AND title != '' GROUP BY story_id"
        )
        return {
            str(story): str(title)
            for story, title, _ in rows_in(self.conn, q, list(dict.fromkeys(story_ids)))
        }

    def articles_with_events_after(
        self,
        day: date,
        published_before: datetime,
        published_since: datetime | None = None,
        starting_by: date | None = None,
    ) -> list[Article]:
        """Articles published in [`published_since`, `published_before`) that report an event ending after
        `day` (and, with `starting_by`, starting on or before that date): the agenda's sources, with light
        analyses: their events, the actors these name (who they are) and the countries, no sentences or
        mention offsets, no other actors (an article names a dozen; decoding them was most of the agenda's
        time)."""
        since = published_since.astimezone(UTC).isoformat() if published_since is not None else ""
        q = (
            "SELECT DISTINCT article_id FROM events e JOIN articles a ON a.id = e.article_id "
            "WHERE COALESCE(e.end, e.start) > ? AND e.start <= ? AND a.published_utc < ? "
            "AND a.published_utc >= ?"
        )
        before = published_before.astimezone(UTC).isoformat()
        last = (starting_by or date.max).isoformat()
        rows = self.conn.execute(q, (day.isoformat(), last, before, since))
        return self.articles((int(r[0]) for r in rows), light=True, event_actors=True)

    def has_articles_between(self, start: datetime, end: datetime) -> bool:
        """Whether any article was published in [start, end)."""
        q = "SELECT 1 FROM articles WHERE published_utc >= ? AND published_utc < ? LIMIT 1"
        bounds = (start.astimezone(UTC).isoformat(), end.astimezone(UTC).isoformat())
        return self.conn.execute(q, bounds).fetchone() is not None

    def newest_published(self) -> datetime | None:
        row = self.conn.execute(
            "SELECT published FROM articles ORDER BY published_utc DESC LIMIT 1"
        ).fetchone()
        return datetime.fromisoformat(row[0]) if row else None

    def count(self, table: str) -> int:
        if table not in {"feeds", "articles", "analyses", "events", "fts_pending"}:
            raise ValueError(table)
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def mark_read(self, article_ids: Iterable[int], read: bool = True) -> None:
        with self.transaction() as c:
            c.executemany("UPDATE articles SET read = ? WHERE id = ?", [(int(read), i) for i in article_ids])

    def unread_counts(self) -> dict[int, int]:
        """Feed id -> how many of its articles are unread (feeds with none are left out)."""
        q = "SELECT feed_id, COUNT(*) FROM articles WHERE read = 0 GROUP BY feed_id"
        return {int(f): int(n) for f, n in self.conn.execute(q)}

    def feed_zones(self) -> dict[int, tzinfo]:
        """Feed id -> the zone of its newest article's published date as the feed gave it (the outlet's own
        offset); feeds without articles, or whose dates carry no offset, are left out."""
        # SQLite gives the bare column `published` from the row that holds the MAX.
        q = "SELECT feed_id, published, MAX(id) FROM articles GROUP BY feed_id"
        zones: dict[int, tzinfo] = {}
        for feed_id, published, _ in self.conn.execute(q):
            zone = datetime.fromisoformat(str(published)).tzinfo
            if zone is not None:
                zones[int(feed_id)] = zone
        return zones

    def prune(self, before: datetime) -> int:
        """Delete articles published before `before`, with their analyses and events; returns the count."""
        cutoff = before.astimezone(UTC).isoformat()
        with self.transaction() as c:
            n = c.execute("DELETE FROM articles WHERE published_utc < ?", (cutoff,))
            # Cached pages go with them (the search index follows through a trigger).
            c.execute("DELETE FROM pages WHERE fetched_at < ?", (cutoff,))
            return n.rowcount


def _use_wal(conn: sqlite3.Connection, patience: float = 30.0) -> None:
    """Switch the file to write-ahead logging. SQLite answers "database is locked" at once, without waiting
    for the busy timeout, when another connection holds the file while the mode changes (two fetches opening
    a new cache together), so the switch is retried for up to `patience` seconds."""
    deadline = time.monotonic() + patience
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)
