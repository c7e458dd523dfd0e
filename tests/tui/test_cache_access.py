"""The `tui` command's closures over a real cache (`cli.cache_access.tui_cache`): the quick and full
views, filters, read flags, feeds, search, one article, marking read. No Textual: these are what the app's
workers call."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from briefing.cli.cache_access import tui_cache
from briefing.cli.group import Ctx
from briefing.config import load
from briefing.models import Actor, Analysis, Event, ParsedEntry, Sentence
from briefing.store import Store
from briefing.tui.access import CacheAccess, Filters

TZ = timezone(timedelta(hours=3))
NOW = datetime(2024, 3, 16, 20, 0, tzinfo=TZ)


def analysis(title: str, text: str, lang: str, published: datetime, event_day: date | None) -> Analysis:
    events: tuple[Event, ...] = ()
    if event_day is not None:
        events = (Event("visit", "visit", "arrive", "tomorrow", event_day, where="Damascus"),)
    return Analysis(
        lang=lang,
        title=title,
        published=published,
        text=text,
        sentences=(Sentence(0, 0, len(text), text, 1.0, 1),),
        actors=(Actor(name="Geir Pedersen", kind="person", mentions=((0, 5),), key="geir pedersen"),),
        events=events,
    )


@pytest.fixture
def cache(tmp_path: Path) -> tuple[CacheAccess, Path]:
    db = tmp_path / "cache.sqlite3"
    with Store.open(db) as store:
        feeds = store.feeds.ensure_many(
            [
                ("https://a.example/rss", "Wire A", None, False),
                ("https://b.example/rss", "برقية", None, False),
            ]
        )
        a, b = (feeds[url].id for url in ("https://a.example/rss", "https://b.example/rss"))
        assert a is not None and b is not None
        rows = [
            (a, "Pedersen to visit Damascus", "Envoy Geir Pedersen will arrive in Damascus.", "en", 18),
            (b, "بيدرسون يصل إلى دمشق", "يصل المبعوث غير بيدرسون إلى دمشق غدا.", "ar", 17),
            (a, "Jordan reopens a crossing", "Jordan reopened the Jaber crossing.", "en", 12),
        ]
        saved = []
        for feed_id, title, text, lang, hour in rows:
            published = NOW.replace(hour=hour)
            entry = ParsedEntry(title, f"https://x.example/{hour}", title, "", published, text)
            (article_id,) = store.ingest(feed_id, [entry], published).changed_ids
            event = date(2024, 3, 17) if hour != 12 else None
            saved.append((article_id, analysis(title, text, lang, published, event)))
        store.save_analyses(saved)
        store.set_stories([(saved[0][0], "visit"), (saved[1][0], "visit"), (saved[2][0], "jaber")])
    return tui_cache(Ctx(load(None, db=db), NOW)), db


def test_quick_view_has_the_stories_and_the_full_view_the_agenda(cache: tuple[CacheAccess, Path]) -> None:
    access, _ = cache
    quick = access.view(Filters(), True)
    assert not quick.complete and quick.briefing.upcoming == ()
    assert [len(story.articles) for story in quick.briefing.stories] == [2, 1]
    full = access.view(Filters(), False)
    assert full.complete and full.briefing.stories == quick.briefing.stories
    assert len(full.briefing.upcoming) == 1 and full.read == frozenset()


def test_filters_reach_the_view_model(cache: tuple[CacheAccess, Path]) -> None:
    access, _ = cache
    arabic = access.view(Filters(lang="ar"), False).briefing
    assert [story.lang for story in arabic.stories] == ["ar"]
    feeds = {feed.title: feed.id for feed in access.feeds()}
    assert set(feeds) == {"Wire A", "برقية"}
    one_feed = access.view(Filters(feeds=frozenset({feeds["Wire A"]})), False).briefing
    assert {ref.feed for story in one_feed.stories for ref in story.articles} == {"Wire A"}
    other_day = access.view(Filters(day=date(2024, 3, 10)), False).briefing
    assert other_day.date == date(2024, 3, 10) and other_day.stories == ()


def test_marks_are_stored_and_read_back_and_unread_only_hides_them(cache: tuple[CacheAccess, Path]) -> None:
    access, _ = cache
    jaber = next(s for s in access.view(Filters(), True).briefing.stories if s.id == "jaber")
    ids = {ref.article_id for ref in jaber.articles if ref.article_id is not None}
    access.mark_read(ids, True)
    assert access.view(Filters(), True).read == frozenset(ids)
    unread = access.view(Filters(unread_only=True), False).briefing
    assert [story.id for story in unread.stories] == ["visit"]
    access.mark_read(ids, False)
    assert access.view(Filters(), False).read == frozenset()


def test_search_and_one_article(cache: tuple[CacheAccess, Path]) -> None:
    access, _ = cache
    hits = access.search("دمشق")
    assert [hit.title for hit in hits] == ["بيدرسون يصل إلى دمشق"]
    article = access.article(hits[0].id)
    assert article is not None and article.text.startswith("يصل المبعوث")
    assert access.article(10_000) is None


def test_times_follow_the_config(cache: tuple[CacheAccess, Path]) -> None:
    """`times = "outlet"` reaches the briefing, and the feeds view learns each feed's own zone (its newest
    article's offset); by default neither is read."""
    access, db = cache
    paris = timezone(timedelta(hours=1))
    with Store.open(db) as store:
        wire = store.feeds.get("https://a.example/rss")
        assert wire is not None and wire.id is not None
        given = datetime(2024, 3, 16, 17, 30, tzinfo=paris)  # 19:30 in the briefing's zone
        entry = ParsedEntry("aid", "https://x.example/aid", "Aid convoy", "", given, "An aid convoy crossed.")
        store.ingest(wire.id, [entry], given)
    assert access.view(Filters(), True).briefing.times == "local"
    assert all(feed.zone is None for feed in access.feeds())
    outlet = tui_cache(Ctx(load(None, db=db, times="outlet"), NOW))
    assert outlet.view(Filters(), True).briefing.times == "outlet"
    assert {feed.title: feed.zone for feed in outlet.feeds()} == {"Wire A": paris, "برقية": TZ}
