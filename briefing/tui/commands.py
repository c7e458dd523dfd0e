"""Provides the command palette entries (ctrl+p): one per action of the app, named as users would look for it.

Each entry's help names its key as currently mapped, so a remapped binding shows its new key here too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.binding import Binding

from briefing.safetext import clean_line
from briefing.tui import keys

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


def palette_commands(app: BriefingApp) -> Iterable[SystemCommand]:
    """The app's own entries (Textual adds its own: quit, theme, screenshot, keys)."""

    def key(binding: Binding) -> str:
        mapped = app._user_keymap.get(binding.id or "", binding.key)
        if binding.key_display and mapped == binding.key:
            return binding.key_display
        return ", ".join(app.get_key_display(Binding(k.strip(), binding.action)) for k in mapped.split(","))

    entries: list[tuple[str, str, Binding, Callable[[], object]]] = [
        ("Refresh feeds", "Fetch the feeds and rebuild the briefing", keys.REFRESH, app.action_refresh),
        ("Search the cache", "Full-text search of every cached article", keys.SEARCH, app.action_search),
        ("Filters", "Narrow by language, feed, day or unread", keys.FILTERS, app.action_filters),
        (
            "Mark read / unread",
            "Toggle the read mark of the selected story",
            keys.MARK_READ,
            app.action_mark_read,
        ),
        (
            "Mark all read",
            "Mark every article in view read (undo with u)",
            keys.MARK_ALL_READ,
            app.action_mark_all_read,
        ),
        ("Undo marks", "Put back the read marks the last mark changed", keys.UNDO, app.action_undo),
        ("Next unread story", "Move to the next unread story", keys.NEXT_UNREAD, app.action_next_unread),
        (
            "Previous unread story",
            "Move to the previous unread story",
            keys.PREVIOUS_UNREAD,
            app.action_previous_unread,
        ),
        (
            "Star / unstar",
            "Star the selected story or article (again: unstar)",
            keys.STAR,
            app.action_star,
        ),
        ("Starred articles", "List the starred articles", keys.STARRED_VIEW, app.action_starred_view),
        ("Export as Markdown", "Write the current view to a Markdown file", keys.EXPORT, app.action_export),
        (
            "Actors: story / all",
            "Switch the actors pane between the story and all",
            keys.ACTORS_SCOPE,
            app.action_toggle_actors,
        ),
        ("Full text", "Read the selected article's text", keys.OPEN_ARTICLE, app.action_open_article),
        (
            "Open article link",
            "Open the selected article in the browser",
            keys.OPEN_LINK,
            app.action_open_link,
        ),
        (
            "Copy article link",
            "Copy the selected article's link to the clipboard (OSC 52)",
            keys.YANK_LINK,
            app.action_yank_link,
        ),
        ("Help: keys", "List every key binding", keys.HELP, app.action_help),
        ("Next story", "Move to the next story", keys.STORY_DOWN, app.action_next_story),
        ("Previous story", "Move to the previous story", keys.STORY_UP, app.action_previous_story),
        ("Open story", "Focus the selected story to read it", keys.OPEN_STORY, app.action_open_story),
        ("Next pane", "Move the focus to the next pane", keys.FOCUS_NEXT, app.action_focus_next),
        (
            "Previous pane",
            "Move the focus to the previous pane",
            keys.FOCUS_PREVIOUS,
            app.action_focus_previous,
        ),
    ]
    entries.append(
        ("Saved views", "Pick a saved view of config.toml for the desk", keys.VIEWS, app.action_views)
    )
    for title, help_text, binding, callback in entries:
        yield SystemCommand(title, f"{help_text} ({key(binding)})", callback)
    for name, query in app.saved_views.views.items():
        yield SystemCommand(
            f"View: {clean_line(name)}",
            f"Show the desk for {clean_line(query)}",
            partial(app.saved_views.apply, name),
        )
