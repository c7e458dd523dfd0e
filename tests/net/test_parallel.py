"""The first fetch on two cores: plain feeds parsed by a forked worker (same records as in place, the worker
reaped, a dead worker costing nothing but time) and the articles written a few feeds per transaction."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterable
from datetime import UTC, datetime

import pytest

import briefing.feeds.worker as worker_module
from briefing.feeds.parse import parse_feed
from briefing.feeds.sources import FeedSource
from briefing.feeds.worker import ParseWorker
from briefing.store import Store
from tests.net.conftest import fetch
from tests.net.server import LocalServer, Reply, rss

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or len(os.sched_getaffinity(0)) < 2, reason="the worker needs fork and two cores"
)


def _sources(urls: Iterable[str]) -> list[FeedSource]:
    """List entries with the opt-in and no full text (the test links point nowhere)."""
    return [FeedSource(u, allow_private=True, full_text=False) for u in urls]


def _feeds(server: LocalServer, n: int = 12) -> dict[str, bytes]:
    bodies = {}
    headers = {"Content-Type": "application/rss+xml; charset=utf-8"}
    for i in range(n):
        markup = f"&lt;p&gt;Paragraph {i} &amp;amp; more.&lt;/p&gt;&lt;p&gt;Second&lt;br&gt;line&lt;/p&gt;"
        text = markup if i % 2 else ""
        body = rss(f"Feed {i}", 5, prefix=f"f{i}", text=text)
        bodies[server.route(f"/f{i}.xml", Reply(200, body, headers))] = body
    return bodies


def _stored(store: Store) -> list[tuple[str, str, str, str]]:
    rows = store.conn.execute("SELECT guid, title, text, published FROM articles ORDER BY guid")
    return [tuple(r) for r in rows]  # type: ignore[misc]


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[ParseWorker | None]:
    started: list[ParseWorker | None] = []
    real = ParseWorker.start

    def start() -> ParseWorker | None:
        worker = real()
        started.append(worker)
        return worker

    monkeypatch.setattr(ParseWorker, "start", staticmethod(start))
    return started


def test_the_worker_parses_plain_feeds_into_the_same_records(
    server: LocalServer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = _spy(monkeypatch)
    answered: list[int] = []
    real_parse = ParseWorker.parse

    async def parse(self: ParseWorker, *args: object) -> object:
        answer = await real_parse(self, *args)  # type: ignore[arg-type]
        answered.append(1)
        return answer

    monkeypatch.setattr(ParseWorker, "parse", parse)
    bodies = _feeds(server)
    out = fetch(store, _sources(bodies))
    assert all(o.status == "ok" and o.new == 5 for o in out.values())
    worker = started[0]
    assert worker is not None and answered  # some feeds went to the worker
    with pytest.raises(ChildProcessError):
        os.waitpid(worker.pid, os.WNOHANG)  # reaped at the end of the run
    with Store.open(store.path.with_name("inplace.sqlite3")) as other:
        feeds = other.feeds.ensure_many([(u, "", None, False) for u in bodies])
        now = datetime(2024, 3, 16, 12, 0, tzinfo=UTC)
        for url, body in bodies.items():
            headers = {"content-type": "application/rss+xml; charset=utf-8"}
            other.ingest(feeds[url].id or 0, parse_feed(body, url, headers).entries, now)
        assert _stored(store) == _stored(other)


def test_a_dead_worker_means_parsing_in_place(
    server: LocalServer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = ParseWorker.start

    def start() -> ParseWorker | None:
        worker = real()
        if worker is not None:
            os.kill(worker.pid, signal.SIGKILL)
        return worker

    monkeypatch.setattr(ParseWorker, "start", staticmethod(start))
    out = fetch(store, _sources(_feeds(server)))
    assert all(o.status == "ok" and o.new == 5 for o in out.values())
    assert store.count("articles") == 60


def test_a_stuck_worker_is_given_up_and_reaped(
    server: LocalServer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[ParseWorker] = []
    real = ParseWorker.start

    def start() -> ParseWorker | None:
        worker = real()
        if worker is not None:
            os.kill(worker.pid, signal.SIGSTOP)  # alive, never answering
            started.append(worker)
        return worker

    monkeypatch.setattr(ParseWorker, "start", staticmethod(start))
    monkeypatch.setattr(worker_module, "ANSWER_TIMEOUT", 0.5)
    out = fetch(store, _sources(_feeds(server)))
    assert all(o.status == "ok" and o.new == 5 for o in out.values())
    assert store.count("articles") == 60
    with pytest.raises(ChildProcessError):
        os.waitpid(started[0].pid, os.WNOHANG)  # killed and reaped at the end of the run


def test_no_worker_is_forked_from_a_thread_or_for_few_feeds(
    server: LocalServer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = _spy(monkeypatch)
    urls = _sources(_feeds(server))
    t = threading.Thread(target=lambda: fetch(store, urls))
    t.start()
    t.join(60)
    assert started == [None] and store.count("articles") == 60
    started.clear()
    fetch(store, urls[:3])  # fewer than POOL_THRESHOLD http feeds: parsed in place
    assert started == []


def test_articles_are_written_a_few_feeds_per_transaction(
    server: LocalServer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    batches: list[int] = []
    real = Store.ingest_fetched

    def spy(self: Store, batch, when):  # type: ignore[no-untyped-def]
        batches.append(len(batch))
        return real(self, batch, when)

    monkeypatch.setattr(Store, "ingest_fetched", spy)
    out = fetch(store, _sources(_feeds(server)))
    assert all(o.status == "ok" and o.new == 5 for o in out.values())
    assert sum(batches) == 12 and len(batches) < 12
    assert all(f.etag is None or f.last_success for f in store.feeds.all())


def test_a_failed_batch_write_is_every_feeds_error(
    server: LocalServer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Store, batch, when):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    monkeypatch.setattr(Store, "ingest_fetched", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        fetch(store, _sources(_feeds(server)))
    assert store.count("articles") == 0
