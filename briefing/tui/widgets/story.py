"""Provides the story pane: the selected story's headline, summary, articles and why they were grouped.

Actor names (and their aliases) are highlighted in the summary sentences. The pane has an article cursor
(j/k or the arrows): `o` opens the article under it. Links are shown by host only, and only http(s) links
are ever opened (the app checks with `safe_url`).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from briefing.models import ArticleRef, Story
from briefing.render.bidi import BidiMode
from briefing.render.sanitize import clean_line
from briefing.tui import keys
from briefing.tui.format import When, count, host, lang_tag, stamp
from briefing.tui.rendering import find_mentions
from briefing.tui.widgets.paragraph import Paragraph

BULLET = "• "
MENTION_STYLE = "bold $text-accent"


class ArticleRow(Vertical):
    """One outlet's article: feed, time and host on a line, then the title."""

    DEFAULT_CSS = """
    ArticleRow {
        height: auto;
    }
    """

    def __init__(self, article: ArticleRef, when: When, mode: BidiMode, *, cursor: bool) -> None:
        super().__init__(classes="-cursor" if cursor else None)
        self.article = article
        feed = clean_line(article.feed) or "unknown feed"
        site = host(article.url)
        self._meta = f"{feed} · {stamp(article.published, when)} · {site or 'no web link'}"
        self._feed = (0, len(feed))
        self._title = clean_line(article.title)
        self._mode = mode

    def compose(self) -> ComposeResult:
        yield Paragraph(
            self._meta,
            mode=self._mode,
            spans=[(*self._feed, "bold")],  # no colours: the row may be under the cursor
            direction="ltr",
            isolates=[self._feed],
            classes="meta",
        )
        yield Paragraph(self._title, mode=self._mode, classes="title")


class StoryPane(VerticalScroll, can_focus=True):
    """The selected story, scrollable, with an article cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.ARTICLE_DOWN, keys.ARTICLE_UP]

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

    def show(self, story: Story | None, when: When) -> None:
        """Show `story` (recomposed on the next refresh), with the article cursor on its first article."""
        self._story, self._when = story, when
        self.set_reactive(StoryPane.article_index, 0)
        self.refresh(recompose=True)
        self.scroll_home(animate=False)

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
