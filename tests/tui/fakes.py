"""A fake cache for the TUI tests: the fixture briefings behind the `CacheAccess` functions, in memory.

It filters the seed briefing as the real view-model would (language, feeds, unread, day, a query), answers
searches by substring (with the query language's read and star tags), serves article texts, remembers read
marks and stars, and records every call. `two_phase` makes the quick view leave out the agenda, as the real
cache does; `fail` makes the named functions raise.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Sequence
from dataclasses import replace

from briefing.models import Article, ArticleRef, Briefing
from briefing.query import Query, parse
from briefing.tui.access import CacheAccess, FeedChoice, Filters, View
from tests.tui.fixtures import FEED_IDS, NOW, article_id, at, seed_briefing

ARCHIVE = Article(
    id=article_id("https://levant-wire.example/ar/archive/1"),
    feed_id=1,
    feed_title="برقية المشرق",
    guid="archive-1",
    url="https://levant-wire.example/ar/archive/1",
    title="بيدرسون يحذر من انهيار المسار السياسي في سورية",
    author="",
    published=at(2, 9, 30),
    text=(
        "حذر المبعوث الأممي غير بيدرسون من انهيار المسار السياسي.\n\n"
        "وقال إن اللجنة الدستورية لم تجتمع منذ أشهر."
    ),
    lang="ar",
)
"""An article in the cache but in no story on screen (search finds it; enter opens its full text)."""


def article_of(ref: ArticleRef) -> Article:
    assert ref.article_id is not None
    if ref.lang == "ar":
        text = (
            f"{ref.title}.\n\nوقال مصدر مطلع إن المحادثات ستستمر يوم غدٍ الأحد 2024-03-17 في دمشق.\n\nانتهى."
        )
    else:
        text = f"{ref.title}.\n\nOfficials said talks would continue on Sunday 2024-03-17.\n\nEnd."
    return Article(
        id=ref.article_id,
        feed_id=FEED_IDS.get(ref.feed, 99),
        feed_title=ref.feed,
        guid=str(ref.article_id),
        url=ref.url,
        title=ref.title,
        author="",
        published=ref.published,
        text=text,
        lang=ref.lang,
    )


FAILING = {"Harbour Post": "HTTP 503 Service Unavailable (retrying later)"}
"""Feeds whose last fetch failed, and why, as the feeds view shows them."""


class FakeCache:
    def __init__(
        self,
        briefing: Briefing | None = None,
        *,
        two_phase: bool = False,
        fail: Collection[str] = (),
        read: Collection[int] = (),
        starred: Collection[int] = (),
    ) -> None:
        self.briefing = briefing or seed_briefing()
        self.two_phase = two_phase
        self.fail = set(fail)
        self.read = set(read)
        self.stars = set(starred)
        self.calls: list[tuple[str, object]] = []
        self.gate: threading.Event | None = None
        """When set, the full (not quick) view waits for it: the quick view stays on screen meanwhile."""
        refs = {ref.article_id: ref for s in self.briefing.stories for ref in s.articles}
        self.articles = {i: article_of(ref) for i, ref in refs.items() if i is not None}
        self.articles[ARCHIVE.id] = ARCHIVE

    def _call(self, name: str, argument: object) -> None:
        self.calls.append((name, argument))
        if name in self.fail:
            raise OSError(f"{name} failed: database is locked")

    def view(self, filters: Filters, quick: bool) -> View:
        self._call("view", (filters, quick))
        if not quick and self.gate is not None:
            self.gate.wait(10)
        b = self.briefing
        if filters.day is not None and filters.day != b.date:
            b = Briefing(date=filters.day, now=NOW, notes=(f"nothing cached for {filters.day.isoformat()}",))
        query = parse(filters.query)
        if not query.empty:  # a story of the matching articles only, as the view-model builds it
            kept = [
                replace(s, articles=tuple(r for r in s.articles if self._matches(query, r)))
                for s in b.stories
            ]
            b = replace(b, stories=tuple(s for s in kept if s.articles))
        stories = [
            s
            for s in b.stories
            if (filters.lang == "all" or s.lang == filters.lang)
            and (not filters.feeds or any(FEED_IDS.get(r.feed) in filters.feeds for r in s.articles))
            and (not filters.unread_only or any(r.article_id not in self.read for r in s.articles))
        ]
        upcoming = [
            item
            for item in b.upcoming
            if (filters.lang == "all" or any(r.lang == filters.lang for r in item.sources))
            and (not filters.feeds or any(FEED_IDS.get(r.feed) in filters.feeds for r in item.sources))
        ]
        partial = quick and self.two_phase
        b = replace(
            b,
            stories=tuple(stories),
            actors=tuple(a for s in stories for a in s.actors),
            upcoming=() if partial else tuple(upcoming),
        )
        ids = {r.article_id for s in stories for r in s.articles}
        return View(b, frozenset(self.read & ids), complete=not partial, starred=frozenset(self.stars & ids))

    def _matches(self, query: Query, ref: ArticleRef) -> bool:
        """Whether an article matches the words, languages, read and star tags of `query` (the parts the
        tests use; the store answers every part)."""
        text = f"{ref.title} {self.articles[ref.article_id].text if ref.article_id else ''}".casefold()
        return (
            all(w.casefold() in text for w in query.words)
            and all(ref.lang == lang for lang in query.values("lang"))
            and (query.unread is None or query.unread == (ref.article_id not in self.read))
            and (query.starred is None or query.starred == (ref.article_id in self.stars))
        )

    def feeds(self) -> Sequence[FeedChoice]:
        self._call("feeds", None)
        unread: dict[int, int] = {}
        for article in self.articles.values():
            if article.id is not None and article.id not in self.read:
                unread[article.feed_id] = unread.get(article.feed_id, 0) + 1
        return [
            FeedChoice(
                i,
                title,
                3,
                unread=unread.get(i, 0),
                last_success=at(16, 19, 0),
                last_error=FAILING.get(title),
                next_fetch=at(16, 20, 30) if title not in FAILING else at(16, 22, 0),
            )
            for title, i in FEED_IDS.items()
        ]

    def search(self, query: str) -> Sequence[Article]:
        """Words by substring (case-folded); `+unread` / `+read` and `+starred` / `-starred` as the store
        reads them; an unreadable query raises `QueryError` as the real search does."""
        self._call("search", query)
        parsed = parse(query)
        words = [w.casefold() for w in parsed.words]
        found = [
            a
            for a in self.articles.values()
            if all(w in f"{a.title} {a.text}".casefold() for w in words)
            and (parsed.unread is None or parsed.unread == (a.id not in self.read))
            and (parsed.starred is None or parsed.starred == (a.id in self.stars))
        ]
        return [replace(a, text="") for a in sorted(found, key=lambda a: a.published, reverse=True)]

    def article(self, article_id: int) -> Article | None:
        self._call("article", article_id)
        return self.articles.get(article_id)

    def mark_read(self, ids: Collection[int], read: bool) -> None:
        self._call("mark_read", (frozenset(ids), read))
        if read:
            self.read |= set(ids)
        else:
            self.read -= set(ids)

    def star(self, ids: Collection[int], starred: bool) -> None:
        self._call("star", (frozenset(ids), starred))
        if starred:
            self.stars |= set(ids)
        else:
            self.stars -= set(ids)

    def starred(self, ids: Collection[int]) -> frozenset[int]:
        self._call("starred", frozenset(ids))
        return frozenset(self.stars & set(ids))

    def prepare(self) -> None:
        self._call("prepare", None)

    def access(self) -> CacheAccess:
        return CacheAccess(
            view=self.view,
            feeds=self.feeds,
            search=self.search,
            article=self.article,
            mark_read=self.mark_read,
            star=self.star,
            starred=self.starred,
            prepare=self.prepare,
        )
