"""The issue's acceptance run: `briefing fetch` over good feeds mixed with a gzip bomb, a 60 MB body, a
1-byte-per-second server, a redirect loop, a 410 and a 429, with the real defaults (30 s deadline, 20 MB cap):
done within 90 s, under 400 MB, every good article stored, one stderr line per failed feed."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.store import Store
from tests.conftest import ROOT, launch_measured, peak_rss_bytes
from tests.net.server import LocalServer, Reply, rss, trickle
from tests.net.test_limits import gzip_bomb


def sixty_megabytes() -> Iterator[bytes]:
    yield b"<rss><channel><title>big</title>"
    for _ in range(60):
        yield b" " * (1024 * 1024)


@pytest.mark.slow
def test_fetch_with_hostile_feeds_finishes_bounded_and_keeps_the_good_ones(
    server: LocalServer, tmp_path: Path
) -> None:
    good = [
        server.route(f"/good{i}.xml", Reply(200, rss(f"Good {i}", 4, prefix=f"g{i}"), delay=0.02))
        for i in range(6)
    ]
    bad = {
        "bomb": server.route("/bomb.xml", Reply(200, gzip_bomb(200), {"Content-Encoding": "gzip"})),
        "big": server.route("/big.xml", Reply(200, sixty_megabytes())),
        "slow": server.route("/slow.xml", Reply(200, trickle(rss("Slow"), 1, max_seconds=60))),
        "loop": server.route("/loop.xml", Reply(302, headers={"Location": "/loop.xml"})),
        "gone": server.route("/gone.xml", Reply(410)),
        "busy": server.route("/busy.xml", Reply(429, headers={"Retry-After": "300"})),
    }
    config = tmp_path / "config"
    config.mkdir()
    (config / "config.toml").write_text("allow_private = true\n")
    (config / "feeds.toml").write_text("".join(f'[[feed]]\nurl = "{u}"\n\n' for u in [*good, *bad.values()]))
    env = {**os.environ, "BRIEFING_CONFIG_DIR": str(config), "BRIEFING_DATA_DIR": str(tmp_path / "data")}
    db = tmp_path / "cache.sqlite3"
    start = time.monotonic()
    proc = launch_measured(
        [sys.executable, "-m", "briefing", "--db", str(db), "fetch", "--no-analyze"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    stdout, stderr = proc.communicate()
    elapsed = time.monotonic() - start
    assert proc.returncode == 0, stderr
    assert elapsed < 90, elapsed
    peak = peak_rss_bytes(stderr)
    stderr = stderr.rsplit("\nBRIEFING_TEST_MAXRSS_KB=", 1)[0]
    assert peak < 400 * 1024 * 1024, peak
    assert stdout == ""
    lines = stderr.strip().splitlines()
    failed = [ln for ln in lines if "feeds fetched" not in ln]
    assert len(failed) == len(bad), lines
    for word in ("larger than", "within 30 s", "redirects", "410", "429"):
        assert any(word in ln for ln in failed), (word, failed)
    assert "6/12 feeds fetched, 24 new articles" in lines[-1]
    with Store.open(db) as store:
        assert store.count("articles") == 24
