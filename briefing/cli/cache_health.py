"""Provides `cache_problem` (one line for a cache that failed: damaged, disk full, unreadable) and the
`briefing doctor` command (PRAGMA integrity_check, and a rebuild that keeps the damaged file aside).

SQLite reports a full disk as "database or disk is full", or as a bare "disk I/O error" when the full disk
hits the WAL or its index; the free space of the cache's file system tells the two apart. A damaged file
("database disk image is malformed", "file is not a database") is never repaired in place: the user is
told to run `briefing doctor`, which checks it and, with `--rebuild`, moves it aside and starts an empty
cache that the next `briefing fetch` fills again from the feeds.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from datetime import datetime
from pathlib import Path

import click

from briefing.cli.group import Ctx
from briefing.errors import fail, say

LOW_SPACE = 1024 * 1024
"""Free bytes under which a failed write is blamed on a full disk."""

DAMAGED = ("malformed", "corrupt")


def disk_full(path: Path) -> bool:
    """Whether the file system holding `path` (or its nearest existing parent) is (nearly) full."""
    probe = path
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        st = os.statvfs(probe)
    except OSError:
        return False
    return st.f_bavail * st.f_frsize < LOW_SPACE


def cache_problem(exc: BaseException, path: Path) -> str:
    """One line for `exc`, raised while using the cache at `path`, saying what to do."""
    text = " ".join(str(exc).split())
    lowered = text.lower()
    if (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or "disk is full" in lowered:
        return f"disk full: cannot write the cache {path}; nothing stored was lost, free some space and retry"
    if ("disk i/o error" in lowered or isinstance(exc, sqlite3.OperationalError)) and disk_full(path):
        return f"disk full: cannot write the cache {path}; nothing stored was lost, free some space and retry"
    if "not a database" in lowered:
        return (
            f"{path} is not a briefing cache (not an SQLite file): check --db or the db setting; "
            "if it was your cache, `briefing doctor --rebuild` starts it afresh"
        )
    if any(word in lowered for word in DAMAGED):
        return (
            f"the cache {path} is damaged ({text[:80]}): run `briefing doctor` to check it, "
            "`briefing doctor --rebuild` to start it afresh from the feeds"
        )
    return f"cannot use the cache {path}: {text[:160]}"


def _integrity(path: Path) -> list[str]:
    """PRAGMA integrity_check's findings (empty when the file is sound); opened read-only."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            rows = conn.execute("PRAGMA integrity_check(20)").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [" ".join(str(exc).split())]
    found = [str(r[0]) for r in rows]
    return [] if found == ["ok"] else found


@click.command()
@click.option("--rebuild", is_flag=True, help="Move a damaged cache aside and start an empty one.")
@click.pass_obj
def doctor(ctx: Ctx, rebuild: bool) -> None:
    """Check the cache file (PRAGMA integrity_check); --rebuild starts it afresh if it is damaged."""
    path = ctx.settings.db
    if not path.exists():
        say(f"no cache yet at {path}; `briefing fetch` makes one")
        return
    problems = _integrity(path)
    if not problems:
        say(f"the cache {path} is sound")
        return
    for line in problems[:5]:
        say(line)
    if not rebuild:
        fail(f"the cache {path} is damaged: `briefing doctor --rebuild` moves it aside and starts afresh")
    aside = path.with_name(f"{path.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{path}{suffix}")
        if part.exists():
            part.replace(Path(f"{aside}{suffix}"))
    from briefing.store import Store  # noqa: PLC0415

    try:
        Store.open(path).close()
    except (sqlite3.DatabaseError, OSError) as exc:
        fail(cache_problem(exc, path))
    click.echo(
        f"briefing: moved the damaged cache to {aside}; `briefing fetch` fills the new one from the feeds",
        err=True,
    )
