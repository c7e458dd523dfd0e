"""Provides the main screen: stories on the left; the selected story, its actors and the agenda beside it.

The screen only lays out and routes: `show()` hands a `View` (briefing and read state) to the panes, and the
stories list's cursor (`story_highlighted`, which the list calls directly) updates the story, actors and
agenda panes together. Below 120 columns the panes stack vertically (the `-narrow` breakpoint class; see
app.tcss).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container
from textual.screen import Screen

from briefing.models import ArticleRef, Briefing, Story
from briefing.render.bidi import BidiMode
from briefing.tui import keys
from briefing.tui.access import View
from briefing.tui.format import When
from briefing.tui.messages import PanesMounted, StoryHighlighted, StoryOpened
from briefing.tui.widgets.actors import ActorsPane
from briefing.tui.widgets.agenda import AgendaPane
from briefing.tui.widgets.empty import EmptyPane
from briefing.tui.widgets.footer import KeysFooter
from briefing.tui.widgets.status import StatusBar
from briefing.tui.widgets.stories import StoriesList, unread_ids
from briefing.tui.widgets.story import StoryPane


class MainScreen(Screen[None]):
    """The briefing."""

    BINDINGS: ClassVar[list[BindingType]] = keys.SCREEN_BINDINGS
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]

    def __init__(self, *, bidi: BidiMode, can_refresh: bool) -> None:
        super().__init__()
        self._bidi = bidi
        self._can_refresh = can_refresh
        self._when: When | None = None
        self._shown: Briefing | None = None
        self._pending_article: tuple[str, int] | None = None
        """(story id, article id) to put the article cursor on when that story is highlighted."""

    def compose(self) -> ComposeResult:
        yield StatusBar(mode=self._bidi, id="status")
        with Container(id="body"):
            yield StoriesList(mode=self._bidi, id="stories", on_highlight=self.story_highlighted)
            with Container(id="detail"):
                yield StoryPane(mode=self._bidi, id="story")
                with Container(id="lower"):
                    yield ActorsPane(mode=self._bidi, id="actors")
                    yield AgendaPane(mode=self._bidi, id="agenda")
        yield EmptyPane(can_refresh=self._can_refresh, id="empty")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#body").loading = True
        self.post_message(PanesMounted())

    @property
    def stories(self) -> StoriesList:
        return self.query_one(StoriesList)

    @property
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    @property
    def story_pane(self) -> StoryPane:
        return self.query_one(StoryPane)

    @property
    def selected_story(self) -> Story | None:
        return self.story_pane.story

    @property
    def selected_article(self) -> ArticleRef | None:
        return self.story_pane.selected_article

    @property
    def actors(self) -> ActorsPane:
        return self.query_one(ActorsPane)

    def open_article_of_story(self, story_id: str, article_id: int) -> bool:
        """Select the story `story_id`, focus the story pane and put its cursor on `article_id`."""
        self.story_pane.focus()
        if self.selected_story is not None and self.selected_story.id == story_id:
            self.story_pane.select_article(article_id)
            return True
        self._pending_article = (story_id, article_id)
        if self.stories.select(story_id):
            return True
        self._pending_article = None
        return False

    async def show(self, view: View, *, filters: str = "") -> None:
        """Display `view`, keeping the selected story when it is still in it; `filters` describes the
        active filters for the status bar. The stories list is rebuilt only when its stories changed."""
        briefing = view.briefing
        self._when = When.of(briefing)
        self.story_pane.star(view.starred)
        keep = self.selected_story.id if self.selected_story is not None else None
        unread = len(unread_ids(briefing.stories, view.read))
        self.query_one(StatusBar).show_briefing(
            briefing, filters=filters, complete=view.complete, unread=unread
        )
        self.set_class(not briefing.stories, "-empty")
        self.query_one(AgendaPane).show(briefing.upcoming, complete=view.complete)
        self.query_one(ActorsPane).show_all(briefing.actors, briefing.stories)
        if not briefing.stories:
            self.story_pane.show(None, self._when)
            self.query_one(ActorsPane).show(())
        same = self._shown is not None and self._shown.date == briefing.date
        if same and self._shown is not None and self._shown.stories == briefing.stories:
            self.stories.mark(view.read)
            self.stories.star(view.starred)
            if self.selected_story is not None:  # the agenda may have arrived: mark the story's events
                self.query_one(AgendaPane).mark(self.selected_story.events)
        else:
            self.stories.show(briefing.stories, self._when, keep, view.read, view.starred)
        self._shown = briefing
        self.query_one("#body").loading = False

    def mark_read(self, read: Collection[int]) -> None:
        """The read state changed: update the unread marks and counts."""
        self.stories.mark(read)
        self.query_one(StatusBar).show_unread(len(unread_ids(self.stories.stories, read)))

    def show_stars(self, starred: frozenset[int]) -> None:
        """The starred articles changed: update the star marks of the stories and the story pane."""
        self.stories.star(starred)
        self.story_pane.star(starred)

    def show_error(self, error: str) -> None:
        """The build failed: say so in the status bar; whatever was shown stays."""
        self.query_one(StatusBar).show_error(error)
        self.query_one("#body").loading = False
        self.query_one(AgendaPane).loading = False  # the full view failed after the quick one

    def on_story_highlighted(self, message: StoryHighlighted) -> None:
        self.story_highlighted(message.story)

    def story_highlighted(self, story: Story) -> None:
        """The stories list's cursor moved to `story`: show it in the story, actors and agenda panes."""
        if self._when is None:
            return
        pending, self._pending_article = self._pending_article, None
        article = pending[1] if pending is not None and pending[0] == story.id else None
        self.story_pane.show(story, self._when, article_id=article)
        self.query_one(ActorsPane).show(story.actors)
        self.query_one(AgendaPane).mark(story.events)

    def on_story_opened(self, message: StoryOpened) -> None:
        self.story_pane.focus()
