"""Provides the cache schema as numbered migrations, applied in order and recorded in `PRAGMA user_version`.

Each migration runs in one transaction, so a crash leaves the file at the previous version. A file whose
version is newer than this code knows is refused (opening it could silently lose what a newer briefing wrote).
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: dict[int, str] = {
    1: """
    -- One row per subscribed feed URL, with what the last fetches learned (validators, health, schedule).
    CREATE TABLE feeds (
        id            INTEGER PRIMARY KEY,
        url           TEXT NOT NULL UNIQUE,
        title         TEXT NOT NULL DEFAULT '',
        lang          TEXT,
        full_text     INTEGER NOT NULL DEFAULT 0,
        etag          TEXT,
        last_modified TEXT,
        last_success  TEXT,            -- ISO 8601 UTC
        last_error    TEXT,
        next_fetch    TEXT,            -- ISO 8601 UTC; backoff and Retry-After
        failures      INTEGER NOT NULL DEFAULT 0,
        gone          INTEGER NOT NULL DEFAULT 0
    );

    -- One row per entry, keyed on feed + guid (or link when the feed gives no guid).
    CREATE TABLE articles (
        id            INTEGER PRIMARY KEY,
        feed_id       INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        guid          TEXT NOT NULL,
        url           TEXT NOT NULL DEFAULT '',
        title         TEXT NOT NULL DEFAULT '',
        author        TEXT NOT NULL DEFAULT '',
        published     TEXT NOT NULL,   -- ISO 8601 in the article's own offset (dates resolve against it)
        published_utc TEXT NOT NULL,   -- the same instant in UTC, for ordering and ranges
        text          TEXT NOT NULL DEFAULT '',
        content_hash  TEXT NOT NULL,
        lang          TEXT,
        read          INTEGER NOT NULL DEFAULT 0,
        fetched_at    TEXT NOT NULL,
        story_id      TEXT,
        UNIQUE (feed_id, guid)
    );
    CREATE INDEX articles_published ON articles (published_utc);
    CREATE INDEX articles_story ON articles (story_id);

    -- The analysis of an article, computed once at ingest (JSON of briefing.models.Analysis).
    CREATE TABLE analyses (
        article_id    INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        version       INTEGER NOT NULL,
        data          TEXT NOT NULL
    );

    -- Upcoming events, indexed by date for the agenda (the full event lives in the analysis JSON).
    CREATE TABLE events (
        article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx           INTEGER NOT NULL,
        start         TEXT NOT NULL,
        end           TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX events_start ON events (start);
    """,
}

LATEST = max(MIGRATIONS)


class SchemaTooNew(Exception):
    """The cache file was written by a newer briefing."""


def _statements(script: str) -> list[str]:
    """Split a migration into statements (executescript would commit on its own, breaking atomicity)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--") and not buf.strip():
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    return out


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database to LATEST; return the version it had before."""
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    if version > LATEST:
        raise SchemaTooNew(
            f"the cache was written by a newer briefing (schema {version}, this one knows {LATEST}); "
            "upgrade briefing or use another --db"
        )
    for target in range(version + 1, LATEST + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[target]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {target}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return int(version)
