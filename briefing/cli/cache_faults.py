"""Provides `cache_problem`: one line for a cache that failed (damaged, disk full, unreadable), saying what
to do. SQLite reports a full disk as "database or disk is full", or as a bare "disk I/O error" when the full
disk hits the WAL or its index; the free space of the cache's file system tells the two apart."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

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
