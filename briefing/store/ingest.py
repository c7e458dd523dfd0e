"""Provides `write_entries`, how fetched entries enter the cache: inserted, updated when their content
changed, or left alone; with `IngestResult`, what it did, and `FetchStatus`, what a fetch learned about the
feed. `Store.ingest` and `Store.ingest_fetched` (a few feeds at a time with their fetch status, in one
transaction) call it inside their transaction.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypedDict

from briefing.models import ParsedEntry
from briefing.store.chunked import rows_in


@dataclass(frozen=True)
class IngestResult:
    new: int
    updated: int
    unchanged: int
    changed_ids: tuple[int, ...]


def _stored_guids(c: sqlite3.Connection, feed_id: int, guids: Sequence[str]) -> dict[str, tuple[int, str]]:
    """guid -> (article id, content hash) for those of `guids` the feed already has."""
    q = "SELECT guid, id, content_hash FROM articles WHERE feed_id = ? AND guid IN ({marks})"
    return {str(g): (int(n), str(h)) for g, n, h in rows_in(c, q, guids, before=(feed_id,))}


class FetchStatus(TypedDict, total=False):
    """What a successful fetch learned about its feed (`FeedRows.record_fetch`'s keywords)."""

    etag: str | None
    last_modified: str | None
    title: str | None
    new_url: str | None


_INSERT = (
    "INSERT INTO articles (url, title, author, published, published_utc, text, content_hash, feed_id, "
    "guid, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def write_entries(
    c: sqlite3.Connection, feed_id: int, entries: Iterable[ParsedEntry], fetched_at: datetime
) -> IngestResult:
    """Insert or update a feed's entries on `c`, inside the caller's transaction; an entry whose content is
    unchanged is not written."""
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
        cur = c.execute(_INSERT, (*values, feed_id, e.guid, fetched))
        changed.append(int(cur.lastrowid or 0))
        known[e.guid] = (changed[-1], digest)
    if inserts:
        c.executemany(_INSERT, inserts)
        added = [str(row[8]) for row in inserts]
        ids = _stored_guids(c, feed_id, added)
        changed = [ids[added[-n - 1]][0] if n < 0 else n for n in changed]
    return IngestResult(new, updated, unchanged, tuple(changed))
