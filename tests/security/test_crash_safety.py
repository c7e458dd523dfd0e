"""Crash safety of the cache (RELIABILITY.md rows 17 and 18).

Row 17: `briefing fetch` runs in a subprocess (in its own process group, so its analysis workers die with
it) and is killed with SIGKILL at random moments: during start-up and migration, in the middle of storing
the feeds, and during analysis. After every kill the cache must pass `PRAGMA integrity_check` and
`foreign_key_check`, hold each feed's batch whole or not at all, and keep everything committed before.

Row 18: the view-model is rebuilt in a loop (`Store.open` + `build_briefing`, as the TUI does on every
refresh) while another process fetches and analyzes: no "database is locked" on either side.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from briefing.store import Store
from briefing.viewmodel import build_briefing
from tests.conftest import ROOT
from tests.security.conftest import NOW, env_for
from tests.security.hostile import ARABIC_TEXT, ENGLISH_TEXT

FEEDS = 12
ITEMS = 8
RUNS = 20


def write_round(folder: Path, k: int) -> list[Path]:
    """Round k: every feed carries ITEMS new entries (guid f{j}-r{k}-i{i}) and an edited copy of an entry of
    round k-1, so a run both inserts and updates."""
    paths = []
    for j in range(FEEDS):
        items = []
        for i in range(ITEMS):
            body = ENGLISH_TEXT if (i + j) % 2 else ARABIC_TEXT
            items.append(
                f"<item><title>Feed {j} round {k} item {i}</title><link>https://f{j}.example/r{k}/{i}</link>"
                f"<guid>f{j}-r{k}-i{i}</guid><pubDate>Sat, 16 Mar 2024 {8 + i % 10:02d}:{k % 60:02d}:00 +0000"
                f"</pubDate><description>{body} Round {k}, item {i}, feed {j}.</description></item>"
            )
        if k:
            items.append(
                f"<item><title>Feed {j} round {k - 1} item 0, edited in round {k}</title>"
                f"<link>https://f{j}.example/r{k - 1}/0</link><guid>f{j}-r{k - 1}-i0</guid>"
                "<pubDate>Sat, 16 Mar 2024 08:00:00 +0000</pubDate>"
                f"<description>{ENGLISH_TEXT} Edited.</description>"
                "</item>"
            )
        path = folder / f"feed{j}.xml"
        path.write_text(
            f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed {j}</title>'
            f"{''.join(items)}</channel></rss>",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def fetch_cmd(db: Path, feeds: list[Path], analyze: bool) -> list[str]:
    cmd = [sys.executable, "-m", "briefing", "--db", str(db), "--now", NOW, "fetch", "--no-full-text"]
    if not analyze:
        cmd.append("--no-analyze")
    for f in feeds:
        cmd += ["--feed", str(f)]
    return cmd


def snapshot(db: Path) -> dict[str, str]:
    """guid -> title of every committed article (read with a plain read-only connection)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return {g: t for g, t in conn.execute("SELECT guid, title FROM articles")}
    finally:
        conn.close()


def count_round(db: Path, k: int) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    except sqlite3.OperationalError:  # the file appeared between the check and the connect, still empty
        return 0
    try:
        return int(
            conn.execute("SELECT COUNT(*) FROM articles WHERE guid LIKE ?", (f"%-r{k}-%",)).fetchone()[0]
        )
    except sqlite3.OperationalError:  # the file is still being created
        return 0
    finally:
        conn.close()


def check_cache(db: Path, before: dict[str, str], k: int) -> dict[str, str]:
    """Every promise of row 17 after one run (killed or not); returns the new snapshot."""
    with Store.open(db) as store:  # opening recovers the WAL and must work after any kill
        conn = store.conn
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # An analysis is written with its events in one transaction: no events without their analysis.
        orphans = conn.execute(
            "SELECT COUNT(*) FROM events e LEFT JOIN analyses n ON n.article_id = e.article_id "
            "WHERE n.article_id IS NULL"
        ).fetchone()[0]
        assert orphans == 0
    after = snapshot(db)
    lost = set(before) - set(after)
    assert not lost, f"committed articles lost: {sorted(lost)[:5]}"
    for j in range(FEEDS):
        present = [g for g in after if g.startswith(f"f{j}-r{k}-")]
        assert len(present) in (0, ITEMS), f"feed {j} round {k}: a partial batch of {len(present)}"
        if k and present:  # the same transaction edited round k-1's first entry
            assert after[f"f{j}-r{k - 1}-i0"].endswith(f"edited in round {k}")
        if k and not present:
            assert after.get(f"f{j}-r{k - 1}-i0") == before.get(f"f{j}-r{k - 1}-i0")
    return after


def kill_group(proc: subprocess.Popen[bytes]) -> None:
    """SIGKILL the fetch and its analysis workers (its own process group, started by this test)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=30)


@pytest.mark.slow
def test_kill_9_during_fetches_never_corrupts_or_loses_the_cache(tmp_path: Path) -> None:
    rng = random.Random(17)
    db = tmp_path / "cache.sqlite3"
    env = env_for(tmp_path)
    feeds_dir = tmp_path / "feeds"
    feeds_dir.mkdir()
    before: dict[str, str] = {}
    outcomes: list[str] = []
    for k in range(RUNS):
        feeds = write_round(feeds_dir, k)
        # Three kinds of moment: at random from the start (start-up, migration of a new file, the first
        # writes), as soon as this round's articles start arriving (in the middle of the feeds' batches),
        # and later in an analyzing run (analysis batches, story assignment).
        mode = ("anytime", "storing", "analyzing")[k % 3]
        proc = subprocess.Popen(
            fetch_cmd(db, feeds, analyze=mode != "storing"),
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        try:
            if mode == "anytime":
                time.sleep(rng.uniform(0.0, 1.5))
            else:
                deadline = time.monotonic() + 20
                while proc.poll() is None and time.monotonic() < deadline and count_round(db, k) == 0:
                    time.sleep(0.002)
                time.sleep(rng.uniform(0.0, 0.01) if mode == "storing" else rng.uniform(0.05, 1.5))
            alive = proc.poll() is None
        finally:
            kill_group(proc)
        stderr = proc.stderr.read().decode() if proc.stderr else ""  # type: ignore[union-attr]
        assert "Traceback" not in stderr, stderr
        stored = count_round(db, k)
        outcomes.append(f"{mode}:{'killed' if alive else 'finished'}:{stored}")
        before = check_cache(db, before, k)
    # The kills must really have landed during the work, including between two feeds' batches.
    assert sum(o.split(":")[1] == "killed" for o in outcomes) >= RUNS // 2, outcomes
    assert any(o.split(":")[1] == "killed" and 0 < int(o.split(":")[2]) < FEEDS * ITEMS for o in outcomes), (
        outcomes
    )
    # A clean run afterwards stores the last round whole: nothing was left locked or half-migrated.
    done = subprocess.run(
        fetch_cmd(db, feeds, analyze=False), cwd=ROOT, env=env, capture_output=True, timeout=120
    )
    assert done.returncode == 0, done.stderr.decode()
    assert count_round(db, RUNS - 1) == FEEDS * ITEMS
    check_cache(db, before, RUNS - 1)


def _app_cache(db: Path, now: datetime):  # type: ignore[no-untyped-def]
    """The cache access `briefing tui` hands the app (closures over Store), when this version has it."""
    try:
        from briefing.cli.cache_access import tui_cache  # noqa: PLC0415
        from briefing.cli.group import Ctx  # noqa: PLC0415
        from briefing.config import load  # noqa: PLC0415
    except ImportError:
        return None
    return tui_cache(Ctx(load(None, db=db), now))


@pytest.mark.slow
def test_reading_while_a_fetch_writes_never_sees_a_locked_database(tmp_path: Path) -> None:
    db = tmp_path / "cache.sqlite3"
    Store.open(db).close()  # the file exists, at the current schema, as it does for a TUI user
    feeds_dir = tmp_path / "feeds"
    feeds_dir.mkdir()
    feeds = []
    for k in range(3):  # three rounds' worth of distinct feeds: a few seconds of writes and analysis
        sub = feeds_dir / str(k)
        sub.mkdir()
        feeds += write_round(sub, k)
    proc = subprocess.Popen(
        fetch_cmd(db, feeds, analyze=True),
        cwd=ROOT,
        env=env_for(tmp_path),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    now = datetime.fromisoformat(NOW)
    app_cache = _app_cache(db, now)
    builds = 0
    grew = set()
    try:
        deadline = time.monotonic() + 90
        while proc.poll() is None and time.monotonic() < deadline:
            with Store.open(db) as store:
                b = build_briefing(store, now, limit=50)
                grew.add(store.count("articles"))
            builds += 1
            assert b.date.isoformat() == "2024-03-16" or b.notes
            if app_cache is not None:  # and the calls `briefing tui` makes: views, search (it indexes), marks
                from briefing.tui.access import Filters  # noqa: PLC0415

                view = app_cache.view(Filters(), builds % 2 == 0)
                app_cache.search("Damascus")
                ids = [r.article_id for s in view.briefing.stories for r in s.articles if r.article_id][:3]
                app_cache.mark_read(ids, True)
    finally:
        if proc.poll() is None:
            kill_group(proc)
    stderr = proc.stderr.read().decode() if proc.stderr else ""  # type: ignore[union-attr]
    assert proc.returncode == 0, stderr
    assert "locked" not in stderr and "Traceback" not in stderr
    assert builds >= 3 and len(grew) >= 2, (builds, grew)  # the reads really overlapped the writes
