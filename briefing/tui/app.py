"""Provides `BriefingApp`, the interactive briefing: workers, actions and message handlers, nothing else.

The app is given two callables from the pipeline and never does their work itself:

- `build()` reads the cache and returns the `Briefing` view-model; it runs in a thread worker, with the
  panes showing a loading state until the first one arrives;
- `refresh(progress)` fetches the feeds (blocking); it runs in a thread worker that reports progress through
  `call_from_thread` and posts `RefreshFinished` or `RefreshFailed`; a finished refresh triggers a rebuild,
  a failed one leaves the old view in place.

Layout lives in `screens/main.py`, panes in `widgets/`, keys in `keys.py`, colours in the theme files.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import ClassVar, Literal

from textual import work
from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.screen import Screen
from textual.worker import get_current_worker

from briefing.models import Briefing
from briefing.render.bidi import BidiMode
from briefing.render.sanitize import clean_line, safe_url
from briefing.tui import keys
from briefing.tui.messages import BriefingBuilt, BuildFailed, PanesMounted, RefreshFailed, RefreshFinished
from briefing.tui.screens.help import HelpScreen, help_rows
from briefing.tui.screens.main import MainScreen
from briefing.tui.themes import DEFAULT_THEME, discover_themes

Progress = Callable[[int, int, str], None]


def describe(error: BaseException) -> str:
    """One line for the user: the exception's message (cleaned: it may quote feed text) and its type."""
    message = clean_line(str(error))
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


class BriefingApp(App[None]):
    """Stories, actors and upcoming events from the cached feeds."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live in other directories
    TITLE = "briefing"
    BINDINGS: ClassVar[list[BindingType]] = keys.APP_BINDINGS

    def __init__(
        self,
        build: Callable[[], Briefing],
        *,
        refresh: Callable[[Progress], str] | None = None,
        theme: str | None = None,
        bidi: Literal["app", "terminal", "off"] = "terminal",
        keymap: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__()
        self._build = build
        self._refresh = refresh
        self._bidi: BidiMode = bidi
        self._user_keymap = dict(keymap or {})
        self.briefing: Briefing | None = None
        """The view-model on screen (None until the first build returns)."""
        self.refreshing = False
        loaded = discover_themes()
        for found in loaded.themes.values():
            self.register_theme(found)
        self._startup_warnings = list(loaded.errors)
        wanted = theme or DEFAULT_THEME
        if wanted not in self.available_themes and f"briefing-{wanted}" in self.available_themes:
            wanted = f"briefing-{wanted}"  # `--theme light` means briefing-light
        if wanted not in self.available_themes:
            self._startup_warnings.append(f"Unknown theme {clean_line(wanted)!r}; using {DEFAULT_THEME}.")
            wanted = DEFAULT_THEME if DEFAULT_THEME in self.available_themes else "textual-dark"
        self.theme = wanted

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(bidi=self._bidi, can_refresh=self._refresh is not None)

    @property
    def main(self) -> MainScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    def on_mount(self) -> None:
        if self._user_keymap:
            self.set_keymap(self._user_keymap)
        for warning in self._startup_warnings:
            self.notify(clean_line(warning), title="Themes", severity="warning", timeout=12, markup=False)

    def on_panes_mounted(self, _: PanesMounted) -> None:
        self.start_build()

    # Workers: one core call each, then one past-tense message.

    def start_build(self) -> None:
        self._build_worker()

    @work(thread=True, exclusive=True, group="build", exit_on_error=False)
    def _build_worker(self) -> None:
        try:
            briefing = self._build()
        except Exception as error:  # the core's failure is shown to the user, never fatal
            message: BriefingBuilt | BuildFailed = BuildFailed(describe(error))
        else:
            message = BriefingBuilt(briefing)
        if not get_current_worker().is_cancelled:
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

    # Messages from the workers.

    def _progressed(self, done: int, total: int, label: str) -> None:
        self.main.status.progress(done, total, label)

    async def on_briefing_built(self, message: BriefingBuilt) -> None:
        self.briefing = message.briefing
        await self.main.show(message.briefing)

    def on_build_failed(self, message: BuildFailed) -> None:
        self.notify(
            message.error, title="Could not read the cache", severity="error", timeout=15, markup=False
        )
        self.main.show_error(message.error)

    def on_refresh_finished(self, message: RefreshFinished) -> None:
        self.refreshing = False
        self.main.status.finish_refresh()
        self.notify(clean_line(message.summary) or "Feeds refreshed.", title="Refresh", markup=False)
        self.start_build()

    def on_refresh_failed(self, message: RefreshFailed) -> None:
        self.refreshing = False
        self.main.status.finish_refresh()
        self.notify(message.error, title="Refresh failed", severity="error", timeout=15, markup=False)

    # Actions (each also in the command palette).

    def action_refresh(self) -> None:
        if self._refresh is None:
            self.notify(
                "Refreshing is not available here; run `briefing fetch`.", severity="warning", markup=False
            )
        elif self.refreshing:
            self.notify("A refresh is already running.", markup=False)
        else:
            self.refreshing = True
            self.main.status.start_refresh()
            self._refresh_worker(self._refresh)

    def action_open_link(self) -> None:
        article = self.main.selected_article
        if article is None:
            self.notify("No article selected.", severity="warning", markup=False)
            return
        url = safe_url(article.url)
        if not url.lower().startswith(("http://", "https://")):
            self.notify(
                "This article has no web link that can be opened safely.", severity="warning", markup=False
            )
            return
        webbrowser.open(url)
        self.notify(url, title="Opening in the browser", markup=False)

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

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Refresh feeds", "Fetch the feeds and rebuild the briefing (r)", self.action_refresh
        )
        yield SystemCommand(
            "Open article link", "Open the selected article in the browser (o)", self.action_open_link
        )
        yield SystemCommand("Help: keys", "List every key binding (?)", self.action_help)
        yield SystemCommand("Next story", "Move to the next story (j, down)", self.action_next_story)
        yield SystemCommand(
            "Previous story", "Move to the previous story (k, up)", self.action_previous_story
        )
        yield SystemCommand(
            "Open story", "Focus the selected story to read it (enter)", self.action_open_story
        )
        yield SystemCommand("Next pane", "Move the focus to the next pane (tab)", self.action_focus_next)
        yield SystemCommand(
            "Previous pane", "Move the focus to the previous pane (shift+tab)", self.action_focus_previous
        )
