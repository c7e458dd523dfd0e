"""Provides `BriefingApp`, the interactive briefing: actions and message handlers, nothing else.

The app is given callables from the pipeline and never does their work itself:

- `cache` (a `CacheAccess`) answers every question about the cache: the view for some filters (first a
  quick one without the agenda, then the whole one), the feeds, a search, one article, marking read;
  a plain `build()` returning a `Briefing` works too (no filters, search or read marks then);
- `refresh(progress)` fetches the feeds (blocking).

The app is composed, not inherited: it holds `jobs` (`workers.py`: each call runs in a thread worker that
posts one past-tense message, `BriefingBuilt`, `SearchFinished`, ...), `marks` (`marks.py`: the read state
on screen and the undo) and `dialogs` (`dialogs.py`: search, full text, filters, feeds view, export). Its
`action_*` methods (what keys and palette entries call) and message handlers stay here, short, and hand the
work to them; the handlers update the screens on the app's loop. Layout lives in `screens/`, panes in
`widgets/`, keys in `keys.py`, palette entries in `commands.py`, colours in the theme files.
"""

from __future__ import annotations

import gc
import webbrowser
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal

from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.screen import Screen

from briefing.clock import shown_zone
from briefing.models import Briefing
from briefing.render.bidi import BidiMode
from briefing.safetext import clean_line, safe_url
from briefing.tui import keys
from briefing.tui.access import CacheAccess, FeedChoice, Filters, View
from briefing.tui.commands import palette_commands
from briefing.tui.dialogs import NO_CACHE, Dialogs
from briefing.tui.format import count
from briefing.tui.marks import ReadMarks
from briefing.tui.messages import (
    ArticleLoaded,
    BriefingBuilt,
    BuildFailed,
    ExportWritten,
    FeedsListed,
    PanesMounted,
    ReadMarked,
    RefreshFailed,
    RefreshFinished,
    SearchFinished,
    StarsStored,
    TaskFailed,
)
from briefing.tui.saved_views import SavedViews
from briefing.tui.screens.help import HelpScreen, help_rows
from briefing.tui.screens.main import MainScreen
from briefing.tui.starring import Starring
from briefing.tui.theme_picker import choose_theme, theme_palette
from briefing.tui.themes import DEFAULT_THEME, discover_themes
from briefing.tui.widgets.stories import unread_ids
from briefing.tui.workers import Jobs, Progress

if TYPE_CHECKING:  # the dialogs' modules are imported when a dialog opens (see dialogs.py)
    from briefing.tui.screens.search import SearchScreen

PREPARE_AFTER = 3.0
"""Seconds after the first complete view before the search normalizer is loaded in a worker."""


def settle_heap() -> None:
    """Collect once, then freeze what is left (the modules, the view on screen) out of the collector's way.

    Drawing a frame makes thousands of short-lived objects, so Python's full collections come every few key
    presses, and each one walked the whole heap (the view, the line caches, Textual): 60-160 ms on a large
    cache, a key press that stalls. Frozen objects are still freed by reference counting when the next view
    replaces them. Cycles among them (a dialog closed since) would wait for the next call, which unfreezes
    everything first, so nothing frozen is kept for good.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class BriefingApp(App[None]):
    """Stories, actors and upcoming events from the cached feeds."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live in other directories
    TITLE = "briefing"
    BINDINGS: ClassVar[list[BindingType]] = keys.APP_BINDINGS

    def __init__(
        self,
        build: Callable[[], Briefing] | None = None,
        *,
        refresh: Callable[[Progress], str] | None = None,
        theme: str | None = None,
        bidi: Literal["app", "terminal", "off"] = "terminal",
        keymap: Mapping[str, str] | None = None,
        cache: CacheAccess | None = None,
        views: Mapping[str, str] | None = None,
        config_file: Path | None = None,
    ) -> None:
        super().__init__()
        self.jobs = Jobs(self, cache, build)
        """The background work: the cache's functions (or `build`), each call in a thread worker."""
        self.marks = ReadMarks()
        """The read state on screen and the last undoable mark."""
        self.dialogs = Dialogs(self)
        self._refresh = refresh
        self.bidi: BidiMode = bidi
        self._user_keymap = dict(keymap or {})
        self.briefing: Briefing | None = None
        """The view-model on screen (None until the first build returns)."""
        self.view: View | None = None
        self.filters = Filters()
        self.feeds: tuple[FeedChoice, ...] | None = None
        """The feed list, read once for the filters dialog (again after a refresh)."""
        self.refreshing = False
        self._prepared = False
        self.starring = Starring(self)
        """The stars (`s`, `S`): see starring.py."""
        self.saved_views = SavedViews(self, views or {})
        """The saved views of config.toml (`V`, the palette): see saved_views.py."""
        loaded = discover_themes()
        for found in loaded.themes.values():
            self.register_theme(found)
        self._startup_warnings = list(loaded.errors)
        self.own_themes = tuple(loaded.themes)
        """briefing's themes and the user's, which the theme picker lists first."""
        self._config_file = config_file
        """Where a theme chosen in the picker is saved (None: the default config.toml)."""
        wanted = theme or DEFAULT_THEME
        if wanted not in self.available_themes and f"briefing-{wanted}" in self.available_themes:
            wanted = f"briefing-{wanted}"  # `--theme light` means briefing-light
        if wanted not in self.available_themes:
            self._startup_warnings.append(f"Unknown theme {clean_line(wanted)!r}; using {DEFAULT_THEME}.")
            wanted = DEFAULT_THEME if DEFAULT_THEME in self.available_themes else "textual-dark"
        self.theme = wanted

    @property
    def read(self) -> frozenset[int]:
        """Ids of the articles on screen that are marked read (the view's state plus marks since)."""
        return self.marks.read

    @property
    def main(self) -> MainScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    @property
    def zone(self) -> tzinfo | None:
        """The time zone every time is shown in (`briefing.clock.shown_zone`): the briefing's, or None for
        each outlet's own (and before the first view)."""
        return shown_zone(self.briefing.now, self.briefing.times) if self.briefing is not None else None

    def warn(self, text: str) -> None:
        self.notify(text, severity="warning", markup=False)

    def start_build(self) -> None:
        self.jobs.build(self.filters, self.marks.stored)

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(bidi=self.bidi, can_refresh=self._refresh is not None)

    def search_themes(self) -> None:
        """The theme picker (`t`, the palette's "Theme"): ours first; the choice is saved."""
        self.push_screen(theme_palette())

    def choose_theme(self, name: str) -> None:
        choose_theme(self, name, self._config_file)

    def on_mount(self) -> None:
        if self._user_keymap:
            self.set_keymap(self._user_keymap)
        for warning in self._startup_warnings:
            self.notify(clean_line(warning), title="Themes", severity="warning", timeout=12, markup=False)

    def on_panes_mounted(self, _: PanesMounted) -> None:
        self.start_build()

    async def on_briefing_built(self, message: BriefingBuilt) -> None:
        if message.filters != self.filters:
            return  # built for filters the user has changed since
        self.view = message.view
        self.briefing = message.briefing
        self.marks.viewed(message.view.read, message.marks_seen)
        names = {feed.id: feed.title for feed in self.feeds or ()}
        shown = replace(message.view, read=self.read, starred=self.starring.of_view(message.view.starred))
        await self.main.show(shown, filters=self.filters.describe(names))
        if not message.view.complete:
            self.call_after_refresh(self.jobs.quick_view_shown)
        else:
            self.call_after_refresh(settle_heap)
            if not self._prepared and self.jobs.cache is not None:
                self._prepared = True
                # Not at once: loading the normalizer holds the interpreter for half a second, and the first
                # keys after the view appears should not wait for it.
                self.set_timer(PREPARE_AFTER, self.jobs.prepare)

    def on_build_failed(self, message: BuildFailed) -> None:
        self.notify(
            message.error, title="Could not read the cache", severity="error", timeout=15, markup=False
        )
        self.main.show_error(message.error)

    def on_refresh_finished(self, message: RefreshFinished) -> None:
        self.refreshing = False
        self.feeds = None
        self.main.status.finish_refresh()
        self.notify(clean_line(message.summary) or "Feeds refreshed.", title="Refresh", markup=False)
        self.start_build()

    def on_refresh_failed(self, message: RefreshFailed) -> None:
        self.refreshing = False
        self.main.status.finish_refresh()
        self.notify(message.error, title="Refresh failed", severity="error", timeout=15, markup=False)

    def on_feeds_listed(self, message: FeedsListed) -> None:
        self.feeds = message.feeds
        self.dialogs.feeds_listed()

    def on_search_screen_submitted(self, message: SearchScreen.Submitted) -> None:
        self.dialogs.search_submitted(message.query)

    def on_search_screen_opened(self, message: SearchScreen.Opened) -> None:
        self.dialogs.search_opened(message.article)

    async def on_search_finished(self, message: SearchFinished) -> None:
        from briefing.tui.screens.search import SearchScreen  # noqa: PLC0415

        if isinstance(self.screen, SearchScreen):
            await self.screen.show_results(message.query, message.hits, message.starred)

    async def on_article_loaded(self, message: ArticleLoaded) -> None:
        from briefing.tui.screens.article import ArticleScreen  # noqa: PLC0415

        screen = self.screen
        if isinstance(screen, ArticleScreen) and screen.article.article_id == message.article_id:
            await screen.show_text(message.article)

    def on_read_marked(self, message: ReadMarked) -> None:
        self.marks.was_stored(message.request)

    def on_stars_stored(self, message: StarsStored) -> None:
        self.starring.stored(message)

    def on_export_written(self, message: ExportWritten) -> None:
        self.notify(str(message.path), title="Exported", timeout=12, markup=False)

    async def on_task_failed(self, message: TaskFailed) -> None:
        from briefing.tui.screens.article import ArticleScreen  # noqa: PLC0415
        from briefing.tui.screens.search import SearchScreen  # noqa: PLC0415

        titles = {"feeds": "Could not list the feeds", "search": "Search failed", "article": "Could not read"}
        titles |= {"mark": "Could not mark", "export": "Export failed"}
        self.notify(message.error, title=titles.get(message.task, ""), severity="error", markup=False)
        if message.task == "search" and isinstance(self.screen, SearchScreen):
            self.screen.show_error(message.error)
        elif message.task == "article" and isinstance(self.screen, ArticleScreen):
            await self.screen.show_text(None, missing=f"Could not read the article: {message.error}")
        elif message.task == "mark":
            self.marks.failed(message.request)
            self.main.mark_read(self.read)

    # Actions (each also in the command palette: see commands.py).

    def action_refresh(self) -> None:
        if self._refresh is None:
            self.warn("Refreshing is not available here; run `briefing fetch`.")
        elif self.refreshing:
            self.notify("A refresh is already running.", markup=False)
        else:
            self.refreshing = True
            self.main.status.start_refresh()
            self.jobs.refresh(self._refresh, self._progressed)

    def _progressed(self, done: int, total: int, label: str) -> None:
        self.main.status.progress(done, total, label)

    def action_search(self) -> None:
        self.dialogs.search()

    def action_open_article(self) -> None:
        article = self.main.selected_article
        if article is None:
            self.warn("No article selected.")
        else:
            self.dialogs.full_text(article)

    def action_filters(self) -> None:
        self.dialogs.filters()

    def action_feeds_view(self) -> None:
        self.dialogs.feeds_view()

    def action_export(self) -> None:
        self.dialogs.export()

    def action_mark_read(self) -> None:
        story = self.main.selected_story
        if story is None:
            self.warn("No story selected.")
            return
        ids = frozenset(ref.article_id for ref in story.articles if ref.article_id is not None)
        if self.jobs.cache is None or not ids:
            self.warn(f"Marking read is {NO_CACHE}.")
            return
        self.set_read(ids, not ids <= self.read, undoable=True)

    def action_mark_all_read(self) -> None:
        if self.briefing is None:
            self.warn("Nothing to mark yet.")
            return
        ids = unread_ids(self.briefing.stories, self.read)
        if not ids:
            self.notify("Everything in view is read already.", markup=False)
        elif self.jobs.cache is None:
            self.warn(f"Marking read is {NO_CACHE}.")
        else:
            self.set_read(ids, True, undoable=True)
            said = f"Marked {count(len(ids), 'article')} read · u undoes"
            self.notify(said, title="All read", markup=False)

    def action_undo(self) -> None:
        undo = self.marks.take_undo()
        if undo is None:
            self.warn("Nothing to undo.")
            return
        ids, read = undo
        self.set_read(ids, not read)
        state = "unread" if read else "read"
        self.notify(f"Marked {count(len(ids), 'article')} {state} again.", markup=False)

    def action_next_unread(self) -> None:
        if not self.main.stories.next_unread(1):
            self.notify("No unread story below this one.", markup=False)

    def action_previous_unread(self) -> None:
        if not self.main.stories.next_unread(-1):
            self.notify("No unread story above this one.", markup=False)

    def set_read(self, ids: frozenset[int], read: bool, *, undoable: bool = False) -> None:
        """Show the new state at once and store it in a job (taken back if storing fails); `undoable`: `u`
        puts back the articles whose state this changed."""
        request = self.marks.mark(ids, read, undoable=undoable)
        self.main.mark_read(self.read)
        self.jobs.mark_read(ids, read, request)

    def _selected_link(self) -> str | None:
        """The selected article's web link (in the full text: that article's), or None with a warning."""
        from briefing.tui.screens.article import ArticleScreen  # noqa: PLC0415

        screen = self.screen
        article = screen.article if isinstance(screen, ArticleScreen) else self.main.selected_article
        if article is None:
            self.warn("No article selected.")
            return None
        url = safe_url(article.url)
        if not url.lower().startswith(("http://", "https://")):
            self.warn("This article has no web link that can be opened safely.")
            return None
        return url

    def action_open_link(self) -> None:
        url = self._selected_link()
        if url is None:
            return
        if webbrowser.open(url):
            self.notify(url, title="Opening in the browser", markup=False)
        else:  # no browser here (a server, ssh): the link itself, to copy (y) or type
            title = "No browser to open; the link"
            self.notify(url, title=title, severity="warning", timeout=20, markup=False)

    def action_yank_link(self) -> None:
        url = self._selected_link()
        if url is not None:
            self.copy_to_clipboard(url)  # OSC 52: the terminal's clipboard, over ssh too where it allows it
            self.notify(url, title="Link copied", markup=False)

    def action_star(self) -> None:
        self.starring.toggle()

    def action_starred_view(self) -> None:
        self.starring.open_view()

    def action_views(self) -> None:
        self.saved_views.open()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(
                HelpScreen(help_rows(keys.HELP_SECTIONS, self._user_keymap, self.get_key_display))
            )

    def action_next_story(self) -> None:
        self.main.stories.action_cursor_down()

    def action_previous_story(self) -> None:
        self.main.stories.action_cursor_up()

    def action_open_story(self) -> None:
        self.main.story_pane.focus()

    def action_toggle_actors(self) -> None:
        pane = self.main.actors
        pane.set_scope("all" if pane.scope == "story" else "story")

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from palette_commands(self)
