"""Store.find: each part of a query as SQL over a real cache, and unread counts per feed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from briefing.models import Actor, Analysis, Event, ParsedEntry
from briefing.query import QueryError, parse
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


def test_stars_are_refused_with_a_clear_error_until_stored(store: Store) -> None:
    with pytest.raises(QueryError, match="stars"):
        store.search.find(parse("+starred"), _normalize, T0)


def test_unread_counts_per_feed(store: Store) -> None:
    counts = store.unread_counts()
    names = {f.id: f.title for f in store.feeds.all()}
    assert {names[k]: v for k, v in counts.items()} == {"Desert News": 1, "Wire": 1}
