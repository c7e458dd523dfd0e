"""Provides the search dialog (`/`): a query field over the cache's full-text search, and the results.

The dialog does no I/O: enter posts `SearchScreen.Submitted`, the app runs the search in a worker and hands
the hits back with `show_results`. Enter on a result asks the app to show its full text over the dialog
(escape comes back to the results); `g` dismisses the dialog with that article, and the app opens its story
when it is on screen, or its full text otherwise. `s` stars or unstars the result under the cursor.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing.clock import in_zone
from briefing.models import Article
from briefing.render.bidi import BidiMode
from briefing.safetext import clean_line
from briefing.tui import keys
from briefing.tui.format import count, lang_tag, long_day_label
from briefing.tui.widgets.block import BlockVisual, Part
from briefing.tui.widgets.stories import STAR

STARRED_QUERY = "+starred"
"""The query of the starred view (`S`)."""


def has_words(query: str) -> bool:
    return any(character.isalnum() for character in query)


def hit_parts(article: Article, zone: tzinfo | None = None, starred: bool = False) -> list[Part]:
    """One search result: date (in `zone`), feed and language (and `★` when starred), then the title."""
    feed = clean_line(article.feed_title) or "unknown feed"
    day = long_day_label(in_zone(article.published, zone).date())
    meta = f"{day} · {feed} · {lang_tag(article.lang)}"
    if starred:
        meta += f" · {STAR}"
    feed_span = (len(day) + 3, len(day) + 3 + len(feed))
    return [
        # No colours: the hit may be under the cursor, whose colours the theme sets.
        Part(meta, isolates=[feed_span], direction="ltr"),
        Part(clean_line(article.title) or "(no title)", style="bold"),
    ]


class SearchScreen(ModalScreen[Article | None]):
    """Full-text search of the cache (also the starred view: the query `+starred`, run at once).

    Enter on a result posts `Opened` (the app shows its full text over this dialog, so escape comes back to
    the results); `g` dismisses the dialog with the result (the app shows it in its story on the desk)."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.CLOSE, keys.TO_RESULTS, keys.STAR, keys.GO_TO_STORY]

    class Submitted(Message):
        """The user asked to search for `query` (it has at least one word)."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Opened(Message):
        """The user chose a result to read (`article`, without its text)."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    def __init__(
        self,
        *,
        mode: BidiMode,
        query: str = "",
        zone: tzinfo | None = None,
        title: str = "Search the cache",
        run: bool = False,
    ) -> None:
        super().__init__()
        self._mode = mode
        self._zone = zone
        self._query = query
        self._title = title
        self._run = run
        """Search for `query` at once, and put the focus on the results (the starred view)."""
        self.hits: tuple[Article, ...] = ()
        """The results on screen."""
        self.starred: frozenset[int] = frozenset()
        """The ids of the results that are starred."""

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog") as dialog:
            dialog.border_title = self._title
            dialog.border_subtitle = "enter searches · ↓ results · s stars · escape closes"
            yield Input(
                value=self._query,
                placeholder='Words, "phrases", -word, +unread, @2-days, feed:NAME, lang:ar, actor:NAME',
                id="query",
            )
            yield Static(Content("Type words and press enter."), id="search-status")
            yield OptionList(id="results", markup=False)

    def on_mount(self) -> None:
        self.query_one("#query", Input).focus()
        if self._run and has_words(self._query):
            self._say("Searching…")
            self.post_message(self.Submitted(self._query))

    @property
    def status(self) -> str:
        return str(self.query_one("#search-status", Static).content)

    def _say(self, text: str, style: str = "") -> None:
        self.query_one("#search-status", Static).update(
            Content.styled(text, style) if style else Content(text)
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        query = event.value.strip()
        if not has_words(query):
            self._say("Type a word to search for.", "$text-warning")
            return
        self._query = query
        self._say("Searching…")
        self.post_message(self.Submitted(query))

    async def show_results(
        self, query: str, hits: Sequence[Article], starred: frozenset[int] = frozenset()
    ) -> None:
        """The hits for `query` (ignored when the user has searched for something else since); `starred`:
        the ids of those that are starred."""
        if query != self._query:
            return
        self.hits = tuple(hits)
        self.starred = starred
        results = self.query_one("#results", OptionList)
        options: list[Option | None] = []
        for article in self.hits:  # one widget for all the hits: 50 results lay out as fast as one
            options += [Option(self._visual(article)), None]
        results.set_options(options)
        if self.hits:
            verb = "matches" if len(self.hits) == 1 else "match"
            said = f"{count(len(self.hits), 'article')} {verb} “{clean_line(query)}”"
            self._say(said + " · ↓ and enter to read, g to its story")
            results.highlighted = 0
            if self._run:  # the starred view is a list to go through: the cursor starts on it
                self._run = False
                results.focus()
        else:
            self._say(f"Nothing matches “{clean_line(query)}”.", "$text-warning")

    def _visual(self, article: Article) -> BlockVisual:
        return BlockVisual(hit_parts(article, self._zone, article.id in self.starred), self._mode)

    def show_stars(self, article_ids: frozenset[int], starred: bool) -> None:
        """These articles were starred (or unstarred): redraw their marks (they stay in the list, so that a
        second `s` puts the star back)."""
        self.starred = self.starred | article_ids if starred else self.starred - article_ids
        results = self.query_one("#results", OptionList)
        for index, article in enumerate(self.hits):
            if article.id in article_ids:
                results.replace_option_prompt_at_index(index, self._visual(article))

    @property
    def highlighted_hit(self) -> Article | None:
        """The result under the cursor of the results list (None when the query field has the focus)."""
        results = self.query_one("#results", OptionList)
        index = results.highlighted
        if not results.has_focus or index is None or index >= len(self.hits):
            return None
        return self.hits[index]

    def show_error(self, error: str) -> None:
        self._say(f"Search failed: {clean_line(error)}", "$text-error")

    def action_results(self) -> None:
        results = self.query_one("#results", OptionList)
        if self.hits and not results.has_focus:
            results.focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_go_to_story(self) -> None:
        hit = self.highlighted_hit
        if hit is not None:
            self.dismiss(hit)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Opened(self.hits[event.option_index]))
