"""Provides `build_briefing(store, now)`: the one view-model that the TUI, `today` and every export read.

It only reads: analyses, stories and event dates were computed at ingest. It imports nothing heavy (no
camel-tools, no Textual), so the one-shot printout starts fast. Actors are combined across articles by the
stable key the extractor gave them; the same event reported by several outlets becomes one agenda item.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from briefing.models import (
    Actor,
    AgendaItem,
    Article,
    ArticleRef,
    Briefing,
    Event,
    Story,
    summary_sentences,
)
from briefing.store import Store

STORY_WINDOW = timedelta(hours=48)
"""Stories are built from the articles of the last two days up to the end of the briefing's day."""
AGENDA_LOOKBACK = timedelta(days=21)
"""Upcoming events are taken from articles published in the last three weeks."""
_KIND_ORDER = {"person": 0, "org": 1, "place": 2, "country": 3}


def _ref(a: Article) -> ArticleRef:
    lang = a.analysis.lang if a.analysis else a.lang
    return ArticleRef(a.title, a.url, a.feed_title, a.published, lang, a.id)


def combine_actors(actors: Iterable[Actor]) -> list[Actor]:
    """One actor per key: names, roles and aliases unioned, mentions kept (their count is the weight)."""
    merged: dict[str, Actor] = {}
    for a in actors:
        key = f"{a.kind}:{a.key or a.name}"
        if key not in merged:
            merged[key] = a
            continue
        m = merged[key]
        name = m.name if len(m.name) >= len(a.name) else a.name
        aliases = tuple(dict.fromkeys(x for x in (*m.aliases, *a.aliases, m.name, a.name) if x != name))
        merged[key] = replace(
            m,
            name=name,
            name_latin=m.name_latin or a.name_latin,
            roles=tuple(dict.fromkeys((*m.roles, *a.roles))),
            affiliation=m.affiliation or a.affiliation,
            aliases=aliases,
            mentions=m.mentions + a.mentions,
        )
    return sorted(merged.values(), key=lambda x: (_KIND_ORDER[x.kind], -len(x.mentions)))


def relative_label(event: Event, today: date) -> str:
    days = (event.start - today).days
    if event.end and event.start <= today <= event.end:
        return "ongoing"
    if event.precision == "vague":
        return "soon"
    if event.precision in ("month", "year"):
        return "next month" if event.precision == "month" else "next year"
    if event.precision == "week":
        return "this week" if days < 7 else "next week"
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days < 14:
        return f"in {days} days"
    return f"in {days // 7} weeks"


def _event_keys(event: Event, article: Article) -> set[str]:
    """What identifies an event across outlets and scripts: its participants' and place's actor keys."""
    assert article.analysis is not None
    by_name: dict[str, str] = {}
    for actor in article.analysis.actors:
        for name in (actor.name, *actor.aliases):
            by_name[name] = actor.key or actor.name
    keys = {by_name.get(n, n) for n in event.who}
    if event.where:
        keys.add(by_name.get(event.where, event.where))
    return keys


def agenda(articles: Sequence[Article], day: date, today: date) -> list[AgendaItem]:
    """Upcoming events (after `day`) of these articles, one item per real-world event, sorted by date."""
    groups: list[tuple[Event, set[str], list[Article]]] = []
    for article in articles:
        if article.analysis is None:
            continue
        for event in article.analysis.events:
            if (event.end or event.start) <= day:
                continue
            keys = _event_keys(event, article)
            for i, (first, fkeys, sources) in enumerate(groups):
                if first.start == event.start and (fkeys & keys or first.kind == event.kind == "election"):
                    best = first if first.confidence >= event.confidence else event
                    groups[i] = (replace(best, end=first.end or event.end), fkeys | keys, [*sources, article])
                    break
            else:
                groups.append((event, keys, [article]))
    items = [
        AgendaItem(event, tuple(_ref(a) for a in dict.fromkeys(sources)), relative_label(event, today))
        for event, _keys, sources in groups
    ]
    return sorted(items, key=lambda i: (i.event.start, -len(i.sources), i.event.summary))


def _story(story_id: str, members: list[Article], day: date, today: date) -> Story:
    members = sorted(members, key=lambda a: a.published)
    analyzed = [a for a in members if a.analysis]
    langs = [a.analysis.lang for a in analyzed if a.analysis]
    main_lang = max(set(langs), key=langs.count) if langs else None
    # The headline comes from the fullest article in the story's main language; its summary leads.
    lead = max(
        analyzed or members,
        key=lambda a: (a.analysis is not None and a.analysis.lang == main_lang, len(a.analysis.text if a.analysis else a.text)),
    )
    summary = [s.text for s in summary_sentences(lead.analysis.sentences)] if lead.analysis else [lead.text[:300]]
    actors = combine_actors(x for a in analyzed if a.analysis for x in a.analysis.actors)
    shared = [x for x in actors if x.kind != "country" and _articles_naming(x, analyzed) >= 2]
    why = []
    if len(members) > 1:
        if shared:
            why.append("shared actors: " + ", ".join(x.name for x in shared[:5]))
        dates = sorted({e.start for a in analyzed if a.analysis for e in a.analysis.events}
                       & _common_dates(analyzed))
        if dates:
            why.append("same event dates: " + ", ".join(d.isoformat() for d in dates[:3]))
    outlets = {a.feed_title for a in members}
    events = tuple(agenda(analyzed, day, today))
    score = 2.0 * len(outlets) + 1.0 * len(set(langs)) + 0.5 * len(events) + 0.1 * min(10, len(actors))
    newest = max(a.published for a in members)
    score += 1.0 / (1.0 + (datetime.combine(day, time.max, tzinfo=newest.tzinfo) - newest).total_seconds() / 86400)
    return Story(
        id=story_id,
        headline=lead.title,
        summary=tuple(summary),
        articles=tuple(_ref(a) for a in members),
        actors=tuple(actors),
        events=events,
        why=tuple(why),
        lang=main_lang,
        score=score,
    )


def _articles_naming(actor: Actor, articles: Sequence[Article]) -> int:
    return sum(
        1 for a in articles if a.analysis and any((x.key or x.name) == (actor.key or actor.name) for x in a.analysis.actors)
    )


def _common_dates(articles: Sequence[Article]) -> set[date]:
    counts: dict[date, int] = defaultdict(int)
    for a in articles:
        if a.analysis:
            for d in {e.start for e in a.analysis.events}:
                counts[d] += 1
    return {d for d, c in counts.items() if c >= 2}


def build_briefing(
    store: Store,
    now: datetime,
    *,
    day: date | None = None,
    lang: str = "all",
    limit: int = 10,
    since: date | None = None,
) -> Briefing:
    """The briefing for `day` (default: today in `now`'s timezone). When the cache holds nothing for that day
    and no day was asked for, the newest day with articles is used, as of the end of that day. With `since`,
    stories are built from every article from the start of that day on (exports of a date range)."""
    tz = now.tzinfo
    notes: list[str] = []
    asked = day is not None
    day = day or now.date()
    end = datetime.combine(day, time.max, tzinfo=tz)
    start_of_day = datetime.combine(day, time.min, tzinfo=tz)
    if not asked and not store.articles_between(start_of_day, end):
        newest = store.newest_published()
        if newest is not None:
            newest_day = newest.astimezone(tz).date()
            notes.append(f"nothing cached for {day.isoformat()}; showing {newest_day.isoformat()}, the newest day with articles")
            day = newest_day
            end = datetime.combine(day, time.max, tzinfo=tz)
            now = end
        else:
            notes.append("the cache is empty: run `briefing fetch`")
    first = datetime.combine(since, time.min, tzinfo=tz) if since else end - STORY_WINDOW
    window = [a for a in store.articles_between(first, end) if lang == "all" or _lang(a) == lang]
    story_of = store.story_ids(a.id for a in window)
    by_story: dict[str, list[Article]] = defaultdict(list)
    for article in window:
        by_story[story_of.get(article.id, f"a{article.id}")].append(article)
    today = now.date()
    stories = sorted((_story(sid, arts, day, today) for sid, arts in by_story.items()), key=lambda s: -s.score)
    stories = stories[:limit]
    agenda_articles = store.articles_with_events_after(day, end)
    agenda_articles = [a for a in agenda_articles if a.published >= end - AGENDA_LOOKBACK]
    if lang != "all":
        agenda_articles = [a for a in agenda_articles if _lang(a) == lang]
    upcoming = agenda(agenda_articles, day, today)
    actors = combine_actors(x for s in stories for x in s.actors)
    return Briefing(day, now, tuple(stories), tuple(actors), tuple(upcoming), tuple(notes))


def _lang(a: Article) -> str | None:
    return a.analysis.lang if a.analysis else a.lang

