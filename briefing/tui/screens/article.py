"""Provides the full-text screen: one article's stored text, read on demand (enter on an article).

The screen opens at once with the title and a loading indicator; the app reads the article in a worker and
calls `show_text`. The text is what the cache holds: the page's full text for feeds fetched with
`full_text`, otherwise the feed's own description. Each paragraph is bidi-laid-out on its own.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from briefing.clock import in_zone
from briefing.models import Article, ArticleRef
from briefing.nlp.text.prepare import prepare
from briefing.render.bidi import BidiMode
from briefing.safetext import clean_line, clean_text
from briefing.tui import keys
from briefing.tui.format import count, host, lang_tag, long_day_label
from briefing.tui.widgets.footer import KeysFooter
from briefing.tui.widgets.paragraph import Paragraph

GONE = "This article is no longer in the cache."


def paragraphs(text: str, title: str | None = None) -> list[str]:
    """The non-empty paragraphs of a stored text (one per line; runs of blank lines dropped), without the
    page furniture that the analysis strips too (`briefing.nlp.text.prepare`: skip links, bylines, photo
    credits, share prompts) and without a repeat of the title."""
    body = prepare(clean_text(text), title=title).body if title else clean_text(text)
    return [line.strip() for line in body.split("\n") if line.strip()]


class ArticleText(VerticalScroll, can_focus=True):
    """The scrollable text."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.SCROLL_DOWN, keys.SCROLL_UP]


class ArticleScreen(Screen[None]):
    """One article, full text (`o`, the app's binding, opens this article's link here)."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.CLOSE, keys.STAR]

    def __init__(
        self, article: ArticleRef, *, mode: BidiMode, zone: tzinfo | None = None, starred: bool = False
    ) -> None:
        super().__init__()
        self.article = article
        self.starred = starred
        """Whether the article is starred (`s` here stars or unstars it)."""
        self._mode = mode
        self._zone = zone
        """The zone every time on screen is shown in (`BriefingApp.zone`; None: the article's own, its
        outlet's)."""
        self.text: str | None = None
        """The text shown (None while loading)."""

    def compose(self) -> ComposeResult:
        ref = self.article
        feed = clean_line(ref.feed) or "unknown feed"
        published = in_zone(ref.published, self._zone)
        day = long_day_label(published.date())
        clock = f"{published.hour:02d}:{published.minute:02d}"
        site = host(ref.url) or "no web link"
        meta = f"{feed} · {day} {clock} · {lang_tag(ref.lang)} · {site}"
        with VerticalScroll(id="article-head"):
            yield Paragraph(clean_line(ref.title) or "(no title)", mode=self._mode, classes="headline")
            yield Paragraph(
                meta,
                mode=self._mode,
                direction="ltr",
                spans=[(0, len(feed), "bold")],
                isolates=[(0, len(feed))],
                classes="meta",
            )
        body = ArticleText(id="article-text")
        body.border_title = "Full text"
        body.border_subtitle = self._subtitle()
        with body:
            yield Static(Content(""), classes="placeholder")
        yield KeysFooter()

    def _subtitle(self) -> str:
        return ("★ starred · " if self.starred else "") + "o opens the link · escape closes"

    def show_star(self, starred: bool) -> None:
        self.starred = starred
        self.query_one(ArticleText).border_subtitle = self._subtitle()

    def on_mount(self) -> None:
        body = self.query_one(ArticleText)
        body.loading = True
        body.focus()

    async def show_text(self, article: Article | None, *, missing: str = GONE) -> None:
        """The article as read from the cache (None: say `missing`)."""
        body = self.query_one(ArticleText)
        await body.remove_children()
        if article is None:
            self.text = ""
            await body.mount(Static(Content(missing), classes="placeholder"))
        else:
            self.text = article.text
            parts = paragraphs(article.text, article.title or None)
            if not parts:
                message = "The feed gave no text for this article; o opens it in the browser."
                await body.mount(Static(Content(message), classes="placeholder"))
            else:
                words = len(article.text.split())
                body.border_title = f"Full text · {count(words, 'word')}"
                await body.mount_all(Paragraph(part, mode=self._mode, classes="para") for part in parts)
        body.loading = False
        body.scroll_home(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
