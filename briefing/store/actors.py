"""Provides `ActorRows` (`Store.actors`), the actors kept across the cache: stable ids, mentions, stories.

Each analyzed
article's actors are recorded under a stable id, the extractor's `key` the first time an actor is met; later
articles resolve to that id through the identity forms the extractor gives each actor (`Actor.identity` and
`Actor.lookup`: the same key, the same Latin name, a shared written form of two words or more, or, for
persons, the consonant skeleton of a name in the other script), so "بيدرسون" met in one outlet and "Geir
Pedersen" in another are one row; an actor without forms (built by hand) is recorded under its key alone.
Mention counts and the stories an actor appears in are read from the article rows at query time, so pruning
articles (which cascades to them) keeps the counts right.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from briefing.models import Actor, ActorKind, Analysis
from briefing.store.articles import read_articles
from briefing.store.chunked import rows_in
from briefing.store.transaction import transaction

_KINDS: tuple[ActorKind, ...] = ("person", "org", "country", "place")


@dataclass(frozen=True)
class StoredActor:
    """One actor across the cache, with how often and where it is named."""

    key: str
    """The stable id: the extractor's key the first time the actor was met."""
    kind: ActorKind
    name: str
    name_latin: str | None
    first_seen: datetime
    last_seen: datetime
    mentions: int
    """Mentions over every cached article that names the actor."""
    articles: int
    stories: tuple[str, ...] = ()


class ActorRows:
    """The actors of the cache and the articles that name them, on the store's connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def need_backfill(self) -> bool:
        """Whether articles were analyzed but no actor was recorded: a cache from before the actor tables."""
        has_analyses = self.conn.execute("SELECT 1 FROM analyses LIMIT 1").fetchone() is not None
        has_actors = self.conn.execute("SELECT 1 FROM article_actors LIMIT 1").fetchone() is not None
        return has_analyses and not has_actors

    def record_missing(self) -> int:
        """Record the actors of analyzed articles that have none recorded yet (a cache analyzed before the
        actor tables existed, or a crash between saving an analysis and recording its actors); returns how
        many articles were recorded."""
        q = (
            "SELECT n.article_id FROM analyses n WHERE NOT EXISTS "
            "(SELECT 1 FROM article_actors aa WHERE aa.article_id = n.article_id)"
        )
        ids = [int(r[0]) for r in self.conn.execute(q)]
        recorded = 0
        for i in range(0, len(ids), 200):  # a few analyses in memory at a time
            articles = read_articles(self.conn, ids[i : i + 200])
            done = [(a.id, a.analysis) for a in articles if a.analysis is not None and a.analysis.actors]
            self.record(done)
            recorded += len(done)
        return recorded

    def record(self, results: Iterable[tuple[int, Analysis]]) -> None:
        """Record the actors of analyzed articles under stable ids; an article's earlier rows are replaced
        (re-analysis)."""
        with transaction(self.conn) as c:
            for article_id, analysis in results:
                when = analysis.published.astimezone(UTC).isoformat()
                c.execute("DELETE FROM article_actors WHERE article_id = ?", (article_id,))
                counts: dict[str, int] = {}
                for actor in analysis.actors:
                    key = self._resolve(c, actor, list(actor.lookup))
                    self._upsert(c, key, actor, when, list(actor.identity))
                    counts[key] = counts.get(key, 0) + max(1, len(actor.mentions))
                c.executemany(
                    "INSERT INTO article_actors (article_id, actor_key, mentions) VALUES (?, ?, ?)",
                    [(article_id, key, n) for key, n in counts.items()],
                )

    @staticmethod
    def _resolve(c: sqlite3.Connection, actor: Actor, forms: list[str]) -> str:
        """The stable id of an extracted actor: the stored actor its strongest shared form names, if exactly
        one does; else its own key."""
        found: dict[str, set[str]] = {}
        if forms:
            marks = ",".join("?" * len(forms))
            q = f"SELECT form, actor_key FROM actor_forms WHERE form IN ({marks})"
            for form, key in c.execute(q, forms):
                found.setdefault(str(form), set()).add(str(key))
        for form in forms:  # strongest first
            keys = found.get(form, set())
            if len(keys) == 1:
                return next(iter(keys))
        return actor.key or f"{actor.kind}:{actor.name}"

    @staticmethod
    def _upsert(c: sqlite3.Connection, key: str, actor: Actor, when: str, forms: list[str]) -> None:
        row = c.execute("SELECT name FROM actors WHERE key = ?", (key,)).fetchone()
        if row is None:
            c.execute(
                "INSERT INTO actors (key, kind, name, name_latin, first_seen, last_seen) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (key, actor.kind, actor.name, actor.name_latin, when, when),
            )
        else:
            # The fullest name met so far is the canonical one; a Latin name, once known, stays.
            name = actor.name if len(actor.name.split()) > len(str(row[0]).split()) else str(row[0])
            c.execute(
                "UPDATE actors SET name = ?, name_latin = COALESCE(name_latin, ?), "
                "first_seen = MIN(first_seen, ?), last_seen = MAX(last_seen, ?) WHERE key = ?",
                (name, actor.name_latin, when, when, key),
            )
        c.executemany(
            "INSERT OR IGNORE INTO actor_forms (form, actor_key) VALUES (?, ?)",
            [(form, key) for form in forms],
        )

    def stats(self, limit: int | None = None, kind: ActorKind | None = None) -> list[StoredActor]:
        """Actors named in cached articles, most mentioned first, with the stories they appear in."""
        where = "WHERE ac.kind = ?" if kind else ""
        q = (
            "SELECT ac.key, ac.kind, ac.name, ac.name_latin, ac.first_seen, ac.last_seen, "
            "SUM(aa.mentions), COUNT(aa.article_id) "
            "FROM actors ac JOIN article_actors aa ON aa.actor_key = ac.key "
            f"{where} GROUP BY ac.key ORDER BY SUM(aa.mentions) DESC, COUNT(aa.article_id) DESC, ac.name "
            "LIMIT ?"
        )
        params: list[object] = [kind] if kind else []
        params.append(-1 if limit is None else limit)
        rows = self.conn.execute(q, params).fetchall()
        stories = self.stories(str(r[0]) for r in rows)
        return [
            StoredActor(
                key=str(r[0]),
                kind=_kind(str(r[1])),
                name=str(r[2]),
                name_latin=None if r[3] is None else str(r[3]),
                first_seen=datetime.fromisoformat(str(r[4])),
                last_seen=datetime.fromisoformat(str(r[5])),
                mentions=int(r[6]),
                articles=int(r[7]),
                stories=stories.get(str(r[0]), ()),
            )
            for r in rows
        ]

    def stories(self, keys: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """Actor id -> the ids of the stories whose articles name it, most recent story first."""
        out: dict[str, list[str]] = {}
        q = (
            "SELECT aa.actor_key, a.story_id, MAX(a.published_utc) AS latest "
            "FROM article_actors aa JOIN articles a ON a.id = aa.article_id "
            "WHERE a.story_id IS NOT NULL AND aa.actor_key IN ({marks}) "
            "GROUP BY aa.actor_key, a.story_id ORDER BY latest DESC"
        )
        for key, story, _ in rows_in(self.conn, q, list(keys)):
            out.setdefault(str(key), []).append(str(story))
        return {k: tuple(v) for k, v in out.items()}

    def of_articles(self, article_ids: Sequence[int]) -> dict[int, dict[str, int]]:
        """Article id -> {actor id: mentions} for these articles."""
        out: dict[int, dict[str, int]] = {}
        q = "SELECT article_id, actor_key, mentions FROM article_actors WHERE article_id IN ({marks})"
        for aid, key, n in rows_in(self.conn, q, article_ids):
            out.setdefault(int(aid), {})[str(key)] = int(n)
        return out


def _kind(text: str) -> ActorKind:
    for kind in _KINDS:
        if kind == text:
            return kind
    raise ValueError(f"unknown actor kind {text!r}")
