"""A damaged cache and a full disk: one line naming the file and what to do, exit 1, nothing stored lost
(reliability issue rows 12 and 13), and `briefing doctor` to check and rebuild the cache."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.store import Store
from tests.net.server import rss
from tests.security.conftest import NOW, run


def _cache_with_articles(tmp_path: Path, items: int = 60) -> Path:
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss("Local", items, text="A paragraph long enough to fill pages of the table. " * 8))
    db = tmp_path / "cache.sqlite3"
    r = run(["--db", str(db), "--now", NOW, "fetch", "--no-analyze", "--feed", str(feed)], tmp_path)
    assert r.returncode == 0, r.stderr
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return db


def _damage_table(db: Path, table: str) -> None:
    conn = sqlite3.connect(db)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with db.open("r+b") as fh:
        fh.seek((root - 1) * size)
        fh.write(b"\x0d\xff\xff\xff\xff\xff\xff\xff" * 16)


def test_a_damaged_cache_is_one_line_pointing_at_doctor(tmp_path: Path) -> None:
    db = _cache_with_articles(tmp_path)
    _damage_table(db, "articles")
    for cmd in (
        ["today"],
        ["search", "paragraph"],
        ["fetch", "--no-analyze", "--feed", str(tmp_path / "feed.xml")],
    ):
        r = run(["--db", str(db), "--now", NOW, *cmd], tmp_path)
        err = r.stderr.decode()
        assert r.returncode == 1, (cmd, err)
        assert "Traceback" not in err, (cmd, err)
        line = [ln for ln in err.splitlines() if "error" in ln]
        assert len(line) == 1 and str(db) in line[0] and "briefing doctor" in line[0], (cmd, err)
    log = (tmp_path / "data" / "briefing.log").read_text()
    assert "malformed" in log  # the full story is recorded

    checked = run(["--db", str(db), "doctor"], tmp_path)
    assert checked.returncode == 1 and b"--rebuild" in checked.stderr
    rebuilt = run(["--db", str(db), "doctor", "--rebuild"], tmp_path)
    assert rebuilt.returncode == 0, rebuilt.stderr
    aside = [p for p in tmp_path.glob("cache.sqlite3.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1  # kept aside, never deleted
    assert run(["--db", str(db), "doctor"], tmp_path).returncode == 0
    again = run(
        ["--db", str(db), "--now", NOW, "fetch", "--no-analyze", "--feed", str(tmp_path / "feed.xml")],
        tmp_path,
    )
    assert again.returncode == 0, again.stderr
    with Store.open(db) as store:
        assert store.count("articles") == 60


def test_a_full_disk_is_one_line_and_loses_nothing(
    tmp_path: Path, isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _cache_with_articles(tmp_path, items=5)
    more = tmp_path / "more.xml"
    more.write_bytes(rss("More", 80, prefix="m", text="Filler text for a disk that has no room left. " * 20))
    real_open = Store.open

    def full_disk_open(path: Path | str, *, readonly: bool = False) -> Store:
        store = real_open(path, readonly=readonly)
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own SQLITE_FULL at the next page
        return store

    monkeypatch.setattr(Store, "open", full_disk_open)
    result = CliRunner().invoke(
        main, ["--db", str(db), "--now", NOW, "fetch", "--no-analyze", "--feed", str(more)]
    )
    assert result.exit_code == 1, result.output
    lines = [ln for ln in result.output.splitlines() if "error" in ln]
    assert len(lines) == 1 and "disk full" in lines[0] and str(db) in lines[0], result.output
    assert "Traceback" not in result.output
    monkeypatch.setattr(Store, "open", real_open)
    with real_open(db) as store:
        assert store.count("articles") == 5  # what was stored before is all there
