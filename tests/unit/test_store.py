"""The SQLite cache: migrations, idempotent ingest, WAL, refusing a newer schema (RELIABILITY rows 19, 20)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from briefing.models import Actor, Analysis, Event, ParsedEntry, Sentence
from briefing.store import SchemaTooNew, Store
from briefing.store.schema import LATEST

T0 = datetime(2024, 3, 16, 19, 0, tzinfo=timezone(timedelta(hours=2)))


def entry(guid: str, title: str = "t", text: str = "body") -> ParsedEntry:
    return ParsedEntry(guid, f"https://example.com/{guid}", title, "", T0, text)


def test_ingest_reports_ids_in_entry_order_and_a_repeated_guid_keeps_its_last_version(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        feed = s.feeds.ensure("f")
        assert feed.id is not None
        first = s.ingest(feed.id, [entry("a"), entry("b"), entry("c")], T0)
        ids = {
            guid: s.conn.execute("SELECT id FROM articles WHERE guid = ?", (guid,)).fetchone()[0]
            for guid in "abc"
        }
        assert first.new == 3 and first.changed_ids == (ids["a"], ids["b"], ids["c"])
        second = s.ingest(feed.id, [entry("d"), entry("b", "new title"), entry("e")], T0)
        assert (second.new, second.updated, second.unchanged) == (2, 1, 0)
        d, e = (s.conn.execute("SELECT id FROM articles WHERE guid = ?", (g,)).fetchone()[0] for g in "de")
        assert second.changed_ids == (d, ids["b"], e)
        third = s.ingest(feed.id, [entry("x", "one"), entry("x", "two")], T0)  # one guid twice in a feed
        assert third.new == 1 and third.updated == 1
        assert s.conn.execute("SELECT title FROM articles WHERE guid = 'x'").fetchone()[0] == "two"


def test_fresh_cache_is_wal_at_latest_schema(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST


def test_ingest_is_idempotent_and_detects_changes(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        feed = s.feeds.ensure("https://example.com/feed.xml", "Example")
        assert feed.id is not None
        first = s.ingest(feed.id, [entry("a"), entry("b")], T0)
        assert (first.new, first.updated) == (2, 0)
        again = s.ingest(feed.id, [entry("a"), entry("b")], T0)
        assert (again.new, again.updated, again.unchanged) == (0, 0, 2)
        assert s.count("articles") == 2
        changed = s.ingest(feed.id, [entry("a", text="corrected body")], T0)
        assert changed.updated == 1 and s.count("articles") == 2


def test_published_keeps_its_offset(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        feed = s.feeds.ensure("f")
        assert feed.id is not None
        s.ingest(feed.id, [entry("a")], T0)
        [article] = s.articles_between(T0 - timedelta(hours=1), T0 + timedelta(hours=1))
        assert article.published == T0 and article.published.utcoffset() == timedelta(hours=2)


def test_analysis_and_events_round_trip(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        feed = s.feeds.ensure("f")
        assert feed.id is not None
        res = s.ingest(feed.id, [entry("a")], T0)
        ev = Event("visit", "visit", "يصل", "غداً", date(2024, 3, 17), date(2024, 3, 18), who=("غير بيدرسون",))
        s.save_analyses([(res.changed_ids[0], Analysis("ar", "t", T0, "body", events=(ev,)))])
        assert s.unanalyzed_ids() == []
        [article] = s.articles_with_events_after(date(2024, 3, 16), T0 + timedelta(days=1))
        assert article.analysis is not None and article.analysis.events == (ev,)
        assert (
            s.articles_with_events_after(date(2024, 3, 16), T0 + timedelta(days=1), T0 + timedelta(hours=1))
            == []
        )
        assert s.articles_with_events_after(date(2024, 3, 18), T0 + timedelta(days=1)) == []  # over by then


def test_article_heads_and_upcoming_event_counts_of_a_time_range(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        feed = s.feeds.ensure("f", "Feed")
        assert feed.id is not None
        res = s.ingest(feed.id, [entry("a", text="first body"), entry("b", text="second body")], T0)
        a, b = res.changed_ids
        past = Event("visit", "visit", "x", "x", date(2024, 3, 10))
        soon = Event("visit", "visit", "x", "x", date(2024, 3, 17))
        running = Event("visit", "visit", "x", "x", date(2024, 3, 1), date(2024, 3, 20))
        s.save_analyses([(a, Analysis("ar", "t", T0, "first body", events=(past, soon, running)))])
        heads = s.article_heads_between(T0 - timedelta(hours=1), T0 + timedelta(hours=1))
        assert [(h.id, h.feed_title, h.text, h.analysis) for h in heads] == [
            (a, "Feed", "", None),
            (b, "Feed", "", None),
        ]
        assert heads[0].lang == "ar" and heads[1].lang is None  # the analysis's language, once analyzed
        assert s.upcoming_event_counts(
            T0 - timedelta(hours=1), T0 + timedelta(hours=1), date(2024, 3, 16)
        ) == {a: 2}
        assert (
            s.upcoming_event_counts(T0 + timedelta(hours=1), T0 + timedelta(hours=2), date(2024, 3, 16)) == {}
        )


def test_the_agendas_articles_keep_only_the_actors_their_events_name(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        feed = s.feeds.ensure("f")
        assert feed.id is not None
        res = s.ingest(feed.id, [entry("a", text="Envoy Pedersen visits Damascus; Mekdad spoke.")], T0)
        envoy = Actor("Pedersen", "person", aliases=("Geir Pedersen",), mentions=((6, 14),))
        place = Actor("Damascus", "place", mentions=((22, 30),))
        other = Actor("Mekdad", "person", mentions=((32, 38),))
        country = Actor("Syria", "country")  # not named by the event, kept: elections merge by country
        ev = Event(
            "visit",
            "visit",
            "visits",
            "tomorrow",
            date(2024, 3, 17),
            who=("Geir Pedersen",),
            where="Damascus",
        )
        text = "Envoy Pedersen visits Damascus; Mekdad spoke."
        s.save_analyses(
            [
                (
                    res.changed_ids[0],
                    Analysis("en", "t", T0, text, actors=(envoy, place, other, country), events=(ev,)),
                )
            ]
        )
        [article] = s.articles_with_events_after(date(2024, 3, 16), T0 + timedelta(days=1))
        assert article.analysis is not None
        assert [a.name for a in article.analysis.actors] == ["Pedersen", "Damascus", "Syria"]
        assert article.analysis.actors[0].mentions == ()  # light
        [whole] = s.articles(res.changed_ids)
        assert whole.analysis is not None and len(whole.analysis.actors) == 4


def test_light_articles_keep_events_and_actors_without_sentences_or_mentions(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        feed = s.feeds.ensure("f")
        assert feed.id is not None
        res = s.ingest(feed.id, [entry("a")], T0)
        ev = Event("visit", "visit", "يصل", "غداً", date(2024, 3, 17), None, who=("غير بيدرسون",))
        actor = Actor(
            "غير بيدرسون",
            "person",
            roles=("المبعوث",),
            aliases=("بيدرسن",),
            mentions=((0, 11),),
            key="person:geir",
        )
        sentence = Sentence(0, 0, 4, "body", 1.0, 1)
        analysis = Analysis("ar", "t", T0, "body", sentences=(sentence,), actors=(actor,), events=(ev,))
        s.save_analyses([(res.changed_ids[0], analysis)])
        [full] = s.articles(res.changed_ids)
        [light] = s.articles(res.changed_ids, light=True)
        assert full.analysis == analysis
        assert (
            light.analysis is not None and light.analysis.events == (ev,) and light.analysis.sentences == ()
        )
        [who] = light.analysis.actors
        assert (who.name, who.kind, who.key, who.aliases, who.roles) == (
            actor.name,
            actor.kind,
            actor.key,
            actor.aliases,
            actor.roles,
        )
        assert who.mentions == ()


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(SchemaTooNew, match="newer briefing"):
        Store.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST + 1
    conn.close()


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(sqlite3.DatabaseError, match="not a briefing cache"):
        Store.open(path)


def test_failed_batch_leaves_nothing(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        feed = s.feeds.ensure("f")
        assert feed.id is not None

        def broken() -> list[ParsedEntry]:
            raise RuntimeError("boom")

        class Entries:
            def __iter__(self):  # type: ignore[no-untyped-def]
                yield entry("a")
                raise RuntimeError("parser died mid-batch")

        with pytest.raises(RuntimeError):
            s.ingest(feed.id, Entries(), T0)  # type: ignore[arg-type]
        assert s.count("articles") == 0


def test_prune(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        feed = s.feeds.ensure("f")
        assert feed.id is not None
        old = ParsedEntry("old", "", "old", "", T0 - timedelta(days=200), "x")
        s.ingest(feed.id, [old, entry("new")], T0)
        assert s.prune(datetime(2024, 1, 1, tzinfo=UTC)) == 1
        assert s.count("articles") == 1


# --- migrations from every older schema (RELIABILITY row 20) ---------------------------------------------


def build_at_version(path: Path, version: int) -> None:
    """A cache file as briefing at schema `version` left it, with a feed, an article and an analysis."""
    from briefing.store.schema import MIGRATIONS, _statements

    conn = sqlite3.connect(path, isolation_level=None)
    for v in range(1, version + 1):
        for statement in _statements(MIGRATIONS[v]):
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute(
        "INSERT INTO feeds (id, url, title, etag) VALUES (1, 'https://old.example/rss', 'Old', '\"e1\"')"
    )
    conn.execute(
        "INSERT INTO articles (id, feed_id, guid, url, title, published, published_utc, text, content_hash, "
        "fetched_at) VALUES (1, 1, 'g1', 'https://old.example/a', 'غزّة: مفاوضات الهدنة', "
        "'2024-03-16T19:00:00+02:00', '2024-03-16T17:00:00+00:00', 'نص قديم', 'h', "
        "'2024-03-16T17:00:00+00:00')"
    )
    conn.execute("INSERT INTO analyses (article_id, version, data) VALUES (1, 0, '{}')")
    conn.close()


@pytest.mark.parametrize("version", range(1, LATEST))
def test_every_older_schema_migrates_and_keeps_its_data(tmp_path: Path, version: int) -> None:
    path = tmp_path / f"v{version}.sqlite3"
    build_at_version(path, version)
    with Store.open(path) as s:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
        feed = s.feeds.get("https://old.example/rss")
        assert feed is not None and feed.etag == '"e1"' and feed.item_count == 1
        assert s.count("articles") == 1 and s.count("analyses") == 1
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        [hit] = s.search.words("غزة", _normalize)  # the search index fills in for old articles
        assert hit.id == 1


def test_schema_8_indexes_again_without_page_furniture(tmp_path: Path) -> None:
    from briefing.nlp.text.searchable import searchable
    from briefing.store.fts import index_text

    path = tmp_path / "v7.sqlite3"
    build_at_version(path, 7)
    conn = sqlite3.connect(path, isolation_level=None)
    text = "Skip to main content\nنص قديم"
    conn.execute("UPDATE articles SET text = ? WHERE id = 1", (text,))
    conn.execute("DELETE FROM fts_pending")  # indexed as schema 7 did: the skip link with the text
    conn.execute(
        "INSERT INTO articles_fts (rowid, title, text) VALUES (1, ?, ?)",
        (index_text("غزّة: مفاوضات الهدنة", _normalize), index_text(text, _normalize)),
    )
    conn.execute("DELETE FROM fts_dead")
    conn.close()
    with Store.open(path) as s:
        assert s.count("fts_pending") == 1  # queued again
        assert s.search.words("skip", searchable) == []
        [hit] = s.search.words("قديم", searchable)
        assert hit.id == 1
        s.mark_read([1])
        s.prune(datetime(2030, 1, 1, tzinfo=UTC))  # taken out of the index with the values it went in with
        assert s.search.words("قديم", searchable) == []
        s.conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")  # raises if not


def test_a_v1_file_opened_twice_migrates_once(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite3"
    build_at_version(path, 1)
    Store.open(path).close()
    with Store.open(path) as s:
        assert s.count("articles") == 1


def test_migration_7_adds_the_analysis_jobs_of_a_v6_file(tmp_path: Path) -> None:
    """Schema 7 (analysis claims and failures) on a file of schema 6: the article becomes claimable, and a
    recorded failure follows its article (tries back on a text change, gone with it)."""
    path = tmp_path / "v6.sqlite3"
    build_at_version(path, 6)
    with Store.open(path) as s:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] >= 7
        columns = {r[1] for r in s.conn.execute("PRAGMA table_info(analysis_jobs)")}
        assert {"article_id", "claimed_by", "claimed_at", "failures", "version", "last_error"} <= columns
        assert s.analysis_jobs.claim(10) == [1]  # its analysis is of version 0: to do again
        s.analysis_jobs.release([], [(1, "ValueError: x")])
        s.analysis_jobs.end_run()
        assert s.conn.execute("SELECT failures FROM analysis_jobs").fetchall() == [(1,)]
        s.conn.execute("UPDATE articles SET text = 'نص جديد' WHERE id = 1")
        assert s.conn.execute("SELECT failures FROM analysis_jobs").fetchall() == [(0,)]
        s.conn.execute("DELETE FROM articles")
        assert s.conn.execute("SELECT COUNT(*) FROM analysis_jobs").fetchone()[0] == 0


# --- full-text search, Arabic-normalized --------------------------------------------------------------


def _normalize(text: str) -> str:
    from briefing.nlp.text.arabic import normalize

    return normalize(text)


def test_search_is_arabic_normalized(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        feed = s.feeds.ensure("f", "Feed")
        assert feed.id is not None
        s.ingest(
            feed.id,
            [
                entry("a", "وزير الخارجيّة يصل إلى دمشقَ", "اجتماع في ٢٥ مارس مع مسؤولي الأمم المتحدة"),
                entry("b", "Talks on the Gaza truce", "Negotiators meet in Doha next week."),
                entry("c", "مستشفى الشفاء", "قصف قرب المستشفى والمدرسة في مدينة غزّة"),
                entry("d", "القاهرة تستضيف اجتماعاً", "وفي القاهرة اجتمع الوزراء"),
            ],
            T0,
        )

        def ids(q: str) -> set[str]:
            return {a.guid for a in s.search.words(q, _normalize)}

        assert ids("الخارجية") == {"a"}  # shadda in the text
        assert ids("دمشق") == {"a"}  # fatha in the text
        assert ids("25") == {"a"} and ids("٢٥ مارس") == {"a"}  # Eastern digits
        assert ids("الامم") == {"a"}  # hamza on alef
        assert ids("غزة") == {"c"} and ids("غزه") == {"c"} and ids("غـزة") == {"c"}  # ta marbuta, tatweel
        assert ids("مستشفى") == {"c"} and ids("مستشفي") == {"c"}  # alef maksura
        assert ids("القاهرة") == {"d"} and ids("قاهرة") == {"d"}  # the article and وفي stripped
        assert ids("gaza TRUCE") == {"b"} and ids("negotiat") == {"b"}
        assert ids('" OR 1=1 -- NEAR(') == set()  # never FTS syntax, never an error
        assert ids("!!!") == set()
        [hit] = s.search.words("دمشق", _normalize)
        assert hit.feed_title == "Feed" and hit.published == T0


def test_search_index_follows_updates_and_prune(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        feed = s.feeds.ensure("f")
        assert feed.id is not None
        old = ParsedEntry("old", "", "قديم عن حلب", "", T0 - timedelta(days=200), "x")
        s.ingest(feed.id, [old, entry("a", "عن حمص")], T0)
        assert [a.guid for a in s.search.words("حلب", _normalize)] == ["old"]
        s.ingest(feed.id, [entry("a", "عن إدلب")], T0)  # the title changed
        assert s.search.words("حمص", _normalize) == []
        assert [a.guid for a in s.search.words("ادلب", _normalize)] == ["a"]
        assert s.prune(datetime(2024, 1, 1, tzinfo=UTC)) == 1
        assert s.search.words("حلب", _normalize) == []
        fts_rows = s.conn.execute("SELECT COUNT(*) FROM articles_fts").fetchone()[0]
        assert fts_rows == s.count("articles") == 1


def test_search_indexes_only_what_is_queued(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        feed = s.feeds.ensure("f")
        assert feed.id is not None
        s.ingest(feed.id, [entry("a", "عن حمص"), entry("b", "عن حماة")], T0)
        assert s.count("fts_pending") == 2  # queued by the insert trigger
        assert s.search.index_pending(_normalize) == 2 and s.count("fts_pending") == 0
        assert s.search.index_pending(_normalize) == 0  # nothing left: no scan of the articles
        s.ingest(feed.id, [entry("a", "عن إدلب")], T0)
        assert s.count("fts_pending") == 1 and s.search.index_pending(_normalize) == 1
        assert [a.guid for a in s.search.words("ادلب", _normalize)] == ["a"]
        assert s.prune(datetime(2030, 1, 1, tzinfo=UTC)) == 2
        assert s.count("fts_pending") == 0 and s.search.words("حماه", _normalize) == []


# --- concurrency and feeds --------------------------------------------------------------------------


def test_readers_are_not_blocked_while_a_writer_holds_its_transaction(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    with Store.open(path) as writer, Store.open(path) as reader:
        feed = writer.feeds.ensure("f")
        assert feed.id is not None
        writer.ingest(feed.id, [entry("a")], T0)
        writer.conn.execute("BEGIN IMMEDIATE")
        writer.conn.execute("INSERT INTO feeds (url) VALUES ('g')")
        reader.conn.execute("PRAGMA busy_timeout = 0")  # would raise "database is locked" at once
        assert reader.count("articles") == 1 and reader.count("feeds") == 1  # the committed state
        writer.conn.execute("COMMIT")
        assert reader.count("feeds") == 2


def test_a_moved_feed_is_found_by_its_old_url(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        feed = s.feeds.ensure("https://a.example/old", "A")
        assert feed.id is not None
        s.feeds.record_fetch(feed.id, ok=True, when=T0, new_url="https://a.example/new")
        again = s.feeds.ensure("https://a.example/old", "A")
        assert again.id == feed.id and again.url == "https://a.example/new"
        assert s.count("feeds") == 1
        assert s.feeds.aliases() == {"https://a.example/old": "https://a.example/new"}
        assert s.feeds.remove("https://a.example/old") and s.count("feeds") == 0
