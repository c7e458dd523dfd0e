"""Hand-built `Briefing` view-models for the TUI tests, the snapshots and the tmux demo.

The seed story is the Arabic one from the project brief (the Syrian and Iranian defence ministers; Geir
Pedersen arriving in Damascus "tomorrow"); an English story and a short Arabic one make the list.
`briefing.now` is Saturday 16 March 2024, 20:00 in Damascus (UTC+3).
"""

from __future__ import annotations

import zlib
from datetime import date, datetime, timedelta, timezone

from briefing.models import Actor, AgendaItem, ArticleRef, Briefing, Event, Story

DAMASCUS = timezone(timedelta(hours=3))
NOW = datetime(2024, 3, 16, 20, 0, tzinfo=DAMASCUS)
SEED_HEADLINE = "وزير دفاع النظام السوري يلتقي نظيره الإيراني لإيجاد قوة لردع ضربات إسرائيل"
HOSTILE_TITLE = "[bold]x[/] [link=file:///etc/passwd]y[/link] and [/ and [b \x1b[2J\x1b]52;c;aGk=\x07 done"


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 3, day, hour, minute, tzinfo=DAMASCUS)


FEED_IDS = {
    "برقية المشرق": 1,
    "المراقب الخليجي": 2,
    "The Meridian Monitor": 3,
    "Harbour Post": 4,
    "Gulf Evening Wire": 5,
    "تلفزيون سوريا": 6,
    "Jordan Times": 7,
}
"""The feed ids the fake cache (tests/tui/fakes.py) gives the fixture feeds."""


def article_id(url: str) -> int:
    """A stable article id for a fixture article (from its URL, so every build gives the same one)."""
    return zlib.crc32(url.encode()) % 1_000_000


def ref(title: str, url: str, feed: str, published: datetime, lang: str = "ar") -> ArticleRef:
    return ArticleRef(
        title=title, url=url, feed=feed, published=published, lang=lang, article_id=article_id(url)
    )


PEDERSEN = Actor(
    name="غير بيدرسون",
    kind="person",
    name_latin="Geir Pedersen",
    roles=("المبعوث الأممي الخاص إلى سورية",),
    affiliation="الأمم المتحدة",
    aliases=("بيدرسون",),
    key="غير بيدرسون",
    mentions=(
        (0, 5),
        (10, 15),
        (20, 25),
        (30, 35),
    ),
)
MEKDAD = Actor(
    name="فيصل المقداد",
    kind="person",
    name_latin="Faisal Mekdad",
    roles=("وزير الخارجية",),
    affiliation="حكومة النظام السوري",
    aliases=("المقداد",),
    key="فيصل المقداد",
    mentions=(
        (0, 5),
        (10, 15),
        (20, 25),
    ),
)
YEFIMOV = Actor(
    name="ألكسندر يفيموف",
    kind="person",
    name_latin="Alexander Yefimov",
    roles=("السفير الروسي في دمشق",),
    affiliation="روسيا",
    aliases=("يفيموف",),
    key="الكسندر يفيموف",
)
AKBARI = Actor(
    name="حسين أكبري",
    kind="person",
    name_latin="Hossein Akbari",
    roles=("السفير الإيراني في دمشق",),
    affiliation="إيران",
    aliases=("أكبري",),
    key="حسين اكبري",
)
ABBAS = Actor(
    name="علي محمود عباس",
    kind="person",
    name_latin="Ali Mahmoud Abbas",
    roles=("وزير الدفاع",),
    affiliation="حكومة النظام السوري",
    aliases=("علي عباس",),
    key="علي محمود عباس",
    mentions=(
        (0, 5),
        (10, 15),
    ),
)

SEED_ARTICLES = (
    ref(SEED_HEADLINE, "https://levant-wire.example/ar/syria/683000", "برقية المشرق", at(16, 18, 40)),
    ref(
        "عباس يبحث مع نظيره الإيراني في طهران تشكيل قوة لردع الضربات الإسرائيلية",
        "https://gulf-observer.example/ar/syria-iran-defence",
        "المراقب الخليجي",
        at(16, 17, 5),
    ),
    ref(
        "Syrian and Iranian defence ministers discuss a force to deter Israeli strikes",
        "https://meridian-monitor.example/syria-iran",
        "The Meridian Monitor",
        at(16, 15, 30),
        "en",
    ),
)

PEDERSEN_VISIT = AgendaItem(
    event=Event(
        summary="غير بيدرسون يصل إلى دمشق",
        kind="visit",
        trigger="يصل",
        date_text="يوم غدٍ الأحد",
        start=date(2024, 3, 17),
        end=date(2024, 3, 18),
        who=("غير بيدرسون", "فيصل المقداد"),
        where="دمشق",
        sentence_index=3,
        confidence=0.85,
    ),
    sources=SEED_ARTICLES[:2],
    relative="tomorrow",
)

SEED = Story(
    id="seed-syria-iran",
    headline=SEED_HEADLINE,
    summary=(
        "التقى وزير الدفاع في حكومة النظام السوري علي محمود عباس نظيره الإيراني في طهران، "
        "لبحث إيجاد قوة مشتركة لردع الضربات الإسرائيلية المتكررة على مواقع في سورية.",
        "ومن المقرر أن يصل المبعوث الأممي الخاص إلى سورية غير بيدرسون إلى دمشق يوم غدٍ الأحد 2024-03-17، "
        "للقاء وزير الخارجية فيصل المقداد.",
        "وكان المقداد قد التقى السفير الروسي ألكسندر يفيموف والسفير الإيراني حسين أكبري.",
    ),
    articles=SEED_ARTICLES,
    actors=(ABBAS, PEDERSEN, MEKDAD, YEFIMOV, AKBARI),
    events=(PEDERSEN_VISIT,),
    why=("shared actors: علي محمود عباس، فيصل المقداد", "same place: طهران", "shared terms: قوة، ردع، ضربات"),
    lang="ar",
    score=0.92,
)

BURNS = Actor(
    name="William Burns",
    kind="person",
    name_latin="William Burns",
    roles=("CIA director",),
    affiliation="United States",
    aliases=("Burns",),
    key="william burns",
    mentions=(
        (0, 5),
        (10, 15),
    ),
)
AL_THANI = Actor(
    name="Mohammed bin Abdulrahman Al Thani",
    kind="person",
    roles=("Prime Minister",),
    affiliation="Qatar",
    aliases=("Al Thani",),
    key="mohammed bin abdulrahman al thani",
)
CAIRO_TALKS = AgendaItem(
    event=Event(
        summary="Gaza ceasefire talks resume in Cairo",
        kind="meeting",
        trigger="resume",
        date_text="on Tuesday",
        start=date(2024, 3, 19),
        who=("William Burns",),
        where="Cairo",
        confidence=0.7,
    ),
    sources=(
        ref(
            "Gaza truce talks to resume in Cairo on Tuesday",
            "https://meridian-monitor.example/gaza",
            "Harbour Post",
            at(16, 12, 10),
            "en",
        ),
    ),
    relative="in 3 days",
)
ENGLISH = Story(
    id="gaza-talks",
    headline="Gaza truce talks to resume in Cairo as mediators press for a deal before Ramadan ends",
    summary=(
        "CIA director William Burns will join Qatari and Egyptian mediators in Cairo on Tuesday, "
        "officials said.",
        "Qatar's prime minister Mohammed bin Abdulrahman Al Thani said the gaps remained wide.",
    ),
    articles=(
        CAIRO_TALKS.sources[0],
        ref(
            "Mediators to meet in Cairo on Tuesday for Gaza truce talks",
            "https://harbour-post.example/2024/3/16/gaza-talks",
            "Gulf Evening Wire",
            at(16, 11, 0),
            "en",
        ),
    ),
    actors=(BURNS, AL_THANI),
    events=(CAIRO_TALKS,),
    why=("shared actors: William Burns", "same place: Cairo", "same date: 2024-03-19"),
    lang="en",
    score=0.71,
)

AID_CONFERENCE = AgendaItem(
    event=Event(
        summary="مؤتمر بروكسل لدعم مستقبل سورية والمنطقة",
        kind="conference",
        trigger="ينعقد",
        date_text="الأسبوع المقبل",
        start=date(2024, 3, 25),
        precision="week",
        where="بروكسل",
        confidence=0.6,
    ),
    sources=(
        ref(
            "الأمم المتحدة تحذر من تفاقم الأزمة الإنسانية في شمال غرب سورية",
            "https://www.syria.tv/un-warning",
            "تلفزيون سوريا",
            at(15, 21, 45),
        ),
    ),
    relative="next week",
)
AID = Story(
    id="un-aid-warning",
    headline="الأمم المتحدة تحذر من تفاقم الأزمة الإنسانية في شمال غرب سورية",
    summary=(
        "حذرت الأمم المتحدة من تفاقم الأزمة الإنسانية في شمال غرب سورية مع تراجع التمويل قبيل مؤتمر بروكسل.",
    ),
    articles=AID_CONFERENCE.sources,
    actors=(Actor(name="الأمم المتحدة", kind="org", name_latin="United Nations", key="الامم المتحده"),),
    events=(AID_CONFERENCE,),
    lang="ar",
    score=0.4,
)


def seed_briefing() -> Briefing:
    """Three stories (the seed first), their actors, and three upcoming events."""
    return Briefing(
        date=date(2024, 3, 16),
        now=NOW,
        stories=(SEED, ENGLISH, AID),
        actors=(*SEED.actors, *ENGLISH.actors, *AID.actors),
        upcoming=(PEDERSEN_VISIT, CAIRO_TALKS, AID_CONFERENCE),
    )


def empty_briefing() -> Briefing:
    return Briefing(date=date(2024, 3, 16), now=NOW)


def refreshed_briefing() -> Briefing:
    """What a rebuild after a refresh returns: a new story on top."""
    fresh = Story(
        id="fresh",
        headline="Jordan reopens the Jaber crossing with Syria to freight traffic",
        summary=("Jordan reopened the Jaber border crossing to freight on Saturday evening.",),
        articles=(
            ref(
                "Jordan reopens Jaber crossing",
                "https://www.jordantimes.com/news/jaber",
                "Jordan Times",
                at(16, 19, 50),
                "en",
            ),
        ),
        actors=(),
        events=(),
        lang="en",
        score=0.95,
    )
    base = seed_briefing()
    return Briefing(
        date=base.date,
        now=base.now,
        stories=(fresh, *base.stories),
        actors=base.actors,
        upcoming=base.upcoming,
    )


def hostile_briefing() -> Briefing:
    """Feed text that tries to be markup or terminal control, in every field the panes show."""
    bad = ref(HOSTILE_TITLE, "javascript:alert(1)", "Evil [red]feed[/red] \x1b[31m", at(16, 9, 0), "en")
    story = Story(
        id="hostile",
        headline=HOSTILE_TITLE,
        summary=(HOSTILE_TITLE + " [/]", "[link=file:///etc/passwd]x"),
        articles=(bad,),
        actors=(
            Actor(
                name="[b]Mallory[/b]",
                kind="person",
                name_latin="\x1b[2J",
                roles=("[/",),
                affiliation="[link=file:///etc/passwd]y[/link]",
            ),
        ),
        events=(),
        why=("[/bold] \x9b2J",),
        lang="en",
    )
    item = AgendaItem(
        event=Event(
            summary="[bold]boom[/] \x1b[2J",
            kind="x",
            trigger="x",
            date_text="x",
            start=date(2024, 3, 17),
            where="[/",
            who=("[b",),
        ),
        sources=(bad,),
        relative="tomorrow [/]",
    )
    return Briefing(
        date=date(2024, 3, 16),
        now=NOW,
        stories=(story,),
        upcoming=(item,),
        notes=("note [bold]x[/] \x1b[2J",),
    )
