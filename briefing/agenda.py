"""Provides the agenda of the view-model: `agenda` (upcoming events of a set of articles, one item per
real-world event however many outlets and scripts report it, sorted by date), `relative_label` ("tomorrow",
"in 3 days", "next month" ...) and `article_ref`, how every view names an article. `viewmodel` builds the
whole briefing around it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from briefing.models import Actor, AgendaItem, Article, ArticleRef, Event


def article_ref(a: Article) -> ArticleRef:
    """How a view names an article: title, link, outlet, time, language, id and read mark."""
    lang = a.analysis.lang if a.analysis else a.lang
    return ArticleRef(a.title, a.url, a.feed_title, a.published, lang, a.id, a.read)


def relative_label(event: Event, today: date) -> str:
    days = (event.start - today).days
    if event.precision == "vague":
        return "soon"
    if event.precision == "year":
        return "next year" if event.start.year > today.year else "this year"
    if event.precision == "month":
        return (
            "next month"
            if (event.start.year, event.start.month) > (today.year, today.month)
            else "later this month"
        )
    if event.precision == "week":
        return "this week" if days < 7 else "next week"
    if event.end and event.start <= today <= event.end:
        return "ongoing"
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days < 14:
        return f"in {days} days"
    return f"in {days // 7} weeks"


def _event_keys(event: Event, article: Article) -> set[str]:
    """What identifies an event across outlets and scripts: the actor keys of its participants and place
    (countries are left out: two different events in one country are common)."""
    assert article.analysis is not None
    by_name: dict[str, Actor] = {}
    for actor in article.analysis.actors:
        for name in (actor.name, *actor.aliases):
            by_name[name] = actor
    keys = set()
    for name in (*event.who, *([event.where] if event.where else [])):
        found = by_name.get(name)
        if found is None:
            keys.add(name)
        elif found.kind != "country":
            keys.add(f"{found.kind}:{found.key or found.name}")
    return keys


def _is_named_place(where: str | None, article: Article) -> bool:
    """Whether an event's place is a recognised place or country (not a description like "the capital")."""
    if not where or article.analysis is None:
        return False
    return any(
        a.kind in ("place", "country") and where in (a.name, *a.aliases) for a in article.analysis.actors
    )


@dataclass
class _Group:
    start: date
    precision: str
    keys: set[str]
    reports: list[tuple[Event, Article]]


def agenda(articles: Sequence[Article], day: date, today: date) -> list[AgendaItem]:
    """Upcoming events (after `day`) of these articles, one item per real-world event, sorted by date.
    Reports merge when they share a start date, a precision and a participant or place."""
    groups: list[_Group] = []
    by_date: dict[tuple[date, str], list[_Group]] = defaultdict(list)
    for article in articles:
        if article.analysis is None:
            continue
        for event in article.analysis.events:
            if (event.end or event.start) <= day:
                continue
            keys = _event_keys(event, article)
            candidates = by_date[event.start, event.precision]
            for g in candidates:
                if g.keys & keys:
                    g.keys |= keys
                    g.reports.append((event, article))
                    break
            else:
                candidates.append(_Group(event.start, event.precision, keys, [(event, article)]))
                groups.append(candidates[-1])
    items = []
    for g in groups:
        langs = [a.analysis.lang for _, a in g.reports if a.analysis]
        main = max(sorted(set(langs)), key=langs.count)
        event, _ = max(
            g.reports,
            key=lambda r: (
                r[1].analysis is not None and r[1].analysis.lang == main,
                r[0].confidence,
                _is_named_place(r[0].where, r[1]),
                len(r[0].who),
            ),
        )
        if event.end is None:
            event = replace(event, end=next((e.end for e, _ in g.reports if e.end), None))
        sources = tuple(article_ref(a) for a in dict.fromkeys(a for _, a in g.reports))
        items.append(AgendaItem(event, sources, relative_label(event, today)))
    return sorted(items, key=lambda i: (i.event.start, -len(i.sources), i.event.summary))
