"""Provides `AnalysisJobs`, the part of `Store` that hands out analysis work: claims and recorded failures.

Two fetches on one cache (a cron job and the TUI's refresh, say) must not analyze the same article twice, and
an article the analyzers crash on must not be tried again on every refresh. So the articles to analyze are
claimed a chunk at a time (`claim`: one `BEGIN IMMEDIATE` transaction picks the oldest articles with no
current analysis, no live claim and fewer than `MAX_TRIES` failures, and marks them as this process's), and
reported on (`release`): the analyzed ones lose their row, the failed ones keep it with one more failure and
the error; `end_run` drops the run's claims. A claim whose process is gone (same host, dead
pid) or that is older than `CLAIM_TTL` is stale and taken over. Rows live in `analysis_jobs` (schema 7).

A part of `Store` (`Store.analysis_jobs`), on the store's connection; its writes join a transaction already
open on it.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable, Sequence

from briefing.codec import ANALYSIS_VERSION
from briefing.store.transaction import transaction

MAX_TRIES = 3
"""How many times the analyzers may fail on an article (with one analyzer version) before it is skipped; its
text changing, or a new analyzer version, gives it its tries back."""

CLAIM_TTL = 15 * 60.0
"""Seconds after which any claim is stale (a chunk takes seconds; a claimer on another host cannot be asked
whether it is alive)."""


def _host() -> str:
    import socket  # noqa: PLC0415 (only when analyzing: a command that only reads never needs it)

    return socket.gethostname()


def _alive(claimer: str, host: str) -> bool:
    """Whether the process that made a claim may still be running: always, for another host's claim."""
    parts = claimer.rsplit(":", 2)
    if len(parts) != 3 or parts[0] != host or not parts[1].isdigit():
        return parts[0] != host
    try:
        os.kill(int(parts[1]), 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by another user
        return True
    return True


class AnalysisJobs:
    """Claims and recorded failures of the analysis, on the store's connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._claimer: str | None = None

    @property
    def claimer(self) -> str:
        """This store's name on its claims: host, pid and a token (two stores in one process differ)."""
        if self._claimer is None:
            self._claimer = f"{_host()}:{os.getpid()}:{os.urandom(4).hex()}"
        return self._claimer

    _TO_ANALYZE = (
        "FROM articles a LEFT JOIN analyses n ON n.article_id = a.id "
        "LEFT JOIN analysis_jobs j ON j.article_id = a.id "
        "WHERE (n.article_id IS NULL OR n.version != ?) "
        "AND (j.article_id IS NULL OR j.version != ? OR j.failures < ?)"
    )

    def pending_ids(self, max_tries: int = MAX_TRIES) -> list[int]:
        """Articles without a current analysis that are still to be tried (claimed or not), oldest first."""
        q = f"SELECT a.id {self._TO_ANALYZE} ORDER BY a.published_utc"
        return [int(r[0]) for r in self.conn.execute(q, (ANALYSIS_VERSION, ANALYSIS_VERSION, max_tries))]

    def claim(self, limit: int, max_tries: int = MAX_TRIES) -> list[int]:
        """Claim up to `limit` articles to analyze, oldest first, in one transaction: none that another live
        process (or this store, earlier in its run) has claimed, none that failed `max_tries` times. Stale
        claims are dropped first."""
        host = _host()
        with transaction(self.conn) as c:
            cutoff = time.time() - CLAIM_TTL
            claims = c.execute(
                "SELECT DISTINCT claimed_by FROM analysis_jobs WHERE claimed_by != ?",
                (self.claimer,),
            ).fetchall()
            dead = [(str(who),) for (who,) in claims if not _alive(str(who), host)]
            c.executemany(
                "UPDATE analysis_jobs SET claimed_by = NULL, claimed_at = NULL WHERE claimed_by = ?", dead
            )
            stale = "UPDATE analysis_jobs SET claimed_by = NULL, claimed_at = NULL WHERE claimed_at < ?"
            c.execute(stale, (cutoff,))
            q = f"SELECT a.id {self._TO_ANALYZE} AND j.claimed_by IS NULL ORDER BY a.published_utc LIMIT ?"
            params = (ANALYSIS_VERSION, ANALYSIS_VERSION, max_tries, limit)
            ids = [int(r[0]) for r in c.execute(q, params)]
            c.executemany(
                "INSERT INTO analysis_jobs (article_id, claimed_by, claimed_at) VALUES (?, ?, ?) "
                "ON CONFLICT (article_id) DO UPDATE SET claimed_by = excluded.claimed_by, "
                "claimed_at = excluded.claimed_at",
                [(i, self.claimer, time.time()) for i in ids],
            )
        return ids

    def release(self, done: Iterable[int], failed: Sequence[tuple[int, str]] = ()) -> None:
        """Report on claimed articles: `done` were analyzed (their rows go); `failed` (id, error) count one
        more failure with this analyzer version (a failure with an older version starts the count again)
        and stay claimed until `end_run`, so that this run does not try them again."""
        with transaction(self.conn) as c:
            c.executemany("DELETE FROM analysis_jobs WHERE article_id = ?", [(i,) for i in done])
            c.executemany(
                "INSERT INTO analysis_jobs (article_id, failures, version, last_error) VALUES (?, 1, ?, ?) "
                "ON CONFLICT (article_id) DO UPDATE SET "
                "failures = CASE WHEN version = excluded.version THEN failures + 1 ELSE 1 END, "
                "version = excluded.version, last_error = excluded.last_error",
                [(i, ANALYSIS_VERSION, error) for i, error in failed],
            )

    def end_run(self) -> None:
        """Drop every claim this store holds (the end of a run, finished or interrupted)."""
        with transaction(self.conn) as c:
            c.execute(
                "UPDATE analysis_jobs SET claimed_by = NULL, claimed_at = NULL WHERE claimed_by = ?",
                (self.claimer,),
            )
            c.execute("DELETE FROM analysis_jobs WHERE claimed_by IS NULL AND failures = 0")

    def failures(self, max_tries: int = MAX_TRIES) -> dict[int, tuple[int, int]]:
        """Feed id -> (articles whose analysis failed and that are still unanalyzed, those of them skipped
        after `max_tries` failures), with the current analyzer version."""
        q = (
            "SELECT a.feed_id, COUNT(*), SUM(j.failures >= ?) FROM analysis_jobs j "
            "JOIN articles a ON a.id = j.article_id LEFT JOIN analyses n ON n.article_id = a.id "
            "WHERE j.failures > 0 AND j.version = ? AND (n.article_id IS NULL OR n.version != ?) "
            "GROUP BY a.feed_id"
        )
        rows = self.conn.execute(q, (max_tries, ANALYSIS_VERSION, ANALYSIS_VERSION))
        return {int(f): (int(n), int(skipped)) for f, n, skipped in rows}
