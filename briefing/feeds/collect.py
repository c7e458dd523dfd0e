"""Provides `fetch_all`: every due feed fetched, parsed and stored, politely, with one outcome per feed.

The shape of a run: one HTTP client; at most `concurrency` requests in flight and at most PER_HOST to any one
host (the host's semaphore is taken first, so a host with 40 feeds cannot hold every global slot); feeds in
backoff, waiting out a Retry-After or gone (410) are skipped unless fetched by hand (`--feed`); a 304 costs
no parse and no article write; with many feeds, plain RSS/Atom is parsed partly by a forked worker on another
core (`worker.py`) and feeds for feedparser (~15 ms per 20-item feed) by a process pool on every core; the
articles are written a few feeds per transaction (`writes.py`); teaser entries get their page's full text
(`extract.py`), with the same limits, cached in the store. The run's state and steps are in `run.py`; the
store, clock and policy (in each `FeedSource`) are passed in.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from briefing.feeds.fetch import FetchResult, is_local, make_client, read_local
from briefing.feeds.run import FetchRun, backoff
from briefing.feeds.safety import HostChecks
from briefing.feeds.sources import FeedSource
from briefing.models import Feed
from briefing.store import Store
from briefing.store.store import FetchStatus

if TYPE_CHECKING:
    from briefing.pipeline import FeedOutcome

Progress = Callable[[int, int, str], None]


def _skip_reason(feed: Feed, src: FeedSource, now: datetime) -> str | None:
    if src.manual:
        return None
    if feed.gone:
        return "gone (HTTP 410); `briefing fetch --feed URL` tries it again"
    if feed.next_fetch and feed.next_fetch > now:
        return f"waiting until {feed.next_fetch:%Y-%m-%d %H:%M} UTC (backoff or Retry-After)"
    return None


async def fetch_all(
    store: Store, sources: Sequence[FeedSource], now: datetime, progress: Progress | None, concurrency: int
) -> list[FeedOutcome]:
    from briefing.pipeline import FeedOutcome  # noqa: PLC0415 (pipeline imports this module lazily)

    sources = list({s.url: s for s in sources}.values())
    feeds = store.ensure_feeds([(s.url, s.title, s.lang, bool(s.full_text)) for s in sources])
    failures = store.failure_counts()
    done = 0

    async def one(run: FetchRun, src: FeedSource) -> FeedOutcome:
        feed = feeds[src.url]
        assert feed.id is not None
        title = feed.title or src.title or src.url
        skip = _skip_reason(feed, src, now)
        if skip:
            return FeedOutcome(src.url, title, "skipped", error=skip)
        local = is_local(feed.url)
        if local:
            if not (src.trusted or src.allow_private):
                refused = f"refused {feed.url}: a local file in a feed list (use --allow-private or --feed)"
                result = FetchResult(feed.url, "refused", error=refused)
            else:
                result = read_local(feed.url)
        else:
            result = await run.get(
                feed.url, run.guard_for(src), etag=feed.etag, last_modified=feed.last_modified
            )
        if result.status == "ok":
            parsed = await run.parse(result, feed.url)
            if parsed.problem:
                retry = None if local else backoff(failures.get(feed.id, 0) + 1, now)
                store.record_fetch(feed.id, ok=False, when=now, error=parsed.problem, next_fetch=retry)
                return FeedOutcome(src.url, title, "error", error=parsed.problem)
            entries = await run.full_text(feed, src, parsed.entries)
            status: FetchStatus = {
                "etag": result.etag,
                "last_modified": result.last_modified,
                "title": parsed.title or None,
                "new_url": result.permanent_url,
            }
            if local:  # read at once, in turn: its own transaction
                res = store.ingest_fetched([(feed.id, entries, status)], now)[0]
            else:  # with the other feeds that arrive about now, in one transaction
                res = await run.writes.ingest(feed.id, entries, status)
            return FeedOutcome(src.url, feed.title or parsed.title or title, "ok", res.new, res.updated)
        if result.status == "not_modified":
            run.unchanged.append((feed.id, result))  # no parse, no article write: one small batch at the end
            return FeedOutcome(src.url, title, "not_modified")
        if result.status == "refused":
            store.record_fetch(feed.id, ok=False, when=now, error=result.error)
            return FeedOutcome(src.url, title, "error", error=result.error)
        gone = result.status == "gone"
        retry = None if gone or local else (result.retry_after or backoff(failures.get(feed.id, 0) + 1, now))
        store.record_fetch(feed.id, ok=False, when=now, error=result.error, next_fetch=retry, gone=gone)
        return FeedOutcome(src.url, title, result.status, error=result.error)

    async def tracked(run: FetchRun, src: FeedSource) -> FeedOutcome:
        nonlocal done
        outcome = await one(run, src)
        run.writes.finished()
        done += 1
        if progress:
            progress(done, len(sources), outcome.title)
        return outcome

    remote = sum(1 for s in sources if not is_local(s.url))
    checks = HostChecks()
    async with make_client(checks.addresses) as client:
        run = FetchRun(store, now, client, checks, concurrency, remote, len(sources))
        try:
            return list(await asyncio.gather(*(tracked(run, s) for s in sources)))
        finally:
            run.close()
