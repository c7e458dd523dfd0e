"""The compact cache: analyses stored without copies of the text, a search index without its own copy, and the
migration that converts a cache written before them (schema 4) without losing what it held."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from briefing.codec import ANALYSIS_VERSION, analysis_to_dict
from briefing.models import Actor, Analysis, Event, ParsedEntry, Sentence
from briefing.store import Store
from briefing.store.compact import decode, encode
from briefing.store.fts import index_text
from briefing.store.schema import MIGRATIONS, _statements

T0 = datetime(2024, 3, 16, 19, 0, tzinfo=timezone(timedelta(hours=2)))
TITLE = "الوزير يصل إلى الرياض"
TEXT = (
    "الرياض - وصل وزير الخارجيّة إلى الرياض صباح اليوم في زيارة رسمية.\n\n"
    "ويلتقي الوزير نظيره يوم الأحد المقبل لبحث العلاقات الثنائية.\n\n"
    "وقال المتحدث إن الزيارة تستمر ثلاثة أيام."
)


def _normalize(text: str) -> str:
    from briefing.nlp.text.arabic import normalize

    return normalize(text)


def _analysis(text: str = TEXT, title: str = TITLE) -> Analysis:
    """An analysis shaped like the analyzer's: sentences are slices of the text, offsets point into it."""
    spans = [(0, text.index(".") + 1)]
    second = text.index("ويلتقي")
    spans.append((second, text.index(".", second) + 1))
    third = text.index("وقال")
    spans.append((third, len(text)))
    sentences = tuple(
        Sentence(i, a, b, text[a:b], round(0.5 - i * 0.1234567, 4), rank)
        for i, ((a, b), rank) in enumerate(zip(spans, (1, 3, 2), strict=True))
    )
    where = text.index("الرياض", 5)
    actors = (
        Actor(
            "الرياض", "place", name_latin="Riyadh", mentions=((0, 6), (where, where + 6)), key="place:riyadh"
        ),
        Actor(
            "الوزير",
            "person",
            roles=("وزير الخارجية",),
            affiliation="الحكومة",
            aliases=("الوزير",),
            mentions=((second + 7, second + 13),),
            key="الوزير",
        ),
        Actor("المتحدث", "person", key="person:المتحدث"),
    )
    events = (
        Event(
            "يلتقي الوزير نظيره",
            "meeting",
            "يلتقي",
            "يوم الأحد المقبل",
            date(2024, 3, 17),
            who=("الوزير",),
            where="الرياض",
            purpose="لبحث العلاقات الثنائية",
            sentence_index=1,
            confidence=0.812,
        ),
        Event(
            "الزيارة تستمر",
            "visit",
            "تستمر",
            "ثلاثة أيام",
            date(2024, 3, 16),
            date(2024, 3, 19),
            precision="week",
            sentence_index=2,
            status="conditional",
        ),
    )
    return Analysis("ar", title, T0, text, sentences, actors, events, author="مراسلنا", dateline="الرياض")


def _store_with(s: Store, text: str = TEXT, title: str = TITLE) -> int:
    feed = s.feeds.ensure("f", "Feed")
    assert feed.id is not None
    res = s.ingest(feed.id, [ParsedEntry("a", "https://example.com/a", title, "", T0, text)], T0)
    return res.changed_ids[0]


def test_an_analysis_round_trips_whole_and_light(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        article_id = _store_with(s)
        analysis = _analysis()
        s.save_analyses([(article_id, analysis)])
        [article] = s.articles([article_id])
        assert article.analysis == analysis
        assert article.analysis.summary == analysis.summary
        [light] = s.articles([article_id], light=True)
        assert light.analysis is not None and light.analysis.sentences == ()
        assert light.analysis.events == analysis.events
        assert [a.mentions for a in light.analysis.actors] == [(), (), ()]
        assert [(a.name, a.key, a.roles) for a in light.analysis.actors] == [
            (a.name, a.key, a.roles) for a in analysis.actors
        ]


def test_the_stored_analysis_copies_no_text_and_is_smaller_than_its_json(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        article_id = _store_with(s)
        analysis = _analysis()
        s.save_analyses([(article_id, analysis)])
        [data] = s.conn.execute("SELECT data FROM analyses").fetchone()
        assert isinstance(data, bytes)
        as_json = json.dumps(analysis_to_dict(analysis), ensure_ascii=False).encode()
        assert len(data) * 4 < len(as_json)
        # Five more paragraphs of text: the record grows by a fraction of them (nothing quotes them).
        more = (
            TEXT
            + "\n\n"
            + "\n\n".join(f"فقرة رقم {n} عن تفاصيل أخرى من الزيارة والمحادثات." for n in range(5))
        )
        record = encode(analysis, TITLE, TEXT, T0.isoformat())
        longer = encode(replace(analysis, text=more), TITLE, more, T0.isoformat())
        assert len(longer) - len(record) < (len(more.encode()) - len(TEXT.encode())) // 10


def test_a_body_title_or_sentence_unlike_the_article_is_kept_as_it_was() -> None:
    body = TEXT.removeprefix("الرياض - ")  # the analyzer took the dateline off
    analysis = _analysis(body, "عنوان آخر")
    odd = Sentence(7, 0, 5, "not a slice of the body", 0.25, 4)
    analysis = Analysis(
        analysis.lang,
        analysis.title,
        T0 + timedelta(hours=1),
        body,
        (*analysis.sentences, odd),
        analysis.actors,
        analysis.events,
    )
    record = encode(analysis, TITLE, TEXT, T0.isoformat())
    assert decode(record, TITLE, TEXT, T0.isoformat()) == analysis


def test_an_analysis_goes_when_its_article_text_changes(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        article_id = _store_with(s)
        s.save_analyses([(article_id, _analysis())])
        # Any writer, not only ingest: the record decodes only against the text it was made from.
        with s.transaction() as c:
            c.execute("UPDATE articles SET text = text || ' تحديث' WHERE id = ?", (article_id,))
        assert s.count("analyses") == 0 and s.count("events") == 0
        assert s.unanalyzed_ids() == [article_id]
    assert (
        decode(encode(_analysis(), TITLE, TEXT, T0.isoformat()), TITLE, TEXT + " تحديث", T0.isoformat())
        is None
    )


def test_the_search_index_keeps_no_text_and_forgets_what_changed_or_went(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        article_id = _store_with(s)
        s.search.index_pending(_normalize)
        names = {
            r[0] for r in s.conn.execute("SELECT name FROM sqlite_master WHERE name LIKE 'articles_fts%'")
        }
        assert "articles_fts_content" not in names
        assert s.conn.execute("SELECT title, text FROM articles_fts").fetchone() == (None, None)
        assert [a.id for a in s.search.words("الخارجية", _normalize)] == [article_id]  # shadda in the text
        assert [a.id for a in s.search.words("رياض", _normalize)] == [article_id]  # the article stripped
        feed = s.feeds.ensure("f")
        assert feed.id is not None
        s.ingest(feed.id, [ParsedEntry("a", "https://example.com/a", "خبر عن جدة", "", T0, "نص عن جدة")], T0)
        assert s.search.words("الخارجية", _normalize) == []
        assert [a.id for a in s.search.words("جده", _normalize)] == [article_id]
        s.prune(T0 + timedelta(days=1))
        # The next article takes the same rowid: it must not inherit the index entries of the one that went.
        s.ingest(feed.id, [ParsedEntry("b", "https://example.com/b", "خبر", "", T0, "نص عن مكة")], T0)
        [(new_id,)] = s.conn.execute("SELECT id FROM articles").fetchall()
        assert new_id == article_id
        assert s.search.words("جده", _normalize) == []
        assert [a.id for a in s.search.words("مكه", _normalize)] == [new_id]
        assert s.count("fts_pending") == 0
        assert s.conn.execute("SELECT COUNT(*) FROM fts_dead").fetchone()[0] == 0
        s.conn.execute(
            "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')"
        )  # raises if corrupt


def _v4_cache(path: Path, analysis: Analysis) -> None:
    """A cache as briefing at schema 4 left it: the analysis as codec JSON, the search index with its text."""
    conn = sqlite3.connect(path, isolation_level=None)
    for v in range(1, 5):
        for statement in _statements(MIGRATIONS[v]):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 4")
    conn.execute("INSERT INTO feeds (id, url, title) VALUES (1, 'https://old.example/rss', 'Old')")
    article = (
        "INSERT INTO articles (id, feed_id, guid, url, title, published, published_utc, text, content_hash, "
        "fetched_at) VALUES (?, 1, ?, '', ?, ?, ?, ?, 'h', ?)"
    )
    utc = T0.astimezone(UTC).isoformat()
    conn.execute(article, (1, "g1", TITLE, T0.isoformat(), utc, TEXT, utc))
    conn.execute(article, (2, "g2", "خبر عن جدة", T0.isoformat(), utc, "نص عن جدة", utc))
    data = json.dumps(analysis_to_dict(analysis), ensure_ascii=False)
    conn.execute("INSERT INTO analyses VALUES (1, ?, ?)", (ANALYSIS_VERSION, data))
    conn.execute('INSERT INTO analyses VALUES (2, 0, \'{"an": "older analyzer"}\')')
    for i, title, text in conn.execute("SELECT id, title, text FROM articles").fetchall():  # as v4 indexed
        conn.execute(
            "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
            (i, index_text(title, _normalize), index_text(text, _normalize)),
        )
    conn.execute("DELETE FROM fts_pending")
    conn.execute(
        "INSERT INTO actors VALUES ('place:riyadh', 'place', 'الرياض', 'Riyadh', ?, ?), "
        "('person:الوزير', 'person', 'الوزير', NULL, ?, ?)",
        (utc,) * 4,
    )
    conn.execute(
        "INSERT INTO actor_forms VALUES ('place:riyadh', 'place:riyadh'), ('ar:رياض', 'place:riyadh')"
    )
    conn.execute("INSERT INTO article_actors VALUES (1, 'place:riyadh', 2), (1, 'person:الوزير', 1)")
    conn.close()


ACTOR_ROWS = (
    "SELECT 'f', form, actor_key, 0 FROM actor_forms UNION ALL "
    "SELECT 'a', article_id, actor_key, mentions FROM article_actors ORDER BY 1, 2, 3"
)


def test_a_schema_4_cache_is_converted_without_losing_anything(tmp_path: Path) -> None:
    path = tmp_path / "v4.sqlite3"
    analysis = _analysis()
    _v4_cache(path, analysis)
    with sqlite3.connect(path) as conn:
        actor_rows = conn.execute(ACTOR_ROWS).fetchall()
    with Store.open(path) as s:
        assert s.conn.execute(ACTOR_ROWS).fetchall() == actor_rows and len(actor_rows) == 4
        assert s.actors.of_articles([1]) == {1: {"place:riyadh": 2, "person:الوزير": 1}}
        for table in ("actor_forms", "article_actors"):
            sql = s.conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
            assert sql.endswith("WITHOUT ROWID")
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        [first, second] = s.articles([1, 2])
        assert first.analysis == analysis and first.text == TEXT
        assert second.analysis is None  # an older analyzer's: kept as it was, analyzed again
        assert s.conn.execute("SELECT data FROM analyses WHERE article_id = 2").fetchone()[0] == (
            '{"an": "older analyzer"}'
        )
        assert isinstance(
            s.conn.execute("SELECT data FROM analyses WHERE article_id = 1").fetchone()[0], bytes
        )
        # Schema 8 indexes page text without its furniture: the old index is dropped and every article is
        # queued once; indexed again, it finds them, and it still forgets what goes.
        assert s.count("fts_pending") == 2
        assert s.search.index_pending(_normalize) == 2 and s.count("fts_pending") == 0
        assert [a.id for a in s.search.words("الخارجيه", _normalize)] == [1]
        assert [a.id for a in s.search.words("جدة", _normalize)] == [2]
        s.prune(T0 + timedelta(days=1))
        assert s.search.words("الخارجيه", _normalize) == [] and s.search.words("جدة", _normalize) == []


def _every_field_set(cls: type, **given: object) -> object:
    """An instance of a model dataclass with every field away from its default (strings, tuples, numbers)."""
    from dataclasses import MISSING, fields

    values: dict[str, object] = {}
    for f in fields(cls):
        if f.name in given:
            values[f.name] = given[f.name]
            continue
        default = f.default if f.default is not MISSING else None
        if isinstance(default, str) or f.type in ("str", "str | None"):
            values[f.name] = f"{f.name}-value"
        elif isinstance(default, float) or f.type == "float":
            values[f.name] = 0.25
        elif isinstance(default, int) or f.type == "int":
            values[f.name] = 3
        elif f.type.startswith("tuple[str"):
            values[f.name] = (f"{f.name}-1", f"{f.name}-2")
    return cls(**{**values, **given})


def test_the_compact_record_keeps_every_field_of_actors_and_events() -> None:
    """A field added to Actor or Event must reach the cache's record too: every field set away from its
    default survives the round trip (a new field the record forgets fails here)."""
    actor = _every_field_set(Actor, kind="person", mentions=((0, 6),))
    event = _every_field_set(
        Event, start=date(2024, 3, 17), end=date(2024, 3, 18), precision="week", status="postponed"
    )
    a = replace(_analysis(), actors=(actor,), events=(event,))  # type: ignore[arg-type]
    back = decode(encode(a, TITLE, TEXT, T0.isoformat()), TITLE, TEXT, T0.isoformat())
    assert back is not None
    assert back.events == (event,)
    assert back.actors == (actor,)
    assert [(x.identity, x.lookup) for x in back.actors] == [(actor.identity, actor.lookup)]  # type: ignore[attr-defined]


def test_event_actors_keeps_the_same_actors_from_the_record_and_from_old_json() -> None:
    """The agenda's decoding keeps the actors an event names (by name or alias) whichever form the cache
    holds: the compact record or the JSON that caches kept before it."""
    base = _analysis()
    named = base.actors[0]
    event = Event(
        "visit", "visit", "يصل", "الأحد", date(2024, 3, 17), who=((named.aliases or (named.name,))[0],)
    )
    a = replace(base, events=(event,))
    record = encode(a, TITLE, TEXT, T0.isoformat())
    old = json.dumps(analysis_to_dict(a), ensure_ascii=False)
    for data in (record, old):
        back = decode(data, TITLE, TEXT, T0.isoformat(), light=True, event_actors=True)
        assert back is not None and [x.name for x in back.actors] == [named.name]
        whole = decode(data, TITLE, TEXT, T0.isoformat(), light=True)
        assert whole is not None and len(whole.actors) == len(base.actors) > 1
