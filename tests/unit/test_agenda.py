"""The agenda: labels from the briefing's "as of" day, the scope of the coming days, ranking by outlets,
participants and firmness, and one item per event across outlets with disagreeing dates."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from briefing.agenda import agenda, in_scope
from briefing.models import Actor, Analysis, Article, Event, ParsedEntry, Sentence
from briefing.store import Store
from briefing.viewmodel import build_briefing

TZ = timezone(timedelta(hours=3))
PUB = datetime(2015, 8, 2, 9, 0, tzinfo=TZ)
DAY = date(2015, 8, 3)
MINISTER = Actor("عادل الجبير", "person", "Adel al-Jubeir", key="person:adel al-jubeir")
MINISTER_EN = Actor("Adel al-Jubeir", "person", "Adel al-Jubeir", key="person:adel al-jubeir")
CAIRO = Actor("القاهرة", "place", "Cairo", key="place:cairo")


def event(start: date, **kw: object) -> Event:
    kw.setdefault("kind", "visit")
    return Event("زيارة", trigger="يزور", date_text="x", start=start, **kw)  # type: ignore[arg-type]


def article(n: int, feed: str, lang: str, actors: list[Actor], events: list[Event]) -> Article:
    a = Analysis(lang, f"t{n}", PUB, "x", (Sentence(0, 0, 1, "x"),), tuple(actors), tuple(events))
    return Article(n, n, feed, f"g{n}", f"https://e/{n}", f"t{n}", "", PUB, "x", lang, False, a)


def test_reports_across_outlets_and_scripts_with_disagreeing_dates_make_one_item() -> None:
    arts = [
        article(1, "okaz", "ar", [MINISTER, CAIRO], [event(date(2015, 8, 5), who=("عادل الجبير",))]),
        article(2, "alriyadh", "ar", [MINISTER, CAIRO], [event(date(2015, 8, 5), where="القاهرة")]),
        article(3, "Gazette", "en", [MINISTER_EN], [event(date(2015, 8, 6), who=("Adel al-Jubeir",))]),
    ]
    # The English report shares the minister (by key) with the first, the second shares Cairo with neither
    # report of the minister: it stays on its own.
    items = agenda(arts, DAY, DAY)
    merged = next(i for i in items if len(i.sources) == 2)
    assert merged.event.start == date(2015, 8, 5)
    assert merged.other_dates == (date(2015, 8, 6),)
    assert merged.event.confidence < 0.5  # lowered: one outlet in two says another day
    assert {s.feed for s in merged.sources} == {"okaz", "Gazette"}


def test_different_kinds_or_distant_dates_stay_apart() -> None:
    arts = [
        article(1, "okaz", "ar", [MINISTER], [event(date(2015, 8, 5), who=("عادل الجبير",))]),
        article(2, "sabq", "ar", [MINISTER], [event(date(2015, 8, 5), who=("عادل الجبير",), kind="vote")]),
        article(3, "alyaum", "ar", [MINISTER], [event(date(2015, 8, 9), who=("عادل الجبير",))]),
    ]
    assert len(agenda(arts, DAY, DAY)) == 3


COUNCIL = Actor("مجلس الأمن الدولي", "org", "UN Security Council", key="o:unsc")
COUNCIL_EN = Actor("Security Council", "org", "UN Security Council", key="o:unsc")
UN = Actor("الأمم المتحدة", "org", "United Nations", key="o:un")
KUWAIT = Actor("الكويت", "country", "Kuwait", key="kw")
KUWAIT_EN = Actor("Kuwait", "country", "Kuwait", key="kw")
MOROCCO = Actor("المغرب", "country", "Morocco", key="ma")


def test_an_organisations_talks_this_month_and_its_session_on_monday_are_one_item() -> None:
    later = event(
        date(2015, 8, 3), end=date(2015, 8, 31), precision="vague", kind="talks", who=("Security Council",)
    )
    monday = event(date(2015, 8, 10), kind="session", who=("مجلس الأمن الدولي", "الأمم المتحدة"))
    arts = [
        article(1, "Gazette", "en", [COUNCIL_EN], [later]),
        article(2, "okaz", "ar", [COUNCIL, UN], [monday]),
    ]
    (item,) = agenda(arts, DAY, DAY, days=None)
    assert (item.event.start, item.event.kind, item.other_dates) == (date(2015, 8, 10), "session", ())
    assert len(item.sources) == 2
    # A visit whose participants include the UN is not the Council's session: the agent differs.
    visit = event(date(2015, 8, 10), who=("عادل الجبير", "الأمم المتحدة"))
    arts.append(article(3, "sabq", "ar", [MINISTER, UN], [visit]))
    assert len(agenda(arts, DAY, DAY, days=None)) == 2


def test_one_countrys_election_on_one_day_is_one_item_across_scripts() -> None:
    vote = event(date(2015, 9, 4), kind="vote", who=("Kuwaitis",))
    election = event(date(2015, 9, 4), kind="election", who=("مجلس الأمة",))
    arts = [article(1, "Gazette", "en", [KUWAIT_EN], [vote]), article(2, "okaz", "ar", [KUWAIT], [election])]
    (item,) = agenda(arts, DAY, DAY, days=None)
    assert len(item.sources) == 2
    # Another country's election on the same day stays apart.
    arts.append(article(3, "sabq", "ar", [MOROCCO], [event(date(2015, 9, 4), kind="election")]))
    assert len(agenda(arts, DAY, DAY, days=None)) == 2


def test_more_outlets_rank_first() -> None:
    arts = [
        article(1, "okaz", "ar", [], [event(date(2015, 8, 4), who=("س",), confidence=0.9)]),
        article(2, "sabq", "ar", [CAIRO], [event(date(2015, 8, 8), where="القاهرة")]),
        article(3, "alyaum", "ar", [CAIRO], [event(date(2015, 8, 8), where="القاهرة")]),
    ]
    items = agenda(arts, DAY, DAY)
    assert [len(i.sources) for i in items] == [2, 1]  # two papers beat a sooner single report


def test_a_precise_firm_date_outranks_a_vague_window() -> None:
    arts = [
        article(1, "okaz", "ar", [], [event(date(2015, 8, 4), end=date(2015, 12, 31), precision="vague")]),
        article(2, "sabq", "ar", [], [event(date(2015, 8, 7), confidence=0.5)]),
    ]
    assert [i.event.precision for i in agenda(arts, DAY, DAY)] == ["day", "vague"]


def test_scope_keeps_the_coming_days() -> None:
    ahead = event(date(2015, 8, 9))
    later = event(date(2015, 8, 20))
    month = event(date(2015, 8, 1), end=date(2015, 8, 31), precision="month")
    festival = event(date(2015, 7, 30), end=date(2015, 8, 6))
    over = event(date(2015, 7, 30), end=date(2015, 8, 3))
    assert in_scope(ahead, DAY, 7) and not in_scope(later, DAY, 7) and in_scope(later, DAY, None)
    assert not in_scope(month, DAY, 7) and in_scope(month, DAY, None)  # a window opened before the day
    assert in_scope(festival, DAY, 7)  # under way
    assert not in_scope(over, DAY, 7) and not in_scope(over, DAY, None)  # its window has passed


def test_a_span_read_backwards_loses_its_end() -> None:
    arts = [article(1, "okaz", "ar", [], [event(date(2015, 7, 27), end=date(2015, 7, 26))])]
    assert agenda(arts, DAY, DAY) == []  # over, not "ongoing" for ever


def _store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "c.sqlite3")
    feed = s.feeds.ensure("okaz.xml", "okaz")
    assert feed.id is not None
    a = Analysis("ar", "t", PUB, "x", (Sentence(0, 0, 1, "x"),), (MINISTER,), (event(date(2015, 8, 5)),))
    res = s.ingest(feed.id, [ParsedEntry("g", "", "t", "", PUB, "x")], PUB)
    s.save_analyses([(res.changed_ids[0], a)])
    return s


def test_labels_count_from_the_briefing_day_not_the_wall_clock(tmp_path: Path) -> None:
    wall = datetime(2026, 12, 7, 12, 0, tzinfo=TZ)
    with _store(tmp_path) as store:
        b = build_briefing(store, wall, day=DAY)
        assert b.now.date() == DAY
        [item] = b.upcoming
        assert item.relative == "in 2 days"
        assert build_briefing(store, wall, day=date(2015, 8, 4)).upcoming[0].relative == "tomorrow"
        # Three days ahead it is out of a one-day scope, in an unbounded one.
        assert build_briefing(store, wall, day=date(2015, 8, 2), agenda_days=1).upcoming == ()
        assert len(build_briefing(store, wall, day=date(2015, 8, 2), agenda_days=None).upcoming) == 1


def _titled(summary: str, trigger: str, kind: str, start: date, **kw: object) -> Event:
    return Event(summary, kind, trigger, "x", start, **kw)  # type: ignore[arg-type]


def test_reports_that_say_the_same_on_the_same_day_are_one_item_without_a_shared_participant() -> None:
    day = date(2015, 8, 12)
    arts = [
        article(1, "okaz", "ar", [], [_titled("مباراة كأس الأبطال العربي في باريس", "مباراة", "match", day)]),
        article(
            2, "sabq", "ar", [], [_titled("لقاء الفريقين على كأس الأبطال العربي", "لقاء", "meeting", day)]
        ),
        article(3, "alyaum", "ar", [], [_titled("مباراة الفريقين", "مباراة", "match", day)]),
        # The same title two days later is another day's event.
        article(
            4,
            "alwatan",
            "ar",
            [],
            [_titled("مباراة كأس الأبطال العربي", "مباراة", "match", day + timedelta(2))],
        ),
    ]
    items = agenda(arts, DAY, date(2015, 8, 10), days=None)
    assert sorted(len(i.sources) for i in items) == [1, 1, 2]
    # Two meetings in two districts, or the start of two seasons, on one day share too little to merge.
    arts = [
        article(1, "okaz", "ar", [], [_titled("اللقاء الثاني في بلدية الشرفية", "اللقاء", "meeting", day)]),
        article(2, "sabq", "ar", [], [_titled("اللقاء الثالث في بلدية الروضة", "اللقاء", "meeting", day)]),
        article(
            3,
            "alyaum",
            "ar",
            [],
            [_titled("انطلاق الموسم الجديد في الدوري الإسباني", "انطلاق", "opening", day)],
        ),
        article(
            4, "alwatan", "ar", [], [_titled("انطلاقة الموسم الجديد في الطائف", "انطلاقة", "opening", day)]
        ),
    ]
    assert len(agenda(arts, DAY, date(2015, 8, 10), days=None)) == 4


def test_a_generic_start_on_the_same_dates_joins_the_event_it_starts() -> None:
    union = Actor("الاتحاد الخليجي", "org", key="o:gulf-union")
    meeting = _titled(
        "اجتماع الأمناء", "اجتماع", "meeting", DAY, end=date(2015, 8, 4), who=("الاتحاد الخليجي",)
    )
    starts = _titled(
        "تنعقد بدءاً من اليوم", "بدء", "opening", DAY, end=date(2015, 8, 4), who=("الاتحاد الخليجي",)
    )
    arts = [article(1, "okaz", "ar", [union], [meeting]), article(2, "sabq", "ar", [union], [starts])]
    assert len(agenda(arts, DAY, DAY)) == 1
    # On other dates it stays apart.
    later = _titled("تنعقد بدءاً من الخميس", "بدء", "opening", date(2015, 8, 6), who=("الاتحاد الخليجي",))
    arts.append(article(3, "alyaum", "ar", [union], [later]))
    assert len(agenda(arts, DAY, DAY)) == 2


def test_one_report_of_many_gives_no_end_to_the_event() -> None:
    day = date(2015, 8, 6)
    reports = [event(day, who=("عادل الجبير",)) for _ in range(3)]
    reports.append(event(day, who=("عادل الجبير",), end=date(2015, 8, 20)))
    arts = [article(n, f"paper{n}", "ar", [MINISTER], [e]) for n, e in enumerate(reports, 1)]
    (item,) = agenda(arts, DAY, DAY)
    assert item.event.end is None
    # Two reports in four give it.
    arts[0] = article(1, "paper1", "ar", [MINISTER], [event(day, who=("عادل الجبير",), end=date(2015, 8, 7))])
    arts[1] = article(2, "paper2", "ar", [MINISTER], [event(day, who=("عادل الجبير",), end=date(2015, 8, 7))])
    (item,) = agenda(arts, DAY, DAY)
    assert item.event.end == date(2015, 8, 7)
