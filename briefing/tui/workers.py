"""Provides `Jobs`, the app's background work: each job runs in a thread worker of the app, makes one call
into the cache or the pipeline and posts one past-tense message (`BriefingBuilt`, `SearchFinished`, ...)
that `BriefingApp` handles on its loop.

`Jobs` is a plain object the app holds (`app.jobs`): it keeps the `CacheAccess` (or the plain `build`
callable) and starts the workers on the app (`App.run_worker`), so Textual still cancels them with the app
and `app.workers` still waits for them. A job never touches a widget; an exception becomes a message too
(`BuildFailed`, `RefreshFailed`, `TaskFailed`), shown to the user and never fatal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path

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
    StarsStored,
    TaskFailed,
)

Progress = Callable[[int, int, str], None]

QUICK_VIEW_WAIT = 3.0
"""At most this many seconds between the quick view and the start of the whole view's build (see
`Jobs.quick_view_shown`)."""


def describe(error: BaseException) -> str:
    """One line for the user: the exception's message (cleaned: it may quote feed text) and its type."""
    message = clean_line(str(error))
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


class Jobs:
    """The background jobs of `BriefingApp`, over its cache access (or its `build` callable)."""

    def __init__(
        self, app: App[None], cache: CacheAccess | None, build: Callable[[], Briefing] | None = None
    ) -> None:
        if build is None and cache is None:
            raise TypeError("BriefingApp needs `build` or `cache`")
        self._app = app
        self.cache = cache
        """The cache's functions; None when the app was started with a plain `build` (no search, marks...)."""
        self._build = build
        self._mark_lock = threading.Lock()
        self._star_lock = threading.Lock()
        self._shown = threading.Event()

    def _start(self, job: Callable[[], None], name: str, group: str, *, exclusive: bool = True) -> None:
        """Run `job` in a thread worker of the app: in `group`, cancelling the group's running one when
        `exclusive`; an exception it lets out is not fatal to the app."""
        self._app.run_worker(
            job, name=name, group=group, exclusive=exclusive, exit_on_error=False, thread=True
        )

    def _need_cache(self) -> CacheAccess:
        if self.cache is None:
            raise RuntimeError("the app was started without the cache")
        return self.cache

    def build(self, filters: Filters, marks_seen: int) -> None:
        """The view for `filters` (first the quick one without the agenda, then the whole one)."""
        self._shown = threading.Event()
        self._start(partial(self._build_view, filters, marks_seen, self._shown), "build", "build")

    def quick_view_shown(self) -> None:
        """The quick view is on screen: the whole view's build may start. Started at once, it would hold the
        interpreter (the GIL) while the screen lays out and draws the quick view, and the first screen would
        come about twice as late; it waits for this call (or `QUICK_VIEW_WAIT`)."""
        self._shown.set()

    def _build_view(self, filters: Filters, marks_seen: int, shown: threading.Event) -> None:
        worker = get_current_worker()
        try:
            if self.cache is None:
                assert self._build is not None
                view = View(self._build())
            else:
                view = self.cache.view(filters, True)
                if not view.complete and not worker.is_cancelled:
                    self._app.post_message(BriefingBuilt(view, filters, marks_seen))
                    waited = 0.0
                    while not shown.wait(0.05) and not worker.is_cancelled and waited < QUICK_VIEW_WAIT:
                        waited += 0.05
                    if worker.is_cancelled:
                        return
                    view = self.cache.view(filters, False)
        except Exception as error:  # the core's failure is shown to the user, never fatal
            message: BriefingBuilt | BuildFailed = BuildFailed(describe(error))
        else:
            message = BriefingBuilt(view, filters, marks_seen)
        if not worker.is_cancelled:
            self._app.post_message(message)

    def refresh(self, refresh: Callable[[Progress], str], progressed: Progress) -> None:
        """Fetch the feeds with `refresh`; `progressed` is called on the app's loop with its progress."""
        self._start(partial(self._refresh, refresh, progressed), "refresh", "refresh")

    def _refresh(self, refresh: Callable[[Progress], str], progressed: Progress) -> None:
        worker = get_current_worker()

        def progress(done: int, total: int, label: str) -> None:
            if worker.is_cancelled:  # the app is closing: its loop may not run the callback any more
                return
            try:
                self._app.call_from_thread(progressed, done, total, label)
            except RuntimeError:  # the app stopped meanwhile; progress is cosmetic, the refresh goes on
                pass

        try:
            summary = refresh(progress)
        except Exception as error:  # a failed refresh keeps the old view
            self._app.post_message(RefreshFailed(describe(error)))
        else:
            self._app.post_message(RefreshFinished(summary if isinstance(summary, str) else ""))

    def list_feeds(self) -> None:
        """The feed list (`FeedsListed`)."""
        self._start(partial(self._list_feeds, self._need_cache()), "feeds", "feeds")

    def _list_feeds(self, cache: CacheAccess) -> None:
        try:
            self._app.post_message(FeedsListed(tuple(cache.feeds())))
        except Exception as error:
            self._app.post_message(TaskFailed("feeds", describe(error)))

    def search(self, query: str) -> None:
        """The articles `query` finds (`SearchFinished`)."""
        self._start(partial(self._search, self._need_cache(), query), "search", "search")

    def _search(self, cache: CacheAccess, query: str) -> None:
        try:
            hits = tuple(cache.search(query))
            starred = cache.starred([hit.id for hit in hits]) if hits else frozenset()
            self._app.post_message(SearchFinished(query, hits, starred))
        except Exception as error:
            self._app.post_message(TaskFailed("search", describe(error)))

    def load_article(self, article_id: int) -> None:
        """One article with its text (`ArticleLoaded`)."""
        self._start(partial(self._load_article, self._need_cache(), article_id), "article", "article")

    def _load_article(self, cache: CacheAccess, article_id: int) -> None:
        try:
            self._app.post_message(ArticleLoaded(article_id, cache.article(article_id)))
        except Exception as error:
            self._app.post_message(TaskFailed("article", describe(error)))

    def mark_read(self, ids: frozenset[int], read: bool, request: int) -> None:
        """Store the read state of `ids` (`ReadMarked`), after the marks requested before it."""
        job = partial(self._mark_read, self._need_cache(), ids, read, request)
        self._start(job, "mark", "mark", exclusive=False)

    def _mark_read(self, cache: CacheAccess, ids: frozenset[int], read: bool, request: int) -> None:
        with self._mark_lock:  # in order: a quick m, m must leave the cache as the screen shows it
            try:
                cache.mark_read(ids, read)
            except Exception as error:
                self._app.post_message(TaskFailed("mark", describe(error), request))
            else:
                self._app.post_message(ReadMarked(ids, read, request))

    def star(self, ids: frozenset[int], starred: bool) -> None:
        """Store the stars of `ids` (`StarsStored`, with the error when it fails), in the order asked."""
        self._start(partial(self._star, self._need_cache(), ids, starred), "star", "star", exclusive=False)

    def _star(self, cache: CacheAccess, ids: frozenset[int], starred: bool) -> None:
        with self._star_lock:
            try:
                cache.star(ids, starred)
            except Exception as error:  # shown to the user, the marks put back
                self._app.post_message(StarsStored(ids, starred, describe(error)))
            else:
                self._app.post_message(StarsStored(ids, starred))

    def prepare(self) -> None:
        """Load what the first search needs (the normalizer) ahead of it."""
        self._start(partial(self._prepare, self._need_cache()), "prepare", "prepare")

    @staticmethod
    def _prepare(cache: CacheAccess) -> None:
        try:
            cache.prepare()
        except Exception:  # noqa: BLE001 (only a head start: the search does the same work when it runs)
            pass

    def export(self, briefing: Briefing, path: Path) -> None:
        """Write `briefing` as Markdown to `path` (`ExportWritten`)."""
        self._start(partial(self._export, briefing, path), "export", "export", exclusive=False)

    def _export(self, briefing: Briefing, path: Path) -> None:
        try:
            self._app.post_message(ExportWritten(write_export(briefing, path)))
        except Exception as error:
            self._app.post_message(TaskFailed("export", describe(error)))
