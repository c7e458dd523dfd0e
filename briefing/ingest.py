"""Provides `fetch_into`: every due feed fetched (`feeds.collect.fetch_all`) and written to the cache.

The feeds package only reads and parses; this is where a fetch run writes. It prepares the feed rows and
failure counts, hands the fetcher the store's page cache as two functions, and turns each `FeedRecord` into
writes as it arrives (a callback), while the other feeds are still being fetched: a parsed feed's articles
and status go into the next batch (`BatchedWrites`), a local file's at once in its own transaction, a
failure into `record_fetch` with its next try, and the 304s into one small transaction at the end. One
`FeedOutcome` per feed comes back, in the order of `sources`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from datetime import datetime

from briefing.batched_writes import BatchedWrites
from briefing.feeds.network import Network
from briefing.feeds.outcome import FeedOutcome
from briefing.feeds.record import FeedRecord
from briefing.feeds.sources import FeedSource
from briefing.models import Page
from briefing.store import Store
from briefing.store.store import FetchStatus, IngestResult

Progress = Callable[[int, int, str], None]
"""progress(done, total, label)."""


def _status(record: FeedRecord) -> FetchStatus:
    return {
        "etag": record.etag,
        "last_modified": record.last_modified,
        "title": record.feed_title,
        "new_url": record.new_url,
    }


async def fetch_into(
    store: Store,
    sources: Sequence[FeedSource],
    now: datetime,
    progress: Progress | None,
    concurrency: int,
    network: Network | None = None,
) -> list[FeedOutcome]:
    """Fetch, parse and store every due feed (see `briefing.feeds.collect` for the etiquette and limits)."""
    from briefing.feeds.collect import fetch_all  # noqa: PLC0415 (httpx and feedparser only when fetching)

    sources = list({s.url: s for s in sources}.values())
    feeds = store.feeds.ensure_many([(s.url, s.title, s.lang, bool(s.full_text)) for s in sources])
    failures = store.feeds.failure_counts()

    def save_pages(feed_id: int, pages: Sequence[Page]) -> None:
        store.pages.save(feed_id, pages, now)

    writes = BatchedWrites(store, now)
    written: dict[str, tuple[FeedRecord, asyncio.Future[IngestResult]]] = {}
    unchanged: list[FeedRecord] = []
    outcomes: dict[str, FeedOutcome] = {}

    def on_record(record: FeedRecord) -> None:
        outcome = _write(store, now, record, writes, written, unchanged)
        if outcome is not None:
            outcomes[record.url] = outcome
        if progress:
            progress(len(outcomes) + len(written), len(sources), record.title)

    try:
        await fetch_all(
            sources,
            feeds,
            failures,
            now,
            load_pages=store.pages.get,
            save_pages=save_pages,
            concurrency=concurrency,
            on_record=on_record,
            network=network,
        )
    finally:
        writes.flush()  # the last batch: every future of `written` is done after it
        errors = [future.exception() for _, future in written.values()]  # retrieved, each of them
        if unchanged:
            store.feeds.record_unchanged(
                [(r.feed_id, r.etag, r.last_modified, r.new_url) for r in unchanged], now
            )
    failed = next((e for e in errors if e is not None), None)
    if failed is not None:  # a failed batch write is the run's error, as it was each of its feeds'
        raise failed
    for url, (record, future) in written.items():
        res = future.result()
        outcomes[url] = FeedOutcome(url, record.title, "ok", res.new, res.updated)
    return [outcomes[s.url] for s in sources]


def _write(
    store: Store,
    now: datetime,
    record: FeedRecord,
    writes: BatchedWrites,
    written: dict[str, tuple[FeedRecord, asyncio.Future[IngestResult]]],
    unchanged: list[FeedRecord],
) -> FeedOutcome | None:
    """Write what one record found, or queue it; its outcome, or None while its batch is not written."""
    url, title = record.url, record.title
    if record.status == "ok":
        if record.local:  # read at once, in turn: its own transaction
            res = store.ingest_fetched([(record.feed_id, record.entries, _status(record))], now)[0]
            return FeedOutcome(url, title, "ok", res.new, res.updated)
        # with the other feeds that arrive about now, in one transaction
        written[url] = (record, writes.add(record.feed_id, record.entries, _status(record)))
        return None
    if record.status == "skipped":
        return FeedOutcome(url, title, "skipped", error=record.error)
    if record.status == "not_modified":
        unchanged.append(record)  # no parse, no article write: one small batch at the end
        return FeedOutcome(url, title, "not_modified")
    gone = record.status == "gone"
    store.feeds.record_fetch(
        record.feed_id, ok=False, when=now, error=record.error, next_fetch=record.retry, gone=gone
    )
    status = "error" if record.status == "refused" else record.status
    return FeedOutcome(url, title, status, error=record.error)
