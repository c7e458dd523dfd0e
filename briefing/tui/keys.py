"""Provides every key binding of the app, each with an id so that a user keymap can remap it.

The ids are the public names of the bindings (`BriefingApp(keymap={"refresh": "f5"})`); the help screen lists
the same objects, so it always shows what the widgets actually bind.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

QUIT = Binding("q", "quit", "Quit", id="quit")
REFRESH = Binding("r", "refresh", "Refresh", id="refresh")
OPEN_LINK = Binding("o", "open_link", "Open link", id="open-link")
HELP = Binding("question_mark", "help", "Help", id="help", key_display="?")
THEME = Binding("t", "change_theme", "Theme", id="theme", show=False)
PALETTE = Binding("ctrl+p", "command_palette", "Commands", id="command-palette", show=False)

FOCUS_NEXT = Binding("tab", "app.focus_next", "Next pane", id="focus-next", show=False)
FOCUS_PREVIOUS = Binding("shift+tab", "app.focus_previous", "Previous pane", id="focus-previous", show=False)

STORY_DOWN = Binding("j,down", "cursor_down", "Next story", id="cursor-down", show=False)
STORY_UP = Binding("k,up", "cursor_up", "Previous story", id="cursor-up", show=False)
OPEN_STORY = Binding("enter", "select_cursor", "Open story", id="open-story")

ARTICLE_DOWN = Binding("j,down", "cursor_down", "Next article", id="cursor-down", show=False)
ARTICLE_UP = Binding("k,up", "cursor_up", "Previous article", id="cursor-up", show=False)

SCROLL_DOWN = Binding("j,down", "scroll_down", "Scroll down", id="cursor-down", show=False)
SCROLL_UP = Binding("k,up", "scroll_up", "Scroll up", id="cursor-up", show=False)

CLOSE_HELP = Binding("escape,question_mark,q", "dismiss", "Close", id="close-help")

APP_BINDINGS: list[BindingType] = [QUIT, REFRESH, OPEN_LINK, HELP, THEME]
SCREEN_BINDINGS: list[BindingType] = [FOCUS_NEXT, FOCUS_PREVIOUS]

HELP_SECTIONS: list[tuple[str, list[Binding]]] = [
    ("Everywhere", [QUIT, REFRESH, OPEN_LINK, HELP, THEME, PALETTE, FOCUS_NEXT, FOCUS_PREVIOUS]),
    ("Stories list", [STORY_DOWN, STORY_UP, OPEN_STORY]),
    ("Story pane", [ARTICLE_DOWN, ARTICLE_UP]),
    ("Actors and agenda panes", [SCROLL_DOWN, SCROLL_UP]),
    ("This help", [CLOSE_HELP]),
]
