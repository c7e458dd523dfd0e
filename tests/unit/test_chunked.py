"""`rows_in`: a list longer than one statement may bind is asked in chunks, every row once."""

from __future__ import annotations

import sqlite3

from briefing.store.chunked import CHUNK, rows_in


def test_a_long_list_is_asked_in_chunks_with_the_leading_parameters_each_time() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (feed INTEGER, n INTEGER)")
    conn.executemany("INSERT INTO t VALUES (?, ?)", [(f, n) for f in (1, 2) for n in range(3 * CHUNK)])
    wanted = list(range(2 * CHUNK + 7))
    q = "SELECT n FROM t WHERE feed = ? AND n IN ({marks})"
    got = [n for (n,) in rows_in(conn, q, wanted, before=(2,))]
    assert sorted(got) == wanted  # each once, from feed 2 only, across three statements
    assert list(rows_in(conn, q, [], before=(2,))) == []
