"""Store.find: each part of a query as SQL over a real cache, and unread counts per feed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from briefing.models import Actor, Analysis, Event, ParsedEntry
from briefing.query import parse
from briefing.store import Store

T0 = datetime(2024, 3, 16, 19, 0, tzinfo=timezone(timedelta(hours=2)))


def _normalize(text: str) -> str:
    from briefing.nlp.text.arabic import normalize

    return normalize(text)


def entry(guid: str, title: str, text: str, published: datetime = T0) -> ParsedEntry:
    return ParsedEntry(guid, f"https://example.com/{guid}", title, "", published, text)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "c.sqlite3")
    news = s.feeds.ensure("https://news.example/rss", "Desert News")
    wire = s.feeds.ensure("https://wire.example/feed", "Wire")
    assert news.id is not None and wire.id is not None
    a = s.ingest(
        news.id,
        [
            entry("a", "المبعوث يصل إلى دمشق", "يزور المبعوث الأممي دمشق غدا لبحث الهدنة"),
            entry(
                "b",
                "Security Council meets on the truce",
                "The council meets in New York.",
                T0 - timedelta(days=5),
            ),
        ],
        T0,
    ).changed_ids
    b = s.ingest(
        wire.id,
        [
            entry(
                "c",
                "Football results",
                "The council of the league met about the world cup.",
                T0 - timedelta(days=10),
            )
        ],
        T0,
    ).changed_ids
    envoy = Actor("غير بيدرسون", "person", name_latin="Geir Pedersen", key="person:geir pedersen")
    visit = Event("visit", "visit", "يزور", "غدا", date(2024, 3, 17))
    s.save_analyses(
        [
            (a[0], Analysis("ar", "t", T0, "x", actors=(envoy,), events=(visit,))),
            (a[1], Analysis("en", "t", T0, "x")),
            (b[0], Analysis("en", "t", T0, "x")),
        ]
    )
    s.actors.record([(a[0], Analysis("ar", "t", T0, "x", actors=(envoy,)))])
    s.mark_read([a[1]])
    yield s
    s.close()


def guids(store: Store, text: str) -> set[str]:
    return {a.guid for a in store.search.find(parse(text), _normalize, T0)}


def test_the_empty_query_finds_everything_newest_first(store: Store) -> None:
    assert [a.guid for a in store.search.find(parse(""), _normalize, T0)] == ["a", "b", "c"]


def test_words_phrases_and_negation(store: Store) -> None:
    assert guids(store, "council") == {"b", "c"}
    assert guids(store, '"security council"') == {"b"}
    assert guids(store, "council -football") == {"b"}
    assert guids(store, '-"world cup"') == {"a", "b"}
    assert guids(store, "الهدنه") == {"a"}  # normalized like the index
    assert guids(store, "!!") == {"a", "b", "c"}  # no word: no text condition


def test_read_state(store: Store) -> None:
    assert guids(store, "+unread") == {"a", "c"}
    assert guids(store, "+read") == {"b"}


def test_ages_and_days(store: Store) -> None:
    assert guids(store, "@2-days") == {"a"}
    assert guids(store, "@1-week") == {"a", "b"}
    assert guids(store, "@2024-03-06") == {"c"}
    assert guids(store, "@2024-03-10--2024-03-11") == {"b"}


def test_feed_by_title_or_url_and_negated(store: Store) -> None:
    assert guids(store, "feed:desert") == {"a", "b"}
    assert guids(store, "feed:wire.example") == {"c"}
    assert guids(store, "-feed:desert") == {"c"}
    assert guids(store, "feed:100%") == set()  # LIKE wildcards are literal


def test_lang_actor_kind(store: Store) -> None:
    assert guids(store, "lang:ar") == {"a"}
    assert guids(store, "-lang:ar") == {"b", "c"}
    assert guids(store, 'actor:"غير بيدرسون"') == {"a"}
    assert guids(store, "actor:pedersen") == {"a"}
    assert guids(store, "-actor:pedersen") == {"b", "c"}
    assert guids(store, "kind:visit") == {"a"}
    assert guids(store, "-kind:visit") == {"b", "c"}


def test_the_issue_example(store: Store) -> None:
    assert guids(store, "+unread lang:ar @7-days") == {"a"}


def test_limit(store: Store) -> None:
    assert len(store.search.find(parse(""), _normalize, T0, limit=2)) == 2
    assert len(store.search.find(parse("-kind:visit"), _normalize, T0, limit=1)) == 1


def test_starred_and_not_starred(store: Store) -> None:
    assert guids(store, "+starred") == set()
    ids = {a.guid: a.id for a in store.search.find(parse(""), _normalize, T0)}
    store.stars.set([ids["a"], ids["c"]], True)
    assert guids(store, "+starred") == {"a", "c"}
    assert guids(store, "-starred") == {"b"}
    assert guids(store, "+starred lang:ar") == {"a"}
    assert store.stars.among(ids.values()) == {ids["a"], ids["c"]}
    store.stars.set([ids["a"]], False)
    store.stars.set([ids["c"]], True)  # starring again changes nothing
    assert guids(store, "+starred") == {"c"} and store.stars.count() == 1


def test_a_star_goes_with_its_article(store: Store) -> None:
    ids = {a.guid: a.id for a in store.search.find(parse(""), _normalize, T0)}
    store.stars.set([ids["c"], 999_999], True)  # an id the cache does not hold is skipped
    assert store.stars.count() == 1
    store.prune(T0 - timedelta(days=7))  # c is ten days old
    assert store.stars.count() == 0


def test_unread_counts_per_feed(store: Store) -> None:
    counts = store.unread_counts()
    names = {f.id: f.title for f in store.feeds.all()}
    assert {names[k]: v for k, v in counts.items()} == {"Desert News": 1, "Wire": 1}


def test_find_ids_has_no_limit_and_keeps_to_its_window(store: Store) -> None:
    ids = {a.guid: a.id for a in store.search.find(parse(""), _normalize, T0)}
    week = (T0 - timedelta(days=7), T0 + timedelta(hours=1))
    assert store.search.find_ids(parse(""), _normalize, T0, *week) == {ids["a"], ids["b"]}
    assert store.search.find_ids(parse("council"), _normalize, T0, *week) == {ids["b"]}
    month = (T0 - timedelta(days=30), T0)  # the end is excluded: a, published at T0, is not in it
    assert store.search.find_ids(parse("lang:ar"), _normalize, T0, *month) == set()


def test_page_furniture_is_not_searched(tmp_path: Path) -> None:
    from briefing.nlp.text.searchable import searchable

    with Store.open(tmp_path / "f.sqlite3") as s:
        feed = s.feeds.ensure("https://pages.example/rss", "Pages")
        assert feed.id is not None
        text = (
            "Skip to main content\n"
            "Negotiators met on Tuesday to discuss the truce.\n"
            "A delegation arrives at the talks (AFP)\n"
            "Share this article\n"
            "تخطى إلى المحتوى\n"
            "The next round is due next week."
        )
        s.ingest(feed.id, [entry("p", "Truce talks", text)], T0)

        def found(words: str) -> set[str]:
            return {a.guid for a in s.search.find(parse(words), searchable, T0)}

        assert found("negotiators truce") == {"p"} and found("round") == {"p"}
        for furniture in ("skip", '"main content"', "delegation", "share", "المحتوى"):
            assert found(furniture) == set(), furniture
        assert found('"Skip to main content"') == set()
