"""Provides the agenda of the view-model: `agenda` (upcoming events of a set of articles, one item per
real-world event however many outlets and scripts report it, ranked by what matters), `relative_label`
("tomorrow", "in 3 days", "next week", "within weeks" ...), `in_scope` (whether an event falls in the
coming days the agenda covers) and `article_ref`, how every view names an article. `viewmodel` builds the
whole briefing around it.

Reports of one event merge when they are of the same kind (a visit, a meeting and talks are one kind; a
vote and an election; an organisation's talks and its session), they give the same start and precision, day
dates within `DATE_SLACK` days of each other or, for one agent, a day inside the other's window, and they
share a recognised participant or place (by actor key, so across scripts); elections merge by country and
day. A generic start («انطلاق», «بدء») on exactly the dates of another kind's report joins it, and reports
that share no participant still merge when they fall on the same day and their titles say the same
(`_same_title`: «افتتاح قناة السويس الجديدة» from every paper). When the reports disagree on the date, the
item keeps the date most outlets give (then the firmest), lists the others in `other_dates` and loses
confidence. Items are ranked by `rank`:
how many outlets report the event, who takes part, how firm and how precise the date is, then how soon.
All labels count from the briefing's own "as of" day, never from the wall clock.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from briefing.models import Actor, AgendaItem, Article, ArticleRef, Event
from briefing.nlp.rank.terms import terms
from briefing.nlp.text.cues import GATHERING_KINDS, KIND_FAMILY

DEFAULT_DAYS = 7
"""The agenda's default scope: events that begin in the next seven days (or are under way)."""
DATE_SLACK = 2
"""Reports of one event whose day-precise dates differ by up to this many days still merge."""
_PRECISION_WEIGHT = {"day": 2.0, "week": 1.0, "month": 0.0, "year": -1.0, "vague": -1.5}
_STATUS_WEIGHT = {"firm": 0.0, "conditional": -1.0, "postponed": -1.0, "cancelled": -3.0}
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def article_ref(a: Article) -> ArticleRef:
    """How a view names an article: title, link, outlet, time, language, id and read mark."""
    lang = a.analysis.lang if a.analysis else a.lang
    return ArticleRef(a.title, a.url, a.feed_title, a.published, lang, a.id, a.read)


def _weeks_between(a: date, b: date, first: int = 0) -> int:
    """Calendar weeks from the week of `a` to the week of `b`, weeks beginning on weekday `first` (0 Monday,
    6 Sunday)."""

    def week_of(d: date) -> date:
        return d - timedelta(days=(d.weekday() - first) % 7)

    return (week_of(b) - week_of(a)).days // 7


def _week_steps(event: Event, today: date) -> int:
    """Weeks from `today` to a week-precise event, in the event's own weeks: a whole week read from an
    Arabic text runs from Sunday («الأسبوع المقبل» said on a Monday is the week from the next Sunday, "next
    week"); a part of a week («مطلع الأسبوع المقبل», Sunday-Monday) is placed by its last day."""
    end = event.end or event.start
    if (end - event.start).days == 6:
        return _weeks_between(today, event.start, event.start.weekday())
    return _weeks_between(today, end)


def _months_between(a: date, b: date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


def _steps_label(n: int, unit: str) -> str:
    """`this week`, `next month`, `last week`, `in 3 weeks`, `2 months ago`."""
    if n in (-1, 0, 1):
        return {0: "this", 1: "next", -1: "last"}[n] + " " + unit
    return f"in {n} {unit}s" if n > 0 else f"{-n} {unit}s ago"


def _days_label(days: int) -> str:
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


def _window_label(event: Event, today: date) -> str:
    """A vague window by how far it reaches: never "soon" for a window of months."""
    if event.end is None:
        return "soon, no date given"
    reach = (event.end - today).days
    if reach <= 7:
        return "within days, no fixed date"
    if reach <= 31:
        return "within weeks, no fixed date"
    return "within months, no fixed date"


def relative_label(event: Event, today: date) -> str:
    """The event's date relative to `today` (the briefing's "as of" day): "tomorrow", "in 3 days", "next
    week", "ongoing", "next month", "within weeks, no fixed date" ..."""
    if event.precision == "vague":
        return _window_label(event, today)
    if event.precision == "year":
        years = event.start.year - today.year
        return {0: "this year", 1: "next year", -1: "last year"}.get(years, f"in {event.start.year}")
    if event.precision == "month":
        return _steps_label(_months_between(today, event.start), "month")
    if event.precision == "week":
        return _steps_label(_week_steps(event, today), "week")
    days = (event.start - today).days
    if event.end and event.start < today <= event.end:
        return "ongoing"
    if days < 7:
        return _days_label(days)
    weeks = _weeks_between(today, event.start)
    if weeks <= 8:
        return _steps_label(weeks, "week")
    return _steps_label(_months_between(today, event.start), "month")


def in_scope(event: Event, day: date, days: int | None) -> bool:
    """Whether an event belongs to the agenda of `day` looking `days` ahead (None: every upcoming event).
    Upcoming means it ends after `day`; in scope, it also begins within the next `days` days, or is a
    day- or week-precise event under way. A month, a year or a vague window that opened before the day is
    left to the wider agenda (`--days all`): it says nothing about the coming days."""
    last = event.end or event.start
    if last <= day:
        return False
    if days is None:
        return True
    if event.start > day:
        return event.start <= day + timedelta(days=days)
    return event.precision in ("day", "week")


MAX_DAY_SPAN = 62
"""A day-precise event said to run longer than this has a misread end (a plan to 2030 is no festival)."""


def _sane(event: Event) -> Event:
    """The event without an end before its start (a span read the wrong way round) or an end far beyond it
    for a day-precise event."""
    if event.end is None:
        return event
    too_long = event.precision == "day" and (event.end - event.start).days > MAX_DAY_SPAN
    return replace(event, end=None) if event.end < event.start or too_long else event


def _kind_family(kind: str) -> str:
    return KIND_FAMILY.get(kind, kind)


def _agent_key(event: Event, article: Article) -> str | None:
    """The actor key of the event's agent (its first participant), when the recogniser knows it."""
    assert article.analysis is not None
    if not event.who:
        return None
    found = next((a for a in article.analysis.actors if event.who[0] in (a.name, *a.aliases)), None)
    return None if found is None or found.kind == "country" else f"{found.kind}:{found.key or found.name}"


def _countries(article: Article) -> set[str]:
    assert article.analysis is not None
    return {f"country:{a.key or a.name}" for a in article.analysis.actors if a.kind == "country"}


def _event_keys(event: Event, article: Article) -> set[str]:
    """What identifies an event across outlets and scripts: the actor keys of its recognised participants
    and place. Countries are left out (two different events in one country are common), and so are
    participants the recogniser did not confirm (a stray word taken for a participant would link unrelated
    events); a place it did not recognise still counts by its exact words."""
    assert article.analysis is not None
    by_name: dict[str, Actor] = {}
    for actor in article.analysis.actors:
        for name in (actor.name, *actor.aliases):
            by_name[name] = actor
    keys = set()
    for name in (*event.who, *([event.where] if event.where else [])):
        found = by_name.get(name)
        if found is not None and found.kind != "country":
            keys.add(f"{found.kind}:{found.key or found.name}")
        elif found is None and name == event.where:
            keys.add(name)  # the same place, word for word, even if the recogniser missed it
    return keys


def _named_people(event: Event, article: Article) -> int:
    """How many of the event's participants are recognised persons or organisations."""
    if article.analysis is None:
        return 0
    known = {n for a in article.analysis.actors if a.kind in ("person", "org") for n in (a.name, *a.aliases)}
    return sum(1 for w in event.who if w in known)


def _is_named_place(where: str | None, article: Article) -> bool:
    """Whether an event's place is a recognised place or country (not a description like "the capital")."""
    if not where or article.analysis is None:
        return False
    return any(
        a.kind in ("place", "country") and where in (a.name, *a.aliases) for a in article.analysis.actors
    )


@dataclass
class _Group:
    family: str
    kinds: set[str]
    agent: str | None
    start: date
    end: date
    precision: str
    keys: set[str]
    reports: list[tuple[Event, Article]] = field(default_factory=list)
    titles: list[tuple[date, frozenset[str]]] = field(default_factory=list)
    """The content terms of each day-precise report's title, with its day (`_same_title`)."""


_WINDOWS = frozenset({"week", "month", "vague"})


def _close(g: _Group, event: Event, agent: str | None) -> bool:
    """Whether an event's dates meet a group's first report's: the same start and precision, two day
    dates at most `DATE_SLACK` days apart, one week whether it begins on Sunday or on Monday, or, for the
    same agent, a day inside the other's week, month or vague window ("the Council meets later this month"
    and "on Monday"). (The group's window never grows: a month-long report must not chain every report of
    that month into one item.)"""
    if event.precision != g.precision:
        if agent is None or agent != g.agent:
            return False
        if g.precision == "day" and event.precision in _WINDOWS:
            return event.start <= g.start <= (event.end or event.start)
        if event.precision == "day" and g.precision in _WINDOWS:
            return g.start <= event.start <= g.end
        return False
    if event.start == g.start:
        return True
    if event.precision == "week":
        # One week read from Arabic (from Sunday) and from English (from Monday).
        return abs((event.start - g.start).days) <= 1
    return event.precision == "day" and abs((event.start - g.start).days) <= DATE_SLACK


_GENERIC_KINDS = frozenset({"event", "opening"})
"""Kinds that say only that something starts («بدء», «انطلاق», «تنعقد بدءاً من»): they name no event of
their own."""


def _kinds_meet(g: _Group, event: Event, agent: str | None) -> bool:
    """One event by kind: the same family, two gatherings («جلسة», "talks") held by one organisation, or a
    generic start («انطلاق», «بدء») on exactly the dates of the other ("the meeting in Kuwait on 3 and 4
    August" and "starts in Kuwait on Monday, for two days")."""
    if _kind_family(event.kind) == g.family:
        return True
    if (event.kind in _GENERIC_KINDS or g.kinds <= _GENERIC_KINDS) and (
        event.start == g.start and (event.end or event.start) == g.end
    ):
        return True
    org = agent is not None and agent == g.agent and agent.startswith("org:")
    return org and event.kind in GATHERING_KINDS and bool(g.kinds & GATHERING_KINDS)


def _group(reports: Sequence[tuple[Event, Article]]) -> list[_Group]:
    groups: list[_Group] = []
    by_key: dict[str, list[_Group]] = defaultdict(list)
    for event, article in reports:
        family = _kind_family(event.kind)
        keys = _event_keys(event, article)
        if family == "election":
            # An election is a country's: reports of one country's vote on one day are one event whatever
            # the participants each names (the emir, the assembly, "Kuwaitis").
            keys |= {f"{k}:{event.start}" for k in _countries(article)}
        agent = _agent_key(event, article)
        host = next(
            (
                g
                for k in sorted(keys)
                for g in by_key[k]
                if _kinds_meet(g, event, agent) and _close(g, event, agent)
            ),
            None,
        )
        if host is None:
            end = event.end or event.start
            host = _Group(family, set(), agent, event.start, end, event.precision, set())
            groups.append(host)
        host.reports.append((event, article))
        host.kinds.add(event.kind)
        if event.precision == "day":
            host.titles.append((event.start, _title_terms(event)))
        for k in keys - host.keys:
            by_key[k].append(host)
        host.keys |= keys
    return _merge_same_titles(groups)


def _merge_same_titles(groups: list[_Group]) -> list[_Group]:
    """Groups whose reports name no participant in common but say the same on the same day
    (`_same_title`) are one event: the later group's reports join the earlier one."""
    out: list[_Group] = []
    for g in groups:
        host = next((h for h in out if any(_same_title(h, day, t) for day, t in g.titles)), None)
        if host is None:
            out.append(g)
            continue
        host.reports += g.reports
        host.kinds |= g.kinds
        host.keys |= g.keys
        host.titles += g.titles
    return out


_START_WORDS = frozenset(terms("بدء انطلاق انطلاقة افتتاح فعاليات إقامة عقد تنظيم start opening launch"))
"""Terms that say something starts or is held, not what: they identify no event."""


def _title_terms(event: Event) -> frozenset[str]:
    """What a title says an event is: its content terms (stems of three letters or more) without the
    trigger's («مباراة», «لقاء», «انطلاق») and the words of starting and holding."""
    drop = _START_WORDS | set(terms(event.trigger))
    return frozenset(t for t in terms(event.summary) if len(t) >= 3 and t not in drop)


def _same_title(g: _Group, day: date, title: frozenset[str]) -> bool:
    """Whether a day-precise report on `day` with these title terms says the same as one of the group's on
    that day: at least three terms in common, most of the shorter title («مباراة كأس السوبر السعودي» and
    «لقاء النصر على كأس السوبر السعودي في لندن»; «افتتاح قناة السويس الجديدة» whoever reports it). Two
    meetings in two districts on one day («اللقاء في بلدية العيون», «اللقاء في بلدية العوالي») or the start
    of two seasons («انطلاق الموسم الجديد في جدة», «انطلاق الموسم الجديد في الدوري الإنجليزي») share too
    little."""
    if len(title) < 3:
        return False
    for other_day, other in g.titles:
        shared = len(title & other)
        if other_day == day and shared >= 3 and shared >= 0.6 * min(len(title), len(other)):
            return True
    return False


def _outlets(reports: Sequence[tuple[Event, Article]]) -> int:
    return len({a.feed_title or a.url for _, a in reports})


def _item(g: _Group, today: date) -> AgendaItem:
    """One agenda item: the best-supported date, the fullest report of it, every source."""
    by_start: dict[date, list[tuple[Event, Article]]] = defaultdict(list)
    for event, article in g.reports:
        by_start[event.start].append((event, article))
    best_start = max(
        by_start,
        key=lambda d: (
            _outlets(by_start[d]),
            _PRECISION_WEIGHT[by_start[d][0][0].precision],
            max(e.confidence for e, _ in by_start[d]),
            -d.toordinal(),
        ),
    )
    supporting = by_start[best_start]
    langs = [a.analysis.lang for _, a in supporting if a.analysis]
    main = max(sorted(set(langs)), key=langs.count) if langs else None
    event, _ = max(
        supporting,
        key=lambda r: (
            r[1].analysis is not None and r[1].analysis.lang == main,
            r[0].confidence,
            _is_named_place(r[0].where, r[1]),
            len(r[0].who),
        ),
    )
    if event.end is None:
        # An end a third of the reports give at least (one report's misread span is no end of the event).
        ends = [e.end for e, _ in supporting if e.end]
        if ends and 3 * len(ends) >= len(supporting):
            event = replace(event, end=max(sorted(set(ends)), key=ends.count))
    # A window that holds the chosen day ("later this month" around "Monday") is no other date.
    others = tuple(
        sorted(
            d
            for d in by_start
            if d != best_start
            and not any(e.precision in _WINDOWS and d <= best_start <= (e.end or d) for e, _ in by_start[d])
        )
    )
    if others:
        # Sources disagree on the date: the share of outlets behind the chosen one scales the confidence.
        share = _outlets(supporting) / _outlets(g.reports)
        event = replace(event, confidence=round(event.confidence * (0.5 + 0.5 * share), 3))
    sources = tuple(article_ref(a) for a in dict.fromkeys(a for _, a in g.reports))
    item = AgendaItem(event, sources, relative_label(event, today), other_dates=others)
    return replace(item, score=rank(item, g.reports, today))


def rank(item: AgendaItem, reports: Sequence[tuple[Event, Article]], today: date) -> float:
    """What makes an event matter to a reader: how many outlets report it (most of the weight), who takes
    part (recognised persons and organisations), how firm (status, confidence) and how precise its date
    is, and how soon it comes."""
    event = item.event
    outlets = _outlets(reports)
    people = max((_named_people(e, a) for e, a in reports), default=0)
    score = 3.0 * min(outlets, 5) + 0.75 * min(people, 3) + 2.0 * event.confidence
    score += _PRECISION_WEIGHT.get(event.precision, 0.0) + _STATUS_WEIGHT.get(event.status, 0.0)
    days = (event.start - today).days
    if days < 0:
        # Under way since before the day (a festival running for weeks): known already, not news ahead.
        return round(score - 2.0, 3)
    return round(score + 1.5 / (1 + days), 3)


def agenda(
    articles: Sequence[Article], day: date, today: date, *, days: int | None = None
) -> list[AgendaItem]:
    """Upcoming events of these articles in the agenda's scope (`in_scope`: `days` ahead of `day`, None
    for all), one item per real-world event, best first (`rank`); labels count from `today`."""
    reports = [
        (event, article)
        for article in articles
        if article.analysis is not None
        for event in map(_sane, article.analysis.events)
        if in_scope(event, day, None if days is None else days + DATE_SLACK)
    ]
    items = [_item(g, today) for g in _group(reports)]
    items = [i for i in items if in_scope(i.event, day, days)]
    return sorted(items, key=lambda i: (-i.score, i.event.start, i.event.summary))
