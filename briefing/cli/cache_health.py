"""Provides the `briefing doctor` command: PRAGMA integrity_check, and a rebuild that keeps the damaged
file aside; on a sound cache, how many articles the analyzers failed on.

SQLite reports a full disk as "database or disk is full", or as a bare "disk I/O error" when the full disk
hits the WAL or its index; the free space of the cache's file system tells the two apart. A damaged file
("database disk image is malformed", "file is not a database") is never repaired in place: the user is
told to run `briefing doctor`, which checks it and, with `--rebuild`, moves it aside and starts an empty
cache that the next `briefing fetch` fills again from the feeds.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import click

from briefing.cli.cache_faults import cache_problem
from briefing.cli.group import Ctx
from briefing.errors import fail, say
from briefing.logs import LOG_NAME
from briefing.words import count


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


def _analysis_failures(path: Path) -> None:
    """Say how many articles the analyzers failed on (they stay unanalyzed; `feeds list` names the feeds)."""
    from briefing.store import SchemaTooNew, Store  # noqa: PLC0415
    from briefing.store.analysis_jobs import MAX_TRIES  # noqa: PLC0415

    try:
        with Store.open(path) as store:
            counts = store.analysis_jobs.failures().values()
    except SchemaTooNew:  # sound, and written by a newer briefing: its failures are its own to count
        return
    except (sqlite3.DatabaseError, OSError) as exc:
        fail(cache_problem(exc, path))
    failed = sum(n for n, _ in counts)
    skipped = sum(n for _, n in counts)
    if failed:
        say(
            f"{count(failed, 'article')} could not be analyzed ({skipped} skipped after {MAX_TRIES} tries); "
            f"`briefing feeds list` shows their feeds, {LOG_NAME} in the data directory the errors"
        )


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
        _analysis_failures(path)
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
