"""Provides the one mapping between the models and the JSON shapes of CONTRACT.md.

The store keeps analyses in this shape and `analyze --json`, `today --json` and `export --format json`
print it,
so a field is named in exactly one place.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from briefing.models import (
    Actor,
    AgendaItem,
    Analysis,
    ArticleRef,
    Briefing,
    Event,
    Sentence,
    Story,
    summary_sentences,
)

ANALYSIS_VERSION = 4
"""Bump when the analyzers change enough that stored analyses should be recomputed."""


def actor_to_dict(a: Actor, *, with_mentions: bool = True, stored: bool = False) -> dict[str, Any]:
    """The actor's JSON object; `stored` adds its identity forms, which the cache keeps but no output
    shows."""
    d: dict[str, Any] = {
        "name": a.name,
        "name_latin": a.name_latin,
        "kind": a.kind,
        "role": a.role,
        "roles": list(a.roles),
        "affiliation": a.affiliation,
        "aliases": list(a.aliases),
    }
    if with_mentions:
        d["mentions"] = [list(m) for m in a.mentions]
        d["title_mentions"] = [list(m) for m in a.title_mentions]
    else:
        d["mention_count"] = len(a.mentions)
    d["key"] = a.key
    if stored:
        d["identity"] = list(a.identity)
        d["lookup"] = list(a.lookup)
    return d


def actor_from_dict(d: dict[str, Any], *, mentions: bool = True) -> Actor:
    """The actor of `actor_to_dict`; `mentions` False leaves its mention offsets out (a reader that only
    needs who the actor is)."""
    roles = d.get("roles")
    if roles is None:
        roles = [d["role"]] if d.get("role") else []
    return Actor(
        name=d["name"],
        kind=d["kind"],
        name_latin=d.get("name_latin"),
        roles=tuple(roles),
        affiliation=d.get("affiliation"),
        aliases=tuple(d.get("aliases", ())),
        mentions=tuple((int(m[0]), int(m[1])) for m in d.get("mentions", ())) if mentions else (),
        key=d.get("key") or d["name"],
        title_mentions=tuple((int(m[0]), int(m[1])) for m in d.get("title_mentions", ())) if mentions else (),
        identity=tuple(d.get("identity", ())) if mentions else (),
        lookup=tuple(d.get("lookup", ())) if mentions else (),
    )


def event_to_dict(e: Event) -> dict[str, Any]:
    return {
        "summary": e.summary,
        "kind": e.kind,
        "trigger": e.trigger,
        "date_text": e.date_text,
        "start": e.start.isoformat(),
        "end": e.end.isoformat() if e.end else None,
        "precision": e.precision,
        "who": list(e.who),
        "where": e.where,
        "purpose": e.purpose,
        "status": e.status,
        "sentence_index": e.sentence_index,
        "confidence": round(e.confidence, 3),
        "clause": e.clause,
    }


def event_from_dict(d: dict[str, Any]) -> Event:
    return Event(
        summary=d["summary"],
        kind=d["kind"],
        trigger=d["trigger"],
        date_text=d["date_text"],
        start=date.fromisoformat(d["start"]),
        end=date.fromisoformat(d["end"]) if d.get("end") else None,
        precision=d.get("precision", "day"),
        who=tuple(d.get("who", ())),
        where=d.get("where"),
        purpose=d.get("purpose"),
        sentence_index=int(d.get("sentence_index", 0)),
        confidence=float(d.get("confidence", 0.5)),
        status=d.get("status", "firm"),
        clause=d.get("clause", ""),
    )


def sentence_to_dict(s: Sentence) -> dict[str, Any]:
    return {
        "index": s.index,
        "start": s.start,
        "end": s.end,
        "text": s.text,
        "score": round(s.score, 4),
        "rank": s.rank,
    }


def analysis_to_dict(a: Analysis, *, stored: bool = False) -> dict[str, Any]:
    """The analysis's JSON object (CONTRACT.md); `stored`: the cache's copy, with the actors' identity
    forms."""
    return {
        "lang": a.lang,
        "title": a.title,
        "published": a.published.isoformat(),
        "author": a.author,
        "dateline": a.dateline,
        "text": a.text,
        "sentences": [sentence_to_dict(s) for s in a.sentences],
        "summary": [s.text for s in summary_sentences(a.sentences)],
        "actors": [actor_to_dict(x, stored=stored) for x in a.actors],
        "events": [event_to_dict(e) for e in a.events],
    }


def analysis_from_dict(d: dict[str, Any], *, light: bool = False) -> Analysis:
    """The analysis of `analysis_to_dict`; `light` leaves out the sentences and the actors' mention offsets
    (the agenda reads only events and who the actors are: most of the decoding cost is in those two)."""
    return Analysis(
        lang=d["lang"],
        title=d["title"],
        published=datetime.fromisoformat(d["published"]),
        text=d["text"],
        sentences=()
        if light
        else tuple(
            Sentence(s["index"], s["start"], s["end"], s["text"], s["score"], s["rank"])
            for s in d["sentences"]
        ),
        actors=tuple(actor_from_dict(x, mentions=not light) for x in d["actors"]),
        events=tuple(event_from_dict(e) for e in d["events"]),
        author=d.get("author"),
        dateline=d.get("dateline"),
    )


def ref_to_dict(r: ArticleRef) -> dict[str, Any]:
    return {
        "title": r.title,
        "url": r.url,
        "feed": r.feed,
        "published": r.published.isoformat(),
        "lang": r.lang,
    }


def agenda_to_dict(item: AgendaItem) -> dict[str, Any]:
    d = event_to_dict(item.event)
    d["relative"] = item.relative
    d["sources"] = [ref_to_dict(r) for r in item.sources]
    d["other_dates"] = [x.isoformat() for x in item.other_dates]
    d["score"] = item.score
    return d


def story_to_dict(s: Story) -> dict[str, Any]:
    return {
        "id": s.id,
        "headline": s.headline,
        "lang": s.lang,
        "summary": list(s.summary),
        "articles": [ref_to_dict(r) for r in s.articles],
        "actors": [actor_to_dict(a, with_mentions=False) for a in s.actors],
        "events": [agenda_to_dict(e) for e in s.events],
        "why": list(s.why),
        "score": round(s.score, 4),
    }


def briefing_to_dict(b: Briefing) -> dict[str, Any]:
    return {
        "date": b.date.isoformat(),
        "now": b.now.isoformat(),
        "stories": [story_to_dict(s) for s in b.stories],
        "actors": [actor_to_dict(a, with_mentions=False) for a in b.actors],
        "upcoming": [agenda_to_dict(i) for i in b.upcoming],
    }
