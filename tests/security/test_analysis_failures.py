"""An article that crashes the analyzer (reliability issue row 15): the fetch goes on, the failure is recorded
in the cache with its error, the article is skipped after `MAX_TRIES` runs instead of being analyzed again on
every refresh, and `feeds list`, `doctor` and the log file show it.

No real text crashes the analyzers today (each crash found so far is fixed), so the real `briefing` command
runs in a subprocess whose `analyze` raises on one marked article, as an analyzer bug would.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from briefing.store import Store
from briefing.store.analysis_jobs import MAX_TRIES
from tests.conftest import ROOT
from tests.security.conftest import NOW, env_for, run

MARK = "POISONED"

CRASHING_BRIEFING = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
import briefing.nlp.analyze as module

real = module.analyze
calls = Path(sys.argv.pop(1))

def crashing(text, published, **kw):
    if {MARK!r} in text:
        with calls.open("a") as fh:
            fh.write("call\\n")
        raise RuntimeError("analyzer bug on a marked article")
    return real(text, published, **kw)

module.analyze = crashing
from briefing.cli import run
sys.argv[0] = "briefing"
run()
"""

FEED = (
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Mixed</title>'
    "<item><title>Envoy to visit Damascus</title><link>https://mixed.example/1</link><guid>good</guid>"
    "<pubDate>Sat, 16 Mar 2024 10:00:00 +0000</pubDate><description>The envoy will arrive in Damascus on "
    "Sunday for two days of talks with the foreign minister.</description></item>"
    "<item><title>A report the analyzer trips on</title><link>https://mixed.example/2</link><guid>bad</guid>"
    f"<pubDate>Sat, 16 Mar 2024 11:00:00 +0000</pubDate><description>{MARK}: the ministers met in Cairo "
    "on Saturday.</description></item></channel></rss>"
)


def test_an_article_that_crashes_the_analyzer_is_recorded_and_skipped_after_max_tries(tmp_path: Path) -> None:
    feed = tmp_path / "mixed.xml"
    feed.write_text(FEED, encoding="utf-8")
    script = tmp_path / "crashing_briefing.py"
    script.write_text(CRASHING_BRIEFING, encoding="utf-8")
    calls = tmp_path / "calls.txt"
    db = str(tmp_path / "cache.sqlite3")
    assert run(["--db", db, "feeds", "add", str(feed)], tmp_path).returncode == 0

    def fetch() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(script), str(calls), "--db", db, "--now", NOW, "fetch", "--no-full-text"],
            capture_output=True,
            text=True,
            env=env_for(tmp_path),
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            timeout=180,
        )

    def feeds_list() -> str:
        listed = run(["--db", db, "--now", NOW, "feeds", "list"], tmp_path)
        assert listed.returncode == 0, listed.stderr.decode()
        [line] = [x for x in listed.stdout.decode().splitlines() if "mixed.xml" in x]
        return line

    for attempt in range(1, MAX_TRIES + 2):
        done = fetch()
        assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-800:]
        tries = len(calls.read_text().splitlines())
        assert tries == min(attempt, MAX_TRIES), f"run {attempt}: the marked article was tried {tries} times"
        fields = feeds_list().split("\t")
        assert "analysis_failed=1" in fields
        assert ("analysis_skipped=1" in fields) == (attempt >= MAX_TRIES), fields
    assert fetch_summary(done.stderr).endswith(" 0 analyzed")  # the last run tried nothing again

    with Store.open(db) as store:
        assert store.count("articles") == 2 and store.count("analyses") == 1  # the good one, analyzed once
        [(failures, error)] = store.conn.execute("SELECT failures, last_error FROM analysis_jobs").fetchall()
        assert failures == MAX_TRIES and error == "RuntimeError: analyzer bug on a marked article"

    doctor = run(["--db", db, "doctor"], tmp_path)
    assert doctor.returncode == 0
    said = doctor.stderr.decode()
    assert f"1 article could not be analyzed (1 skipped after {MAX_TRIES} tries)" in said, said
    log = (tmp_path / "data" / "briefing.log").read_text(encoding="utf-8")
    assert log.count("analyzer bug on a marked article") >= MAX_TRIES  # each failure, with its traceback


def fetch_summary(stderr: str) -> str:
    return next(line for line in stderr.splitlines() if "feeds fetched" in line)


def test_doctor_on_a_sound_cache_from_a_newer_briefing_says_so_without_a_traceback(tmp_path: Path) -> None:
    from briefing.store.schema import LATEST  # noqa: PLC0415

    db = tmp_path / "cache.sqlite3"
    Store.open(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    doctor = run(["--db", str(db), "doctor"], tmp_path)
    said = doctor.stderr.decode()
    assert doctor.returncode == 0 and "Traceback" not in said and "is sound" in said, said
