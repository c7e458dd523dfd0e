"""Provides `FindStore`, the part of `Store` that answers a `briefing.query.Query` and counts unread articles.

A mixin of `Store`: it uses the store's connection, `index_pending` (the search index must be current) and
the row-to-model helper `_article`. Each part of a query becomes one SQL condition with bound parameters;
full-text parts go through the same normalization as the index (`briefing.store.fts`). `kind:` looks at the
events of the analysis, so it is checked on the candidates in Python (the events table keeps no kind).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from briefing.models import Article
from briefing.query import Query
from briefing.store.fts import Normalizer, match_expression, phrase_expression

_COLS = (
    "a.id, a.feed_id, f.title, a.guid, a.url, a.title, a.author, a.published, '', a.lang, a.read, NULL, NULL"
)


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class FindStore:
    conn: sqlite3.Connection

    def _article(self, row: Sequence[object]) -> Article:
        raise NotImplementedError

    def articles(self, ids: Iterable[int], *, light: bool = False) -> list[Article]:
        raise NotImplementedError

    def index_pending(self, normalize: Normalizer, batch: int = 500) -> int:
        raise NotImplementedError

    def find(self, query: Query, normalize: Normalizer, now: datetime, limit: int = 50) -> list[Article]:
        """Articles matching every part of `query` (without text or analysis): best text match first when
        the query has words, otherwise newest first."""
        return self._find(query, normalize, now, limit)

    def find_ids(
        self, query: Query, normalize: Normalizer, now: datetime, start: datetime, end: datetime
    ) -> set[int]:
        """The ids of every article published in [start, end) that matches `query` (no limit): what a
        briefing filtered by a query keeps."""
        return {a.id for a in self._find(query, normalize, now, None, (start, end))}

    def _find(
        self,
        query: Query,
        normalize: Normalizer,
        now: datetime,
        limit: int | None,
        within: tuple[datetime, datetime] | None = None,
    ) -> list[Article]:
        conditions: list[str] = []
        params: list[object] = []
        if query.words or query.excluded:
            self.index_pending(normalize)
        match = self._text_match(query, normalize)
        if query.words and match is None:
            return []  # words with nothing searchable in them: nothing can match
        if within is not None:
            conditions.append("a.published_utc >= ? AND a.published_utc < ?")
            params += [moment.astimezone(UTC).isoformat() for moment in within]
        for word in query.excluded:
            expr = self._match_one(word, normalize)
            if expr is not None:
                conditions.append("a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
                params.append(expr)
        if query.unread is not None:
            conditions.append("a.read = ?")
            params.append(0 if query.unread else 1)
        if query.starred is not None:
            conditions.append(f"a.id {'IN' if query.starred else 'NOT IN'} (SELECT article_id FROM stars)")
        start, end = query.window(now)
        if start is not None:
            conditions.append("a.published_utc >= ?")
            params.append(start.astimezone(UTC).isoformat())
        if end is not None:
            conditions.append("a.published_utc < ?")
            params.append(end.astimezone(UTC).isoformat())
        for negated in (False, True):
            op = "NOT IN" if negated else "IN"
            for value in query.values("feed", negated=negated):
                # `+a.feed_id`: not through the (feed_id, guid) index, so that the newest-first scan of the
                # publication index stops at the limit instead of sorting every article of the feeds.
                conditions.append(
                    f"+a.feed_id {op} (SELECT id FROM feeds WHERE title LIKE ? ESCAPE '\\' "
                    "OR url LIKE ? ESCAPE '\\')"
                )
                params += [_like(value), _like(value)]
            for value in query.values("lang", negated=negated):
                conditions.append("COALESCE(a.lang, '') != ?" if negated else "a.lang = ?")
                params.append(value)
            for value in query.values("actor", negated=negated):
                conditions.append(
                    f"a.id {op} (SELECT aa.article_id FROM article_actors aa JOIN actors x "
                    "ON x.key = aa.actor_key WHERE x.name LIKE ? ESCAPE '\\' "
                    "OR x.name_latin LIKE ? ESCAPE '\\' OR x.key = ?)"
                )
                params += [_like(value), _like(value), value]
        kinds = {k.casefold() for k in query.values("kind")}
        not_kinds = {k.casefold() for k in query.values("kind", negated=True)}
        where = " AND ".join(conditions) or "1"
        if match is not None:
            sql = (
                f"SELECT {_COLS} FROM articles_fts s JOIN articles a ON a.id = s.rowid "
                f"JOIN feeds f ON f.id = a.feed_id WHERE articles_fts MATCH ? AND {where} "
                "ORDER BY bm25(articles_fts, 4.0, 1.0), a.published_utc DESC"
            )
            params.insert(0, match)
        else:
            sql = (
                f"SELECT {_COLS} FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE {where} "
                "ORDER BY a.published_utc DESC"
            )
        if not kinds and not not_kinds:
            if limit is None:
                return [self._article(r) for r in self.conn.execute(sql, params)]
            return [self._article(r) for r in self.conn.execute(sql + " LIMIT ?", (*params, limit))]
        out: list[Article] = []
        for row in self.conn.execute(sql, params):
            found = self._article(row)
            full = self.articles([found.id], light=True) if found.id is not None else []
            analysis = full[0].analysis if full else None
            events = {e.kind.casefold() for e in analysis.events} if analysis is not None else set()
            if kinds <= events and not (not_kinds & events):
                out.append(found)
                if limit is not None and len(out) >= limit:
                    break
        return out

    def _text_match(self, query: Query, normalize: Normalizer) -> str | None:
        """One MATCH expression for all the query's words and phrases (None when it has none)."""
        if not query.words:
            return None
        parts = [self._match_one(w, normalize) for w in query.words]
        if any(p is None for p in parts):
            return None
        return " AND ".join(f"({p})" for p in parts if p is not None)

    def _match_one(self, word: str, normalize: Normalizer) -> str | None:
        if any(ch.isspace() for ch in word.strip()):
            return phrase_expression(word, normalize)
        return match_expression(word, normalize)

    def unread_counts(self) -> dict[int, int]:
        """Feed id -> how many of its articles are unread (feeds with none are left out)."""
        q = "SELECT feed_id, COUNT(*) FROM articles WHERE read = 0 GROUP BY feed_id"
        return {int(f): int(n) for f, n in self.conn.execute(q)}
