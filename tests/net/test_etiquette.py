"""Fetch etiquette against a real local server: per-host limit, conditional GET, redirects, 410, 429/503,
backoff, User-Agent, cookies (RELIABILITY rows 13, 14, 15)."""

from __future__ import annotations

import gzip
from datetime import timedelta

import pytest

from briefing.feeds.fetch import USER_AGENT
from briefing.feeds.sources import FeedSource
from briefing.store import Store
from tests.net.conftest import NOW, fetch
from tests.net.server import LocalServer, Reply, Seen, rss


def test_forty_feeds_on_one_host_never_more_than_two_in_flight(server: LocalServer, store: Store) -> None:
    urls = [server.route(f"/f{i}.xml", Reply(200, rss(f"Feed {i}"), delay=0.05)) for i in range(40)]
    out = fetch(store, urls)
    assert all(o.status == "ok" for o in out.values()), [o.error for o in out.values() if o.error]
    assert len(server.requests) == 40
    assert server.max_in_flight == 2
    assert store.count("articles") == 120


def test_user_agent_and_no_cookies(server: LocalServer, store: Store) -> None:
    url = server.route("/c.xml", Reply(200, rss("C"), {"Set-Cookie": "track=me; Path=/"}))
    fetch(store, [url])
    fetch(store, [url], NOW + timedelta(hours=1))
    first, second = server.hits("/c.xml")
    assert first.headers["user-agent"] == USER_AGENT and "briefing/" in USER_AGENT
    assert "cookie" not in second.headers


def test_conditional_get_304_means_no_parse_and_no_write(
    server: LocalServer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    etag, modified = 'W/"v1;odd etag"', "Sat, 16 Mar 2024 10:00:00 GMT"

    def route(seen: Seen) -> Reply:
        if seen.headers.get("if-none-match") == etag and seen.headers.get("if-modified-since") == modified:
            return Reply(304, headers={"ETag": etag})
        return Reply(200, rss("Cond"), {"ETag": etag, "Last-Modified": modified})

    url = server.route("/cond.xml", route)
    assert fetch(store, [url])[url].status == "ok"
    changes = store.conn.total_changes
    calls: list[object] = []
    import briefing.feeds.parse as parse

    monkeypatch.setattr(parse, "parse_feed", lambda *a: calls.append(a))  # would fail if called
    monkeypatch.setattr(parse, "parse_feed_fast", lambda *a: calls.append(a))
    monkeypatch.setattr(Store, "ingest", lambda *a, **k: calls.append(a))
    assert fetch(store, [url], NOW + timedelta(hours=1))[url].status == "not_modified"
    assert calls == []
    second = server.hits("/cond.xml")[1]
    assert second.headers["if-none-match"] == etag and second.headers["if-modified-since"] == modified
    # only the feed's health row was touched (ensure + record), never an article
    assert store.conn.total_changes - changes <= 2


def test_301_and_308_rewrite_the_stored_url_302_and_307_do_not(server: LocalServer, store: Store) -> None:
    new = server.route("/new.xml", Reply(200, rss("Moved")))
    old = server.route("/old.xml", Reply(301, headers={"Location": "/mid.xml"}))
    server.route("/mid.xml", Reply(308, headers={"Location": new}))
    tmp = server.route("/tmp.xml", Reply(302, headers={"Location": "/tmp2.xml"}))
    server.route("/tmp2.xml", Reply(307, headers={"Location": new}))
    out = fetch(store, [old, tmp])
    assert out[old].status == "ok" and out[tmp].status == "ok"
    moved = store.feeds.get(old)
    assert moved is not None and moved.url == new  # the configured URL still finds its row
    stayed = store.feeds.get(tmp)
    assert stayed is not None and stayed.url == tmp
    server.requests.clear()
    fetch(store, [old, tmp], NOW + timedelta(hours=1))
    paths = [r.path for r in server.requests]
    assert "/old.xml" not in paths and paths.count("/new.xml") == 2 and "/tmp.xml" in paths


def test_410_marks_gone_and_stops_polling_until_fetched_by_hand(server: LocalServer, store: Store) -> None:
    url = server.route("/gone.xml", Reply(410))
    assert fetch(store, [url])[url].status == "gone"
    feed = store.feeds.get(url)
    assert feed is not None and feed.gone
    assert fetch(store, [url], NOW + timedelta(days=3))[url].status == "skipped"
    assert len(server.hits("/gone.xml")) == 1
    server.route("/gone.xml", Reply(200, rss("Back")))
    manual = FeedSource(url, trusted=True, manual=True)
    assert fetch(store, [manual], NOW + timedelta(days=3))[url].status == "ok"
    feed = store.feeds.get(url)
    assert feed is not None and not feed.gone


def test_429_and_503_honour_retry_after(server: LocalServer, store: Store) -> None:
    busy = server.route("/busy.xml", Reply(429, headers={"Retry-After": "120"}))
    date = server.route("/date.xml", Reply(503, headers={"Retry-After": "Sat, 16 Mar 2024 13:00:00 GMT"}))
    huge = server.route("/huge.xml", Reply(429, headers={"Retry-After": "99999999"}))
    fetch(store, [busy, date, huge])
    f_busy, f_date, f_huge = store.feeds.get(busy), store.feeds.get(date), store.feeds.get(huge)
    assert f_busy and f_busy.next_fetch == NOW + timedelta(seconds=120)
    assert f_date and f_date.next_fetch == NOW + timedelta(hours=1)
    assert f_huge and f_huge.next_fetch == NOW + timedelta(hours=6)  # capped
    assert fetch(store, [busy], NOW + timedelta(seconds=60))[busy].status == "skipped"
    server.route("/busy.xml", Reply(200, rss("Busy")))
    assert fetch(store, [busy], NOW + timedelta(seconds=121))[busy].status == "ok"


def test_500_backs_off_exponentially_with_jitter_and_manual_fetch_retries_now(
    server: LocalServer, store: Store
) -> None:
    url = server.route("/err.xml", Reply(500))
    assert fetch(store, [url])[url].status == "error"
    f = store.feeds.get(url)
    assert f and f.next_fetch and timedelta(minutes=12) <= f.next_fetch - NOW <= timedelta(minutes=18)
    later = f.next_fetch + timedelta(seconds=1)
    fetch(store, [url], later)
    f = store.feeds.get(url)
    assert f and f.next_fetch and timedelta(minutes=24) <= f.next_fetch - later <= timedelta(minutes=36)
    assert fetch(store, [url], later + timedelta(minutes=1))[url].status == "skipped"
    manual = FeedSource(url, trusted=True, manual=True)
    assert fetch(store, [manual], later + timedelta(minutes=1))[url].status == "error"
    assert len(server.hits("/err.xml")) == 3


def test_redirect_loop_is_a_clean_per_feed_error(server: LocalServer, store: Store) -> None:
    loop = server.route("/loop.xml", Reply(302, headers={"Location": "/loop.xml"}))
    hops = [server.route(f"/h{i}.xml", Reply(301, headers={"Location": f"/h{i + 1}.xml"})) for i in range(7)]
    good = server.route("/good.xml", Reply(200, rss("Good")))
    out = fetch(store, [loop, hops[0], good])
    assert out[loop].status == "error" and "redirects" in (out[loop].error or "")
    assert out[hops[0]].status == "error" and "redirects" in (out[hops[0]].error or "")
    assert out[good].status == "ok"
    assert len(server.hits("/loop.xml")) == 6  # the first request and 5 redirects, no more


def test_gzip_body_is_decoded(server: LocalServer, store: Store) -> None:
    url = server.route("/z.xml", Reply(200, gzip.compress(rss("Zipped")), {"Content-Encoding": "gzip"}))
    assert fetch(store, [url])[url].new == 3
