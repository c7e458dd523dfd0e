"""Provides `FetchRun`, the state and steps of one fetch run that `collect.fetch_all` drives, `backoff`, and
the page cache's two function types (`LoadPages`, `SavePages`).

A run holds the HTTP client, the global and per-host semaphores (a host's is taken first, so a host with 40
feeds cannot hold every global slot), the host checks whose accepted addresses the transport connects to, the
parse worker and process pool (made at the first body to parse: an all-304 run pays for neither) and the
page cache's functions. Its steps: `get` (one polite request), `parse` (plain RSS/Atom with lxml in the
worker or in place, anything else through feedparser in the pool), `full_text` (pages of teaser entries,
with the same limits, through the page cache) and `close`.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import random
import sys
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import replace
from datetime import datetime, timedelta
from multiprocessing.context import BaseContext
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from briefing.feeds.extract import MAX_PAGE_BYTES, better_text, extract_page, wants_page
from briefing.feeds.fetch import PAGE_ACCEPT, FetchResult, Guard, fetch_http
from briefing.feeds.safety import HostChecks, check_resolved, same_host
from briefing.feeds.sources import FeedSource
from briefing.feeds.worker import Answer, ParseWorker
from briefing.models import Feed, Page, ParsedEntry

if TYPE_CHECKING:
    import httpx

    from briefing.feeds.parse import ParsedFeed

PER_HOST = 2
POOL_THRESHOLD = 8
"""With at least this many http(s) feeds, bodies are parsed in a process pool (one worker per core)."""
MAX_PAGES_PER_FEED = 30
"""Full-text pages fetched per feed and run at most (the rest wait for the next run)."""
PAGE_RETRY = timedelta(hours=6)

T = TypeVar("T")

LoadPages = Callable[[Iterable[str]], Mapping[str, Page]]
"""load_pages(urls) -> the cached full-text record of each of these page URLs that has one."""
SavePages = Callable[[int, Sequence[Page]], None]
"""save_pages(feed_id, pages): keep what this run's page fetches found (text, or the error and next try)."""


def backoff(failures: int, now: datetime) -> datetime:
    """Exponential backoff with jitter after consecutive failures: about 15 min, 30, 60 ... at most a day."""
    minutes = min(15 * 2 ** max(0, failures - 1), 24 * 60)
    return now + timedelta(minutes=minutes * random.uniform(0.8, 1.2))


def _warm() -> None:
    return None


def _pool(remote_feeds: int) -> ProcessPoolExecutor | None:
    """A process pool for parsing, one worker per core (at most 4), or None for few feeds or one core.

    Made when the first body arrives, so a run where every feed answers 304 pays for neither the fork nor
    feedparser's import. On Linux the workers are forked (they start in milliseconds) with the parser and
    lxml already imported: a worker only runs that loaded code, so the helper threads alive at the fork (the
    pool's own, DNS look-ups) hold nothing it needs."""
    cores = os.cpu_count() or 1
    if remote_feeds < POOL_THRESHOLD or cores < 2:
        return None
    import feedparser  # noqa: F401, PLC0415 (the workers' parser: imported once, before the fork)
    import lxml.html  # noqa: F401, PLC0415 (html_to_text needs it in the workers: import it before the fork)

    import briefing.feeds.parse  # noqa: F401, PLC0415

    # Fork from the main thread (the command line). From another thread (the TUI's refresh) a fork server
    # forks the workers from a clean single-threaded process; it preloads the parser, not `__main__`.
    context: BaseContext = multiprocessing.get_context()
    if sys.platform == "linux":
        if threading.current_thread() is threading.main_thread():
            context = multiprocessing.get_context("fork")
        else:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["briefing.feeds.parse", "feedparser", "lxml.html"])
    workers = min(cores, 4)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    for _ in range(workers):
        pool.submit(_warm)
    return pool


class FetchRun:
    """The state of one fetch run: client, semaphores, pool, page cache, clock."""

    def __init__(
        self,
        now: datetime,
        client: httpx.AsyncClient,
        checks: HostChecks,
        concurrency: int,
        remote_feeds: int,
        load_pages: LoadPages,
        save_pages: SavePages,
    ) -> None:
        self.now, self.client = now, client
        self.load_pages, self.save_pages = load_pages, save_pages
        self.overall = asyncio.Semaphore(concurrency)
        self.hosts: dict[str, asyncio.Semaphore] = {}
        self.checks = checks
        self.remote_feeds = remote_feeds
        self.pool: Executor | None = None
        self._pool_made = False
        self.worker: ParseWorker | None = None
        self._worker_made = False

    async def cpu(self, fn: Callable[..., T], *args: Any) -> T:
        """Run CPU-bound work in the pool when there is one, else in a thread (the loop stays responsive)."""
        if not self._pool_made:
            self._pool_made = True
            self.pool = _pool(self.remote_feeds)
        return await asyncio.get_running_loop().run_in_executor(self.pool, fn, *args)

    async def _fast_elsewhere(self, body: bytes, url: str, headers: dict[str, str]) -> Answer | None:
        """The parse worker's answer for a feed, or None to parse it here (no worker, or it is busy)."""
        if not self._worker_made:
            self._worker_made = True
            if self.remote_feeds >= POOL_THRESHOLD:
                self.worker = ParseWorker.start()
        if self.worker is None or self.worker.busy:
            return None
        try:
            return await self.worker.parse(body, url, headers)
        except ConnectionError:
            return None

    async def parse(self, result: FetchResult, url: str) -> ParsedFeed:
        """Plain RSS/Atom with lxml (~2 ms), in the parse worker or right here; anything else through
        feedparser in the pool."""
        from briefing.feeds.parse import ParsedFeed, parse_feed, parse_feed_fast  # noqa: PLC0415 (not for 304s)

        headers = _content_headers(result.headers)
        answer = await self._fast_elsewhere(result.body, url, headers)
        try:
            if answer is None:
                fast = parse_feed_fast(result.body, url, headers)
            elif isinstance(answer[1], str):  # the parser failed in the worker: as it would have here
                return ParsedFeed("", None, (), answer[1])
            else:
                fast = answer[1]
            if fast is not None:
                return fast
            return await self.cpu(parse_feed, result.body, url, headers, False)
        except Exception as exc:  # a crashed worker or a parser bug stays this feed's problem
            return ParsedFeed("", None, (), f"parser failed: {type(exc).__name__}: {exc}"[:200])

    def close(self) -> None:
        if self.worker is not None:
            self.worker.close()
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    async def get(self, url: str, guard: Guard | None, **kw: Any) -> FetchResult:
        host = (urlsplit(url).hostname or "").lower()
        async with self.hosts.setdefault(host, asyncio.Semaphore(PER_HOST)), self.overall:
            return await fetch_http(self.client, url, now=self.now, guard=guard, **kw)

    def guard_for(self, src: FeedSource) -> Guard | None:
        if src.trusted or src.allow_private:
            return None
        return lambda target: check_resolved(target, self.checks)

    def page_guard(self, src: FeedSource, feed_url: str) -> Guard | None:
        """Pages on the feed's own (already checked or trusted) host are fine; any other target is checked."""
        if src.allow_private:
            return None

        async def guard(target: str) -> str | None:
            if same_host(target, feed_url):
                return None
            return await check_resolved(target, self.checks)

        return guard

    async def page(self, url: str, failures: int, guard: Guard | None) -> Page:
        result = await self.get(url, guard, max_bytes=MAX_PAGE_BYTES, accept=PAGE_ACCEPT)
        error = result.error
        if result.status == "ok":
            try:
                text = await self.cpu(extract_page, result.body, _content_headers(result.headers), url)
            except Exception as exc:  # trafilatura on hostile HTML: keep the teaser, note why
                text, error = "", f"extraction failed: {type(exc).__name__}"
            if text:
                return Page(url, "ok", text)
            error = error or "no article text found on the page"
        retry = result.retry_after or max(backoff(failures + 1, self.now), self.now + PAGE_RETRY)
        return Page(url, "error", "", (error or result.status)[:200], failures + 1, retry)

    async def full_text(
        self, feed: Feed, src: FeedSource, entries: tuple[ParsedEntry, ...]
    ) -> tuple[ParsedEntry, ...]:
        """Entries with their page's text where wanted and available; teasers stay when a page fails."""
        need = [e for e in entries if wants_page(e.text, e.url, src.full_text)]
        if not need:
            return entries
        cached = dict(self.load_pages(e.url for e in need))
        todo: list[tuple[str, int]] = []
        for e in need:
            p = cached.get(e.url)
            if p is None or (p.status != "ok" and (src.manual or not p.next_try or p.next_try <= self.now)):
                todo.append((e.url, p.failures if p else 0))
        todo = list(dict.fromkeys(todo))[:MAX_PAGES_PER_FEED]
        if todo:
            guard = self.page_guard(src, feed.url)
            fetched = await asyncio.gather(*(self.page(u, n, guard) for u, n in todo))
            assert feed.id is not None
            self.save_pages(feed.id, fetched)
            cached.update((p.url, p) for p in fetched)
        texts = {u: p.text for u, p in cached.items() if p.status == "ok"}
        return tuple(
            replace(e, text=better_text(e.text, texts[e.url])) if e.url in texts else e for e in entries
        )


def _content_headers(headers: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in headers.items() if k.lower() in ("content-type", "content-language")}
