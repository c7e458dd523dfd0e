"""Odd but legal HTTP answers and unusable feed URLs, each one feed's failure while the others are stored
(reliability issue rows 1 to 5)."""

from __future__ import annotations

import gzip
import string
import zlib
from datetime import timedelta

import httpx
import pytest

import briefing.feeds.fetch as fetch_mod
from briefing.store import Store
from tests.net.conftest import NOW, fetch
from tests.net.server import LocalServer, Reply, Seen, rss
from tests.net.test_limits import gzip_bomb


def test_204_206_and_a_301_without_location_fail_alone(server: LocalServer, store: Store) -> None:
    good = [server.route(f"/good{i}.xml", Reply(200, rss(f"Good {i}", 3, prefix=f"g{i}"))) for i in range(3)]
    odd = {
        "204": server.route("/empty.xml", Reply(204)),
        "206": server.route("/part.xml", Reply(206, rss("Part"), {"Content-Range": "bytes 0-9/100"})),
        "301": server.route("/moved.xml", Reply(301, b"moved somewhere")),
    }
    out = fetch(store, [*good, *odd.values()])
    assert all(out[u].status == "ok" for u in good), [out[u].error for u in good]
    assert store.count("articles") == 9
    for code, url in odd.items():
        assert out[url].status == "error", (code, out[url])
        assert out[url].error is not None and f"HTTP {code}" in out[url].error
    assert "Location" in (out[odd["301"]].error or "")


def test_an_invalid_url_in_the_list_is_that_feed_failure(server: LocalServer, store: Store) -> None:
    good = server.route("/good.xml", Reply(200, rss("Good", 2)))
    out = fetch(store, [good, "http://[::1/bad"])
    assert out[good].status == "ok"
    assert out["http://[::1/bad"].status == "error"
    assert store.count("articles") == 2


def _raw_deflate(data: bytes) -> bytes:
    c = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return c.compress(data) + c.flush()


def test_content_encodings_are_decoded_as_httpx_does(server: LocalServer, store: Store) -> None:
    """Raw deflate (no zlib header), zlib deflate, a coding applied twice and `identity` in the list
    (reliability issue row 4)."""
    feeds = {
        "raw": (_raw_deflate(rss("Raw", 2, prefix="raw")), "deflate"),
        "zlib": (zlib.compress(rss("Zlib", 2, prefix="zl")), "deflate"),
        "twice": (gzip.compress(gzip.compress(rss("Twice", 2, prefix="tw"))), "gzip, gzip"),
        "identity": (gzip.compress(rss("Ident", 2, prefix="id")), "identity, gzip"),
        "mixed": (gzip.compress(_raw_deflate(rss("Mixed", 2, prefix="mx"))), "deflate, gzip"),
    }
    urls = {
        name: server.route(f"/{name}.xml", Reply(200, body, {"Content-Encoding": coding}))
        for name, (body, coding) in feeds.items()
    }
    out = fetch(store, list(urls.values()))
    assert {n: out[u].status for n, u in urls.items()} == dict.fromkeys(urls, "ok"), [
        out[u].error for u in urls.values()
    ]
    assert store.count("articles") == 10


def test_a_bomb_inside_two_codings_stops_at_the_cap(
    server: LocalServer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fetch_mod, "MAX_BYTES", 1024 * 1024)
    bomb = gzip.compress(gzip_bomb(50))
    url = server.route("/bomb2.xml", Reply(200, bomb, {"Content-Encoding": "gzip, gzip"}))
    out = fetch(store, [url])
    assert out[url].status == "error" and "larger than" in (out[url].error or "")


def test_a_cookie_gate_is_passed_within_one_redirect_chain_only(server: LocalServer, store: Store) -> None:
    """A 302 that sets a cookie and redirects to itself (reliability issue row 5)."""

    def gate(seen: Seen) -> Reply:
        if "gate=open" in seen.headers.get("cookie", ""):
            return Reply(200, rss("Gated", 2, prefix="gated"))
        return Reply(302, headers={"Set-Cookie": "gate=open; Path=/; HttpOnly", "Location": "/gated.xml"})

    url = server.route("/gated.xml", gate)
    other = f"http://localhost:{server.port}/elsewhere.xml"
    server.route("/elsewhere.xml", Reply(200, rss("Elsewhere", 1, prefix="else")))
    server.route(
        "/hop.xml", Reply(302, headers={"Set-Cookie": "track=me", "Location": other})
    )  # to another host name
    out = fetch(store, [url, server.url("/hop.xml")])
    assert out[url].status == "ok", out[url].error
    assert store.count("articles") == 3
    assert "cookie" not in server.hits("/elsewhere.xml")[0].headers
    fetch(store, [url], NOW + timedelta(hours=2))
    first_of_second_run = server.hits("/gated.xml")[2]
    assert "cookie" not in first_of_second_run.headers  # never stored between runs


def test_thousands_of_tiny_headers_cost_linear_work(
    server: LocalServer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Row 3: the response's headers are copied once each, not looked up again through the whole list
    (counted, not timed: `dict(httpx.Headers)` did n x n comparisons, 5 s of CPU for 16,000 headers)."""
    digits = string.ascii_letters + string.digits
    many = {digits[i // 3844] + digits[i // 62 % 62] + digits[i % 62]: "" for i in range(13_000)}  # 91 KB
    url = server.route("/many.xml", Reply(200, rss("Many", 2, prefix="many"), many))
    lookups = 0
    real = httpx.Headers.__getitem__

    def counted(self: httpx.Headers, key: str) -> str:
        nonlocal lookups
        lookups += 1
        return real(self, key)

    monkeypatch.setattr(httpx.Headers, "__getitem__", counted)
    out = fetch(store, [url])
    assert out[url].status == "ok", out[url].error
    assert lookups < 100, lookups
    assert store.count("articles") == 2
