"""Measures the TUI on a large cache: time to the first screen, peak memory, and how fast keys are answered.

    .venv/bin/python bench/tui.py                      # 100,000 articles, 3 rounds (builds the cache first)
    .venv/bin/python bench/tui.py --keep DIR           # keep (and reuse) the caches in DIR
    .venv/bin/python bench/tui.py --articles 20000 --rounds 1
    # a cache of your own (a copy: the bench reads it as the app would) briefed as of a given time:
    .venv/bin/python bench/tui.py --cache /tmp/copy.db --now 2015-08-06T23:00:00+03:00 --rounds 3

Two caches are measured in the same run, alternately: an empty one (the baseline) and one of `--articles`
synthetic articles (see "the synthetic cache" below). Each measurement is a fresh process that imports
briefing, builds the app exactly as `briefing tui` does (`cli.cache_access.tui_cache`: the same closures over
`Store` and `build_briefing`) and runs it headless at 160x45 under Textual's Pilot. It reports:

- first screen: wall time from just before the process was started until the app has written the first
  frame with the stories list filled (the quick view: stories without the agenda); full view: until a frame
  with the agenda too. Frames are timed at the app's display of each compositor update, which the bench
  also turns into terminal output as a real run would. (Pilot's own waits detect idleness from the
  process's CPU time, which the worker building the full view keeps busy, up to 1 s per wait.)
- peak RSS of the process (ru_maxrss) at the end, after everything below;
- keys: latency of `j` in the stories list (each move redraws the story, actors and agenda panes), from
  the key event sent as the terminal driver sends it to the first frame written with the next story's lines
  drawn in the story pane, and the CPU time the process spent meanwhile, through all 50 stories; up to 5 of
  those presses are made while the full view is still being built in a worker thread (the GIL is shared);
- a language filter (apply -> new view shown), and a first and a second search (the cache is indexed for
  search as it is built, as `briefing fetch` indexes what it analyzes).

Prints a table of medians over the rounds and the ratio of the large cache to the empty one.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# --- the synthetic cache ----------------------------------------------------------------------------------
#
# 100 feeds (half Arabic, half English) over one year up to the bench's `now`, about 270 articles a day.
# Each article has 6-8 sentences (about 1,000-1,500 characters) naming actors from a pool of people,
# organisations, places and countries, with roles and mention offsets; most report an upcoming event (1-30
# days after publication), a quarter a past one. Articles of a day are grouped into stories of about three
# articles in one language. Analyses are hand-built `Analysis` objects written with `Store.save_analyses`,
# so 100,000 articles take a minute or two to build, not hours of NLP.
from briefing.models import Actor, Analysis, Event, ParsedEntry, Sentence
from briefing.store import Store

TZ = timezone(timedelta(hours=3))
NOW = datetime(2024, 3, 16, 20, 0, tzinfo=TZ)
DAYS = 365
FEEDS = 100

AR_FIRST = [
    "محمد",
    "أحمد",
    "علي",
    "حسين",
    "فيصل",
    "سامح",
    "أيمن",
    "نجيب",
    "هاكان",
    "جاسم",
    "عبد الله",
    "خالد",
    "يوسف",
    "إبراهيم",
    "مصطفى",
    "عمر",
    "طارق",
    "وليد",
    "ناصر",
    "سعد",
    "رياض",
    "حسن",
    "منير",
    "كريم",
]
AR_LAST = [
    "المقداد",
    "شكري",
    "الصفدي",
    "ميقاتي",
    "فيدان",
    "البديوي",
    "الخطيب",
    "عباس",
    "أكبري",
    "الحلبي",
    "العمري",
    "الزعبي",
    "النجار",
    "الحسيني",
    "القاسم",
    "الأنصاري",
    "العطار",
    "الشامي",
    "البغدادي",
    "المصري",
    "الكردي",
    "التميمي",
    "الدوري",
    "السعدي",
]
EN_FIRST = [
    "William",
    "Antony",
    "Geir",
    "Amos",
    "David",
    "Hans",
    "Martin",
    "Linda",
    "Catherine",
    "Josep",
    "Ursula",
    "Rafael",
    "Sigrid",
    "Peter",
    "Helen",
    "Mark",
    "Karen",
    "Robert",
    "Anna",
    "Thomas",
]
EN_LAST = [
    "Burns",
    "Blinken",
    "Pedersen",
    "Hochstein",
    "Barnea",
    "Grundberg",
    "Griffiths",
    "Thomas",
    "Colonna",
    "Borrell",
    "Lazzarini",
    "Kaag",
    "Kellner",
    "Stano",
    "Clarke",
    "Miller",
    "Hughes",
    "Walsh",
    "Fischer",
]
AR_ROLES = [
    "وزير الخارجية",
    "وزير الدفاع",
    "رئيس الوزراء",
    "المبعوث الأممي",
    "السفير",
    "الأمين العام",
    "المتحدث باسم الحكومة",
    "رئيس البرلمان",
    "قائد الجيش",
    "وزير الداخلية",
]
EN_ROLES = [
    "foreign minister",
    "defence minister",
    "prime minister",
    "U.N. envoy",
    "ambassador",
    "secretary-general",
    "government spokesman",
    "speaker of parliament",
    "army chief",
    "CIA director",
]
AR_PLACES = [
    "دمشق",
    "بيروت",
    "عمّان",
    "القاهرة",
    "الرياض",
    "الدوحة",
    "بغداد",
    "طهران",
    "أنقرة",
    "غزة",
    "رفح",
    "حلب",
    "صنعاء",
    "تونس",
    "الجزائر",
    "أربيل",
]
EN_PLACES = [
    "Damascus",
    "Beirut",
    "Amman",
    "Cairo",
    "Riyadh",
    "Doha",
    "Baghdad",
    "Tehran",
    "Ankara",
    "Gaza",
    "Rafah",
    "Aleppo",
    "Sanaa",
    "Tunis",
    "Algiers",
    "Erbil",
]
AR_ORGS = [
    "الأمم المتحدة",
    "جامعة الدول العربية",
    "مجلس التعاون الخليجي",
    "الاتحاد الأوروبي",
    "منظمة الصحة العالمية",
    "الهلال الأحمر",
    "البنك الدولي",
    "مجلس الأمن",
]
EN_ORGS = [
    "United Nations",
    "Arab League",
    "Gulf Cooperation Council",
    "European Union",
    "World Health Organization",
    "Red Crescent",
    "World Bank",
    "Security Council",
]
AR_COUNTRIES = ["سورية", "لبنان", "الأردن", "مصر", "السعودية", "قطر", "العراق", "إيران", "تركيا", "اليمن"]
EN_COUNTRIES = [
    "Syria",
    "Lebanon",
    "Jordan",
    "Egypt",
    "Saudi Arabia",
    "Qatar",
    "Iraq",
    "Iran",
    "Turkey",
    "Yemen",
]
AR_TOPICS = [
    "وقف إطلاق النار",
    "إعادة الإعمار",
    "ملف اللاجئين",
    "المساعدات الإنسانية",
    "أمن الحدود",
    "تبادل الأسرى",
    "الانتخابات البرلمانية",
    "أسعار الوقود",
    "الاتفاق النووي",
    "تطبيع العلاقات",
]
EN_TOPICS = [
    "the ceasefire",
    "reconstruction",
    "the refugee file",
    "humanitarian aid",
    "border security",
    "a prisoner exchange",
    "the parliamentary elections",
    "fuel prices",
    "the nuclear deal",
    "normalising relations",
]
AR_DAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"]
EN_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

AR_TEMPLATES = [
    "التقى {role} {a} نظيره {b} في {place}، لبحث {topic} وسبل تعزيز التعاون بين البلدين في المرحلة المقبلة.",
    "وقال {b} في مؤتمر صحفي عقب اللقاء إن {topic} يتطلب جهوداً مشتركة من {org} ودول المنطقة كافة.",
    "ومن المقرر أن يصل {a} إلى {place2} يوم {day} المقبل {date}، للقاء مسؤولين في حكومة {country}.",
    "وأشار مصدر مطلع إلى أن المحادثات تناولت {topic2} وتداعيات الأوضاع الميدانية على {country}.",
    "وكان {c} قد حذر في وقت سابق من أن تأخر {topic} سيؤدي إلى تفاقم الأزمة في {place}.",
    "وبحسب بيان صادر عن {org}، فإن نحو {n} ألف شخص تأثروا بالأحداث الأخيرة في {place2}.",
    "ويأتي ذلك بعد أيام من زيارة أجراها {c} إلى {country}، التقى خلالها {role} {b}.",
    "ولم يصدر أي تعليق رسمي من {country} حتى ساعة إعداد هذا الخبر.",
]
EN_TEMPLATES = [
    "{A}, the {role}, met his counterpart {B} in {place} to discuss {topic} and closer cooperation.",
    "{B} told reporters after the meeting that {topic} required a joint effort by the {org} and the region.",
    "{A} is due to arrive in {place2} on {day} {date} for talks with officials of {country}.",
    "A source familiar with the talks said they also covered {topic2} and the situation in {country}.",
    "{C} had warned earlier that any delay on {topic} would deepen the crisis in {place}.",
    "According to a statement from the {org}, some {n},000 people were affected by the latest events in "
    "{place2}.",
    "The visit comes days after {C} travelled to {country}, where the {role} met {B}.",
    "There was no official comment from {country} by the time of publication.",
]


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    affiliation: str
    latin: str | None


def people(rng: random.Random, arabic: bool, n: int) -> list[Person]:
    first, last = (AR_FIRST, AR_LAST) if arabic else (EN_FIRST, EN_LAST)
    roles = AR_ROLES if arabic else EN_ROLES
    countries = AR_COUNTRIES if arabic else EN_COUNTRIES
    out: dict[str, Person] = {}
    while len(out) < n:
        i, j = rng.randrange(len(first)), rng.randrange(len(last))
        name = f"{first[i]} {last[j]}"
        latin = f"{EN_FIRST[i % len(EN_FIRST)]} {EN_LAST[j % len(EN_LAST)]}" if arabic else None
        out[name] = Person(name, rng.choice(roles), rng.choice(countries), latin)
    return list(out.values())


class Writer:
    """Article text and its analysis for one language."""

    def __init__(self, rng: random.Random, arabic: bool) -> None:
        self.rng = rng
        self.arabic = arabic
        self.people = people(rng, arabic, 300)
        self.lang = "ar" if arabic else "en"

    def article(self, published: datetime, topic_seed: int) -> tuple[str, str, Analysis]:
        rng = self.rng
        ar = self.arabic
        topic_rng = random.Random(topic_seed * 2 + ar)  # articles of one story share their main actors
        a, b, c = topic_rng.sample(self.people, 3)
        places = AR_PLACES if ar else EN_PLACES
        place, place2 = topic_rng.sample(places, 2)
        country = topic_rng.choice(AR_COUNTRIES if ar else EN_COUNTRIES)
        org = topic_rng.choice(AR_ORGS if ar else EN_ORGS)
        topics = AR_TOPICS if ar else EN_TOPICS
        topic, topic2 = topic_rng.sample(topics, 2)
        ahead = rng.randint(1, 30)
        when = published.date() + timedelta(days=ahead)
        day = (AR_DAYS if ar else EN_DAYS)[(when.weekday() + 1) % 7]
        fields = {
            "a": a.name,
            "b": b.name,
            "c": c.name,
            "A": a.name,
            "B": b.name,
            "C": c.name,
            "role": a.role,
            "place": place,
            "place2": place2,
            "country": country,
            "org": org,
            "topic": topic,
            "topic2": topic2,
            "day": day,
            "date": when.isoformat(),
            "n": str(rng.randint(2, 90)),
        }
        templates = AR_TEMPLATES if ar else EN_TEMPLATES
        chosen = [0, 1] + sorted(rng.sample(range(2, len(templates)), rng.randint(4, 6)))
        sentences: list[Sentence] = []
        text = ""
        for index, t in enumerate(chosen):
            sentence = templates[t].format(**fields)
            start = len(text) + (1 if text else 0)
            text = f"{text} {sentence}" if text else sentence
            rank = index + 1 if index < 4 else 0
            sentences.append(Sentence(index, start, len(text), sentence, 1.0 / (index + 1), rank))
        if ar:
            title = f"{a.name} يبحث مع {b.name} في {place} {topic}"
        else:
            title = f"{a.name} and {b.name} discuss {topic} in {place}"
        actors = self._actors(text, (a, b, c), (place, place2), country, org)
        events: list[Event] = []
        if 2 in chosen and rng.random() < 0.8:
            events.append(
                Event(
                    summary=f"{a.name} {'يصل إلى' if ar else 'arrives in'} {place2}",
                    kind="visit",
                    trigger="يصل" if ar else "arrive",
                    date_text=f"{day} {when.isoformat()}",
                    start=when,
                    end=when + timedelta(days=1) if rng.random() < 0.3 else None,
                    who=(a.name,),
                    where=place2,
                    sentence_index=chosen.index(2),
                    confidence=0.8,
                )
            )
        if rng.random() < 0.25:
            past = published.date() - timedelta(days=rng.randint(1, 5))
            events.append(
                Event(
                    summary=f"{c.name} {'يزور' if ar else 'visits'} {country}",
                    kind="visit",
                    trigger="زيارة" if ar else "visit",
                    date_text=past.isoformat(),
                    start=past,
                    who=(c.name,),
                    where=country,
                    confidence=0.5,
                )
            )
        analysis = Analysis(
            lang=self.lang,
            title=title,
            published=published,
            text=text,
            sentences=tuple(sentences),
            actors=tuple(actors),
            events=tuple(events),
        )
        return title, text, analysis

    def _actors(
        self, text: str, persons: tuple[Person, ...], places: tuple[str, str], country: str, org: str
    ) -> list[Actor]:
        out: list[Actor] = []

        def spans(name: str) -> tuple[tuple[int, int], ...]:
            found: list[tuple[int, int]] = []
            start = text.find(name)
            while start >= 0:
                found.append((start, start + len(name)))
                start = text.find(name, start + len(name))
            return tuple(found)

        for p in persons:
            out.append(
                Actor(
                    name=p.name,
                    kind="person",
                    name_latin=p.latin,
                    roles=(p.role,),
                    affiliation=p.affiliation,
                    aliases=(p.name.split()[-1],),
                    mentions=spans(p.name),
                    key=p.name.casefold(),
                )
            )
        for place in places:
            out.append(Actor(name=place, kind="place", mentions=spans(place), key=place.casefold()))
        out.append(Actor(name=country, kind="country", mentions=spans(country), key=country.casefold()))
        out.append(Actor(name=org, kind="org", mentions=spans(org), key=org.casefold()))
        return [x for x in out if x.mentions]


def build_cache(path: str, articles: int, seed: int = 7) -> None:
    """Write a cache of `articles` synthetic articles at `path` (which must not exist yet)."""
    from briefing.nlp.text.arabic import normalize

    rng = random.Random(seed)
    writers = {True: Writer(random.Random(seed + 1), True), False: Writer(random.Random(seed + 2), False)}
    start_day = NOW.date() - timedelta(days=DAYS - 1)
    with Store.open(path) as store:
        feeds = store.feeds.ensure_many(
            (f"https://feed{i}.example/rss", f"{'برقية' if i % 2 == 0 else 'Wire'} {i}", None, False)
            for i in range(FEEDS)
        )
        feed_ids = [f.id for f in feeds.values() if f.id is not None]
        made = 0
        for day_index in range(DAYS):
            today = start_day + timedelta(days=day_index)
            count = articles * (day_index + 1) // DAYS - articles * day_index // DAYS
            if count <= 0:
                continue
            stories = max(1, count // 3)
            by_feed: dict[int, list[tuple[ParsedEntry, Analysis, str]]] = {}
            for _ in range(count):
                feed_index = rng.randrange(FEEDS)
                arabic = feed_index % 2 == 0
                story = rng.randrange(stories)
                minute = rng.randrange(24 * 60 - 1)
                if today == NOW.date():
                    minute = min(minute, 19 * 60 + 59)
                published = datetime.combine(today, datetime.min.time(), tzinfo=TZ) + timedelta(
                    minutes=minute
                )
                title, text, analysis = writers[arabic].article(published, day_index * 10_000 + story)
                guid = f"{today.isoformat()}-{made}"
                entry = ParsedEntry(
                    guid, f"https://feed{feed_index}.example/{guid}", title, "", published, text
                )
                story_id = f"s{day_index}-{story}-{'ar' if arabic else 'en'}"
                by_feed.setdefault(feed_ids[feed_index], []).append((entry, analysis, story_id))
                made += 1
            analyses: list[tuple[int, Analysis]] = []
            assignments: list[tuple[int, str]] = []
            fetched = datetime.combine(today, datetime.max.time(), tzinfo=TZ)
            for feed_id, items in by_feed.items():
                result = store.ingest(feed_id, (entry for entry, _, _ in items), fetched)
                for article_id, (_, analysis, story_id) in zip(result.changed_ids, items, strict=True):
                    analyses.append((article_id, analysis))
                    assignments.append((article_id, story_id))
            store.save_analyses(analyses)
            store.set_stories(assignments)
            store.search.index_pending(normalize)  # as `briefing fetch` does after its analysis


# --- one measurement (a child process) --------------------------------------------------------------------

SIZE = (160, 45)


def ensure_cache(large: Path, articles: int) -> None:
    """Build the synthetic cache of `articles` at `large` unless it is there (a half-built one is redone)."""
    if large.exists():
        return
    t = time.perf_counter()
    partial = large.with_suffix(".building")
    for stale in large.parent.glob(partial.name + "*"):
        stale.unlink()
    build_cache(str(partial), articles)
    partial.rename(large)
    print(f"built {articles} articles in {time.perf_counter() - t:.0f} s ({large})", file=sys.stderr)


async def measure(db: Path, started: float, now: datetime = NOW) -> dict[str, Any]:
    from textual import events
    from textual._compositor import CompositorUpdate

    from briefing.cli.cache_access import tui_cache
    from briefing.cli.group import Ctx
    from briefing.config import load
    from briefing.tui.access import Filters
    from briefing.tui.app import BriefingApp
    from briefing.tui.widgets.story import StoryPane

    painted: list[Any] = [None]
    """The story whose lines the story pane drew last. A key's frame is the first one drawn with the next
    story's lines: the pane holds the new story as soon as the key is handled, which can be a frame before
    its lines are drawn."""
    draw_line = StoryPane.render_line

    def recording_line(pane: StoryPane, y: int) -> Any:
        painted[0] = pane.story
        return draw_line(pane, y)

    StoryPane.render_line = recording_line  # type: ignore[method-assign]

    imported = time.time()
    ctx = Ctx(load(None, db=db), now)
    app = BriefingApp(cache=tui_cache(ctx), bidi="app")
    out: dict[str, Any] = {"imports": imported - started}
    frames: list[float] = []
    """When the app produced each frame (a compositor update). Pilot's own waits detect idleness from the
    process's CPU time, which a worker thread keeps busy: timing against frames avoids that."""

    async def until(condition: Any, timeout: float = 600) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError
            await asyncio.sleep(0.002)

    watching: list[Any] = [None, None]
    """[condition, time of the first frame written while it held]: checked at every frame the app writes."""

    async def drawn(condition: Any) -> float:
        """The time of the first frame written while `condition` holds (if it already holds and no frame
        comes within 0.5 s, the screen was already showing it: the time it was seen to hold)."""
        watching[:] = [condition, None]
        seen: float | None = None
        while watching[1] is None:
            if seen is None and condition():
                seen = time.time()
            if seen is not None and time.time() - seen > 0.5:
                watching[1] = seen
            await asyncio.sleep(0.002)
        hit: float = watching[1]
        watching[:] = [None, None]
        return hit

    async def key(name: str, condition: Any) -> tuple[float, float]:
        """Press `name` as a terminal would; wall time until `condition` holds on a frame, and CPU time."""
        t, c = time.time(), time.process_time()
        assert app._driver is not None
        app._driver.send_message(events.Key(name, None))
        shown = await drawn(condition)
        return shown - t, time.process_time() - c

    def holds(probe: Any) -> bool:
        try:
            return bool(probe())
        except Exception:  # the screen is not mounted yet
            return False

    probes = {
        "first": lambda: app.view is not None and len(app.main.stories) == len(app.view.briefing.stories),
        "full": lambda: app.view is not None and app.view.complete,
    }
    probed: dict[str, float] = {}
    display = app._display

    def recording_display(screen: Any, renderable: Any) -> None:
        # Headless, Textual composes each update but does not turn it into terminal output: do that too,
        # so the figures include what a real terminal run pays, and note when each frame was ready.
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(app.console)
        now = time.time()
        frames.append(now)
        if watching[0] is not None and watching[1] is None and holds(watching[0]):
            watching[1] = now
        for name, probe in probes.items():
            if name not in probed and holds(probe):
                probed[name] = now
        display(screen, renderable)

    app._display = recording_display  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await until(lambda: "first" in probed)
        out["first_screen"] = probed["first"] - started
        out["stories"] = len(app.view.briefing.stories) if app.view else 0
        stories = list(app.view.briefing.stories) if app.view else []

        def on_story(index: int) -> Any:
            return lambda: painted[0] == stories[index]

        during: list[float] = []
        position = 0
        while app.view is not None and not app.view.complete and position < min(5, len(stories) - 1):
            position += 1
            during.append((await key("j", on_story(position)))[0])
        out["keys_during_build"] = during
        await until(lambda: "full" in probed)
        out["full_view"] = probed["full"] - started
        out["upcoming"] = len(app.view.briefing.upcoming) if app.view else 0
        await app.workers.wait_for_complete()
        keys: list[float] = []
        cpu: list[float] = []
        for index in range(position + 1, len(stories)):
            wall, spent = await key("j", on_story(index))
            keys.append(wall)
            cpu.append(spent)
        out["keys"] = keys
        out["keys_cpu"] = cpu
        # A language filter: apply -> the new view on screen. (The dialogs' modules are imported here, after
        # the first screen, as the app imports them when one opens.)
        from briefing.tui.screens.filters import FiltersScreen
        from briefing.tui.screens.search import SearchScreen

        await pilot.press("f")
        await until(lambda: isinstance(app.screen, FiltersScreen))
        await pilot.pause()
        before_view = app.view
        t = time.time()
        app.screen.dismiss(Filters(lang="ar"))
        shown = await drawn(
            lambda: app.view is not before_view and app.view is not None and app.view.complete
        )
        out["filter"] = shown - t
        # Search, twice.
        for label in ("search_first", "search_second"):
            await pilot.press("slash")
            await until(lambda: isinstance(app.screen, SearchScreen))
            screen = app.screen
            assert isinstance(screen, SearchScreen)
            await pilot.press(*"الوزير")
            t = time.time()
            await pilot.press("enter")
            while not (screen.hits or screen.status.startswith(("Nothing", "Search failed"))):
                await asyncio.sleep(0.002)
            out[label] = time.time() - t
            await pilot.press("escape")
            await pilot.pause()
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def child(db: Path, started: float, now: datetime) -> None:
    print(json.dumps(asyncio.run(measure(db, started, now))))


# --- the run ----------------------------------------------------------------------------------------------


def run_child(db: Path, now: datetime) -> dict[str, Any]:
    started = time.time()
    result = subprocess.run(
        [sys.executable, __file__, "--child", str(db), "--started", repr(started), "--now", now.isoformat()],
        capture_output=True,
        text=True,
        check=True,
        timeout=1800,
    )
    data: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)] if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="Keep the caches here (and reuse them when present).")
    parser.add_argument("--cache", type=Path, help="Measure this cache instead of the synthetic one.")
    parser.add_argument(
        "--now", type=datetime.fromisoformat, default=NOW, help="The app's clock (ISO time; with --cache)."
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--started", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.started, args.now)
        return
    work = args.keep or Path(tempfile.mkdtemp(prefix="briefing-bench-tui-"))
    work.mkdir(parents=True, exist_ok=True)
    empty, large = work / "empty.sqlite3", work / f"articles-{args.articles}.sqlite3"
    if not empty.exists():
        from briefing.store import Store

        Store.open(empty).close()
    if args.cache:
        large = args.cache
    else:
        ensure_cache(large, args.articles)
    runs: dict[str, list[dict[str, Any]]] = {"empty": [], "large": []}
    for round_ in range(args.rounds):
        order = (
            [("empty", empty), ("large", large)] if round_ % 2 == 0 else [("large", large), ("empty", empty)]
        )
        for name, db in order:
            runs[name].append(run_child(db, args.now))
            print(f"round {round_ + 1} {name}: {json.dumps(runs[name][-1])[:200]}...", file=sys.stderr)
    rows = [
        ("first screen (s)", "first_screen", median),
        ("full view with agenda (s)", "full_view", median),
        ("peak RSS (MB)", "peak_rss_mb", median),
        ("j in the list, median (ms)", "keys", lambda v: 1000 * median(v)),
        ("j in the list, p95 (ms)", "keys", lambda v: 1000 * p95(v)),
        ("j in the list, CPU per key, median (ms)", "keys_cpu", lambda v: 1000 * median(v)),
        ("j while the agenda builds, median (ms)", "keys_during_build", lambda v: 1000 * median(v)),
        ("language filter -> full view (s)", "filter", median),
        ("first search (s)", "search_first", median),
        ("second search (s)", "search_second", median),
    ]
    what = str(args.cache) if args.cache else f"{args.articles} articles"
    print(f"\n{what} vs an empty cache, {args.rounds} rounds (medians), 160x45, bidi app\n")
    print("| measure | empty cache | large cache | ratio |\n|---|---|---|---|")
    for label, key, summarize in rows:
        values = {}
        for name in ("empty", "large"):
            per_run = [run[key] for run in runs[name]]
            if per_run and isinstance(per_run[0], list):
                values[name] = summarize([x for run in per_run for x in run])
            else:
                values[name] = median(per_run)
        ratio = values["large"] / values["empty"] if values["empty"] else float("nan")
        print(f"| {label} | {values['empty']:.3f} | {values['large']:.3f} | {ratio:.2f}x |")
    stories = median([run["stories"] for run in runs["large"]])
    upcoming = median([run["upcoming"] for run in runs["large"]])
    print(
        f"\nlarge cache: {stories:.0f} stories, {upcoming:.0f} upcoming on the first screen; machine load "
        f"{os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
