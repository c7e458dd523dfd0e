"""Provides `PageCache` (`Store.pages`): the full-text pages fetched for teaser feeds, kept so that a page is
fetched once, and a page that failed is tried again only at its next try.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime

from briefing.models import Page
from briefing.store.chunked import rows_in
from briefing.store.times import from_iso, iso
from briefing.store.transaction import transaction


class PageCache:
    """The cached article pages, on the store's connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def get(self, urls: Iterable[str]) -> dict[str, Page]:
        """The cached full-text records for these page URLs (those that have one)."""
        q = "SELECT url, status, text, error, failures, next_try FROM pages WHERE url IN ({marks})"
        return {
            str(url): Page(str(url), str(status), str(text), error, int(failures), from_iso(next_try))
            for url, status, text, error, failures, next_try in rows_in(
                self.conn, q, list(dict.fromkeys(urls))
            )
        }

    def save(self, feed_id: int | None, pages: Iterable[Page], when: datetime) -> None:
        """Store what full-text fetches found: text for successes, the error and the next try for failures."""
        with transaction(self.conn) as c:
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

    def failures(self) -> dict[int, int]:
        """Feed id -> how many of its pages could not be fetched or extracted (the teaser was kept)."""
        q = (
            "SELECT feed_id, COUNT(*) FROM pages WHERE status != 'ok' AND feed_id IS NOT NULL "
            "GROUP BY feed_id"
        )
        return {int(f): int(n) for f, n in self.conn.execute(q)}
