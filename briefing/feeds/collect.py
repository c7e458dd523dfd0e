"""Provides `fetch_all`: every due feed fetched and parsed, politely, one `FeedRecord` per feed.

The shape of a run: one HTTP client; at most `concurrency` requests in flight and at most PER_HOST to any one
host (the host's semaphore is taken first, so a host with 40 feeds cannot hold every global slot); feeds in
backoff, waiting out a Retry-After or gone (410) are skipped unless fetched by hand (`--feed`); a 304 costs
no parse; with many feeds, plain RSS/Atom is parsed partly by a forked worker on another core (`worker.py`)
and feeds for feedparser (~15 ms per 20-item feed) by a process pool on every core; teaser entries get their
page's full text (`extract.py`), with the same limits, through the page cache the caller passes in as two
functions. Each record goes to the caller's callback as its feed finishes, so the caller writes it while the
others are still being fetched; this package writes nothing (`briefing.ingest` does). The run's state and
steps are in `run.py`; the stored feeds, failure counts, clock and policy (in each `FeedSource`) are passed
in.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

from briefing.feeds.fetch import FetchResult, is_local, make_client, read_local
from briefing.feeds.network import Network
from briefing.feeds.record import FeedRecord
from briefing.feeds.run import FetchRun, LoadPages, SavePages, backoff
from briefing.feeds.safety import HostChecks, url_problem
from briefing.feeds.sources import FeedSource
from briefing.models import Feed

log = logging.getLogger(__name__)


def _skip_reason(feed: Feed, src: FeedSource, now: datetime) -> str | None:
    if src.manual:
        return None
    if feed.gone:
        return "gone (HTTP 410); `briefing fetch --feed URL` tries it again"
    if feed.next_fetch and feed.next_fetch > now:
        return f"waiting until {feed.next_fetch:%Y-%m-%d %H:%M} UTC (backoff or Retry-After)"
    return None


async def fetch_all(
    sources: Sequence[FeedSource],
    feeds: Mapping[str, Feed],
    failures: Mapping[int, int],
    now: datetime,
    *,
    load_pages: LoadPages,
    save_pages: SavePages,
    concurrency: int,
    on_record: Callable[[FeedRecord], None],
    network: Network | None = None,
) -> None:
    """Fetch every source, handing `on_record` one `FeedRecord` per source as each feed finishes (the
    others are still being fetched meanwhile). `feeds` holds each source's stored feed (by URL), `failures`
    the consecutive failures per feed id (for the backoff). An exception from `on_record` ends the run."""
    if concurrency < 1:
        raise ValueError(f"concurrency must be at least 1, not {concurrency}")

    async def one(run: FetchRun, src: FeedSource) -> FeedRecord:
        feed = feeds[src.url]
        assert feed.id is not None
        title = feed.title or src.title or src.url
        skip = _skip_reason(feed, src, now)
        if skip:
            return FeedRecord(src.url, feed.id, title, "skipped", error=skip)
        unusable = url_problem(feed.url)
        if unusable:  # e.g. `http://[::1/bad` written into the list by hand: fix or remove it
            return FeedRecord(src.url, feed.id, title, "error", error=unusable)
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
                return FeedRecord(
                    src.url, feed.id, title, "error", retry=retry, error=parsed.problem, local=local
                )
            entries = await run.full_text(feed, src, parsed.entries)
            return FeedRecord(
                src.url,
                feed.id,
                feed.title or parsed.title or title,
                "ok",
                entries,
                feed_title=parsed.title or None,
                etag=result.etag,
                last_modified=result.last_modified,
                new_url=result.permanent_url,
                local=local,
            )
        if result.status == "not_modified":
            return FeedRecord(
                src.url,
                feed.id,
                title,
                "not_modified",
                etag=result.etag,
                last_modified=result.last_modified,
                new_url=result.permanent_url,
            )
        if result.status == "refused":
            return FeedRecord(src.url, feed.id, title, "refused", error=result.error, local=local)
        gone = result.status == "gone"
        retry = None if gone or local else (result.retry_after or backoff(failures.get(feed.id, 0) + 1, now))
        return FeedRecord(
            src.url, feed.id, title, result.status, retry=retry, error=result.error, local=local
        )

    async def tracked(run: FetchRun, src: FeedSource) -> None:
        try:
            record = await one(run, src)
        except Exception as exc:  # a bug or an unforeseen answer stays this feed's failure, logged in full
            log.exception("fetching %s failed", src.url)
            feed = feeds[src.url]
            assert feed.id is not None
            retry = backoff(failures.get(feed.id, 0) + 1, now)
            why = f"internal error: {type(exc).__name__}: {exc}"[:200]
            record = FeedRecord(src.url, feed.id, feed.title or src.url, "error", retry=retry, error=why)
        on_record(record)

    remote = sum(1 for s in sources if not is_local(s.url))
    checks = HostChecks()
    async with make_client(checks.addresses, network or Network.from_env()) as client:
        run = FetchRun(now, client, checks, concurrency, remote, load_pages, save_pages)
        try:
            await asyncio.gather(*(tracked(run, s) for s in sources))
        finally:
            run.close()
