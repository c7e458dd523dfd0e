"""Provides the compact stored form of an analysis: what `Store` writes to `analyses.data` and reads back.

The JSON of CONTRACT.md (`briefing.codec`) is what the user sees; the cache keeps a smaller record of the same
`Analysis`, without anything it can recompute from the article row it belongs to: no copy of the text when the
analyzed body is the article's text, no sentence texts (they are slices of the body), no summary (the top
ranked sentences), no title or publication time equal to the article's. Keys are one letter and empty fields
are left out. The record is deflated (zlib) with the article's own text as the preset dictionary, so what it
still quotes from the article (a body that differs by its dateline, names, event phrases) costs a few bytes.

Decoding needs the same article title, text and publication time as encoding did: an article whose text
changes loses its analysis (`Ingest` deletes it, and a trigger does for any other writer), and a record that
does not decode is read as no analysis, so the article is analyzed again rather than shown wrong.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from briefing.codec import ANALYSIS_VERSION, analysis_from_dict
from briefing.models import Actor, Analysis, Event, Sentence


def _dictionary(title: str, text: str) -> bytes:
    # zlib only looks back 32 KB: the start of a long text is the part a record quotes least.
    return f"{title}\n{text}".encode()[-32768:]


def _actor(a: Actor) -> dict[str, Any]:
    d: dict[str, Any] = {"n": a.name, "k": a.kind}
    if a.key != a.name:
        d["y"] = a.key
    optional = {
        "l": a.name_latin,
        "r": list(a.roles),
        "f": a.affiliation,
        "a": list(a.aliases),
        "i": list(a.identity),
        "o": list(a.lookup),
    }
    d.update((k, v) for k, v in optional.items() if v)
    if a.mentions:
        d["m"] = [x for m in a.mentions for x in m]
    if a.title_mentions:
        d["t"] = [x for m in a.title_mentions for x in m]
    return d


def _event(e: Event) -> dict[str, Any]:
    d: dict[str, Any] = {
        "s": e.summary,
        "k": e.kind,
        "t": e.trigger,
        "d": e.date_text,
        "b": e.start.isoformat(),
        "i": e.sentence_index,
        "c": round(e.confidence, 3),
    }
    optional = {
        "e": e.end.isoformat() if e.end else None,
        "w": list(e.who),
        "h": e.where,
        "u": e.purpose,
        "z": e.clause,
    }
    d.update((k, v) for k, v in optional.items() if v)
    if e.precision != "day":
        d["p"] = e.precision
    if e.status != "firm":
        d["x"] = e.status
    return d


def encode(a: Analysis, title: str, text: str, published: str) -> bytes:
    """The stored record of `a`, the analysis of the article with this title, text and ISO publication
    time."""
    d: dict[str, Any] = {"l": a.lang}
    if a.title != title:
        d["t"] = a.title
    if a.published.isoformat() != published:
        d["p"] = a.published.isoformat()
    if a.text != text:
        d["b"] = a.text
    if a.author is not None:
        d["a"] = a.author
    if a.dateline is not None:
        d["d"] = a.dateline
    sentences: list[list[Any]] = []
    for i, s in enumerate(a.sentences):
        row: list[Any] = [s.start, s.end, round(s.score, 4), s.rank]
        if s.index != i or s.text != a.text[s.start : s.end]:
            row += [s.index, s.text]  # not what the analyzer makes, but kept as it was
        sentences.append(row)
    if sentences:
        d["s"] = sentences
    if a.actors:
        d["x"] = [_actor(x) for x in a.actors]
    if a.events:
        d["e"] = [_event(e) for e in a.events]
    raw = json.dumps(d, ensure_ascii=False, separators=(",", ":")).encode()
    z = zlib.compressobj(9, zlib.DEFLATED, 15, 9, zlib.Z_DEFAULT_STRATEGY, _dictionary(title, text))
    return z.compress(raw) + z.flush()


def _read_actor(d: dict[str, Any], mentions: bool) -> Actor:
    flat = d.get("m", ()) if mentions else ()
    in_title = d.get("t", ()) if mentions else ()
    return Actor(
        name=d["n"],
        kind=d["k"],
        name_latin=d.get("l"),
        roles=tuple(d.get("r", ())),
        affiliation=d.get("f"),
        aliases=tuple(d.get("a", ())),
        mentions=tuple((int(flat[i]), int(flat[i + 1])) for i in range(0, len(flat), 2)),
        key=d.get("y") or d["n"],
        title_mentions=tuple((int(in_title[i]), int(in_title[i + 1])) for i in range(0, len(in_title), 2)),
        identity=tuple(d.get("i", ())) if mentions else (),
        lookup=tuple(d.get("o", ())) if mentions else (),
    )


def _read_event(d: dict[str, Any]) -> Event:
    return Event(
        summary=d["s"],
        kind=d["k"],
        trigger=d["t"],
        date_text=d["d"],
        start=date.fromisoformat(d["b"]),
        end=date.fromisoformat(d["e"]) if "e" in d else None,
        precision=d.get("p", "day"),
        who=tuple(d.get("w", ())),
        where=d.get("h"),
        purpose=d.get("u"),
        clause=d.get("z", ""),
        sentence_index=int(d["i"]),
        confidence=float(d["c"]),
        status=d.get("x", "firm"),
    )


def _named_by_events(actor: dict[str, Any], names: set[str]) -> bool:
    return actor["k"] == "country" or actor["n"] in names or any(a in names for a in actor.get("a", ()))


def decode(
    data: bytes | str,
    title: str,
    text: str,
    published: str,
    *,
    light: bool = False,
    event_actors: bool = False,
) -> Analysis | None:
    """The analysis stored as `data` for the article with this title, text and publication time, or None when
    it does not decode. `light` leaves out the sentences and the actors' mention offsets; `event_actors`
    (with `light`) also every actor that no event names as a participant or place (by name or alias),
    countries excepted: what the agenda reads of an article (elections merge by country). A `str` is the
    JSON of `briefing.codec` that caches kept before the compact record."""
    try:
        if isinstance(data, str):
            analysis = analysis_from_dict(json.loads(data), light=light)
            if event_actors and light:
                names = {n for e in analysis.events for n in (*e.who, e.where) if n}
                kept = tuple(
                    a
                    for a in analysis.actors
                    if a.kind == "country" or a.name in names or set(a.aliases) & names
                )
                analysis = replace(analysis, actors=kept)
            return analysis
        z = zlib.decompressobj(15, _dictionary(title, text))
        d = json.loads(z.decompress(data) + z.flush())
        body: str = d.get("b", text)
        sentences: tuple[Sentence, ...] = ()
        if not light:
            sentences = tuple(
                Sentence(row[4], row[0], row[1], row[5], row[2], row[3])
                if len(row) > 4
                else Sentence(i, row[0], row[1], body[row[0] : row[1]], row[2], row[3])
                for i, row in enumerate(d.get("s", ()))
            )
        events = tuple(_read_event(e) for e in d.get("e", ()))
        actors: list[dict[str, Any]] = d.get("x", [])
        if event_actors and light:
            names = {n for e in events for n in (*e.who, e.where) if n}
            actors = [x for x in actors if _named_by_events(x, names)]
        return Analysis(
            lang=d["l"],
            title=d.get("t", title),
            published=datetime.fromisoformat(d.get("p", published)),
            text=body,
            sentences=sentences,
            actors=tuple(_read_actor(x, not light) for x in actors),
            events=events,
            author=d.get("a"),
            dateline=d.get("d"),
        )
    except (zlib.error, ValueError, KeyError, TypeError, IndexError):
        return None


def compact_analyses(conn: sqlite3.Connection, batch: int = 200) -> None:
    """Rewrite the current analyses that a cache kept as `briefing.codec` JSON as compact records (schema 5);
    a few at a time, so memory does not grow with the cache. What does not decode is left as it was."""
    q = (
        "SELECT n.article_id, n.data, a.title, a.text, a.published FROM analyses n "
        "JOIN articles a ON a.id = n.article_id WHERE n.article_id > ? AND n.version = ? "
        "AND typeof(n.data) = 'text' ORDER BY n.article_id LIMIT ?"
    )
    last = -1
    while rows := conn.execute(q, (last, ANALYSIS_VERSION, batch)).fetchall():
        for article_id, data, title, text, published in rows:
            last = article_id
            analysis = decode(data, title, text, published)
            if analysis is not None:
                record = encode(analysis, title, text, published)
                conn.execute("UPDATE analyses SET data = ? WHERE article_id = ?", (record, article_id))
