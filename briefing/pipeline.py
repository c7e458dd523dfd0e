"""Provides `refresh`: fetch feeds into the cache, analyze what is new and group it into stories.

The front ends call this and `briefing.viewmodel.build_briefing`; time (`now`), the HTTP client and the store
are passed in. One failing feed never stops the others: each gets its own outcome line.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

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


def _analyze_one(article: Article) -> tuple[int, Analysis | None]:
    """One article's analysis, or None when the analyzers fail on it: one bad article never costs the batch
    (it stays unanalyzed and is tried again on the next refresh)."""
    from briefing.nlp.analyze import analyze  # noqa: PLC0415

    try:
        return article.id, analyze(
            article.text, article.published, title=article.title, author=article.author or None
        )
    except Exception:  # any analyzer bug must not lose the other articles; it is logged (briefing.log)
        logging.getLogger(__name__).exception("analysis of article %s (%s) failed", article.id, article.url)
        return article.id, None


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
    """Analyze every article without a current analysis, a chunk at a time; store results in batches; index
    new articles for search; return the ids of the articles analyzed, oldest first."""
    ids = store.unanalyzed_ids()
    if not ids:
        return []
    workers = _workers()
    pool: ProcessPoolExecutor | None = None
    if len(ids) >= PARALLEL_THRESHOLD and workers > 1:
        # spawn, not fork: the caller may have live threads (asyncio's executor, the TUI's workers), and a
        # forked child of a threaded process can deadlock on a lock held at fork time.
        import multiprocessing  # noqa: PLC0415 (not for a fetch without analysis)
        from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

        pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    done: list[int] = []
    seen = 0
    try:
        for first in range(0, len(ids), CHUNK):
            articles = store.articles(ids[first : first + CHUNK])
            results: Iterable[tuple[int, Analysis | None]]
            if pool is not None:
                # small tasks: the workers finish a chunk together, neither waits long on the other
                results = pool.map(_analyze_one, articles, chunksize=8)
            else:
                results = map(_analyze_one, articles)
            batch: list[tuple[int, Analysis]] = []
            for article_id, analysis in results:
                seen += 1
                if analysis is not None:
                    batch.append((article_id, analysis))
                    done.append(article_id)
                if len(batch) >= 50:
                    store.save_analyses(batch)
                    store.actors.record(batch)
                    batch.clear()
                if progress:
                    progress(seen, len(ids), "analyzing")
            store.save_analyses(batch)
            store.actors.record(batch)
    finally:
        if pool is not None:
            pool.shutdown()
    from briefing.nlp.text.arabic import normalize  # noqa: PLC0415

    store.search.index_pending(normalize)  # here, so that a search right after a fetch does not wait for it
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
