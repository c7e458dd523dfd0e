"""Provides the frozen records that flow through briefing: feeds, articles, analyses, stories, the Briefing.

Every layer speaks in these types: the parser produces `ParsedEntry`, the store returns `Feed`, `Article` and
`Analysis`, the pipeline builds `Story` and `Briefing`, and the renderers only read them. Offsets in
`Sentence`,
`Actor.mentions` are `[start, end)` character offsets into `Analysis.text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

ActorKind = Literal["person", "org", "country", "place"]
Precision = Literal["day", "week", "month", "year", "vague"]
EventStatus = Literal["firm", "conditional", "cancelled", "postponed"]
Span = tuple[int, int]


@dataclass(frozen=True)
class Feed:
    """A subscribed feed and what the last fetches learned about it."""

    url: str
    title: str = ""
    lang: str | None = None
    full_text: bool = False
    id: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_success: datetime | None = None
    last_error: str | None = None
    next_fetch: datetime | None = None
    item_count: int = 0
    gone: bool = False


@dataclass(frozen=True)
class ParsedEntry:
    """One feed entry as the parser hands it to the store: sanitized text, no markup."""

    guid: str
    url: str
    title: str
    author: str
    published: datetime | None
    text: str
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Page:
    """The full-text record of one article page (what a fetch found on it, cached by the store)."""

    url: str
    status: str
    """"ok" or "error"."""
    text: str = ""
    error: str | None = None
    failures: int = 0
    next_try: datetime | None = None


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    score: float = 0.0
    rank: int = 0


@dataclass(frozen=True)
class Actor:
    """A person, organisation, country or place named in an article (or, merged, across articles)."""

    name: str
    kind: ActorKind
    name_latin: str | None = None
    roles: tuple[str, ...] = ()
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    key: str = ""
    """Stable identity used to merge the same actor across articles (normalized canonical name)."""
    title_mentions: tuple[Span, ...] = ()
    """`[start, end)` offsets of the actor's mentions in the article's title (`mentions` point into the
    body); an actor named only in the title has no `mentions`."""
    identity: tuple[str, ...] = field(default=(), compare=False, repr=False)
    """The forms the cache records the actor under, strongest first (key, Latin name, written forms, name
    skeletons), computed by the extractor; empty for an actor built by hand or merged in memory."""
    lookup: tuple[str, ...] = field(default=(), compare=False, repr=False)
    """The forms the cache is searched by for the actor met before: `identity` with the name skeletons
    tagged with the other script, so that a skeleton joins names only across scripts."""

    @property
    def role(self) -> str | None:
        return "؛ ".join(self.roles) if self.roles else None


@dataclass(frozen=True)
class Event:
    """Something an article says will happen (or happened), with its date resolved."""

    summary: str
    kind: str
    trigger: str
    date_text: str
    start: date
    end: date | None = None
    precision: Precision = "day"
    who: tuple[str, ...] = ()
    where: str | None = None
    purpose: str | None = None
    sentence_index: int = 0
    confidence: float = 0.5
    status: EventStatus = "firm"
    clause: str = ""
    """The clause of the article the event comes from (cut only at clause boundaries); `summary` is the
    title composed from the event's parts."""


@dataclass(frozen=True)
class Analysis:
    """What the pipeline learned from one article; computed once at ingest and stored."""

    lang: str
    title: str
    published: datetime
    text: str
    sentences: tuple[Sentence, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    author: str | None = None
    dateline: str | None = None

    @property
    def summary(self) -> tuple[str, ...]:
        """The top sentences in document order (their number adapts to the article's length)."""
        return tuple(s.text for s in summary_sentences(self.sentences))


def summary_size(n_sentences: int) -> int:
    """How many sentences summarize an article of this length: 1 for short ones, up to 4."""
    if n_sentences <= 3:
        return min(1, n_sentences) if n_sentences < 3 else 2
    return min(4, 2 + n_sentences // 8)


def summary_sentences(sentences: tuple[Sentence, ...], size: int | None = None) -> tuple[Sentence, ...]:
    k = summary_size(len(sentences)) if size is None else size
    top = sorted((s for s in sentences if s.rank), key=lambda s: s.rank)[:k]
    return tuple(sorted(top, key=lambda s: s.index))


@dataclass(frozen=True)
class Article:
    """A cached article: the entry as fetched, plus its analysis once analyzed."""

    id: int
    feed_id: int
    feed_title: str
    guid: str
    url: str
    title: str
    author: str
    published: datetime
    text: str
    lang: str | None = None
    read: bool = False
    analysis: Analysis | None = None


@dataclass(frozen=True)
class ArticleRef:
    """How a story or an agenda item cites an article."""

    title: str
    url: str
    feed: str
    published: datetime
    lang: str | None = None
    article_id: int | None = None
    read: bool = False


@dataclass(frozen=True)
class AgendaItem:
    """One upcoming event across the cache, with every article that reported it."""

    event: Event
    sources: tuple[ArticleRef, ...]
    relative: str
    """A label computed from the briefing's "as of" day: "today", "tomorrow", "in 3 days", "next week"."""
    other_dates: tuple[date, ...] = ()
    """Other start dates that some sources gave for this event (the item keeps the best-supported one)."""
    score: float = 0.0
    """How much the event matters (`agenda.rank`): outlets, people, firmness and precision of its date."""


@dataclass(frozen=True)
class Story:
    """Articles from one or more outlets about the same event, with their merged analysis."""

    id: str
    headline: str
    summary: tuple[str, ...]
    articles: tuple[ArticleRef, ...]
    actors: tuple[Actor, ...]
    events: tuple[AgendaItem, ...]
    why: tuple[str, ...] = ()
    """Why these articles were grouped: shared actors, places, dates, terms."""
    lang: str | None = None
    score: float = 0.0


@dataclass(frozen=True)
class Briefing:
    """The one view-model that the TUI, `briefing today` and every export read."""

    date: date
    now: datetime
    stories: tuple[Story, ...] = ()
    actors: tuple[Actor, ...] = ()
    upcoming: tuple[AgendaItem, ...] = ()
    notes: tuple[str, ...] = field(default=())
    """Diagnostics for the user (e.g. "nothing cached for today; showing 2024-03-16")."""
    agenda_days: int | None = 7
    """How many days ahead `upcoming` looks (None: every upcoming event in the cached articles)."""
    times: str = "local"
    """The zone its times are shown in (config.toml's `times`): "local", `now`'s; "outlet", each article's
    own offset (`briefing.clock.shown_zone`)."""
