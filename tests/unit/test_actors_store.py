"""Actors kept across the cache: stable ids, merged aliases and scripts, mention counts, stories, pruning, and
the `analyze_pending` hook that records them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from briefing.models import Actor, Analysis, ParsedEntry, Sentence
from briefing.nlp.actors.extract import extract_actors
from briefing.nlp.text.sentences import split_spans
from briefing.store import Store

T0 = datetime(2024, 3, 16, 19, 0, tzinfo=timezone(timedelta(hours=2)))
AR = "ومن المقرر أن يصل المبعوث الأممي الخاص إلى سورية غير بيدرسون إلى دمشق. وقال بيدرسون إن الحل سياسي."
EN = "U.N. envoy Geir Pedersen will arrive in Damascus on Sunday. Pedersen said Syria needed a solution."


def analysis(text: str, lang: str, published: datetime = T0) -> Analysis:
    sentences = tuple(Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(split_spans(text)))
    actors = tuple(extract_actors(text, lang, sentences))
    return Analysis(lang, "t", published, text, sentences, actors)


def articles(store: Store, n: int, published: datetime = T0) -> list[int]:
    feed = store.feeds.ensure("https://example.com/feed.xml")
    assert feed.id is not None
    entries = [
        ParsedEntry(f"g{published.isoformat()}{i}", "", f"t{i}", "", published, f"x{i}") for i in range(n)
    ]
    return list(store.ingest(feed.id, entries, published).changed_ids)


def test_one_actor_across_scripts_with_counts(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        a, b = articles(s, 2)
        s.actors.record([(a, analysis(AR, "ar")), (b, analysis(EN, "en"))])
        people = s.actors.stats(kind="person")
        assert len(people) == 1
        pedersen = people[0]
        assert pedersen.key == "person:geir pedersen"
        assert pedersen.name_latin == "Geir Pedersen"
        assert pedersen.name == "غير بيدرسون"  # the first name met, the fullest
        assert (pedersen.mentions, pedersen.articles) == (4, 2)
        syria = [x for x in s.actors.stats(kind="country") if x.key == "country:SY"]
        assert len(syria) == 1 and syria[0].articles == 2


def test_unknown_names_resolve_across_scripts_by_skeleton(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        a, b = articles(s, 2)
        ar = analysis("وقال الباحث في معهد كارنيغي كريم سجادبور إن طهران حذرة.", "ar")
        en = analysis(
            "Karim Sadjadpour, a senior fellow at the Carnegie Endowment, said Tehran was wary.", "en"
        )
        s.actors.record([(a, ar), (b, en)])
        people = s.actors.stats(kind="person")
        assert [(p.name, p.articles) for p in people] == [("كريم سجادبور", 2)]
        assert people[0].name_latin == "Karim Sadjadpour"  # filled in by the later article


def test_different_people_stay_apart_and_ids_are_stable(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        a, b, c = articles(s, 3)
        s.actors.record([(a, analysis("وقال وزير الدفاع السوري علي عباس إن الجيش جاهز.", "ar"))])
        s.actors.record([(b, analysis("وقال الرئيس الفلسطيني محمود عباس إن الشعب صامد.", "ar"))])
        first = {p.name: p.key for p in s.actors.stats(kind="person")}
        assert set(first) == {"علي عباس", "محمود عباس"}
        s.actors.record([(c, analysis("والتقى محمود عباس وفدا أوروبيا.", "ar"))])
        again = {p.name: p.key for p in s.actors.stats(kind="person")}
        assert again == first
        assert {p.name: p.articles for p in s.actors.stats(kind="person")}["محمود عباس"] == 2


def test_reanalysis_replaces_an_articles_rows(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        [a] = articles(s, 1)
        s.actors.record([(a, analysis(AR, "ar"))])
        s.actors.record([(a, analysis(AR, "ar"))])
        pedersen = s.actors.stats(kind="person")[0]
        assert (pedersen.mentions, pedersen.articles) == (2, 1)
        assert s.actors.of_articles([a])[a]["person:geir pedersen"] == 2


def test_first_and_last_seen_and_stories(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        [a] = articles(s, 1, T0)
        [b] = articles(s, 1, T0 + timedelta(days=2))
        s.actors.record([(b, analysis(EN, "en", T0 + timedelta(days=2))), (a, analysis(AR, "ar", T0))])
        s.set_stories([(a, "story-1"), (b, "story-2")])
        pedersen = s.actors.stats(kind="person")[0]
        assert pedersen.first_seen == T0.astimezone(UTC)
        assert pedersen.last_seen == (T0 + timedelta(days=2)).astimezone(UTC)
        assert pedersen.stories == ("story-2", "story-1")  # the most recent story first


def test_limit_and_order(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        a, b = articles(s, 2)
        s.actors.record([(a, analysis(AR, "ar")), (b, analysis(EN, "en"))])
        top = s.actors.stats(limit=2)
        assert len(top) == 2
        assert top[0].mentions >= top[1].mentions


def test_pruned_articles_take_their_counts_with_them(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        [old] = articles(s, 1, T0 - timedelta(days=200))
        [new] = articles(s, 1, T0)
        s.actors.record([(old, analysis(AR, "ar", T0 - timedelta(days=200))), (new, analysis(EN, "en"))])
        assert s.prune(datetime(2024, 1, 1, tzinfo=UTC)) == 1
        pedersen = s.actors.stats(kind="person")[0]
        assert (pedersen.mentions, pedersen.articles) == (2, 1)
        empty = Actor("x", "person", key="person:nobody")
        assert empty.key not in {x.key for x in s.actors.stats()}


def test_analyze_pending_records_actors(tmp_path: Path) -> None:
    from briefing.pipeline import analyze_pending  # noqa: PLC0415

    with Store.open(tmp_path / "c.sqlite3") as s:
        feed = s.feeds.ensure("https://example.com/feed.xml")
        assert feed.id is not None
        s.ingest(feed.id, [ParsedEntry("a", "", "المبعوث في دمشق", "", T0, AR)], T0)
        analyze_pending(s)
        keys = {x.key for x in s.actors.stats()}
        assert "person:geir pedersen" in keys and "place:p:damascus" in keys


def test_missing_actors_are_backfilled_from_stored_analyses(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        a, b, c = articles(s, 3)
        empty = Analysis("ar", "t", T0, "لا أحد هنا")
        s.save_analyses([(a, analysis(AR, "ar")), (b, analysis(EN, "en")), (c, empty)])
        assert s.actors.stats() == []  # analyzed before the actor tables were filled
        assert s.actors.record_missing() == 2
        assert s.actors.stats(kind="person")[0].articles == 2
        assert s.actors.record_missing() == 0


def test_identity_forms_come_with_the_actor_and_the_cache_copy_only(tmp_path: Path) -> None:
    from briefing.codec import analysis_from_dict, analysis_to_dict  # noqa: PLC0415

    ar = analysis(AR, "ar")
    pedersen = next(a for a in ar.actors if a.kind == "person")
    assert pedersen.identity[0] == "k:person:geir pedersen"
    assert any(f.startswith("s:la:") for f in pedersen.lookup)  # an Arabic name is looked up among Latin ones
    printed = analysis_to_dict(ar)["actors"][0]
    assert "identity" not in printed and "lookup" not in printed
    back = analysis_from_dict(analysis_to_dict(ar, stored=True))
    assert [(a.identity, a.lookup) for a in back.actors] == [(a.identity, a.lookup) for a in ar.actors]


def test_the_store_records_actors_without_the_analyzers(tmp_path: Path) -> None:
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    ar, en = analysis(AR, "ar"), analysis(EN, "en")
    forms = [(a.name, a.kind, a.key, a.identity, a.lookup) for a in (*ar.actors, *en.actors)]
    code = f"""
import sys
from datetime import datetime, timezone
from pathlib import Path
from briefing.models import Actor, Analysis, ParsedEntry
from briefing.store import Store
t = datetime(2024, 3, 16, tzinfo=timezone.utc)
actors = [Actor(n, k, key=key, identity=i, lookup=l) for n, k, key, i, l in {forms!r}]
with Store.open(Path({str(tmp_path / "c.sqlite3")!r})) as s:
    feed = s.feeds.ensure("f")
    ids = s.ingest(feed.id, [ParsedEntry("g" + str(i), "", "t", "", t, "x") for i in range(2)], t).changed_ids
    s.actors.record([(ids[0], Analysis("ar", "t", t, "x", actors=tuple(actors[:{len(ar.actors)}]))),
                     (ids[1], Analysis("en", "t", t, "x", actors=tuple(actors[{len(ar.actors)}:])))])
    people = s.actors.stats(kind="person")
print(len(people), people[0].articles, [m for m in sys.modules if m.startswith("briefing.nlp")])
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["1", "2", "[]"]  # one person across both scripts, and no analyzer was imported
