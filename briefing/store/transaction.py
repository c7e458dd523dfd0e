"""Provides `transaction`, the one way the cache writes: a `BEGIN IMMEDIATE` transaction, or a savepoint of
the one already open.

The connection runs in autocommit mode, so each write of `Store` and of its parts is one explicit
transaction: a crash or a `kill -9` leaves either the whole batch or none of it. A write made inside another
(a part's write inside `Store.transaction()`, or `record_fetch` inside an ingest batch) becomes a savepoint of
it, so the outer transaction still commits or rolls back as one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction on `conn` (BEGIN IMMEDIATE); inside another one, a savepoint of it."""
    if conn.in_transaction:
        conn.execute("SAVEPOINT nested")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK TO nested")
            conn.execute("RELEASE nested")
            raise
        conn.execute("RELEASE nested")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
