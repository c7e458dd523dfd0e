"""Provides the parts of `Store` for full text and search: the cached article pages and the FTS5 index.

A mixin, so `Store` stays one object for callers while its file stays small; it uses the store's connection
and write transactions (`_write`), and the row-to-model helper `_article`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime

from briefing.models import Article, Page
from briefing.store.fts import Normalizer, index_text, match_expression
from briefing.store.times import from_iso, iso


class PagesAndSearch:
    conn: sqlite3.Connection

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def _article(self, row: Sequence[object]) -> Article:
        raise NotImplementedError

    # --- full-text pages --------------------------------------------------------------------------------

    def pages(self, urls: Iterable[str]) -> dict[str, Page]:
        """The cached full-text records for these page URLs (those that have one)."""
        out: dict[str, Page] = {}
        urls = list(dict.fromkeys(urls))
        for i in range(0, len(urls), 500):
            chunk = urls[i : i + 500]
            marks = ",".join("?" * len(chunk))
            q = f"SELECT url, status, text, error, failures, next_try FROM pages WHERE url IN ({marks})"
            for url, status, text, error, failures, next_try in self.conn.execute(q, chunk):
                out[str(url)] = Page(
                    str(url), str(status), str(text), error, int(failures), from_iso(next_try)
                )
        return out

    def save_pages(self, feed_id: int | None, pages: Iterable[Page], when: datetime) -> None:
        """Store what full-text fetches found: text for successes, the error and the next try for failures."""
        with self._write() as c:
            c.executemany(
                "INSERT INTO pages (url, feed_id, status, text, error, fetched_at, failures, next_try) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET "
                "feed_id = excluded.feed_id, status = excluded.status, text = excluded.text, "
                "error = excluded.error, fetched_at = excluded.fetched_at, failures = excluded.failures, "
                "next_try = excluded.next_try",
                [
                    (
                        p.url,
                        feed_id,
                        p.status,
                        p.text,
                        p.error,
                        iso(when.astimezone(UTC)),
                        p.failures,
                        iso(p.next_try),
                    )
                    for p in pages
                ],
            )

    def page_failures(self) -> dict[int, int]:
        """Feed id -> how many of its pages could not be fetched or extracted (the teaser was kept)."""
        q = (
            "SELECT feed_id, COUNT(*) FROM pages WHERE status != 'ok' AND feed_id IS NOT NULL "
            "GROUP BY feed_id"
        )
        return {int(f): int(n) for f, n in self.conn.execute(q)}

    # --- search -----------------------------------------------------------------------------------------

    def index_pending(self, normalize: Normalizer, batch: int = 500) -> int:
        """Take the articles that changed or went out of the search index (`fts_dead`), then index those
        queued in `fts_pending` (new or changed since); returns how many were indexed."""
        gone = "SELECT article_id, title, text FROM fts_dead ORDER BY article_id LIMIT ?"
        while rows := self.conn.execute(gone, (batch,)).fetchall():
            # The index keeps no text: FTS5's 'delete' takes the values that were indexed, made again.
            with self._write() as c:
                c.executemany(
                    "INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)",
                    [(i, index_text(t, normalize), index_text(x, normalize)) for i, t, x in rows],
                )
                c.executemany("DELETE FROM fts_dead WHERE article_id = ?", [(i,) for i, _, _ in rows])
        q = (
            "SELECT p.article_id, a.title, a.text FROM fts_pending p "
            "JOIN articles a ON a.id = p.article_id ORDER BY p.article_id LIMIT ?"
        )
        total = 0
        while rows := self.conn.execute(q, (batch,)).fetchall():
            with self._write() as c:
                c.executemany(
                    "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
                    [(i, index_text(t, normalize), index_text(x, normalize)) for i, t, x in rows],
                )
                c.executemany("DELETE FROM fts_pending WHERE article_id = ?", [(i,) for i, _, _ in rows])
            total += len(rows)
        return total

    def search(self, query: str, normalize: Normalizer, limit: int = 50) -> list[Article]:
        """Articles matching every word of `query` (Arabic-normalized), best match first, without analyses."""
        self.index_pending(normalize)
        expr = match_expression(query, normalize)
        if expr is None:
            return []
        q = (
            "SELECT a.id, a.feed_id, f.title, a.guid, a.url, a.title, a.author, a.published, '', "
            "a.lang, a.read, NULL, NULL FROM articles_fts s JOIN articles a ON a.id = s.rowid "
            "JOIN feeds f ON f.id = a.feed_id WHERE articles_fts MATCH ? "
            "ORDER BY bm25(articles_fts, 4.0, 1.0), a.published_utc DESC LIMIT ?"
        )
        return [self._article(r) for r in self.conn.execute(q, (expr, limit))]
