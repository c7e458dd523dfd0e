"""Provides every key binding of the app, each with an id so that a user keymap can remap it.

The ids are the public names of the bindings (`keymap = {refresh = "f5"}` in config.toml, or
`BriefingApp(keymap={"refresh": "f5"})`); the help screen lists the same objects, so it always shows what
the widgets actually bind. Bindings that act on the briefing (search, filters, mark, export, actors) sit on
the main screen, not the app, so that they do nothing while a dialog is open.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

QUIT = Binding("q", "quit", "Quit", id="quit")
REFRESH = Binding("r", "refresh", "Refresh", id="refresh")
OPEN_LINK = Binding("o", "open_link", "Open link", id="open-link")
YANK_LINK = Binding("y", "yank_link", "Copy link", id="yank-link", show=False)
HELP = Binding("question_mark", "help", "Help", id="help", key_display="?")
THEME = Binding("t", "change_theme", "Theme", id="theme", show=False)
PALETTE = Binding("ctrl+p", "command_palette", "Commands", id="command-palette", show=False)

FOCUS_NEXT = Binding("tab", "app.focus_next", "Next pane", id="focus-next", show=False)
FOCUS_PREVIOUS = Binding("shift+tab", "app.focus_previous", "Previous pane", id="focus-previous", show=False)
SEARCH = Binding("slash", "app.search", "Search", id="search", key_display="/")
FILTERS = Binding("f", "app.filters", "Filters", id="filters")
MARK_READ = Binding("m", "app.mark_read", "Mark read", id="mark-read")
NEXT_UNREAD = Binding("n", "app.next_unread", "Next unread", id="next-unread")
PREVIOUS_UNREAD = Binding("p", "app.previous_unread", "Previous unread", id="previous-unread", show=False)
MARK_ALL_READ = Binding("M", "app.mark_all_read", "All read", id="mark-all-read", key_display="M")
UNDO = Binding("u", "app.undo", "Undo", id="undo", show=False)
FEEDS = Binding("L", "app.feeds_view", "Feeds", id="feeds-view", key_display="L")
STAR = Binding("s", "app.star", "Star", id="star", show=False)
"""Star / unstar: the selected story (stories list), the selected article (story pane, full text, a search
result)."""
VIEWS = Binding("V", "app.views", "Views", id="views", key_display="V", show=False)
"""The saved views of config.toml: each filters the desk by its query."""
STARRED_VIEW = Binding("S", "app.starred_view", "Starred", id="starred-view", key_display="S", show=False)
EXPORT = Binding("e", "app.export", "Export", id="export")
ACTORS_SCOPE = Binding("a", "app.toggle_actors", "Actors view", id="actors-scope")

STORY_DOWN = Binding("j,down", "cursor_down", "Next story", id="cursor-down", show=False)
STORY_UP = Binding("k,up", "cursor_up", "Previous story", id="cursor-up", show=False)
OPEN_STORY = Binding("enter", "select", "Open story", id="open-story")

ARTICLE_DOWN = Binding("j,down", "cursor_down", "Next article", id="cursor-down", show=False)
ARTICLE_UP = Binding("k,up", "cursor_up", "Previous article", id="cursor-up", show=False)
OPEN_ARTICLE = Binding("enter", "app.open_article", "Full text", id="open-article")

SCROLL_DOWN = Binding("j,down", "scroll_down", "Scroll down", id="cursor-down", show=False)
SCROLL_UP = Binding("k,up", "scroll_up", "Scroll up", id="cursor-up", show=False)

CLOSE_HELP = Binding("escape,question_mark,q", "dismiss", "Close", id="close-help")
CLOSE = Binding("escape,q", "close", "Close", id="close")
"""Closes the search, filters, export and full-text dialogs (`q` only where no text field has the focus)."""
TO_RESULTS = Binding("down", "results", "Results", id="search-results", show=False)
OPEN_RESULT = Binding("enter", "select", "Read", id="open-result")
GO_TO_STORY = Binding("g", "go_to_story", "Go to its story", id="go-to-story")
APPLY_FILTERS = Binding("ctrl+s", "apply", "Apply", id="apply-filters")

APP_BINDINGS: list[BindingType] = [QUIT, REFRESH, OPEN_LINK, YANK_LINK, HELP, THEME]
MAIN_SCREEN: list[Binding] = [
    FOCUS_NEXT,
    FOCUS_PREVIOUS,
    NEXT_UNREAD,
    PREVIOUS_UNREAD,
    SEARCH,
    FILTERS,
    FEEDS,
    MARK_READ,
    MARK_ALL_READ,
    UNDO,
    STAR,
    STARRED_VIEW,
    VIEWS,
    EXPORT,
    ACTORS_SCOPE,
]
SCREEN_BINDINGS: list[BindingType] = list(MAIN_SCREEN)

HELP_SECTIONS: list[tuple[str, list[Binding]]] = [
    ("Everywhere", [QUIT, REFRESH, OPEN_LINK, YANK_LINK, HELP, THEME, PALETTE]),
    ("Main screen", MAIN_SCREEN),
    ("Stories list", [STORY_DOWN, STORY_UP, OPEN_STORY]),
    ("Story pane", [ARTICLE_DOWN, ARTICLE_UP, OPEN_ARTICLE]),
    ("Actors and agenda panes", [SCROLL_DOWN, SCROLL_UP]),
    ("Search and starred", [TO_RESULTS, OPEN_RESULT, GO_TO_STORY, STAR, CLOSE]),
    ("Filters", [APPLY_FILTERS, CLOSE]),
    ("Full text", [SCROLL_DOWN, SCROLL_UP, OPEN_LINK, YANK_LINK, STAR, CLOSE]),
    ("This help", [CLOSE_HELP]),
]
