"""Provides the cache schema as numbered migrations, applied in order and recorded in `PRAGMA user_version`.

Each migration runs in one transaction, so a crash leaves the file at the previous version. A file whose
version is newer than this code knows is refused (opening it could silently lose what a newer briefing wrote).
Never edit a migration that has shipped: add the next number (tests build a file at every older version and
open it with the current code).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from briefing.store.compact import compact_analyses

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
    2: """
    -- The URLs a feed had before a permanent redirect (301/308), so the configured URL still finds its row.
    CREATE TABLE feed_aliases (
        url           TEXT PRIMARY KEY,
        feed_id       INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE
    );

    -- Full text of teaser-only entries, by page URL: a page is fetched and extracted once (or retried later).
    CREATE TABLE pages (
        url           TEXT PRIMARY KEY,
        feed_id       INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
        status        TEXT NOT NULL,   -- 'ok' or 'error'
        text          TEXT NOT NULL DEFAULT '',
        error         TEXT,
        fetched_at    TEXT NOT NULL,   -- ISO 8601 UTC
        failures      INTEGER NOT NULL DEFAULT 0,
        next_try      TEXT             -- ISO 8601 UTC; when an error may be retried
    );
    CREATE INDEX pages_feed ON pages (feed_id);

    -- Full-text search over Arabic-normalized titles and texts (nlp.text.arabic.normalize, in Python).
    -- Rows are added by Store.search.index_pending; the triggers drop a row whose article changes or goes.
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        DELETE FROM articles_fts WHERE rowid = old.id;
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        DELETE FROM articles_fts WHERE rowid = old.id;
    END;
    """,
    3: """
    -- One row per actor across the cache under a stable id: the extractor's key the first time it was met
    -- ("person:geir pedersen", "country:SY", "person:علي عباس"). Name and Latin name are the fullest known.
    CREATE TABLE actors (
        key           TEXT PRIMARY KEY,
        kind          TEXT NOT NULL,   -- person, org, country, place
        name          TEXT NOT NULL,
        name_latin    TEXT,
        first_seen    TEXT NOT NULL,   -- ISO 8601 UTC: publication of the first article that names it
        last_seen     TEXT NOT NULL
    );
    CREATE INDEX actors_kind ON actors (kind);

    -- The forms under which an actor is met again (`Actor.identity`, from the extractor): its keys, Latin
    -- name, written names of two words or more, consonant skeletons tagged by script. Later articles resolve
    -- their actors to a stable id through them.
    CREATE TABLE actor_forms (
        form          TEXT NOT NULL,
        actor_key     TEXT NOT NULL REFERENCES actors(key) ON DELETE CASCADE,
        PRIMARY KEY (form, actor_key)
    );
    CREATE INDEX actor_forms_key ON actor_forms (actor_key);

    -- Which articles name which actor, and how many times (rows go with their article).
    CREATE TABLE article_actors (
        article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        actor_key     TEXT NOT NULL REFERENCES actors(key) ON DELETE CASCADE,
        mentions      INTEGER NOT NULL,
        PRIMARY KEY (article_id, actor_key)
    );
    CREATE INDEX article_actors_key ON article_actors (actor_key);
    """,
    4: """
    -- Articles waiting for the search index (new, or changed since they were indexed).
    -- Store.search.index_pending works through this queue: before it, every search compared the whole
    -- articles table with the index.
    CREATE TABLE fts_pending (
        article_id    INTEGER PRIMARY KEY
    );
    INSERT INTO fts_pending (article_id)
        SELECT id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM articles_fts WHERE rowid = a.id);
    CREATE TRIGGER articles_fts_queue AFTER INSERT ON articles BEGIN
        INSERT OR IGNORE INTO fts_pending (article_id) VALUES (new.id);
    END;
    DROP TRIGGER articles_fts_update;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        DELETE FROM articles_fts WHERE rowid = old.id;
        INSERT OR IGNORE INTO fts_pending (article_id) VALUES (new.id);
    END;
    DROP TRIGGER articles_fts_delete;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        DELETE FROM articles_fts WHERE rowid = old.id;
        DELETE FROM fts_pending WHERE article_id = old.id;
    END;
    """,
    5: """
    -- The search index keeps no text (it was a second copy of every article, normalized): a contentless
    -- FTS5 table holds only the index, and search joins its rowids back to articles. SQLite before 3.43
    -- cannot DELETE from a contentless table; a row leaves the index through FTS5's 'delete' command, which
    -- needs the values that were indexed. So the triggers keep the title and text of an indexed article that
    -- changes or goes in fts_dead, and Store.search.index_pending takes them out of the index (normalized
    -- again, as indexed) before it indexes the queue. An article is in the index unless it is queued in
    -- fts_pending.
    DROP TRIGGER articles_fts_update;
    DROP TRIGGER articles_fts_delete;
    ALTER TABLE articles_fts RENAME TO articles_fts_old;
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content = '', tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO articles_fts (rowid, title, text) SELECT rowid, title, text FROM articles_fts_old;
    DROP TABLE articles_fts_old;
    CREATE TABLE fts_dead (
        article_id    INTEGER PRIMARY KEY,
        title         TEXT NOT NULL,
        text          TEXT NOT NULL
    );
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT OR IGNORE INTO fts_dead (article_id, title, text) SELECT old.id, old.title, old.text
            WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE article_id = old.id);
        INSERT OR IGNORE INTO fts_pending (article_id) VALUES (new.id);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT OR IGNORE INTO fts_dead (article_id, title, text) SELECT old.id, old.title, old.text
            WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE article_id = old.id);
        DELETE FROM fts_pending WHERE article_id = old.id;
    END;

    -- The actor links become WITHOUT ROWID tables: their primary key was an index holding a second copy of
    -- every row (the keys are long strings), beside the table itself.
    CREATE TABLE actor_forms_new (
        form          TEXT NOT NULL,
        actor_key     TEXT NOT NULL REFERENCES actors(key) ON DELETE CASCADE,
        PRIMARY KEY (form, actor_key)
    ) WITHOUT ROWID;
    INSERT INTO actor_forms_new (form, actor_key) SELECT form, actor_key FROM actor_forms;
    DROP TABLE actor_forms;
    ALTER TABLE actor_forms_new RENAME TO actor_forms;
    CREATE INDEX actor_forms_key ON actor_forms (actor_key);
    CREATE TABLE article_actors_new (
        article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        actor_key     TEXT NOT NULL REFERENCES actors(key) ON DELETE CASCADE,
        mentions      INTEGER NOT NULL,
        PRIMARY KEY (article_id, actor_key)
    ) WITHOUT ROWID;
    INSERT INTO article_actors_new (article_id, actor_key, mentions)
        SELECT article_id, actor_key, mentions FROM article_actors;
    DROP TABLE article_actors;
    ALTER TABLE article_actors_new RENAME TO article_actors;
    CREATE INDEX article_actors_key ON article_actors (actor_key);

    -- Analyses are stored compact (briefing.store.compact): deflated against their article's text, which they
    -- no longer copy. They decode only with the text they were made from, so they go when it changes.
    CREATE TRIGGER analyses_follow_text AFTER UPDATE OF title, text, published ON articles BEGIN
        DELETE FROM analyses WHERE article_id = old.id;
        DELETE FROM events WHERE article_id = old.id;
    END;
    """,
    6: """
    -- Unread counts per feed (the header, the feeds view) read this small index instead of every article row
    -- with its text: it holds only the unread articles' feed ids.
    CREATE INDEX articles_unread ON articles (feed_id) WHERE read = 0;
    """,
    7: """
    -- Analysis work that is not a result (briefing.store.analysis_jobs): which process is analyzing an
    -- article now (a claim, so that two fetches at once never analyze the same article; it expires when its
    -- process is gone or after a while), and how many times the analyzers failed on it, with the last error
    -- (an article is skipped after MAX_TRIES failures with the same analyzer version). A row exists only
    -- while an article is claimed or has failed; a successful analysis removes it.
    CREATE TABLE analysis_jobs (
        article_id    INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        claimed_by    TEXT,            -- "host:pid:token" of the analyzing process, NULL when not claimed
        claimed_at    REAL,            -- Unix time of the claim
        failures      INTEGER NOT NULL DEFAULT 0,
        version       INTEGER NOT NULL DEFAULT 0,  -- the analyzer version that failed (ANALYSIS_VERSION)
        last_error    TEXT
    );
    -- An article whose title, text or publication time changes gets its tries back.
    CREATE TRIGGER analysis_jobs_follow_text AFTER UPDATE OF title, text, published ON articles BEGIN
        UPDATE analysis_jobs SET failures = 0, last_error = NULL WHERE article_id = old.id;
    END;
    """,
    8: """
    -- (desk: stars) The articles the reader starred (`s` in the app, `+starred` in queries), with when.
    -- A table of its own rather than a column: a star goes with its article, and the few starred rows
    -- answer `+starred` without reading the articles table.
    CREATE TABLE stars (
        article_id    INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        starred_at    TEXT NOT NULL    -- ISO 8601 UTC
    );

    -- (desk: search without page furniture) The index now leaves out skip links, share prompts and photo
    -- credits (briefing.nlp.text.searchable). Rows indexed before would be taken out with other values than
    -- they went in with, so the whole index is emptied and every article queued again (the next fetch or
    -- search indexes them, about 0.3 ms an article).
    INSERT INTO articles_fts (articles_fts) VALUES ('delete-all');
    DELETE FROM fts_dead;
    INSERT OR IGNORE INTO fts_pending (article_id) SELECT id FROM articles;
    """,
}

# Work a migration cannot do in SQL, run after its statements in the same transaction.
CONVERSIONS: dict[int, Callable[[sqlite3.Connection], None]] = {5: compact_analyses}

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
            # Read again under the write lock: another process opening the same file at the same moment
            # (two fetches at once) may have applied this migration while we waited for the lock.
            if conn.execute("PRAGMA user_version").fetchone()[0] >= target:
                conn.execute("COMMIT")
                continue
            for statement in _statements(MIGRATIONS[target]):
                conn.execute(statement)
            if (convert := CONVERSIONS.get(target)) is not None:
                convert(conn)
            conn.execute(f"PRAGMA user_version = {target}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return int(version)
