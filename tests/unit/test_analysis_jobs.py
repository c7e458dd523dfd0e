"""Analysis claims and recorded failures (`briefing.store.analysis_jobs`, schema 7; reliability issue rows 15
and 16): two stores on one file never get the same article, stale claims are taken over, and an article the
analyzers keep failing on is skipped after MAX_TRIES."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefing.models import ParsedEntry
from briefing.store import Store, analysis_jobs
from briefing.store.analysis_jobs import MAX_TRIES

T0 = datetime(2024, 3, 16, 12, 0, tzinfo=UTC)


def filled(path: Path, n: int = 3) -> Store:
    store = Store.open(path)
    feed = store.feeds.ensure("f.xml", "Outlet")
    assert feed.id is not None
    store.ingest(
        feed.id, [ParsedEntry(f"g{i}", "", f"Title {i}", "", T0, f"Text {i}.") for i in range(n)], T0
    )
    return store


def test_two_stores_never_claim_the_same_article(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    with filled(path, 5) as a, Store.open(path) as b:
        first = a.analysis_jobs.claim(2)
        second = b.analysis_jobs.claim(10)
        assert len(first) == 2 and len(second) == 3 and not set(first) & set(second)
        assert a.analysis_jobs.claim(10) == b.analysis_jobs.claim(10) == []  # nobody takes one twice
        assert len(a.unanalyzed_ids()) == 5  # still to analyze, claimed or not
        a.analysis_jobs.end_run()  # a stops without analyzing: its articles are free again
        assert sorted(b.analysis_jobs.claim(10)) == sorted(first)


def test_a_claim_whose_process_is_gone_or_that_is_too_old_is_taken_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.sqlite3"
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead_pid = int(dead.stdout)  # a process of this host that has exited
    with filled(path, 3) as s:
        ids = s.unanalyzed_ids()
        host = analysis_jobs._host()
        now = analysis_jobs.time.time()
        s.conn.executemany(
            "INSERT INTO analysis_jobs (article_id, claimed_by, claimed_at) VALUES (?, ?, ?)",
            [
                (ids[0], f"{host}:{dead_pid}:aa", now),  # its process is gone
                (ids[1], "another-host:1:bb", now),  # cannot be asked: respected until CLAIM_TTL
                (ids[2], f"{host}:{analysis_jobs.os.getppid()}:cc", now),  # alive (the test runner's parent)
            ],
        )
        with Store.open(path) as other:
            assert other.analysis_jobs.claim(10) == [ids[0]]
            other.analysis_jobs.end_run()
        later = now + analysis_jobs.CLAIM_TTL + 1
        monkeypatch.setattr(analysis_jobs.time, "time", lambda: later)
        with Store.open(path) as other:
            assert sorted(other.analysis_jobs.claim(10)) == sorted(ids)


def test_an_article_that_keeps_failing_is_skipped_after_max_tries(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    with filled(path, 2) as s:
        feed_id = s.feeds.all()[0].id
        bad, good = s.unanalyzed_ids()
        s.conn.execute(  # the good one is analyzed (a placeholder record: only its presence counts here)
            "INSERT INTO analyses (article_id, version, data) VALUES (?, ?, x'00')",
            (good, analysis_jobs.ANALYSIS_VERSION),
        )
        for attempt in range(1, MAX_TRIES + 1):
            assert s.analysis_jobs.claim(10) == [bad]
            s.analysis_jobs.release([], [(bad, f"RuntimeError: try {attempt}")])
            assert s.analysis_jobs.claim(10) == []  # a failed article is not tried again in the same run
            s.analysis_jobs.end_run()
            skipped = 1 if attempt == MAX_TRIES else 0
            assert s.analysis_jobs.failures() == {feed_id: (1, skipped)}
        assert s.unanalyzed_ids() == [] and s.analysis_jobs.claim(10) == []
        row = s.conn.execute("SELECT failures, last_error FROM analysis_jobs WHERE article_id = ?", (bad,))
        assert row.fetchone() == (MAX_TRIES, f"RuntimeError: try {MAX_TRIES}")
        # a new analyzer version gives it its tries back
        s.conn.execute("UPDATE analysis_jobs SET version = version - 1")
        assert s.unanalyzed_ids() == [bad] and s.analysis_jobs.failures() == {}
        s.conn.execute("UPDATE analysis_jobs SET version = version + 1")
        # and so does a change of its text
        s.ingest(s.feeds.all()[0].id, [ParsedEntry("g0", "", "Title 0", "", T0, "Text 0, corrected.")], T0)
        assert s.analysis_jobs.claim(10) == [bad] and s.analysis_jobs.failures() == {}
        s.analysis_jobs.release([bad])  # analyzed at last: no row left
        s.analysis_jobs.end_run()
        assert s.conn.execute("SELECT COUNT(*) FROM analysis_jobs").fetchone()[0] == 0


def test_two_processes_opening_a_new_file_at_once_migrate_it_once(tmp_path: Path) -> None:
    """Two fetches started together on a cache that does not exist yet: the second one to get the write
    lock finds the migrations done instead of running them again ("table feeds already exists"), and the
    switch to write-ahead logging, which SQLite refuses at once while the other holds the file, is retried."""

    def open_it(path: Path, start: threading.Barrier, errors: list[BaseException]) -> None:
        start.wait()
        try:
            Store.open(path).close()
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    for k in range(40):  # the race is lost about one time in ten: 40 rounds find a regression
        errors: list[BaseException] = []
        start = threading.Barrier(2)
        args = (tmp_path / f"c{k}.sqlite3", start, errors)
        threads = [threading.Thread(target=open_it, args=args) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
