"""Provides `refresh`: fetch feeds into the cache, analyze what is new and group it into stories.

The front ends call this and `briefing.viewmodel.build_briefing`; time (`now`), the HTTP client and the store
are passed in. One failing feed never stops the others: each gets its own outcome line.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sqlite3
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from briefing.feeds.outcome import FeedOutcome
from briefing.feeds.sources import FeedSource
from briefing.ingest import fetch_into
from briefing.models import Analysis, Article
from briefing.store import Store

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from briefing.feeds.network import Network

Progress = Callable[[int, int, str], None]
"""progress(done, total, label)."""

PARALLEL_THRESHOLD = 150
"""Below this many articles a worker pool costs more than it saves: a fresh worker needs about 2 s to load
camel-tools and the gazetteers, and one article takes about 25 ms."""
WINDOW = timedelta(days=3)
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RefreshReport:
    outcomes: tuple[FeedOutcome, ...]
    analyzed: int = 0

    @property
    def failed(self) -> tuple[FeedOutcome, ...]:
        return tuple(o for o in self.outcomes if o.status in ("error", "gone"))

    @property
    def new(self) -> int:
        return sum(o.new for o in self.outcomes)


class AnalysisFailure(NamedTuple):
    """What the analyzers raised on one article: `error` is the line recorded in the cache, `trace` the
    traceback for the log."""

    error: str
    trace: str


_IN_WORKER = False
"""True in a pool worker (`_worker_start`), whose failures are logged by the main process."""


def _worker_start() -> None:
    """A pool worker has no log file (logging is set up in the main process): its failures are sent back and
    logged there, instead of reaching the terminal through logging's last-resort handler."""
    global _IN_WORKER  # noqa: PLW0603 (one flag per worker process)
    _IN_WORKER = True


def _analyze_one(article: Article) -> tuple[int, Analysis | AnalysisFailure]:
    """One article's analysis, or what the analyzers raised on it: one bad article never costs the batch
    (its failure is recorded; later refreshes try it again, up to `analysis_jobs.MAX_TRIES` times)."""
    from briefing.nlp.analyze import analyze  # noqa: PLC0415

    try:
        return article.id, analyze(
            article.text, article.published, title=article.title, author=article.author or None
        )
    except Exception as exc:  # any analyzer bug must not lose the other articles; it is logged (briefing.log)
        if not _IN_WORKER:
            _log.exception("analysis of article %s (%s) failed", article.id, article.url)
        return article.id, AnalysisFailure(f"{type(exc).__name__}: {exc}"[:500], traceback.format_exc())


def _workers() -> int:
    try:
        cores = len(os.sched_getaffinity(0))  # respects container and taskset limits, unlike cpu_count
    except AttributeError:
        cores = os.cpu_count() or 1
    return min(4, cores)


CHUNK = 400
"""Articles read, analyzed and written per round: what a first fetch holds in memory is bounded by this, not
by the number of new articles."""


def analyze_pending(store: Store, progress: Progress | None = None) -> list[int]:
    """Analyze every article without a current analysis, a claimed chunk at a time (another fetch on the same
    cache takes other chunks, never the same articles); store results in batches; record the failures (an
    article is skipped after `analysis_jobs.MAX_TRIES`); index new articles for search; return the ids of
    the articles analyzed, oldest first."""
    total = len(store.unanalyzed_ids())
    if not total:
        return []
    workers = _workers()
    pool: ProcessPoolExecutor | None = None
    if total >= PARALLEL_THRESHOLD and workers > 1:
        # spawn, not fork: the caller may have live threads (asyncio's executor, the TUI's workers), and a
        # forked child of a threaded process can deadlock on a lock held at fork time.
        import multiprocessing  # noqa: PLC0415 (not for a fetch without analysis)
        from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

        pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=_worker_start
        )
    done: list[int] = []
    seen = 0
    try:
        while ids := store.analysis_jobs.claim(CHUNK):
            total = max(total, seen + len(ids))
            articles = store.articles(ids)
            results: Iterable[tuple[int, Analysis | AnalysisFailure]]
            if pool is not None:
                # small tasks: the workers finish a chunk together, neither waits long on the other
                results = pool.map(_analyze_one, articles, chunksize=8)
            else:
                results = map(_analyze_one, articles)
            batch: list[tuple[int, Analysis]] = []
            analyzed: list[int] = []
            failed: list[tuple[int, str]] = []
            for article_id, analysis in results:
                seen += 1
                if isinstance(analysis, AnalysisFailure):
                    failed.append((article_id, analysis.error))
                    if pool is not None:  # logged here: a worker has no log file
                        _log.error("analysis of article %s failed:\n%s", article_id, analysis.trace)
                else:
                    batch.append((article_id, analysis))
                    analyzed.append(article_id)
                if len(batch) >= 50:
                    store.save_analyses(batch)
                    store.actors.record(batch)
                    batch.clear()
                if progress:
                    progress(seen, total, "analyzing")
            store.save_analyses(batch)
            store.actors.record(batch)
            store.analysis_jobs.release(analyzed, failed)
            done += analyzed
    finally:
        if pool is not None:
            pool.shutdown()
        with contextlib.suppress(sqlite3.Error):  # else an interrupted run's claims wait for CLAIM_TTL
            store.analysis_jobs.end_run()
    from briefing.nlp.text.searchable import searchable  # noqa: PLC0415

    store.search.index_pending(searchable)  # here, so that a search right after a fetch does not wait for it
    return done


def cluster_new(store: Store, article_ids: Sequence[int]) -> None:
    """Put newly analyzed articles into stories, comparing them only with a time window around them. Articles
    are read a chunk at a time and only their clustering features are kept."""
    from briefing.nlp.stories.cluster import Item, assign, features  # noqa: PLC0415

    new: list[tuple[datetime, Item]] = [
        (a.published, Item(a.id, features(a.analysis)))
        for a in store.each_article(article_ids, chunk=CHUNK)
        if a.analysis is not None
    ]
    if not new:
        return
    start = min(when for when, _ in new) - WINDOW
    end = max(when for when, _ in new) + WINDOW
    new_ids = {item.article_id for _, item in new}
    window_ids = [i for i in store.ids_between(start, end) if i not in new_ids]
    stories = store.story_ids(window_ids)
    # articles of the window that are not in a story yet (a fetch that stopped before this step) are not
    # compared with: they are clustered as new articles
    window_ids = [i for i in window_ids if i in stories]
    existing = [
        Item(a.id, features(a.analysis), stories[a.id])
        for a in store.each_article(window_ids, chunk=CHUNK)
        if a.analysis is not None
    ]
    new.sort(key=lambda pair: pair[0])
    store.set_stories(assign([item for _, item in new], existing).items())


def refresh(
    store: Store,
    sources: Sequence[FeedSource],
    now: datetime,
    *,
    analyze: bool = True,
    progress: Progress | None = None,
    concurrency: int = 16,
    network: Network | None = None,
) -> RefreshReport:
    outcomes = asyncio.run(fetch_into(store, sources, now, progress, concurrency, network))
    analyzed: list[int] = []
    if analyze:
        analyzed = analyze_pending(store, progress)
        cluster_new(store, analyzed)
        if store.actors.need_backfill():  # once, for a cache analyzed before actors were recorded
            store.actors.record_missing()
    return RefreshReport(tuple(outcomes), len(analyzed))
