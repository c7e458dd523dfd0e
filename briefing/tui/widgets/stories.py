"""Provides the stories pane: the ranked list of today's stories, one item per story.

Each item shows an unread mark (`●` while any of its articles is unread), the rank, how many outlets
carried the story, its language and the time of its newest article, then the headline (right-aligned when
Arabic). Moving the cursor posts `StoryHighlighted`; enter or a click posts `StoryOpened`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import ClassVar

from textual.binding import BindingType
from textual.content import Content
from textual.widgets import ListItem, ListView

from briefing.models import Story
from briefing.render.bidi import BidiMode
from briefing.render.sanitize import clean_line
from briefing.tui import keys
from briefing.tui.format import When, count, lang_tag, stamp
from briefing.tui.messages import StoryHighlighted, StoryOpened
from briefing.tui.widgets.block import Block, Part

UNREAD = "●"


def is_unread(story: Story, read: Collection[int]) -> bool:
    """Whether any article of `story` is unread (an article the cache does not know counts as unread)."""
    return any(ref.article_id is None or ref.article_id not in read for ref in story.articles)


def story_meta(rank: int, story: Story, when: When, unread: bool = True) -> Content:
    """`● 1  3 outlets · AR · 19:05` (our own words and numbers only, no feed text).

    No colours here: the item may be under the cursor, whose colours the theme sets through CSS.
    """
    outlets = len({ref.feed for ref in story.articles}) or len(story.articles)
    newest = max((ref.published for ref in story.articles), default=None)
    parts: list[tuple[str, str] | str] = [
        (UNREAD if unread else " ", "bold"),
        (f"{rank:>3} ", "bold"),
        count(outlets, "outlet"),
        " · ",
        (lang_tag(story.lang), "bold"),
    ]
    if newest is not None:
        parts += [" · ", stamp(newest, when)]
    return Content.assemble(*parts)


class StoryItem(ListItem):
    """One story in the list."""

    def __init__(self, rank: int, story: Story, when: When, mode: BidiMode, *, unread: bool) -> None:
        self.story = story
        self._rank = rank
        self._when = when
        self._mode = mode
        super().__init__(Block(self._parts(unread), mode=mode), classes="" if unread else "-read")

    def _parts(self, unread: bool) -> list[Part]:
        meta = story_meta(self._rank, self.story, self._when, unread)
        head = f"{UNREAD if unread else ' '}{self._rank:>3} "
        rest = meta[len(head) :]  # the mark and rank go in the prefix: wrapping would drop their spaces
        spans = [(span.start, span.end, str(span.style)) for span in rest.spans]
        headline = clean_line(self.story.headline)
        # A read story's headline is muted (our style wins over the cursor's colours: still legible on them).
        return [
            Part(rest.plain, spans=spans, direction="ltr", prefix=head, prefix_style="bold"),
            Part(headline, style="" if unread else "$text-muted"),
        ]

    @property
    def unread(self) -> bool:
        return not self.has_class("-read")

    def set_unread(self, unread: bool) -> None:
        if unread != self.unread:
            self.set_class(not unread, "-read")
            self.query_one(Block).update(self._parts(unread))


class StoriesList(ListView):
    """The ranked stories; the highlighted one drives the other panes."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.STORY_DOWN, keys.STORY_UP, keys.OPEN_STORY]

    def __init__(self, *, mode: BidiMode, id: str | None = None) -> None:
        super().__init__(id=id)
        self._mode = mode
        self.border_title = "Stories"

    async def show(
        self,
        stories: Sequence[Story],
        when: When,
        selected_id: str | None = None,
        read: Collection[int] = frozenset(),
    ) -> None:
        """Replace the items, keeping the cursor on `selected_id` when that story is still there."""
        await self.clear()
        await self.extend(
            StoryItem(rank, story, when, self._mode, unread=is_unread(story, read))
            for rank, story in enumerate(stories, 1)
        )
        self.border_title = f"Stories ({len(stories)})"
        self.index = next((i for i, story in enumerate(stories) if story.id == selected_id), 0)

    def mark(self, read: Collection[int]) -> None:
        """Update the unread marks for this read state (the items stay)."""
        for item in self.query(StoryItem):
            item.set_unread(is_unread(item.story, read))

    def select(self, story_id: str) -> bool:
        """Move the cursor to the story `story_id`; False when it is not in the list."""
        for position, item in enumerate(self.query(StoryItem)):
            if item.story.id == story_id:
                self.index = position
                return True
        return False

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
