"""Provides `Stars`, the part of the cache that keeps the reader's starred articles (the `stars` table).

A part of `Store` (`store.stars`), built on the store's connection; its writes are `transaction`s (a
savepoint of one already open), and it keeps no state of its own. A star goes with its article (`ON DELETE
CASCADE`), so pruning needs no step.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable
from datetime import UTC, datetime

from briefing.store.chunked import rows_in
from briefing.store.transaction import transaction


class Stars:
    """Star and unstar articles, and ask which are starred."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def set(self, article_ids: Iterable[int], starred: bool, when: datetime | None = None) -> None:
        """Star (`starred` True) or unstar these articles; ids the cache does not hold are skipped."""
        ids = [(int(i),) for i in article_ids]
        stamp = (when or datetime.now(UTC)).astimezone(UTC).isoformat()
        with transaction(self._conn) as c:
            if starred:
                c.executemany(
                    "INSERT OR IGNORE INTO stars (article_id, starred_at) "
                    "SELECT id, ? FROM articles WHERE id = ?",
                    [(stamp, i) for (i,) in ids],
                )
            else:
                c.executemany("DELETE FROM stars WHERE article_id = ?", ids)

    def among(self, article_ids: Collection[int]) -> frozenset[int]:
        """Which of these articles are starred."""
        q = "SELECT article_id FROM stars WHERE article_id IN ({marks})"
        return frozenset(int(r[0]) for r in rows_in(self._conn, q, list(article_ids)))

    def count(self) -> int:
        return int(self._conn.execute("SELECT COUNT(*) FROM stars").fetchone()[0])
