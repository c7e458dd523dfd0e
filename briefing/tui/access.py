"""Provides what the app may ask of the cache, as plain callables handed in by the `tui` command.

The app never opens SQLite: `CacheAccess` carries one function per question (the view for some filters,
the feed list, a search, one article, marking articles read, starring them), each called from a thread
worker. Tests pass fakes; `briefing tui` passes closures over `Store` and `build_briefing` (see
`briefing.cli.cache_access`). No Textual import here: these are data.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import Literal

from briefing.models import Article, Briefing

Lang = Literal["all", "ar", "en"]


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the briefing to (`f`); the default shows everything of the newest day."""

    lang: Lang = "all"
    """Only stories and events in this language."""
    feeds: frozenset[int] = frozenset()
    """Only articles of these feed ids; empty means every feed."""
    day: date | None = None
    """The briefing of this day; None means today (or the newest day with articles)."""
    unread_only: bool = False
    """Only articles not marked read."""
    agenda_all: bool = False
    """The agenda lists every upcoming event, not only the next `agenda.DEFAULT_DAYS` days."""
    query: str = ""
    """Only the articles this query (`briefing.query`) matches; "" keeps every article."""
    view: str = ""
    """The saved view `query` comes from (its name, said in the status bar), or ""."""

    @property
    def active(self) -> bool:
        return self != Filters()

    def describe(self, feed_names: Mapping[int, str] = {}) -> str:  # noqa: B006 (read-only default)
        """`AR · 2 feeds · 15 Mar 2024 · unread`, or "" when nothing is filtered."""
        parts: list[str] = []
        if self.lang != "all":
            parts.append(self.lang.upper())
        if len(self.feeds) == 1:
            (only,) = self.feeds
            parts.append(feed_names.get(only, "1 feed"))
        elif self.feeds:
            parts.append(f"{len(self.feeds)} feeds")
        if self.day is not None:
            parts.append(self.day.isoformat())
        if self.unread_only:
            parts.append("unread")
        if self.agenda_all:
            parts.append("all upcoming")
        if self.query:
            parts.append(f"view {self.view}" if self.view else f"query {self.query}")
        return " · ".join(parts)


@dataclass(frozen=True)
class View:
    """A briefing as the app shows it, with the read state of its articles."""

    briefing: Briefing
    read: frozenset[int] = frozenset()
    """Ids of the briefing's articles that are marked read."""
    complete: bool = True
    """False for the quick first view: stories only, the agenda (`upcoming`) still to come."""
    starred: frozenset[int] = frozenset()
    """Ids of the briefing's articles that are starred."""


@dataclass(frozen=True)
class FeedChoice:
    """One feed the user can filter on, with its health for the feeds view (`L`)."""

    id: int
    title: str
    articles: int = 0
    unread: int = 0
    """How many of its cached articles are not marked read."""
    last_success: datetime | None = None
    last_error: str | None = None
    """Why the last fetch failed (feed text: cleaned before it is shown); None after a success."""
    next_fetch: datetime | None = None
    zone: tzinfo | None = None
    """The outlet's own zone (its newest article's offset): read only when times are shown in the outlets'
    zones (config.toml `times = "outlet"`), where the feeds view shows this feed's times in it."""


@dataclass(frozen=True)
class CacheAccess:
    """The cache, as the functions the app may call (each from a worker thread, never on the UI loop)."""

    view: Callable[[Filters, bool], View]
    """`view(filters, quick)`: the briefing for `filters`; with `quick` it may leave the agenda out
    (`View.complete` False) so that the first screen appears fast, and the app asks again without it."""
    feeds: Callable[[], Sequence[FeedChoice]] = field(default=lambda: ())
    """The subscribed feeds, for the feed filter."""
    search: Callable[[str], Sequence[Article]] = field(default=lambda query: ())
    """Full-text search of the cache (titles and texts, Arabic-normalized), best match first."""
    article: Callable[[int], Article | None] = field(default=lambda article_id: None)
    """One cached article with its stored text (None when it is gone)."""
    mark_read: Callable[[Collection[int], bool], None] = field(default=lambda ids, read: None)
    """Mark these article ids read (True) or unread (False)."""
    star: Callable[[Collection[int], bool], None] = field(default=lambda ids, starred: None)
    """Star (True) or unstar (False) these article ids."""
    starred: Callable[[Collection[int]], frozenset[int]] = field(default=lambda ids: frozenset())
    """Which of these article ids are starred (for search results, which carry no star)."""
    prepare: Callable[[], None] = field(default=lambda: None)
    """Work to do ahead, once, after the first complete view is on screen (the search normalizer, which
    takes half a second to load), so that the first search does not wait for it."""
