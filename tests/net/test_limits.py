"""Hostile servers: gzip bomb, huge body, trickle, silence (RELIABILITY rows 11, 12). The cache is left
unchanged by a failed feed, memory stays bounded and the other feeds finish."""

from __future__ import annotations

import time
import tracemalloc
import zlib

import pytest

import briefing.feeds.fetch as fetch_mod
from briefing.store import Store
from tests.net.conftest import fetch
from tests.net.server import LocalServer, Reply, rss, trickle


def gzip_bomb(decoded_mb: int) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * (1024 * 1024)
    return b"".join(c.compress(block) for _ in range(decoded_mb)) + c.flush()


def chunked(data: bytes, size: int = 65536):  # type: ignore[no-untyped-def]
    for i in range(0, len(data), size):
        yield data[i : i + size]


def test_gzip_bomb_and_huge_bodies_stop_at_the_cap_with_bounded_memory(
    server: LocalServer, store: Store
) -> None:
    bomb = gzip_bomb(200)
    assert len(bomb) < 400_000
    good = server.route("/good.xml", Reply(200, rss("Good")))
    b = server.route("/bomb.xml", Reply(200, bomb, {"Content-Encoding": "gzip"}))
    big = server.route("/big.xml", Reply(200, b"<rss>" + b"x" * (50 * 1024 * 1024)))
    streamed = server.route("/stream.xml", Reply(200, chunked(b"<rss>" + b"y" * (30 * 1024 * 1024))))
    tracemalloc.start()
    try:
        out = fetch(store, [good, b, big, streamed])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    for url in (b, big, streamed):
        assert out[url].status == "error" and "larger than" in (out[url].error or ""), out[url]
    assert out[good].status == "ok" and store.count("articles") == 3
    assert peak < 80 * 1024 * 1024, peak  # the cap is 20 MB; a 200 MB expansion never happened


def test_trickling_and_silent_servers_hit_the_overall_deadline(
    server: LocalServer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fetch_mod, "DEADLINE", 1.5)
    slow = server.route(
        "/slow.xml",
        Reply(
            200, trickle(rss("Slow"), per_second=1, max_seconds=10), {"Content-Length": str(len(rss("Slow")))}
        ),
    )
    silent = server.route("/silent.xml", Reply(200, rss("Silent"), delay=8))
    good = server.route("/good.xml", Reply(200, rss("Good")))
    start = time.monotonic()
    out = fetch(store, [slow, silent, good])
    assert time.monotonic() - start < 6
    assert out[slow].status == "error" and "within 1.5 s" in (out[slow].error or "")
    assert out[silent].status == "error" and "within 1.5 s" in (out[silent].error or "")
    assert out[good].status == "ok" and store.count("articles") == 3


def test_a_failed_fetch_leaves_the_cache_unchanged(server: LocalServer, store: Store) -> None:
    url = server.route("/f.xml", Reply(200, rss("F")))
    fetch(store, [url])
    before = store.conn.execute("SELECT id, title, text, content_hash FROM articles ORDER BY id").fetchall()
    server.route("/f.xml", Reply(200, gzip_bomb(50), {"Content-Encoding": "gzip"}))
    from datetime import timedelta

    from tests.net.conftest import NOW

    assert fetch(store, [url], NOW + timedelta(hours=1))[url].status == "error"
    server.route("/f.xml", Reply(200, b"<rss><channel><item><title>half", {}))
    fetch(store, [url], NOW + timedelta(days=2))
    after = store.conn.execute("SELECT id, title, text, content_hash FROM articles ORDER BY id").fetchall()
    assert after == before


def test_corrupt_gzip_is_a_clean_error(server: LocalServer, store: Store) -> None:
    url = server.route("/bad.xml", Reply(200, b"\x1f\x8b\x08\x00garbage" * 10, {"Content-Encoding": "gzip"}))
    out = fetch(store, [url])
    assert out[url].status == "error" and "compressed" in (out[url].error or "")
