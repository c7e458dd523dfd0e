"""Provides `FeedRows` (`Store.feeds`), the feed rows of the cache: subscription (with the addresses a feed
moved from), and what each fetch learned (validators, health, schedule, a permanent redirect).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime

from briefing.models import Feed
from briefing.store.times import from_iso, iso
from briefing.store.transaction import transaction


class FeedRows:
    """The feeds of the cache, on the store's connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

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
            last_success=from_iso(row[7]),  # type: ignore[arg-type]
            last_error=row[8],  # type: ignore[arg-type]
            next_fetch=from_iso(row[9]),  # type: ignore[arg-type]
            gone=bool(row[10]),
            item_count=int(row[11]),  # type: ignore[call-overload]
        )

    def ensure(self, url: str, title: str = "", lang: str | None = None, full_text: bool = False) -> Feed:
        """The feed row for `url`, created if new; title/lang/full_text follow the configuration."""
        return self.ensure_many([(url, title, lang, full_text)])[url]

    _UPSERT_FEED = (
        "INSERT INTO feeds (url, title, lang, full_text) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(url) DO UPDATE SET title = CASE WHEN excluded.title != '' THEN excluded.title "
        "ELSE feeds.title END, lang = COALESCE(excluded.lang, feeds.lang), full_text = excluded.full_text"
    )

    def ensure_many(self, feeds: Iterable[tuple[str, str, str | None, bool]]) -> dict[str, Feed]:
        """`ensure` for many (url, title, lang, full_text) in one transaction, keyed by the given URL.
        A URL that moved permanently finds the feed's row under its new address."""
        wanted = list(feeds)
        with transaction(self.conn) as c:
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
            feed = self.get(url)
            assert feed is not None
            out[url] = feed
        return out

    def get(self, url: str) -> Feed | None:
        """The feed stored under `url`, or under the address it moved to."""
        row = self.conn.execute(f"SELECT {self._FEED_COLS} FROM feeds WHERE url = ?", (url,)).fetchone()
        if row is None:
            row = self.conn.execute(
                f"SELECT {self._FEED_COLS} FROM feeds "
                "WHERE id = (SELECT feed_id FROM feed_aliases WHERE url = ?)",
                (url,),
            ).fetchone()
        return self._feed(row) if row else None

    def all(self) -> list[Feed]:
        """Every feed, in the order they were added."""
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
        with transaction(self.conn) as c:
            if ok:
                c.execute(
                    "UPDATE feeds SET last_success = ?, last_error = NULL, failures = 0, next_fetch = ?, "
                    "gone = 0, etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified), "
                    "title = CASE WHEN title = '' AND ? IS NOT NULL THEN ? ELSE title END WHERE id = ?",
                    (iso(when), iso(next_fetch), etag, last_modified, title, title, feed_id),
                )
            else:
                c.execute(
                    "UPDATE feeds SET last_error = ?, failures = failures + 1, next_fetch = ?, gone = ? "
                    "WHERE id = ?",
                    (error, iso(next_fetch), int(gone), feed_id),
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
        with transaction(self.conn):
            for feed_id, etag, last_modified, new_url in items:
                self.record_fetch(
                    feed_id, ok=True, when=when, etag=etag, last_modified=last_modified, new_url=new_url
                )

    def failure_counts(self) -> dict[int, int]:
        return {int(i): int(n) for i, n in self.conn.execute("SELECT id, failures FROM feeds")}

    def remove(self, url: str) -> bool:
        """Unsubscribe `url` (its articles go with it); whether there was such a feed."""
        feed = self.get(url)
        if feed is None:
            return False
        with transaction(self.conn) as c:
            return c.execute("DELETE FROM feeds WHERE id = ?", (feed.id,)).rowcount > 0

    def aliases(self) -> dict[str, str]:
        """Old URL -> the URL its feed moved to (permanent redirects)."""
        q = "SELECT a.url, f.url FROM feed_aliases a JOIN feeds f ON f.id = a.feed_id"
        return {str(old): str(new) for old, new in self.conn.execute(q)}
