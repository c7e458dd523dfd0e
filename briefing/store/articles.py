"""Provides how the cache reads article rows into `Article` models: the columns, the row conversion and
`read_articles`, shared by `Store` and the parts that return articles (search, actors).

An article comes with its analysis when the stored one is of the current version (`briefing.codec`), decoded
from its compact form (`briefing.store.compact`); a listing (search results) reads the same columns without
the text and the analysis (`LISTED_COLUMNS`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime

from briefing.codec import ANALYSIS_VERSION
from briefing.models import Article
from briefing.store.chunked import rows_in
from briefing.store.compact import decode

COLUMNS = (
    "a.id, a.feed_id, f.title, a.guid, a.url, a.title, a.author, a.published, a.text, a.lang, a.read, "
    "n.data, n.version"
)
"""An article with its feed's title and its analysis (`FROM`)."""
FROM = "articles a JOIN feeds f ON f.id = a.feed_id LEFT JOIN analyses n ON n.article_id = a.id"
LISTED_COLUMNS = (
    "a.id, a.feed_id, f.title, a.guid, a.url, a.title, a.author, a.published, '', a.lang, a.read, NULL, NULL"
)
"""An article for a listing: no text, no analysis (from `articles a JOIN feeds f`)."""


def article_from_row(row: Sequence[object], light: bool = False, event_actors: bool = False) -> Article:
    """The `Article` of one row of `COLUMNS` (or `LISTED_COLUMNS`); `light`: its analysis without sentences
    and mention offsets; `event_actors` (with `light`): only the actors its events name and countries."""
    data, version = row[11], row[12]
    analysis = (
        decode(
            data,  # type: ignore[arg-type]
            str(row[5]),
            str(row[8]),
            str(row[7]),
            light=light,
            event_actors=event_actors,
        )
        if data is not None and version == ANALYSIS_VERSION
        else None
    )
    return Article(
        id=int(row[0]),  # type: ignore[call-overload]
        feed_id=int(row[1]),  # type: ignore[call-overload]
        feed_title=str(row[2]),
        guid=str(row[3]),
        url=str(row[4]),
        title=str(row[5]),
        author=str(row[6]),
        published=datetime.fromisoformat(str(row[7])),
        text=str(row[8]),
        lang=row[9],  # type: ignore[arg-type]
        read=bool(row[10]),
        analysis=analysis,
    )


def read_articles(
    conn: sqlite3.Connection, ids: Iterable[int], *, light: bool = False, event_actors: bool = False
) -> list[Article]:
    """The articles `ids`, oldest first; `light`: their analyses without sentences and mention offsets;
    `event_actors` (with `light`): only the actors their events name and countries (what the agenda reads)."""
    q = f"SELECT {COLUMNS} FROM {FROM} WHERE a.id IN ({{marks}}) ORDER BY a.published_utc"
    return [article_from_row(r, light, event_actors) for r in rows_in(conn, q, list(ids))]
