"""The view-model: the day it briefs, agenda merging across outlets, relative labels, story summaries."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from briefing.agenda import relative_label
from briefing.models import Actor, Analysis, Article, Event, ParsedEntry, Sentence
from briefing.store import Store
from briefing.viewmodel import build_briefing

TZ = timezone(timedelta(hours=2))
PUB = datetime(2024, 3, 16, 18, 0, tzinfo=TZ)
NOW = datetime(2026, 11, 29, 8, 0, tzinfo=TZ)

PEDERSEN_AR = Actor("غير بيدرسون", "person", "Geir Pedersen", key="person:geir pedersen")
PEDERSEN_EN = Actor("Geir Pedersen", "person", "Geir Pedersen", key="person:geir pedersen")
MEKDAD = Actor("فيصل المقداد", "person", "Faisal Mekdad", key="person:faisal mekdad")
DAMASCUS = Actor("دمشق", "place", "Damascus", key="place:damascus")


def with_mentions(actor: Actor, text: str) -> Actor:
    spans, i = [], text.find(actor.name)
    while i >= 0:
        spans.append((i, i + len(actor.name)))
        i = text.find(actor.name, i + 1)
    return Actor(
        actor.name, actor.kind, actor.name_latin, actor.roles, actor.affiliation, (), tuple(spans), actor.key
    )


def analysis(
    lang: str, title: str, sentences: list[str], actors: list[Actor], events: list[Event]
) -> Analysis:
    text, spans, pos = "", [], 0
    for i, s in enumerate(sentences):
        text += s + " "
        spans.append(Sentence(i, pos, pos + len(s), s, 1.0 - i / 10, i + 1))
        pos += len(s) + 1
    return Analysis(
        lang, title, PUB, text, tuple(spans), tuple(with_mentions(a, text) for a in actors), tuple(events)
    )


def visit(who: tuple[str, ...], where: str, end: date | None = date(2024, 3, 18)) -> Event:
    return Event("visit", "visit", "يصل", "غداً", date(2024, 3, 17), end, who=who, where=where, confidence=0.9)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "c.sqlite3")
    items = [
        (
            "ar1",
            "برقية",
            analysis(
                "ar",
                "بيدرسون إلى دمشق",
                ["يصل غير بيدرسون إلى دمشق غداً.", "ويلتقي فيصل المقداد خلال الزيارة."],
                [PEDERSEN_AR, MEKDAD, DAMASCUS],
                [visit(("غير بيدرسون",), "دمشق")],
            ),
        ),
        (
            "ar2",
            "مراقب",
            analysis(
                "ar",
                "بيدرسون في دمشق الأحد",
                ["غير بيدرسون في دمشق الأحد.", "ويلتقي غير بيدرسون في دمشق مسؤولين."],
                [PEDERSEN_AR, DAMASCUS],
                [visit(("غير بيدرسون",), "دمشق", end=None)],
            ),
        ),
        (
            "en1",
            "Monitor",
            analysis(
                "en",
                "Pedersen heads to Damascus",
                ["Geir Pedersen arrives on Sunday."],
                [PEDERSEN_EN],
                [visit(("Geir Pedersen",), "Damascus")],
            ),
        ),
    ]
    for guid, feed_title, a in items:
        feed = s.feeds.ensure(f"{feed_title}.xml", feed_title)
        assert feed.id is not None
        res = s.ingest(feed.id, [ParsedEntry(guid, "", a.title, "", PUB, a.text)], PUB)
        s.save_analyses([(res.changed_ids[0], a)])
        s.set_stories([(res.changed_ids[0], "story-1")])
    return s


def test_falls_back_to_the_newest_day_as_of_its_end(store: Store) -> None:
    b = build_briefing(store, NOW)
    assert b.date == date(2024, 3, 16)
    assert b.now.date() == date(2024, 3, 16) and b.now.hour == 23
    assert any("nothing cached for 2026-11-29" in n for n in b.notes)


def test_one_agenda_item_for_one_visit_across_outlets_and_scripts(store: Store) -> None:
    b = build_briefing(store, NOW)
    [item] = b.upcoming
    assert (item.event.start, item.event.end) == (date(2024, 3, 17), date(2024, 3, 18))
    assert {s.feed for s in item.sources} == {"برقية", "مراقب", "Monitor"}
    assert item.relative == "tomorrow"
    assert item.event.where == "دمشق"  # the Arabic report represents a mostly Arabic item


def test_past_events_drop_off(store: Store) -> None:
    b = build_briefing(store, NOW, day=date(2024, 3, 18))
    assert b.upcoming == ()


def test_story_summary_adds_only_new_facts_from_other_outlets(store: Store) -> None:
    [story] = build_briefing(store, NOW).stories
    assert story.lang == "ar" and len(story.articles) == 3
    assert "ويلتقي غير بيدرسون في دمشق مسؤولين." not in story.summary  # same actors: a restatement
    names = {a.name for a in story.actors if a.kind == "person"}
    assert names == {"غير بيدرسون", "فيصل المقداد"}  # Pedersen once, under his Arabic name


@pytest.mark.parametrize(
    ("start", "end", "precision", "label"),
    [
        (date(2024, 3, 16), None, "day", "today"),
        (date(2024, 3, 17), None, "day", "tomorrow"),
        (date(2024, 3, 20), None, "day", "in 4 days"),
        (date(2024, 3, 15), date(2024, 3, 17), "day", "ongoing"),
        # As of Saturday 16 March, the week of Monday 18 March is next week, not this week.
        (date(2024, 3, 18), date(2024, 3, 24), "week", "next week"),
        (date(2024, 3, 11), date(2024, 3, 17), "week", "this week"),
        (date(2024, 3, 4), date(2024, 3, 10), "week", "last week"),
        # An Arabic week runs Sunday to Saturday: as of Saturday 16 March, Sunday 17 starts next week.
        (date(2024, 3, 17), date(2024, 3, 23), "week", "next week"),
        (date(2024, 3, 10), date(2024, 3, 16), "week", "this week"),
        (date(2024, 3, 24), date(2024, 3, 30), "week", "in 2 weeks"),
        # «مطلع الأسبوع المقبل» (Sunday-Monday) and «نهاية الأسبوع الجاري» (Thursday-Saturday).
        (date(2024, 3, 17), date(2024, 3, 18), "week", "next week"),
        (date(2024, 3, 14), date(2024, 3, 16), "week", "this week"),
        (date(2024, 3, 25), None, "day", "in 2 weeks"),
        (date(2024, 3, 22), None, "day", "in 6 days"),
        (date(2024, 3, 23), None, "day", "next week"),
        (date(2024, 4, 1), None, "month", "next month"),
        (date(2024, 3, 17), None, "vague", "soon, no date given"),
        (date(2024, 3, 17), date(2024, 3, 20), "vague", "within days, no fixed date"),
        # A window of months is never "soon".
        (date(2024, 3, 17), date(2070, 7, 21), "vague", "within months, no fixed date"),
        (date(2025, 1, 1), date(2025, 12, 31), "year", "next year"),
    ],
)
def test_relative_labels(start: date, end: date | None, precision: str, label: str) -> None:
    event = Event("x", "visit", "x", "x", start, end, precision=precision)  # type: ignore[arg-type]
    assert relative_label(event, date(2024, 3, 16)) == label


def test_read_flags_and_a_briefing_without_its_agenda(store: Store) -> None:
    [first, *_] = build_briefing(store, NOW).stories[0].articles
    assert first.article_id is not None and not first.read
    store.mark_read([first.article_id])
    quick = build_briefing(store, NOW, with_agenda=False)
    assert quick.upcoming == () and quick.stories  # stories only: the first screen on a large cache
    read = [r for r in quick.stories[0].articles if r.read]
    assert [r.article_id for r in read] == [first.article_id]


def test_only_the_stories_built_are_read_whole(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A window of thousands of articles is read as headers; the members of the stories that can reach the
    top are read with their texts and analyses, the others never."""
    feed = store.feeds.ensure("Other.xml", "Other")
    assert feed.id is not None
    singles = [
        ParsedEntry(f"x{i}", "", f"خبر {i}", "", PUB - timedelta(hours=i), "نص قصير.") for i in range(30)
    ]
    store.ingest(feed.id, singles, PUB)
    read: list[int] = []
    whole = store.articles

    def counting(ids: list[int], **kw: bool) -> list[Article]:
        read.extend(ids)
        return whole(ids, **kw)

    monkeypatch.setattr(store, "articles", counting)
    [story] = build_briefing(store, NOW, limit=1, with_agenda=False).stories
    assert len(story.articles) == 3 and len(story.summary) >= 1
    assert len(read) == 3  # the three-outlet story's members; none of the 30 single articles
