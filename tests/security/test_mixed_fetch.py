"""The issue's "Done when" run, with its output checks: one `briefing fetch` of good feeds mixed with a gzip
bomb, a 60 MB body, a 1-byte-per-second server, a redirect loop, a 410, a 429 and a feed full of escapes and
markup, all from a local server on 127.0.0.1, with the real defaults (30 s deadline per request, 20 MB cap)
and full-text extraction on (teasers fetch their pages from the same server). It must end within 90 s and
400 MB, store every good article, print no traceback, and leave no ESC/C1/BEL byte and no `javascript:`
link in `today`, Markdown or JSON. (tests/net/test_cli_mix.py checks the per-feed error lines.)
"""

from __future__ import annotations

import gzip
import subprocess
import sys
import time
import zlib
from collections.abc import Iterator
from html import escape
from pathlib import Path

import pytest

from briefing.store import Store
from tests.conftest import ROOT, launch_measured, peak_rss_bytes
from tests.net.server import LocalServer, Reply, trickle
from tests.security.conftest import NOW, env_for, run
from tests.security.hostile import (
    ARABIC_TEXT,
    ENGLISH_TEXT,
    MARKUP_TITLE,
    assert_json_safe,
    assert_markdown_safe,
    assert_no_bad_scheme,
    assert_no_controls,
    hostile_feed,
)

GOOD_FEEDS, GOOD_ITEMS = 6, 4


def gzip_bomb(decoded_mb: int) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * (1024 * 1024)
    return b"".join(c.compress(block) for _ in range(decoded_mb)) + c.flush()


def sixty_megabytes() -> Iterator[bytes]:
    """Streamed without a Content-Length, so the cap has to stop it while reading."""
    yield b'<?xml version="1.0"?><rss version="2.0"><channel><title>big</title><description>'
    for _ in range(60):
        yield b"x" * (1024 * 1024)


def good_feed(base: str, j: int) -> bytes:
    """Four real-looking items; the odd ones are teasers whose full text is on a page of the same server."""
    items = []
    for i in range(GOOD_ITEMS):
        text = (ENGLISH_TEXT if j % 2 else ARABIC_TEXT) + f" Report {i} of outlet {j}."
        teaser = i % 2 == 1
        items.append(
            f"<item><title>Outlet {j} report {i}</title><link>{base}/pages/{j}-{i}.html</link>"
            f"<guid>good-{j}-{i}</guid><pubDate>Sat, 16 Mar 2024 1{i}:{j:02d}:00 +0000</pubDate>"
            f"<description>{escape(text[:120] if teaser else text * 3)}</description></item>"
        )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Outlet {j}</title>'
        f"<language>{'en' if j % 2 else 'ar'}</language>{''.join(items)}</channel></rss>"
    ).encode()


def page(j: int, i: int) -> bytes:
    text = escape((ENGLISH_TEXT if j % 2 else ARABIC_TEXT) + f" Full report {i} of outlet {j}.")
    return (
        f"<html><head><title>r</title></head><body><nav>menu</nav><article><h1>Outlet {j} report {i}</h1>"
        f"<p>{text}</p><p>{text}</p><p>{text}</p></article></body></html>"
    ).encode()


@pytest.mark.slow
def test_one_fetch_of_good_and_hostile_feeds_is_bounded_and_leaves_clean_output(tmp_path: Path) -> None:
    with LocalServer() as server:
        base = server.url("")
        good = [
            server.route(
                f"/good{j}.xml",
                Reply(
                    200,
                    gzip.compress(good_feed(base, j)),
                    {"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"},
                    delay=0.02,
                ),
            )
            for j in range(GOOD_FEEDS)
        ]
        for j in range(GOOD_FEEDS):
            for i in range(GOOD_ITEMS):
                server.route(f"/pages/{j}-{i}.html", Reply(200, page(j, i), {"Content-Type": "text/html"}))
        evil = server.route(
            "/evil.xml",
            Reply(
                200,
                gzip.compress(hostile_feed()),
                {"Content-Encoding": "gzip", "Content-Type": "application/rss+xml; charset=utf-8"},
            ),
        )
        bad = [
            server.route("/bomb.xml", Reply(200, gzip_bomb(200), {"Content-Encoding": "gzip"})),
            server.route("/big.xml", Reply(200, sixty_megabytes())),
            server.route("/slow.xml", Reply(200, trickle(good_feed(base, 99), 1, max_seconds=45))),
            server.route("/loop.xml", Reply(302, headers={"Location": "/loop.xml"})),
            server.route("/gone.xml", Reply(410)),
            server.route("/busy.xml", Reply(429, headers={"Retry-After": "300"})),
        ]
        db = tmp_path / "cache.sqlite3"
        args = [sys.executable, "-m", "briefing", "--db", str(db), "--now", NOW, "fetch"]
        for url in [*good, evil, *bad]:
            args += ["--feed", url]
        start = time.monotonic()
        proc = launch_measured(
            args,
            cwd=ROOT,
            env=env_for(tmp_path),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            _out, err = proc.communicate(timeout=300)
        finally:
            if proc.poll() is None:
                proc.kill()
        elapsed = time.monotonic() - start
        stderr = err.decode("utf-8")
        peak = peak_rss_bytes(stderr)  # the fetch and its parse/analysis workers, measured by the launcher
        stderr = stderr.rsplit("\nBRIEFING_TEST_MAXRSS_KB=", 1)[0]
        requests = len(server.requests)
    assert proc.returncode == 0, stderr
    assert elapsed < 90, elapsed
    assert peak < 400 * 1024 * 1024, f"peak RSS {peak // (1024 * 1024)} MB"
    assert "Traceback" not in stderr
    assert_no_controls(stderr, where="fetch stderr")
    assert f"{GOOD_FEEDS + 1}/{GOOD_FEEDS + 1 + len(bad)} feeds fetched" in stderr, stderr
    assert requests < 200  # bounded: feeds, pages, a few redirects

    with Store.open(db) as store:
        guids = {a.guid for a in store.articles(range(1, 10_000))}
    assert {f"good-{j}-{i}" for j in range(GOOD_FEEDS) for i in range(GOOD_ITEMS)} <= guids
    assert {f"hostile-{i}" for i in range(8)} <= guids

    home = tmp_path
    outputs = {}
    for name, cmd in {
        "today": ["today", "--width", "300", "--limit", "30"],
        "today --json": ["today", "--json", "--limit", "30"],
        "markdown": ["export", "--format", "markdown", "--date", "2024-03-16"],
        "json": ["export", "--format", "json", "--date", "2024-03-16"],
    }.items():
        r = run(["--db", str(db), "--now", NOW, *cmd], home)
        err = r.stderr.decode("utf-8")
        assert r.returncode == 0 and "Traceback" not in err, (name, err)
        outputs[name] = out = r.stdout.decode("utf-8")
        assert "\x1b" not in out and "\x07" not in out, name
        assert_no_controls(out, where=name)
        assert_no_bad_scheme(out, where=name)
    assert_markdown_safe(outputs["markdown"])
    assert_json_safe(outputs["today --json"])
    data = assert_json_safe(outputs["json"])
    assert MARKUP_TITLE in outputs["today"]
    titles = {a["title"] for s in data["stories"] for a in s["articles"]}
    assert any(t.startswith("Outlet") for t in titles) and MARKUP_TITLE in titles
