"""Provides `Ingest`, how fetched entries enter the cache: inserted, updated when their content changed, or
left alone; for a fetch run, a few feeds at a time with their fetch status in one transaction.

A mixin of `Store` (through `FeedsStore`, for `record_fetch`).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypedDict

from briefing.models import ParsedEntry
from briefing.store.feeds import FeedsStore


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


class Ingest(FeedsStore):
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
