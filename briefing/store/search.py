"""Provides `Search` (`Store.search`): the FTS5 index of the articles and the queries that read it, plain
words (`words`) or the query language of `briefing.query` (`find`).

The index is brought up to date before each search (`index_pending`). Each part of a query becomes one SQL
condition with bound parameters; full-text parts go through the same normalization as the index
(`briefing.store.fts`). `kind:` looks at the events of the analysis, so it is checked on the candidates in
Python (the events table keeps no kind).
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from briefing.models import Article
from briefing.query import Query
from briefing.store.articles import LISTED_COLUMNS, article_from_row, read_articles
from briefing.store.fts import Normalizer, index_text, match_expression, phrase_expression
from briefing.store.transaction import transaction


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class Search:
    """Full-text search over the cached articles, on the store's connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def index_pending(self, normalize: Normalizer, batch: int = 500) -> int:
        """Take the articles that changed or went out of the search index (`fts_dead`), then index those
        queued in `fts_pending` (new or changed since); returns how many were indexed."""
        gone = "SELECT article_id, title, text FROM fts_dead ORDER BY article_id LIMIT ?"
        while rows := self.conn.execute(gone, (batch,)).fetchall():
            # The index keeps no text: FTS5's 'delete' takes the values that were indexed, made again.
            with transaction(self.conn) as c:
                c.executemany(
                    "INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)",
                    [(i, index_text(t, normalize), index_text(x, normalize)) for i, t, x in rows],
                )
                c.executemany("DELETE FROM fts_dead WHERE article_id = ?", [(i,) for i, _, _ in rows])
        q = (
            "SELECT p.article_id, a.title, a.text FROM fts_pending p "
            "JOIN articles a ON a.id = p.article_id ORDER BY p.article_id LIMIT ?"
        )
        total = 0
        while rows := self.conn.execute(q, (batch,)).fetchall():
            with transaction(self.conn) as c:
                c.executemany(
                    "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
                    [(i, index_text(t, normalize), index_text(x, normalize)) for i, t, x in rows],
                )
                c.executemany("DELETE FROM fts_pending WHERE article_id = ?", [(i,) for i, _, _ in rows])
            total += len(rows)
        return total

    def words(self, query: str, normalize: Normalizer, limit: int = 50) -> list[Article]:
        """Articles matching every word of `query` (Arabic-normalized), best match first, without analyses."""
        self.index_pending(normalize)
        expr = match_expression(query, normalize)
        if expr is None:
            return []
        q = (
            f"SELECT {LISTED_COLUMNS} FROM articles_fts s JOIN articles a ON a.id = s.rowid "
            "JOIN feeds f ON f.id = a.feed_id WHERE articles_fts MATCH ? "
            "ORDER BY bm25(articles_fts, 4.0, 1.0), a.published_utc DESC LIMIT ?"
        )
        return [article_from_row(r) for r in self.conn.execute(q, (expr, limit))]

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
                f"SELECT {LISTED_COLUMNS} FROM articles_fts s JOIN articles a ON a.id = s.rowid "
                f"JOIN feeds f ON f.id = a.feed_id WHERE articles_fts MATCH ? AND {where} "
                "ORDER BY bm25(articles_fts, 4.0, 1.0), a.published_utc DESC"
            )
            params.insert(0, match)
        else:
            sql = (
                f"SELECT {LISTED_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE {where} "
                "ORDER BY a.published_utc DESC"
            )
        if not kinds and not not_kinds:
            if limit is None:
                return [article_from_row(r) for r in self.conn.execute(sql, params)]
            return [article_from_row(r) for r in self.conn.execute(sql + " LIMIT ?", (*params, limit))]
        out: list[Article] = []
        for row in self.conn.execute(sql, params):
            found = article_from_row(row)
            full = read_articles(self.conn, [found.id], light=True) if found.id is not None else []
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
