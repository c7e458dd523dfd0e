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


def analyze_pending(store: Store, progress: Progress | None = None) -> list[Article]:
    """Analyze every article without a current analysis; store results in batches; index new articles
    for search; return the analyzed articles."""
    articles = store.articles(store.unanalyzed_ids())
    if not articles:
        return []
    workers = _workers()
    pool: ProcessPoolExecutor | None = None
    results: Iterable[tuple[int, Analysis | None]]
    if len(articles) >= PARALLEL_THRESHOLD and workers > 1:
        # spawn, not fork: the caller may have live threads (asyncio's executor, the TUI's workers), and a
        # forked child of a threaded process can deadlock on a lock held at fork time.
        import multiprocessing  # noqa: PLC0415 (not for a fetch without analysis)
        from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

        pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
        results = pool.map(_analyze_one, articles, chunksize=max(1, len(articles) // (workers * 4)))
    else:
        results = map(_analyze_one, articles)
    batch: list[tuple[int, Analysis]] = []
    try:
        for i, (article_id, analysis) in enumerate(results, 1):
            if analysis is not None:
                batch.append((article_id, analysis))
            if len(batch) >= 50:
                store.save_analyses(batch)
                store.record_actors(batch)
                batch.clear()
            if progress:
                progress(i, len(articles), "analyzing")
        store.save_analyses(batch)
        store.record_actors(batch)
    finally:
        if pool is not None:
            pool.shutdown()
    from briefing.nlp.text.arabic import normalize  # noqa: PLC0415

    store.index_pending(normalize)  # here, so that a search right after a fetch does not wait for it
    return store.articles(a.id for a in articles)


def cluster_new(store: Store, articles: Sequence[Article]) -> None:
    """Put newly analyzed articles into stories, comparing them only with a time window around them."""
    from briefing.nlp.stories.cluster import Item, assign, features  # noqa: PLC0415

    analyzed = [a for a in articles if a.analysis is not None]
    if not analyzed:
        return
    start = min(a.published for a in analyzed) - WINDOW
    end = max(a.published for a in analyzed) + WINDOW
    new_ids = {a.id for a in analyzed}
    window = [a for a in store.articles_between(start, end) if a.id not in new_ids and a.analysis is not None]
    stories = store.story_ids(a.id for a in window)
    existing = [Item(a.id, features(a.analysis), stories.get(a.id)) for a in window if a.analysis]
    new = [
        Item(a.id, features(a.analysis)) for a in sorted(analyzed, key=lambda a: a.published) if a.analysis
    ]
    store.set_stories(assign(new, existing).items())


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
    analyzed: list[Article] = []
    if analyze:
        analyzed = analyze_pending(store, progress)
        cluster_new(store, analyzed)
        if store.actors_need_backfill():  # once, for a cache analyzed before actors were recorded
            store.record_missing_actors()
    return RefreshReport(tuple(outcomes), len(analyzed))
