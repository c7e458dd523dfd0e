"""Provides `BatchedWrites`: the articles and status of fetched feeds, stored a few feeds at a time.

Each commit costs about as much as writing a feed's twenty articles, so a fetch run does not commit once per
feed: a parsed feed's record waits until a batch is written, in one transaction, when BATCH feeds are
waiting, FLUSH_AFTER seconds after the first of them, or when the caller flushes (at the end of the run,
which never waits for the timer). The fetch goes on meanwhile: `add` returns a future for the feed's
`IngestResult`. No transaction is held across an await, so readers and other writers see the cache as
before; a crash loses at most one batch of feeds, and those are fetched again in full by the next run (their
validators were not stored either).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime

from briefing.models import ParsedEntry
from briefing.store import Store
from briefing.store.store import FetchStatus, IngestResult

BATCH = 32
FLUSH_AFTER = 0.05


class BatchedWrites:
    def __init__(self, store: Store, now: datetime) -> None:
        self.store, self.now = store, now
        self._waiting: list[tuple[int, Sequence[ParsedEntry], FetchStatus, asyncio.Future[IngestResult]]] = []
        self._timer: asyncio.TimerHandle | None = None

    def add(
        self, feed_id: int, entries: Sequence[ParsedEntry], status: FetchStatus
    ) -> asyncio.Future[IngestResult]:
        """`Store.ingest` and `Store.feeds.record_fetch(ok=True, **status)` for one feed, in the next batch:
        the future holds its result, or the batch's error."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[IngestResult] = loop.create_future()
        self._waiting.append((feed_id, entries, status, future))
        if len(self._waiting) >= BATCH:
            self.flush()
        elif self._timer is None:
            self._timer = loop.call_later(FLUSH_AFTER, self.flush)
        return future

    def flush(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        batch, self._waiting = self._waiting, []
        if not batch:
            return
        try:
            results = self.store.ingest_fetched([(f, e, s) for f, e, s, _ in batch], self.now)
        except Exception as exc:  # every feed of the batch gets the error, as each would have alone
            for *_, future in batch:
                if not future.done():
                    future.set_exception(exc)
            return
        for (*_, future), result in zip(batch, results, strict=True):
            if not future.done():
                future.set_result(result)
