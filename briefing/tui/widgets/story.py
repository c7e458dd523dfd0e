"""Provides the story pane: the selected story's headline, summary, articles and why they were grouped.

Actor names (and their aliases) are highlighted in the summary sentences. The pane has an article cursor
(j/k or the arrows): enter shows the article's full text, `o` opens it in the browser. Links are shown by
host only, and only http(s) links are ever opened (the app checks with `safe_url`).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from briefing.models import ArticleRef, Story
from briefing.render.bidi import BidiMode
from briefing.render.sanitize import clean_line
from briefing.tui import keys
from briefing.tui.format import When, count, host, lang_tag, stamp
from briefing.tui.rendering import find_mentions
from briefing.tui.widgets.block import Block, Part
from briefing.tui.widgets.paragraph import Paragraph

BULLET = "• "
MENTION_STYLE = "bold $text-accent"


class ArticleRow(Block):
    """One outlet's article: feed, time and host on a line, then the title (one widget: see `Block`)."""

    DEFAULT_CSS = """
    ArticleRow {
        height: auto;
    }
    """

    def __init__(self, article: ArticleRef, when: When, mode: BidiMode, *, cursor: bool) -> None:
        feed = clean_line(article.feed) or "unknown feed"
        site = host(article.url)
        meta = f"{feed} · {stamp(article.published, when)} · {site or 'no web link'}"
        parts = [
            # No colours: the row may be under the cursor, whose colours the theme sets through CSS.
            Part(meta, spans=[(0, len(feed), "bold")], isolates=[(0, len(feed))], direction="ltr"),
            Part(clean_line(article.title)),
        ]
        super().__init__(parts, mode=mode, classes="-cursor" if cursor else None)
        self.article = article


class StoryPane(VerticalScroll, can_focus=True):
    """The selected story, scrollable, with an article cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.ARTICLE_DOWN, keys.ARTICLE_UP, keys.OPEN_ARTICLE]

    article_index: reactive[int] = reactive(0, init=False)

    def __init__(self, *, mode: BidiMode, id: str | None = None) -> None:
        super().__init__(id=id)
        self._mode = mode
        self._story: Story | None = None
        self._when: When | None = None
        self.border_title = "Story"

    @property
    def story(self) -> Story | None:
        return self._story

    @property
    def selected_article(self) -> ArticleRef | None:
        if self._story is None or not self._story.articles:
            return None
        return self._story.articles[min(self.article_index, len(self._story.articles) - 1)]

    def show(self, story: Story | None, when: When, *, article_id: int | None = None) -> None:
        """Show `story` (recomposed on the next refresh), with the article cursor on its first article, or on
        `article_id` when the story has it."""
        self._story, self._when = story, when
        ids = [ref.article_id for ref in story.articles] if story is not None else []
        index = ids.index(article_id) if article_id is not None and article_id in ids else 0
        self.set_reactive(StoryPane.article_index, index)
        self.refresh(recompose=True)
        self.scroll_home(animate=False)
        if index:
            self.call_after_refresh(self.watch_article_index, index)

    def compose(self) -> ComposeResult:
        story, when = self._story, self._when
        if story is None or when is None:
            yield Static(Content("No story selected."), classes="placeholder")
            return
        yield Paragraph(clean_line(story.headline), mode=self._mode, classes="headline")
        outlets = len({ref.feed for ref in story.articles})
        yield Static(
            Content.assemble(
                (count(outlets, "outlet"), "$text-muted"),
                " · ",
                (lang_tag(story.lang), "bold $text-secondary"),
                " · ",
                (count(len(story.articles), "article"), "$text-muted"),
            ),
            classes="meta",
        )
        names = [clean_line(n) for actor in story.actors for n in (actor.name, *actor.aliases)]
        if story.summary:
            yield Static(Content("Summary"), classes="section")
        for sentence in story.summary:
            text = BULLET + clean_line(sentence)
            spans = [(start, end, MENTION_STYLE) for start, end in find_mentions(text, names)]
            yield Paragraph(text, mode=self._mode, spans=spans, classes="sentence")
        yield Static(Content(f"Articles ({len(story.articles)})"), classes="section")
        for index, article in enumerate(story.articles):
            yield ArticleRow(article, when, self._mode, cursor=index == self.article_index)
        if story.why:
            yield Static(Content("Why grouped"), classes="section")
            for reason in story.why:
                yield Paragraph(BULLET + clean_line(reason), mode=self._mode, classes="why")

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
        rows = list(self.query(ArticleRow))
        for position, row in enumerate(rows):
            row.set_class(position == index, "-cursor")
        if 0 <= index < len(rows):
            self.scroll_to_widget(rows[index], animate=False)

    def action_cursor_down(self) -> None:
        if self._story is not None and self.article_index < len(self._story.articles) - 1:
            self.article_index += 1

    def action_cursor_up(self) -> None:
        if self.article_index > 0:
            self.article_index -= 1
        else:
            self.scroll_home(animate=False)
