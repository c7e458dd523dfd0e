"""Provides `Store`, the SQLite cache: the only code that writes SQL, and it returns models, never rows.

The connection runs in autocommit mode and every write is one explicit `BEGIN IMMEDIATE` transaction, so a
crash or a `kill -9` leaves either the whole batch or none of it; WAL lets readers (the TUI) go on while
a fetch writes.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypedDict

from briefing.codec import ANALYSIS_VERSION, analysis_from_dict, analysis_to_dict
from briefing.models import Analysis, Article, Feed, ParsedEntry
from briefing.store.actors import ActorsStore, StoredActor
from briefing.store.extras import Page, PagesAndSearch
from briefing.store.schema import SchemaTooNew, migrate

__all__ = ["FetchStatus", "IngestResult", "Page", "SchemaTooNew", "Store", "StoredActor"]


@dataclass(frozen=True)
class IngestResult:
    new: int
    updated: int
    unchanged: int
    changed_ids: tuple[int, ...]


def _stored_guids(c: sqlite3.Connection, feed_id: int, guids: Sequence[str]) -> dict[str, tuple[int, str]]:
    """guid -> (article id, content hash) for those of `guids` the feed already has."""
    known: dict[str, tuple[int, str]] = {}
    for i in range(0, len(guids), 500):
        chunk = guids[i : i + 500]
        q = (
            "SELECT guid, id, content_hash FROM articles WHERE feed_id = ? "
            f"AND guid IN ({','.join('?' * len(chunk))})"
        )
        known.update((str(g), (int(n), str(h))) for g, n, h in c.execute(q, (feed_id, *chunk)))
    return known


class FetchStatus(TypedDict, total=False):
    """What a successful fetch learned about its feed (`Store.record_fetch`'s keywords)."""

    etag: str | None
    last_modified: str | None
    title: str | None
    new_url: str | None


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt else None


def _dt(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


class Store(PagesAndSearch, ActorsStore):
    """The cache file. Open with `Store.open(path)`; use as a context manager to close it."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path | str, *, readonly: bool = False) -> Store:
        path = Path(path)
        if not readonly:
            path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=30, check_same_thread=False)
        try:
            conn.execute("PRAGMA busy_timeout = 30000")
            conn.execute("PRAGMA foreign_keys = ON")
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
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

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE); inside another one, a savepoint of it."""
        if self.conn.in_transaction:
            self.conn.execute("SAVEPOINT nested")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK TO nested")
                self.conn.execute("RELEASE nested")
                raise
            self.conn.execute("RELEASE nested")
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # --- feeds ------------------------------------------------------------------------------------------

    _FEED_COLS = (
        "id, url, title, lang, full_text, etag, last_modified, last_success, last_error, next_fetch, gone, "
        "(SELECT COUNT(*) FROM articles a WHERE a.feed_id = feeds.id)"
    )

    def _feed(self, row: Sequence[object]) -> Feed:
        return Feed(
            id=int(row[0]),  # type: ignore[call-overload]
            url=str(row[1]),
            title=str(row[2]),
            lang=row[3],  # type: ignore[arg-type]
            full_text=bool(row[4]),
            etag=row[5],  # type: ignore[arg-type]
            last_modified=row[6],  # type: ignore[arg-type]
            last_success=_dt(row[7]),  # type: ignore[arg-type]
            last_error=row[8],  # type: ignore[arg-type]
            next_fetch=_dt(row[9]),  # type: ignore[arg-type]
            gone=bool(row[10]),
            item_count=int(row[11]),  # type: ignore[call-overload]
        )

    def ensure_feed(
        self, url: str, title: str = "", lang: str | None = None, full_text: bool = False
    ) -> Feed:
        """The feed row for `url`, created if new; title/lang/full_text follow the configuration."""
        return self.ensure_feeds([(url, title, lang, full_text)])[url]

    _UPSERT_FEED = (
        "INSERT INTO feeds (url, title, lang, full_text) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(url) DO UPDATE SET title = CASE WHEN excluded.title != '' THEN excluded.title "
        "ELSE feeds.title END, lang = COALESCE(excluded.lang, feeds.lang), full_text = excluded.full_text"
    )

    def ensure_feeds(self, feeds: Iterable[tuple[str, str, str | None, bool]]) -> dict[str, Feed]:
        """`ensure_feed` for many (url, title, lang, full_text) in one transaction, keyed by the given URL.
        A URL that moved permanently finds the feed's row under its new address."""
        wanted = list(feeds)
        with self._write() as c:
            for url, title, lang, full_text in wanted:
                alias = c.execute("SELECT feed_id FROM feed_aliases WHERE url = ?", (url,)).fetchone()
                if alias:
                    c.execute(
                        "UPDATE feeds SET title = CASE WHEN ? != '' THEN ? ELSE title END, "
                        "lang = COALESCE(?, lang), full_text = ? WHERE id = ?",
                        (title, title, lang, int(full_text), alias[0]),
                    )
                else:
                    c.execute(self._UPSERT_FEED, (url, title, lang, int(full_text)))
        out: dict[str, Feed] = {}
        for url, *_ in wanted:
            feed = self.feed(url)
            assert feed is not None
            out[url] = feed
        return out

    def feed(self, url: str) -> Feed | None:
        """The feed stored under `url`, or under the address it moved to."""
        row = self.conn.execute(f"SELECT {self._FEED_COLS} FROM feeds WHERE url = ?", (url,)).fetchone()
        if row is None:
            row = self.conn.execute(
                f"SELECT {self._FEED_COLS} FROM feeds "
                "WHERE id = (SELECT feed_id FROM feed_aliases WHERE url = ?)",
                (url,),
            ).fetchone()
        return self._feed(row) if row else None

    def feeds(self) -> list[Feed]:
        return [self._feed(r) for r in self.conn.execute(f"SELECT {self._FEED_COLS} FROM feeds ORDER BY id")]

    def record_fetch(
        self,
        feed_id: int,
        *,
        ok: bool,
        when: datetime,
        error: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        title: str | None = None,
        next_fetch: datetime | None = None,
        gone: bool = False,
        new_url: str | None = None,
    ) -> None:
        """Store what one fetch learned about a feed (validators, health, schedule, a permanent redirect)."""
        with self._write() as c:
            if ok:
                c.execute(
                    "UPDATE feeds SET last_success = ?, last_error = NULL, failures = 0, next_fetch = ?, "
                    "gone = 0, etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified), "
                    "title = CASE WHEN title = '' AND ? IS NOT NULL THEN ? ELSE title END WHERE id = ?",
                    (_iso(when), _iso(next_fetch), etag, last_modified, title, title, feed_id),
                )
            else:
                c.execute(
                    "UPDATE feeds SET last_error = ?, failures = failures + 1, next_fetch = ?, gone = ? "
                    "WHERE id = ?",
                    (error, _iso(next_fetch), int(gone), feed_id),
                )
            if new_url:
                old = c.execute("SELECT url FROM feeds WHERE id = ?", (feed_id,)).fetchone()
                moved = c.execute(
                    "UPDATE OR IGNORE feeds SET url = ? WHERE id = ?", (new_url, feed_id)
                ).rowcount
                if old and moved:
                    c.execute(
                        "INSERT OR REPLACE INTO feed_aliases (url, feed_id) VALUES (?, ?)", (old[0], feed_id)
                    )
                    c.execute("DELETE FROM feed_aliases WHERE url = ?", (new_url,))

    def failures(self, feed_id: int) -> int:
        row = self.conn.execute("SELECT failures FROM feeds WHERE id = ?", (feed_id,)).fetchone()
        return int(row[0]) if row else 0

    def record_unchanged(
        self, feeds: Iterable[tuple[int, str | None, str | None, str | None]], when: datetime
    ) -> None:
        """`record_fetch(ok=True)` for many feeds that answered 304, in one transaction:
        (feed_id, etag, last_modified, new_url) each."""
        items = list(feeds)
        with self._write():
            for feed_id, etag, last_modified, new_url in items:
                self.record_fetch(
                    feed_id, ok=True, when=when, etag=etag, last_modified=last_modified, new_url=new_url
                )

    def failure_counts(self) -> dict[int, int]:
        return {int(i): int(n) for i, n in self.conn.execute("SELECT id, failures FROM feeds")}

    def remove_feed(self, url: str) -> bool:
        feed = self.feed(url)
        if feed is None:
            return False
        with self._write() as c:
            return c.execute("DELETE FROM feeds WHERE id = ?", (feed.id,)).rowcount > 0

    def aliases(self) -> dict[str, str]:
        """Old URL -> the URL its feed moved to (permanent redirects)."""
        q = "SELECT a.url, f.url FROM feed_aliases a JOIN feeds f ON f.id = a.feed_id"
        return {str(old): str(new) for old, new in self.conn.execute(q)}

    # --- articles ---------------------------------------------------------------------------------------

    def ingest(self, feed_id: int, entries: Iterable[ParsedEntry], fetched_at: datetime) -> IngestResult:
        """Insert or update entries in one transaction; an entry whose content is unchanged is not written."""
        with self._write() as c:
            return self._ingest(c, feed_id, entries, fetched_at)

    def ingest_fetched(
        self, batch: Sequence[tuple[int, Sequence[ParsedEntry], FetchStatus]], when: datetime
    ) -> list[IngestResult]:
        """`ingest` then `record_fetch(ok=True, ...)` for each feed of a batch, all in one transaction (a
        fetch run stores a few feeds at a time: one commit instead of two per feed)."""
        out: list[IngestResult] = []
        with self._write() as c:
            for feed_id, entries, status in batch:
                out.append(self._ingest(c, feed_id, entries, when))
                self.record_fetch(feed_id, ok=True, when=when, **status)
        return out

    _INSERT = (
        "INSERT INTO articles (url, title, author, published, published_utc, text, content_hash, feed_id, "
        "guid, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )

    def _ingest(
        self, c: sqlite3.Connection, feed_id: int, entries: Iterable[ParsedEntry], fetched_at: datetime
    ) -> IngestResult:
        new = updated = unchanged = 0
        changed: list[int] = []
        entries = list(entries)
        guids = list(dict.fromkeys(e.guid for e in entries))
        known = _stored_guids(c, feed_id, guids)  # read once for the feed
        fetched = fetched_at.isoformat()
        batch = len(guids) == len(entries)  # no guid twice: new articles can go in one executemany
        inserts: list[tuple[object, ...]] = []
        for e in entries:
            published = e.published or fetched_at
            digest = hashlib.sha256(f"{e.title}\x00{e.text}\x00{e.url}".encode()).hexdigest()[:32]
            row = known.get(e.guid)
            if row and row[1] == digest:
                unchanged += 1
                continue
            values = (
                e.url,
                e.title,
                e.author,
                published.isoformat(),
                published.astimezone(UTC).isoformat(),
                e.text,
                digest,
            )
            if row:
                c.execute(
                    "UPDATE articles SET url=?, title=?, author=?, published=?, published_utc=?, text=?, "
                    "content_hash=? WHERE id = ?",
                    (*values, row[0]),
                )
                c.execute("DELETE FROM analyses WHERE article_id = ?", (row[0],))
                c.execute("DELETE FROM events WHERE article_id = ?", (row[0],))
                updated += 1
                changed.append(row[0])
                known[e.guid] = (row[0], digest)
                continue
            new += 1
            if batch:
                inserts.append((*values, feed_id, e.guid, fetched))
                changed.append(-len(inserts))  # a placeholder: the id is read back below
                continue
            cur = c.execute(self._INSERT, (*values, feed_id, e.guid, fetched))
            changed.append(int(cur.lastrowid or 0))
            known[e.guid] = (changed[-1], digest)
        if inserts:
            c.executemany(self._INSERT, inserts)
            added = [str(row[8]) for row in inserts]
            ids = _stored_guids(c, feed_id, added)
            changed = [ids[added[-n - 1]][0] if n < 0 else n for n in changed]
        return IngestResult(new, updated, unchanged, tuple(changed))

    _ART_COLS = (
        "a.id, a.feed_id, f.title, a.guid, a.url, a.title, a.author, a.published, a.text, a.lang, a.read, "
        "n.data, n.version"
    )
    _ART_FROM = "articles a JOIN feeds f ON f.id = a.feed_id LEFT JOIN analyses n ON n.article_id = a.id"

    def _article(self, row: Sequence[object], light: bool = False) -> Article:
        data, version = row[11], row[12]
        analysis = (
            analysis_from_dict(json.loads(str(data)), light=light)
            if data is not None and version == ANALYSIS_VERSION
            else None
        )
        return Article(
            id=int(row[0]),  # type: ignore[call-overload]
            feed_id=int(row[1]),  # type: ignore[call-overload]
            feed_title=str(row[2]),
            guid=str(row[3]),
            url=str(row[4]),
            title=str(row[5]),
            author=str(row[6]),
            published=datetime.fromisoformat(str(row[7])),
            text=str(row[8]),
            lang=row[9],  # type: ignore[arg-type]
            read=bool(row[10]),
            analysis=analysis,
        )

    def articles(self, ids: Iterable[int], *, light: bool = False) -> list[Article]:
        """The articles `ids`, oldest first; `light`: their analyses without sentences and mention offsets."""
        ids = list(ids)
        out: list[Article] = []
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            q = f"SELECT {self._ART_COLS} FROM {self._ART_FROM} WHERE a.id IN ({marks})"
            q += " ORDER BY a.published_utc"
            out.extend(self._article(r, light) for r in self.conn.execute(q, chunk))
        return out

    def articles_between(self, start: datetime, end: datetime) -> list[Article]:
        """Articles published in [start, end), oldest first."""
        q = (
            f"SELECT {self._ART_COLS} FROM {self._ART_FROM} "
            "WHERE a.published_utc >= ? AND a.published_utc < ? ORDER BY a.published_utc"
        )
        rows = self.conn.execute(q, (start.astimezone(UTC).isoformat(), end.astimezone(UTC).isoformat()))
        return [self._article(r) for r in rows]

    def unanalyzed_ids(self) -> list[int]:
        q = (
            "SELECT a.id FROM articles a LEFT JOIN analyses n ON n.article_id = a.id "
            "WHERE n.article_id IS NULL OR n.version != ? ORDER BY a.published_utc"
        )
        return [int(r[0]) for r in self.conn.execute(q, (ANALYSIS_VERSION,))]

    def save_analyses(self, results: Iterable[tuple[int, Analysis]]) -> None:
        with self._write() as c:
            for article_id, analysis in results:
                data = json.dumps(analysis_to_dict(analysis), ensure_ascii=False)
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
        with self._write() as c:
            c.executemany("UPDATE articles SET story_id = ? WHERE id = ?", [(s, a) for a, s in assignments])

    def story_ids(self, article_ids: Iterable[int]) -> dict[int, str]:
        ids = list(article_ids)
        out: dict[int, str] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            q = f"SELECT id, story_id FROM articles WHERE story_id IS NOT NULL AND id IN ({marks})"
            out.update((int(a), str(s)) for a, s in self.conn.execute(q, chunk))
        return out

    def articles_with_events_after(
        self, day: date, published_before: datetime, published_since: datetime | None = None
    ) -> list[Article]:
        """Articles published in [`published_since`, `published_before`) that report an event ending after
        `day` (the agenda's sources), with light analyses: events and who the actors are, no sentences or
        mention offsets."""
        since = published_since.astimezone(UTC).isoformat() if published_since is not None else ""
        q = (
            "SELECT DISTINCT article_id FROM events e JOIN articles a ON a.id = e.article_id "
            "WHERE COALESCE(e.end, e.start) > ? AND a.published_utc < ? AND a.published_utc >= ?"
        )
        before = published_before.astimezone(UTC).isoformat()
        rows = self.conn.execute(q, (day.isoformat(), before, since))
        return self.articles((int(r[0]) for r in rows), light=True)

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
        with self._write() as c:
            c.executemany("UPDATE articles SET read = ? WHERE id = ?", [(int(read), i) for i in article_ids])

    def prune(self, before: datetime) -> int:
        """Delete articles published before `before`, with their analyses and events; returns the count."""
        cutoff = before.astimezone(UTC).isoformat()
        with self._write() as c:
            n = c.execute("DELETE FROM articles WHERE published_utc < ?", (cutoff,))
            # Cached pages go with them (the search index follows through a trigger).
            c.execute("DELETE FROM pages WHERE fetched_at < ?", (cutoff,))
            return n.rowcount
