"""Provides `rows_in`, the one way the cache asks for the rows matching a list of values (`... IN (...)`).

SQLite bounds the parameters of one statement (999 on older builds), so a long list is asked for in chunks
of `CHUNK` values, each a statement of its own; the rows come back chunk after chunk.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

CHUNK = 500


def rows_in(
    conn: sqlite3.Connection, query: str, values: Sequence[object], *, before: Sequence[object] = ()
) -> Iterator[Any]:
    """The rows of `query`, whose `{marks}` stands for the list of `values`, asked in chunks; `before` are the
    parameters that precede the list in the query (the same for every chunk)."""
    for i in range(0, len(values), CHUNK):
        chunk = values[i : i + CHUNK]
        yield from conn.execute(query.format(marks=",".join("?" * len(chunk))), (*before, *chunk))
