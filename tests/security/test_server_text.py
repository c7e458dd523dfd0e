"""Text that comes from a hostile server rather than from the feed body (RELIABILITY.md row 1): a redirect's
`Location` header reaches error messages, the stored feed URL and `briefing feeds list`.

httpx refuses a Location holding an ASCII control (ESC, BEL), but it lets C1 controls through (the header is
decoded as Latin-1, so a raw 0x9B byte becomes U+009B, the 8-bit CSI), and `fetch_http` copies the target
into its error text and, after a 301, into the feed's new URL. Such targets are now refused and every error
line is sanitized before it is printed; these tests keep it so.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.net.server import LocalServer, Reply
from tests.security.conftest import run
from tests.security.hostile import FORBIDDEN, assert_no_controls


def small_rss(title: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<item><title>{title} item</title><link>https://news.example/{title}</link><guid>{title}-1</guid>"
        "<pubDate>Sat, 16 Mar 2024 10:00:00 +0000</pubDate><description>Text.</description></item>"
        "</channel></rss>"
    ).encode()


def fetch_all(tmp_path: Path, urls: list[str]) -> str:
    args = ["--db", str(tmp_path / "cache.sqlite3"), "fetch", "--no-analyze", "--no-full-text"]
    for u in urls:
        args += ["--feed", u]
    r = run(args, tmp_path)
    err = r.stderr.decode("utf-8")
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize(
    "location",
    [
        pytest.param("ftp://127.0.0.1/\x1b]0;PWNED\x07/", id="esc-non-http"),
        pytest.param("http://exa\x1bmple.invalid/", id="esc-host"),
        pytest.param("ftp://127.0.0.1/\x9b31m\x9d0;PWNED\x9c/", id="c1-non-http"),
    ],
)
def test_redirect_errors_print_no_controls(tmp_path: Path, location: str) -> None:
    with LocalServer() as server:
        url = server.route("/r.xml", Reply(302, headers={"Location": location}))
        err = fetch_all(tmp_path, [url])
    assert "0/1 feeds fetched" in err
    assert_no_controls(err, where="fetch stderr")


@pytest.mark.parametrize(
    "path",
    [
        pytest.param("/moved\x1b[2J.xml", id="esc"),
        pytest.param("/moved\x9b31m.xml", id="c1"),
    ],
)
def test_a_permanent_redirect_stores_and_lists_no_controls(tmp_path: Path, path: str) -> None:
    with LocalServer() as server:
        url = server.route("/feed.xml", Reply(301, headers={"Location": path}))
        # httpx sends the non-ASCII path percent-encoded as UTF-8.
        server.route("/moved%C2%9B31m.xml", Reply(200, small_rss("Moved")))
        fetch_all(tmp_path, [url])
        (tmp_path / "config").mkdir(exist_ok=True)
        (tmp_path / "config" / "feeds.toml").write_text(f'[[feed]]\nurl = "{url}"\n')
        listed = run(["--db", str(tmp_path / "cache.sqlite3"), "feeds", "list"], tmp_path)
    conn = sqlite3.connect(tmp_path / "cache.sqlite3")
    try:
        stored = [u for (u,) in conn.execute("SELECT url FROM feeds UNION ALL SELECT url FROM feed_aliases")]
    finally:
        conn.close()
    for u in stored:
        assert not FORBIDDEN.search(u), u
    assert listed.returncode == 0
    assert_no_controls(listed.stdout.decode("utf-8"), where="feeds list")
