"""Provides `tui_cache`: the app's data access (`briefing.tui.access.CacheAccess`) over the real cache, as
`briefing tui` hands it to the app."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.cli.group import Ctx
    from briefing.models import Article
    from briefing.tui.access import CacheAccess, FeedChoice, Filters, View


def tui_cache(ctx: Ctx, *, fixed_now: bool = True) -> CacheAccess:
    """The app's view of the cache: closures over `Store` and `build_briefing`, one connection per call
    (each runs in a worker thread while a refresh may be writing; WAL lets them read meanwhile). With
    `fixed_now` False the briefing follows the clock: a desk left open past midnight moves to the new day."""
    from briefing.agenda import DEFAULT_DAYS  # noqa: PLC0415
    from briefing.clock import OUTLET  # noqa: PLC0415
    from briefing.query import parse  # noqa: PLC0415
    from briefing.store import Store  # noqa: PLC0415
    from briefing.tui.access import CacheAccess, FeedChoice, View  # noqa: PLC0415
    from briefing.viewmodel import build_briefing  # noqa: PLC0415
    from briefing.views import matching, scope  # noqa: PLC0415

    def view(filters: Filters, quick: bool) -> View:
        # A QueryError (the dialog checks the query first) reaches the app as the build's one-line failure.
        query = parse(filters.query) if filters.query.strip() else None
        day, since = scope(query, filters.day, None)
        with Store.open(ctx.settings.db) as store:
            now = ctx.now if fixed_now else datetime.now().astimezone()
            b = build_briefing(
                store,
                now,
                day=day,
                since=since,
                only=matching(store, query, now) if query is not None and not query.empty else None,
                lang=filters.lang,
                limit=50,
                feeds=filters.feeds or None,
                unread_only=filters.unread_only,
                with_agenda=not quick,  # the quick first screen: stories only, the agenda follows
                agenda_days=None if filters.agenda_all else DEFAULT_DAYS,
                times=ctx.settings.times,
            )
            shown = {r.article_id for story in b.stories for r in story.articles if r.article_id}
            starred = store.stars.among(shown)
        read = {r.article_id for story in b.stories for r in story.articles if r.read and r.article_id}
        return View(b, frozenset(read), complete=not quick, starred=starred)

    def feeds() -> list[FeedChoice]:
        with Store.open(ctx.settings.db) as store:
            unread = store.unread_counts()
            zones = store.feed_zones() if ctx.settings.times == OUTLET else {}
            return [
                FeedChoice(
                    f.id,
                    f.title or f.url,
                    f.item_count,
                    unread=unread.get(f.id, 0),
                    last_success=f.last_success,
                    last_error=f.last_error,
                    next_fetch=f.next_fetch,
                    zone=zones.get(f.id),
                )
                for f in store.feeds.all()
                if f.id is not None
            ]

    def search(query: str) -> list[Article]:
        from briefing.nlp.text.searchable import searchable  # noqa: PLC0415 (camel-tools: on the first search)

        parsed = parse(query)  # a QueryError reaches the app as the search's one-line failure
        with Store.open(ctx.settings.db) as store:
            now = ctx.now if fixed_now else datetime.now().astimezone()
            return list(store.search.find(parsed, searchable, now, limit=100))

    def article(article_id: int) -> Article | None:
        with Store.open(ctx.settings.db) as store:
            found = store.articles([article_id])
        return found[0] if found else None

    def mark_read(ids: Collection[int], read: bool) -> None:
        with Store.open(ctx.settings.db) as store:
            store.mark_read(ids, read)

    def star(ids: Collection[int], starred: bool) -> None:
        with Store.open(ctx.settings.db) as store:
            store.stars.set(ids, starred, ctx.now if fixed_now else None)

    def starred(ids: Collection[int]) -> frozenset[int]:
        with Store.open(ctx.settings.db) as store:
            return store.stars.among(ids)

    def prepare() -> None:
        from briefing.nlp.text.searchable import searchable  # noqa: PLC0415

        searchable("")  # builds the table from camel-tools' character sets, once per process

    return CacheAccess(
        view=view,
        feeds=feeds,
        search=search,
        article=article,
        mark_read=mark_read,
        star=star,
        starred=starred,
        prepare=prepare,
    )
