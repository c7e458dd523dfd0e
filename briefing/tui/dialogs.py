"""Provides `Dialogs`, how the app's dialogs open and what is done with their answer: search (`/`), the full
text of an article (`enter`), filters (`f`), the feeds view (`L`) and export (`e`).

A collaborator of `BriefingApp` (`app.dialogs`): the app's `action_*` methods call it; it builds each screen
from the app's state, pushes it, and acts on what the screen returns (open a story, change the filters and
rebuild, write the export), starting the cache work through the app's `Jobs`. Each dialog's module is imported
when the dialog first opens, not with the app: the first screen does not wait for them.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.models import Article, ArticleRef
from briefing.safetext import clean_line
from briefing.tui.access import Filters
from briefing.tui.export import default_export_path
from briefing.tui.format import count

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

NO_CACHE = "not available here: the app was started without the cache"


def reference(article: Article) -> ArticleRef:
    """How the app cites an article found by search."""
    return ArticleRef(
        article.title, article.url, article.feed_title, article.published, article.lang, article.id
    )


class Dialogs:
    """The dialogs of `BriefingApp`: opened from its actions, answered through their callbacks."""

    def __init__(self, app: BriefingApp) -> None:
        self.app = app
        self.search_query = ""
        """The last query searched, offered again when the search opens."""
        self.feeds_for = "filters"
        """Which dialog the feed list being read is for: "filters" or "feeds"."""

    # Search and full text.

    def search(self) -> None:
        from briefing.tui.screens.search import SearchScreen  # noqa: PLC0415

        app = self.app
        if app.jobs.cache is None:
            app.warn(f"Search is {NO_CACHE}.")
        elif not isinstance(app.screen, SearchScreen):
            screen = SearchScreen(mode=app.bidi, query=self.search_query, zone=app.zone)
            app.push_screen(screen, self.search_closed)

    def search_submitted(self, query: str) -> None:
        from briefing.tui.screens.search import STARRED_QUERY  # noqa: PLC0415

        if self.app.jobs.cache is not None:
            if query != STARRED_QUERY:  # the starred view does not replace the last search
                self.search_query = query
            self.app.jobs.search(query)

    def search_opened(self, article: Article) -> None:
        """Enter on a result: its full text over the results (escape comes back to them)."""
        self.full_text(reference(article))

    def search_closed(self, article: Article | None) -> None:
        """The search dialog closed (`g` on a result: `article`): show the article in its story on the desk
        when it is there, else its full text."""
        if article is None:
            return
        app = self.app
        for story in app.briefing.stories if app.briefing else ():
            if any(ref.article_id == article.id for ref in story.articles):
                if app.main.open_article_of_story(story.id, article.id):
                    return
        self.full_text(reference(article))

    def full_text(self, article: ArticleRef) -> None:
        """Show `article`'s stored text (read in a job) and mark it read."""
        from briefing.tui.screens.article import ArticleScreen  # noqa: PLC0415

        app = self.app
        starred = app.starring.is_starred(article.article_id)
        screen = ArticleScreen(article, mode=app.bidi, zone=app.zone, starred=starred)
        app.push_screen(screen)
        if app.jobs.cache is None or article.article_id is None:
            app.call_after_refresh(screen.show_text, None, missing=f"The full text is {NO_CACHE}.")
            return
        app.jobs.load_article(article.article_id)
        if article.article_id not in app.read:
            app.set_read(frozenset({article.article_id}), True)

    # Filters and the feeds view.

    def filters(self) -> None:
        app = self.app
        if app.jobs.cache is None:
            app.warn(f"Filters are {NO_CACHE}.")
        elif app.feeds is None:
            self.feeds_for = "filters"
            app.jobs.list_feeds()
        else:
            self._push_filters()

    def feeds_view(self) -> None:
        app = self.app
        if app.jobs.cache is None:
            app.warn(f"The feeds view is {NO_CACHE}.")
        else:
            self.feeds_for = "feeds"  # read again each time: the counts and the health change
            app.jobs.list_feeds()

    def feeds_listed(self) -> None:
        """The feed list the filters or the feeds view waited for is in `app.feeds`."""
        if self.feeds_for == "feeds":
            self._push_feeds()
        else:
            self._push_filters()

    def _push_feeds(self) -> None:
        from briefing.tui.screens.feeds import FeedsScreen  # noqa: PLC0415

        app = self.app
        if not isinstance(app.screen, FeedsScreen):
            screen = FeedsScreen(app.feeds or (), mode=app.bidi, zone=app.zone, current=app.filters.feeds)
            app.push_screen(screen, self._feed_chosen)

    def _feed_chosen(self, feed_id: int | None) -> None:
        if feed_id is None:
            return
        self._filters_closed(
            replace(self.app.filters, feeds=frozenset() if feed_id < 0 else frozenset({feed_id}))
        )

    def _push_filters(self) -> None:
        from briefing.tui.screens.filters import FiltersScreen  # noqa: PLC0415

        app = self.app
        if not isinstance(app.screen, FiltersScreen):
            screen = FiltersScreen(app.filters, app.feeds or (), mode=app.bidi)
            app.push_screen(screen, self._filters_closed)

    def _filters_closed(self, filters: Filters | None) -> None:
        if filters is not None:
            self.apply_filters(filters)

    def apply_filters(self, filters: Filters) -> None:
        """Rebuild the desk for `filters` (nothing to do when they are the current ones)."""
        app = self.app
        if filters == app.filters:
            return
        app.filters = filters
        app.main.query_one("#body").loading = True
        app.start_build()

    # Export.

    def export(self) -> None:
        from briefing.tui.screens.export import ExportScreen  # noqa: PLC0415

        app = self.app
        view = app.view
        if view is None:
            app.warn("Nothing to export yet.")
        elif not view.complete:
            app.warn("The agenda is still loading; export in a moment.")
        else:
            summary = f"The current view: {count(len(view.briefing.stories), 'story', 'stories')}"
            summary += f" and {count(len(view.briefing.upcoming), 'upcoming event')}"
            if app.filters.active:
                summary += f" (filtered: {app.filters.describe({f.id: f.title for f in app.feeds or ()})})"
            screen = ExportScreen(default_export_path(view.briefing), clean_line(summary))
            app.push_screen(screen, self._export_chosen)

    def _export_chosen(self, path: Path | None) -> None:
        if path is not None and self.app.view is not None:
            self.app.jobs.export(self.app.view.briefing, path)
