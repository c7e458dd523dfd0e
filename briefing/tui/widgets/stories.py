"""Provides the stories pane: the ranked list of today's stories, one item per story.

Each item shows an unread mark (`●` while any of its articles is unread), the rank, how many outlets
carried the story, its language and the time of its newest article, then the headline (right-aligned when
Arabic; muted once read). Moving the cursor calls the `on_highlight` it was given (or posts
`StoryHighlighted`); enter or a click posts `StoryOpened`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import ClassVar

from textual.binding import BindingType
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.lists import story_languages
from briefing.models import Story
from briefing.render.bidi import BidiMode
from briefing.safetext import clean_line
from briefing.tui import keys
from briefing.tui.format import When, count, stamp
from briefing.tui.messages import StoryHighlighted, StoryOpened
from briefing.tui.widgets.block import BlockVisual, Part

UNREAD = "●"
STAR = "★"


def is_unread(story: Story, read: Collection[int]) -> bool:
    """Whether any article of `story` is unread (an article the cache does not know counts as unread)."""
    return any(ref.article_id is None or ref.article_id not in read for ref in story.articles)


def unread_ids(stories: Sequence[Story], read: Collection[int]) -> frozenset[int]:
    """The ids of the stories' articles that are not marked read."""
    return frozenset(
        ref.article_id
        for story in stories
        for ref in story.articles
        if ref.article_id is not None and ref.article_id not in read
    )


def has_star(story: Story, starred: Collection[int]) -> bool:
    """Whether any article of `story` is starred."""
    return any(ref.article_id in starred for ref in story.articles if ref.article_id is not None)


def story_meta(rank: int, story: Story, when: When, unread: bool = True, starred: bool = False) -> Content:
    """`● 1  3 outlets · AR · 19:05` (our own words and numbers only, no feed text), `· ★` when starred.

    No colours here: the item may be under the cursor, whose colours the theme sets through CSS.
    """
    outlets = len({ref.feed for ref in story.articles}) or len(story.articles)
    newest = max((ref.published for ref in story.articles), default=None)
    parts: list[tuple[str, str] | str] = [
        (UNREAD if unread else " ", "bold"),
        (f"{rank:>3} ", "bold"),
        count(outlets, "outlet"),
        " · ",
        (story_languages(story), "bold"),
    ]
    if newest is not None:
        parts += [" · ", stamp(newest, when)]
    if starred:
        parts += [" · ", (STAR, "bold")]
    return Content.assemble(*parts)


def story_parts(rank: int, story: Story, when: When, unread: bool, starred: bool = False) -> list[Part]:
    """The meta line (mark, rank, outlets, language, time, star) and the headline of one story."""
    meta = story_meta(rank, story, when, unread, starred)
    head = f"{UNREAD if unread else ' '}{rank:>3} "
    rest = meta[len(head) :]  # the mark and rank go in the prefix: wrapping would drop their spaces
    spans = [(span.start, span.end, str(span.style)) for span in rest.spans]
    # A read story's headline is muted (our style wins over the cursor's colours: still legible on them).
    return [
        Part(rest.plain, spans=spans, direction="ltr", prefix=head, prefix_style="bold"),
        Part(clean_line(story.headline), style="" if unread else "$text-muted"),
    ]


class StoriesList(OptionList):
    """The ranked stories; the highlighted one drives the other panes.

    One widget however many stories (an option list of `BlockVisual`s, drawn line by line): moving the
    cursor restyles two options and lays out nothing.
    """

    BINDINGS: ClassVar[list[BindingType]] = [keys.STORY_DOWN, keys.STORY_UP, keys.OPEN_STORY]

    highlighted: reactive[int | None] = reactive(None, repaint=False)
    """As OptionList's, but a move repaints only the two options it restyles (`watch_highlighted`), not
    every line of the list."""

    def __init__(
        self, *, mode: BidiMode, id: str | None = None, on_highlight: Callable[[Story], None] | None = None
    ) -> None:
        """`on_highlight`: called with the story the cursor moves to, in the same call (the main screen
        updates its panes there, so they are repainted in the same frame as the cursor: through a message
        they came a frame later, and a `j` drew the screen twice); without it, `StoryHighlighted` is
        posted."""
        super().__init__(id=id, markup=False)
        self._on_highlight = on_highlight
        self._mode = mode
        self._stories: tuple[Story, ...] = ()
        self._unread: list[bool] = []
        self._starred: frozenset[int] = frozenset()
        self._stars: list[bool] = []
        self._when: When | None = None
        self._cursor_at: int | None = None
        """The option the cursor was drawn on (repainted when it moves)."""
        self.border_title = "Stories"

    def show(
        self,
        stories: Sequence[Story],
        when: When,
        selected_id: str | None = None,
        read: Collection[int] = frozenset(),
        starred: frozenset[int] = frozenset(),
    ) -> None:
        """Replace the stories, keeping the cursor on `selected_id` when that story is still there; `read`
        and `starred`: the ids of the read and the starred articles."""
        self._stories, self._when = tuple(stories), when
        self._unread = [is_unread(story, read) for story in stories]
        self._starred = starred
        self._stars = [has_star(story, starred) for story in stories]
        options: list[Option | None] = []
        for rank, (story, unread) in enumerate(zip(self._stories, self._unread, strict=True), 1):
            options += [Option(self._visual(rank, story, unread)), None]
        self.set_options(options)
        self._title(read)
        if stories:
            self.highlighted = next((i for i, story in enumerate(stories) if story.id == selected_id), 0)

    def _title(self, read: Collection[int]) -> None:
        """`Stories (6 · 14 unread)`: the stories and their unread articles."""
        unread = len(unread_ids(self._stories, read))
        self.border_title = f"Stories ({len(self._stories)} · {unread} unread)"

    def _visual(self, rank: int, story: Story, unread: bool) -> BlockVisual:
        assert self._when is not None
        starred = has_star(story, self._starred)
        return BlockVisual(story_parts(rank, story, self._when, unread, starred), self._mode)

    @property
    def stories(self) -> tuple[Story, ...]:
        return self._stories

    def __len__(self) -> int:
        return len(self._stories)

    @property
    def unread_marks(self) -> list[bool]:
        """Whether each story, in list order, shows the unread mark."""
        return list(self._unread)

    def mark(self, read: Collection[int]) -> None:
        """Update the unread marks for this read state (only the stories whose mark changes are redrawn)."""
        for index, story in enumerate(self._stories):
            unread = is_unread(story, read)
            if unread != self._unread[index]:
                self._unread[index] = unread
                self.replace_option_prompt_at_index(index, self._visual(index + 1, story, unread))
        self._title(read)

    def star(self, starred: frozenset[int]) -> None:
        """Update the star marks for these starred article ids (only the stories whose mark changes)."""
        self._starred = starred
        for index, story in enumerate(self._stories):
            mark = has_star(story, starred)
            if mark != self._stars[index]:
                self._stars[index] = mark
                visual = self._visual(index + 1, story, self._unread[index])
                self.replace_option_prompt_at_index(index, visual)

    @property
    def star_marks(self) -> list[bool]:
        """Whether each story, in list order, shows the star."""
        return list(self._stars)

    def next_unread(self, step: int) -> bool:
        """Move the cursor to the next (`step` 1) or previous (-1) unread story; False when there is none."""
        start = self.highlighted if self.highlighted is not None else -step
        index = start + step
        while 0 <= index < len(self._stories):
            if self._unread[index]:
                self.highlighted = index
                return True
            index += step
        return False

    def select(self, story_id: str) -> bool:
        """Move the cursor to the story `story_id`; False when it is not in the list."""
        for position, story in enumerate(self._stories):
            if story.id == story_id:
                self.highlighted = position
                return True
        return False

    @property
    def selected_story(self) -> Story | None:
        index = self.highlighted
        return self._stories[index] if index is not None and index < len(self._stories) else None

    def action_cursor_down(self) -> None:
        if self.highlighted is not None and self.highlighted < len(self._stories) - 1:
            self.highlighted += 1

    def action_cursor_up(self) -> None:
        if self.highlighted is not None and self.highlighted > 0:
            self.highlighted -= 1

    def watch_highlighted(self, highlighted: int | None) -> None:
        previous, self._cursor_at = self._cursor_at, highlighted
        if previous is None or highlighted is None:
            self.refresh()
        else:  # a scroll that follows repaints the whole list anyway
            self._refresh_option(previous)
            self._refresh_option(highlighted)
        super().watch_highlighted(highlighted)
        if highlighted is not None and highlighted < len(self._stories):
            story = self._stories[highlighted]
            if self._on_highlight is not None:
                self._on_highlight(story)
            else:
                self.post_message(StoryHighlighted(story))

    def _refresh_option(self, index: int) -> None:
        """Repaint the lines of option `index` (all of them if the lines are not laid out yet)."""
        self._update_lines()
        line = self._index_to_line.get(index)
        if line is None:
            self.refresh()
        else:
            self.refresh_lines(line, self._heights[index])

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(StoryOpened(self._stories[event.option_index]))
