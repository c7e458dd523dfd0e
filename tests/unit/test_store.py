"""The SQLite cache: migrations, idempotent ingest, WAL, refusing a newer schema (RELIABILITY rows 19, 20)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from briefing.models import Analysis, Event, ParsedEntry
from briefing.store import SchemaTooNew, Store
from briefing.store.schema import LATEST

T0 = datetime(2024, 3, 16, 19, 0, tzinfo=timezone(timedelta(hours=2)))


def entry(guid: str, title: str = "t", text: str = "body") -> ParsedEntry:
    return ParsedEntry(guid, f"https://example.com/{guid}", title, "", T0, text)


def test_fresh_cache_is_wal_at_latest_schema(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST


def test_ingest_is_idempotent_and_detects_changes(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        feed = s.ensure_feed("https://example.com/feed.xml", "Example")
        assert feed.id is not None
        first = s.ingest(feed.id, [entry("a"), entry("b")], T0)
        assert (first.new, first.updated) == (2, 0)
        again = s.ingest(feed.id, [entry("a"), entry("b")], T0)
        assert (again.new, again.updated, again.unchanged) == (0, 0, 2)
        assert s.count("articles") == 2
        changed = s.ingest(feed.id, [entry("a", text="corrected body")], T0)
        assert changed.updated == 1 and s.count("articles") == 2


def test_published_keeps_its_offset(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        feed = s.ensure_feed("f")
        assert feed.id is not None
        s.ingest(feed.id, [entry("a")], T0)
        [article] = s.articles_between(T0 - timedelta(hours=1), T0 + timedelta(hours=1))
        assert article.published == T0 and article.published.utcoffset() == timedelta(hours=2)


def test_analysis_and_events_round_trip(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        feed = s.ensure_feed("f")
        assert feed.id is not None
        res = s.ingest(feed.id, [entry("a")], T0)
        ev = Event("visit", "visit", "يصل", "غداً", date(2024, 3, 17), date(2024, 3, 18), who=("غير بيدرسون",))
        s.save_analyses([(res.changed_ids[0], Analysis("ar", "t", T0, "body", events=(ev,)))])
        assert s.unanalyzed_ids() == []
        [article] = s.articles_with_events_after(date(2024, 3, 16), T0 + timedelta(days=1))
        assert article.analysis is not None and article.analysis.events == (ev,)


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(SchemaTooNew, match="newer briefing"):
        Store.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST + 1
    conn.close()


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(sqlite3.DatabaseError, match="not a briefing cache"):
        Store.open(path)


def test_failed_batch_leaves_nothing(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        feed = s.ensure_feed("f")
        assert feed.id is not None

        def broken() -> list[ParsedEntry]:
            raise RuntimeError("boom")

        class Entries:
            def __iter__(self):  # type: ignore[no-untyped-def]
                yield entry("a")
                raise RuntimeError("parser died mid-batch")

        with pytest.raises(RuntimeError):
            s.ingest(feed.id, Entries(), T0)  # type: ignore[arg-type]
        assert s.count("articles") == 0


def test_prune(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.sqlite3") as s:
        feed = s.ensure_feed("f")
        assert feed.id is not None
        old = ParsedEntry("old", "", "old", "", T0 - timedelta(days=200), "x")
        s.ingest(feed.id, [old, entry("new")], T0)
        assert s.prune(datetime(2024, 1, 1, tzinfo=UTC)) == 1
        assert s.count("articles") == 1
