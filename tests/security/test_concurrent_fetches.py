"""Two `briefing fetch` runs at once on one cache (reliability issue row 16): a cron job and the TUI's
refresh, or a user who runs it twice. Both must finish without "database is locked" or a traceback, store
each article once, analyze each article once (they claim articles a chunk at a time:
`briefing.store.analysis_jobs`) and index each once for search.

The two real commands start together on a cache that does not exist yet, so they also race to create and
migrate it.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from briefing.store import Store
from tests.conftest import ROOT
from tests.security.conftest import env_for
from tests.security.test_crash_safety import FEEDS, ITEMS, fetch_cmd, write_round


def _summary(stderr: str) -> tuple[int, int]:
    """(new articles, analyzed) from the fetch's last line."""
    found = re.search(r"(\d+) new articles?, (\d+) analyzed", stderr)
    assert found, stderr[-800:]
    return int(found[1]), int(found[2])


@pytest.mark.slow
def test_two_fetches_at_once_store_analyze_and_index_each_article_once(tmp_path: Path) -> None:
    db = tmp_path / "cache.sqlite3"
    feeds_dir = tmp_path / "feeds"
    feeds_dir.mkdir()
    feeds = []
    for k in range(2):  # two rounds' worth of distinct feeds: a few seconds of analysis to overlap in
        sub = feeds_dir / str(k)
        sub.mkdir()
        feeds += write_round(sub, k)
    total = 2 * FEEDS * ITEMS + FEEDS  # round 1's files also carry a copy of a round-0 entry each
    procs = [
        subprocess.Popen(
            fetch_cmd(db, order, analyze=True),
            cwd=ROOT,
            env=env_for(tmp_path / f"home{n}"),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n, order in enumerate((feeds, feeds[::-1]))  # one from each end: they meet in the middle
    ]
    errs = [p.communicate(timeout=300)[1] for p in procs]
    for p, err in zip(procs, errs, strict=True):
        assert p.returncode == 0, err[-800:]
        assert "locked" not in err and "Traceback" not in err, err[-800:]
    new, analyzed = zip(*(_summary(err) for err in errs), strict=True)
    with Store.open(db) as store:
        conn = store.conn
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        articles = store.count("articles")
        distinct = conn.execute("SELECT COUNT(DISTINCT feed_id || ' ' || guid) FROM articles").fetchone()[0]
        assert articles == distinct == total  # each entry once
        assert sum(new) == articles, (new, errs)  # what one stored, the other found unchanged
        assert store.count("analyses") == articles and store.unanalyzed_ids() == []
        assert sum(analyzed) == articles, (analyzed, errs)  # no article analyzed by both
        assert conn.execute("SELECT COUNT(*) FROM analysis_jobs").fetchone()[0] == 0  # no claim left behind
        indexed = conn.execute("SELECT COUNT(*) FROM articles_fts").fetchone()[0]
        assert indexed == articles and store.count("fts_pending") == 0  # each indexed once
        assert conn.execute("SELECT COUNT(*) FROM articles WHERE story_id IS NULL").fetchone()[0] == 0
