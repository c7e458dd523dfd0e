"""Provides the stories pane: the ranked list of today's stories, one item per story.

Each item shows the rank, how many outlets carried the story, its language and the time of its newest
article, then the headline (right-aligned when Arabic). Moving the cursor posts `StoryHighlighted`; enter
or a click posts `StoryOpened`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import BindingType
from textual.content import Content
from textual.widgets import ListItem, ListView, Static

from briefing.models import Story
from briefing.render.bidi import BidiMode
from briefing.render.sanitize import clean_line
from briefing.tui import keys
from briefing.tui.format import When, count, lang_tag, stamp
from briefing.tui.messages import StoryHighlighted, StoryOpened
from briefing.tui.widgets.paragraph import Paragraph


def story_meta(rank: int, story: Story, when: When) -> Content:
    """`1  3 outlets · AR · 19:05` (our own words and numbers only, no feed text).

    No colours here: the item may be under the cursor, whose colours the theme sets through CSS.
    """
    outlets = len({ref.feed for ref in story.articles}) or len(story.articles)
    newest = max((ref.published for ref in story.articles), default=None)
    parts: list[tuple[str, str] | str] = [
        (f"{rank:>2} ", "bold"),
        count(outlets, "outlet"),
        " · ",
        (lang_tag(story.lang), "bold"),
    ]
    if newest is not None:
        parts += [" · ", stamp(newest, when)]
    return Content.assemble(*parts)


class StoryItem(ListItem):
    """One story in the list."""

    def __init__(self, rank: int, story: Story, when: When, mode: BidiMode) -> None:
        super().__init__(
            Static(story_meta(rank, story, when), classes="meta"),
            Paragraph(clean_line(story.headline), mode=mode, classes="headline"),
        )
        self.story = story


class StoriesList(ListView):
    """The ranked stories; the highlighted one drives the other panes."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.STORY_DOWN, keys.STORY_UP, keys.OPEN_STORY]

    def __init__(self, *, mode: BidiMode, id: str | None = None) -> None:
        super().__init__(id=id)
        self._mode = mode
        self.border_title = "Stories"

    async def show(self, stories: Sequence[Story], when: When, selected_id: str | None = None) -> None:
        """Replace the items, keeping the cursor on `selected_id` when that story is still there."""
        await self.clear()
        await self.extend(StoryItem(rank, story, when, self._mode) for rank, story in enumerate(stories, 1))
        self.border_title = f"Stories ({len(stories)})"
        self.index = next((i for i, story in enumerate(stories) if story.id == selected_id), 0)

    @property
    def selected_story(self) -> Story | None:
        item = self.highlighted_child
        return item.story if isinstance(item, StoryItem) else None

    def on_list_view_highlighted(self, event: ListView.Highlighted) -> None:
        event.stop()
        if isinstance(event.item, StoryItem):
            self.post_message(StoryHighlighted(event.item.story))

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        event.stop()
        if isinstance(event.item, StoryItem):
            self.post_message(StoryOpened(event.item.story))
