"""Provides the story pane: the selected story's headline, summary, articles and why they were grouped.

Actor names (and their aliases) are highlighted in the summary sentences. The pane has an article cursor
(j/k or the arrows): enter shows the article's full text, `o` opens it in the browser. Links are shown by
host only, and only http(s) links are ever opened (the app checks with `safe_url`).
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import BindingType
from textual.content import Content
from textual.geometry import Region
from textual.reactive import reactive

from briefing.lists import story_languages
from briefing.models import ArticleRef, Story
from briefing.render.bidi import BidiMode
from briefing.safetext import clean_line
from briefing.tui import keys
from briefing.tui.format import When, count, host, stamp
from briefing.tui.rendering import find_mentions
from briefing.tui.widgets.block import BLANK, BlockView, Part
from briefing.tui.widgets.stories import STAR

BULLET = "• "
MENTION_STYLE = "bold $text-accent"


CURSOR = "$block-cursor-foreground on $block-cursor-background"
CURSOR_BLURRED = "$block-cursor-blurred-foreground on $block-cursor-blurred-background"


def article_parts(article: ArticleRef, when: When, cursor: str, starred: bool = False) -> list[Part]:
    """One outlet's article: feed, time and host (and `★` when starred) on a line, then the title;
    `cursor`: the fill style of the rows under the article cursor (or "")."""
    feed = clean_line(article.feed) or "unknown feed"
    site = host(article.url)
    meta = f"{feed} · {stamp(article.published, when)} · {site or 'no web link'}"
    if starred:
        meta += f" · {STAR}"
    # No colours of our own: the row may be under the cursor, whose colours the theme sets.
    return [
        Part(
            meta,
            spans=[(0, len(feed), "bold")],
            isolates=[(0, len(feed))],
            direction="ltr",
            prefix=" ",
            fill=cursor,
            key=article,
        ),
        Part(clean_line(article.title), prefix=" ", fill=cursor, key=article),
        BLANK,
    ]


def section(title: str) -> list[Part]:
    return [BLANK, Part(title, style="bold $text-primary", direction="ltr")]


class StoryPane(BlockView):
    """The selected story, scrollable, with an article cursor (drawn line by line: see `BlockView`)."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.ARTICLE_DOWN, keys.ARTICLE_UP, keys.OPEN_ARTICLE]

    article_index: reactive[int] = reactive(0, init=False)

    def __init__(self, *, mode: BidiMode, id: str | None = None) -> None:
        super().__init__(mode=mode, id=id)
        self._story: Story | None = None
        self._when: When | None = None
        self._starred: frozenset[int] = frozenset()
        self.set_title("Story")
        self.update(self._parts())

    @property
    def story(self) -> Story | None:
        return self._story

    @property
    def selected_article(self) -> ArticleRef | None:
        if self._story is None or not self._story.articles:
            return None
        return self._story.articles[min(self.article_index, len(self._story.articles) - 1)]

    def show(self, story: Story | None, when: When, *, article_id: int | None = None) -> None:
        """Show `story` with the article cursor on its first article, or on `article_id` when the story has
        it."""
        self._story, self._when = story, when
        ids = [ref.article_id for ref in story.articles] if story is not None else []
        index = ids.index(article_id) if article_id is not None and article_id in ids else 0
        self.set_reactive(StoryPane.article_index, index)
        self._redraw()
        self.scroll_home(animate=False)
        if index:
            self.call_after_refresh(self._scroll_to_cursor)

    def star(self, starred: frozenset[int]) -> None:
        """The starred article ids changed: redraw the articles' star marks."""
        if starred != self._starred:
            self._starred = starred
            self._redraw()

    def _redraw(self) -> None:
        self.update(self._parts())

    def _parts(self) -> list[Part]:
        story, when = self._story, self._when
        if story is None or when is None:
            return [Part("No story selected.", style="italic $text-muted", direction="ltr")]
        outlets = len({ref.feed for ref in story.articles})
        meta = Content.assemble(
            (count(outlets, "outlet"), "$text-muted"),
            " · ",
            (story_languages(story), "bold $text-secondary"),
            " · ",
            (count(len(story.articles), "article"), "$text-muted"),
        )
        parts = [
            Part(clean_line(story.headline), style="bold $text"),
            Part(meta.plain, spans=[(s.start, s.end, str(s.style)) for s in meta.spans], direction="ltr"),
        ]
        names = [clean_line(n) for actor in story.actors for n in (actor.name, *actor.aliases)]
        if story.summary:
            parts += section("Summary")
        for sentence in story.summary:
            text = BULLET + clean_line(sentence)
            spans = [(start, end, MENTION_STYLE) for start, end in find_mentions(text, names)]
            parts.append(Part(text, spans=spans))
        parts += section(f"Articles ({len(story.articles)})")
        cursor = CURSOR if self.has_focus else CURSOR_BLURRED
        for index, article in enumerate(story.articles):
            fill = cursor if index == self.article_index else ""
            parts += article_parts(article, when, fill, article.article_id in self._starred)
        if story.why:
            parts += section("Why grouped")
            parts += [Part(BULLET + clean_line(reason)) for reason in story.why]
        return parts

    def select_article(self, article_id: int) -> bool:
        """Put the article cursor on the article `article_id`; False when the story does not have it."""
        if self._story is None:
            return False
        for position, ref in enumerate(self._story.articles):
            if ref.article_id == article_id:
                self.article_index = position
                return True
        return False

    def watch_article_index(self, index: int) -> None:
        self._redraw()
        self.call_after_refresh(self._scroll_to_cursor)

    def _on_focus(self, event: events.Focus) -> None:
        super()._on_focus(event)
        self._redraw()

    def _on_blur(self, event: events.Blur) -> None:
        super()._on_blur(event)
        self._redraw()

    def _scroll_to_cursor(self) -> None:
        visual, width = self.visual, self.line_width
        rows = [i for i, part in enumerate(visual.parts) if part.key is not None and part.fill]
        if rows:
            first, end = visual.span_of(rows[0], width)[0], visual.span_of(rows[-1], width)[1]
            self.scroll_to_region(Region(0, first, width, end - first), animate=False)

    def action_cursor_down(self) -> None:
        if self._story is not None and self.article_index < len(self._story.articles) - 1:
            self.article_index += 1

    def action_cursor_up(self) -> None:
        if self.article_index > 0:
            self.article_index -= 1
        else:
            self.scroll_home(animate=False)
