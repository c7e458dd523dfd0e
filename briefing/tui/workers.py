"""Provides `Workers`, the app's thread workers: each makes one call into the cache or the pipeline and
posts one past-tense message (`BriefingBuilt`, `SearchFinished`, ...) that `BriefingApp` handles on its loop.

A worker never touches a widget; an exception becomes a message too (`BuildFailed`, `RefreshFailed`,
`TaskFailed`), shown to the user and never fatal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from textual import work
from textual.app import App
from textual.worker import get_current_worker

from briefing.models import Briefing
from briefing.safetext import clean_line
from briefing.tui.access import CacheAccess, Filters, View
from briefing.tui.export import write_export
from briefing.tui.messages import (
    ArticleLoaded,
    BriefingBuilt,
    BuildFailed,
    ExportWritten,
    FeedsListed,
    ReadMarked,
    RefreshFailed,
    RefreshFinished,
    SearchFinished,
    TaskFailed,
)

Progress = Callable[[int, int, str], None]


def describe(error: BaseException) -> str:
    """One line for the user: the exception's message (cleaned: it may quote feed text) and its type."""
    message = clean_line(str(error))
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


class Workers(App[None]):
    """The workers of `BriefingApp` (a base class, so the app's module keeps to its actions and handlers)."""

    _build: Callable[[], Briefing] | None
    _cache: CacheAccess | None
    _mark_lock: threading.Lock
    _marks_stored: int
    filters: Filters

    def _progressed(self, done: int, total: int, label: str) -> None:
        """Called on the app's loop with the refresh's progress."""
        raise NotImplementedError

    def start_build(self) -> None:
        self._build_worker(self.filters, self._marks_stored)

    @work(thread=True, exclusive=True, group="build", exit_on_error=False)
    def _build_worker(self, filters: Filters, marks_seen: int) -> None:
        worker = get_current_worker()
        try:
            if self._cache is None:
                assert self._build is not None
                view = View(self._build())
            else:
                view = self._cache.view(filters, True)
                if not view.complete and not worker.is_cancelled:
                    self.post_message(BriefingBuilt(view, filters, marks_seen))
                    view = self._cache.view(filters, False)
        except Exception as error:  # the core's failure is shown to the user, never fatal
            message: BriefingBuilt | BuildFailed = BuildFailed(describe(error))
        else:
            message = BriefingBuilt(view, filters, marks_seen)
        if not worker.is_cancelled:
            self.post_message(message)

    @work(thread=True, exclusive=True, group="refresh", exit_on_error=False)
    def _refresh_worker(self, refresh: Callable[[Progress], str]) -> None:
        worker = get_current_worker()

        def progress(done: int, total: int, label: str) -> None:
            if worker.is_cancelled:  # the app is closing: its loop may not run the callback any more
                return
            try:
                self.call_from_thread(self._progressed, done, total, label)
            except RuntimeError:  # the app stopped meanwhile; progress is cosmetic, the refresh goes on
                pass

        try:
            summary = refresh(progress)
        except Exception as error:  # a failed refresh keeps the old view
            self.post_message(RefreshFailed(describe(error)))
        else:
            self.post_message(RefreshFinished(summary if isinstance(summary, str) else ""))

    @work(thread=True, exclusive=True, group="feeds", exit_on_error=False)
    def _feeds_worker(self, cache: CacheAccess) -> None:
        try:
            self.post_message(FeedsListed(tuple(cache.feeds())))
        except Exception as error:
            self.post_message(TaskFailed("feeds", describe(error)))

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search_worker(self, cache: CacheAccess, query: str) -> None:
        try:
            hits = tuple(cache.search(query))
            starred = cache.starred([hit.id for hit in hits]) if hits else frozenset()
            self.post_message(SearchFinished(query, hits, starred))
        except Exception as error:
            self.post_message(TaskFailed("search", describe(error)))

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def _article_worker(self, cache: CacheAccess, article_id: int) -> None:
        try:
            self.post_message(ArticleLoaded(article_id, cache.article(article_id)))
        except Exception as error:
            self.post_message(TaskFailed("article", describe(error)))

    @work(thread=True, group="mark", exit_on_error=False)
    def _mark_worker(self, cache: CacheAccess, ids: frozenset[int], read: bool, request: int) -> None:
        with self._mark_lock:  # in order: a quick m, m must leave the cache as the screen shows it
            try:
                cache.mark_read(ids, read)
            except Exception as error:
                self.post_message(TaskFailed("mark", describe(error), request))
            else:
                self.post_message(ReadMarked(ids, read, request))

    @work(thread=True, exclusive=True, group="prepare", exit_on_error=False)
    def _prepare_worker(self, cache: CacheAccess) -> None:
        try:
            cache.prepare()
        except Exception:  # noqa: BLE001 (only a head start: the search does the same work when it runs)
            pass

    @work(thread=True, group="export", exit_on_error=False)
    def _export_worker(self, briefing: Briefing, path: Path) -> None:
        try:
            self.post_message(ExportWritten(write_export(briefing, path)))
        except Exception as error:
            self.post_message(TaskFailed("export", describe(error)))
