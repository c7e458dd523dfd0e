"""Provides `Actions`, the app's dialogs and read marks: search (`/`), filters (`f`), export (`e`), the full
text of an article (`enter`), and read marks: a story (`m`), everything in view (`M`), undone with `u`,
the next and previous unread story (`n`, `p`); marks are shown at once and stored in a worker.

A base class of `BriefingApp` (which owns the state it uses: the cache access, the view, the read set),
so the app's own module keeps to start-up, the build and the smaller actions.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import tzinfo
from pathlib import Path

from briefing.models import Article, ArticleRef, Briefing
from briefing.render.bidi import BidiMode
from briefing.safetext import clean_line
from briefing.tui.access import FeedChoice, Filters, View
from briefing.tui.export import default_export_path
from briefing.tui.format import count
from briefing.tui.screens.article import ArticleScreen
from briefing.tui.screens.export import ExportScreen
from briefing.tui.screens.feeds import FeedsScreen
from briefing.tui.screens.filters import FiltersScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.search import STARRED_QUERY, SearchScreen
from briefing.tui.starring import Starring
from briefing.tui.widgets.stories import unread_ids
from briefing.tui.workers import Workers

NO_CACHE = "not available here: the app was started without the cache"


def reference(article: Article) -> ArticleRef:
    """How the app cites an article found by search."""
    return ArticleRef(
        article.title, article.url, article.feed_title, article.published, article.lang, article.id
    )


class Actions(Workers):
    """The dialogs and read marks of `BriefingApp`."""

    bidi: BidiMode
    briefing: Briefing | None
    view: View | None
    read: frozenset[int]
    feeds: tuple[FeedChoice, ...] | None
    _marks: dict[int, tuple[int, bool]]
    _mark_requests: int
    _search_query: str
    _undo: tuple[frozenset[int], bool] | None
    _feeds_for: str
    starring: Starring

    @property
    def main(self) -> MainScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    @property
    def zone(self) -> tzinfo | None:
        """The time zone every time is shown in: the briefing's (None before the first view)."""
        return self.briefing.now.tzinfo if self.briefing is not None else None

    def warn(self, text: str) -> None:
        self.notify(text, severity="warning", markup=False)

    # Messages from the workers.

    def _progressed(self, done: int, total: int, label: str) -> None:
        self.main.status.progress(done, total, label)

    def action_search(self) -> None:
        if self._cache is None:
            self.warn(f"Search is {NO_CACHE}.")
        elif not isinstance(self.screen, SearchScreen):
            screen = SearchScreen(mode=self.bidi, query=self._search_query, zone=self.zone)
            self.push_screen(screen, self.search_closed)

    def on_search_screen_submitted(self, message: SearchScreen.Submitted) -> None:
        if self._cache is not None:
            if message.query != STARRED_QUERY:  # the starred view does not replace the last search
                self._search_query = message.query
            self._search_worker(self._cache, message.query)

    def on_search_screen_opened(self, message: SearchScreen.Opened) -> None:
        """Enter on a result: its full text over the results (escape comes back to them)."""
        self.open_full_text(reference(message.article))

    def search_closed(self, article: Article | None) -> None:
        """The search dialog closed (`g` on a result: `article`): show the article in its story on the desk
        when it is there, else its full text."""
        if article is None:
            return
        for story in self.briefing.stories if self.briefing else ():
            if any(ref.article_id == article.id for ref in story.articles):
                if self.main.open_article_of_story(story.id, article.id):
                    return
        self.open_full_text(reference(article))

    def action_open_article(self) -> None:
        article = self.main.selected_article
        if article is None:
            self.warn("No article selected.")
        else:
            self.open_full_text(article)

    def open_full_text(self, article: ArticleRef) -> None:
        """Show `article`'s stored text (read in a worker) and mark it read."""
        starred = self.starring.is_starred(article.article_id)
        screen = ArticleScreen(article, mode=self.bidi, zone=self.zone, starred=starred)
        self.push_screen(screen)
        if self._cache is None or article.article_id is None:
            self.call_after_refresh(screen.show_text, None, missing=f"The full text is {NO_CACHE}.")
            return
        self._article_worker(self._cache, article.article_id)
        if article.article_id not in self.read:
            self._mark(frozenset({article.article_id}), True)

    def action_mark_read(self) -> None:
        story = self.main.selected_story
        if story is None:
            self.warn("No story selected.")
            return
        ids = frozenset(ref.article_id for ref in story.articles if ref.article_id is not None)
        if self._cache is None or not ids:
            self.warn(f"Marking read is {NO_CACHE}.")
            return
        self._mark(ids, not ids <= self.read, undoable=True)

    def action_mark_all_read(self) -> None:
        if self.briefing is None:
            self.warn("Nothing to mark yet.")
            return
        ids = unread_ids(self.briefing.stories, self.read)
        if not ids:
            self.notify("Everything in view is read already.", markup=False)
        elif self._cache is None:
            self.warn(f"Marking read is {NO_CACHE}.")
        else:
            self._mark(ids, True, undoable=True)
            said = f"Marked {count(len(ids), 'article')} read · u undoes"
            self.notify(said, title="All read", markup=False)

    def action_undo(self) -> None:
        if self._undo is None:
            self.warn("Nothing to undo.")
            return
        ids, read = self._undo
        self._undo = None
        self._mark(ids, not read)
        state = "unread" if read else "read"
        self.notify(f"Marked {count(len(ids), 'article')} {state} again.", markup=False)

    def action_next_unread(self) -> None:
        if not self.main.stories.next_unread(1):
            self.notify("No unread story below this one.", markup=False)

    def action_previous_unread(self) -> None:
        if not self.main.stories.next_unread(-1):
            self.notify("No unread story above this one.", markup=False)

    def _mark(self, ids: frozenset[int], read: bool, *, undoable: bool = False) -> None:
        """Show the new state at once and store it in a worker (undone if storing fails); `undoable`: `u`
        puts back the articles whose state this changed."""
        assert self._cache is not None
        if undoable:
            changed = ids - self.read if read else ids & self.read
            self._undo = (frozenset(changed), read) if changed else None
        self._mark_requests += 1
        for article_id in ids:
            self._marks[article_id] = (self._mark_requests, read)
        self.read = self.read | ids if read else self.read - ids
        self.main.mark_read(self.read)
        self._mark_worker(self._cache, ids, read, self._mark_requests)

    def _undo_marks(self, request: int) -> None:
        failed = {article_id for article_id, (number, _) in self._marks.items() if number == request}
        for article_id in failed:
            _, state = self._marks.pop(article_id)
            self.read = self.read - {article_id} if state else self.read | {article_id}
        self.main.mark_read(self.read)

    def action_filters(self) -> None:
        if self._cache is None:
            self.warn(f"Filters are {NO_CACHE}.")
        elif self.feeds is None:
            self._feeds_for = "filters"
            self._feeds_worker(self._cache)
        else:
            self._push_filters()

    def action_feeds_view(self) -> None:
        if self._cache is None:
            self.warn(f"The feeds view is {NO_CACHE}.")
        else:
            self._feeds_for = "feeds"  # read again each time: the counts and the health change
            self._feeds_worker(self._cache)

    def _push_feeds(self) -> None:
        if not isinstance(self.screen, FeedsScreen):
            screen = FeedsScreen(self.feeds or (), mode=self.bidi, zone=self.zone, current=self.filters.feeds)
            self.push_screen(screen, self._feed_chosen)

    def _feed_chosen(self, feed_id: int | None) -> None:
        if feed_id is None:
            return
        self._filters_closed(
            replace(self.filters, feeds=frozenset() if feed_id < 0 else frozenset({feed_id}))
        )

    def _push_filters(self) -> None:
        if not isinstance(self.screen, FiltersScreen):
            screen = FiltersScreen(self.filters, self.feeds or (), mode=self.bidi)
            self.push_screen(screen, self._filters_closed)

    def _filters_closed(self, filters: Filters | None) -> None:
        if filters is not None:
            self.apply_filters(filters)

    def apply_filters(self, filters: Filters) -> None:
        """Rebuild the desk for `filters` (nothing to do when they are the current ones)."""
        if filters == self.filters:
            return
        self.filters = filters
        self.main.query_one("#body").loading = True
        self.start_build()

    def action_export(self) -> None:
        view = self.view
        if view is None:
            self.warn("Nothing to export yet.")
        elif not view.complete:
            self.warn("The agenda is still loading; export in a moment.")
        else:
            summary = f"The current view: {count(len(view.briefing.stories), 'story', 'stories')}"
            summary += f" and {count(len(view.briefing.upcoming), 'upcoming event')}"
            if self.filters.active:
                summary += f" (filtered: {self.filters.describe({f.id: f.title for f in self.feeds or ()})})"
            screen = ExportScreen(default_export_path(view.briefing), clean_line(summary))
            self.push_screen(screen, self._export_chosen)

    def _export_chosen(self, path: Path | None) -> None:
        if path is not None and self.view is not None:
            self._export_worker(self.view.briefing, path)
