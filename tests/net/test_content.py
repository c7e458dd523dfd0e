"""What comes back from the server: charsets (RELIABILITY row 16), target safety (row 8), full text for teaser
feeds, and idempotent re-ingest (row 19)."""

from __future__ import annotations

import asyncio
import re
import socket
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from briefing.feeds.sources import FeedSource
from briefing.store import Store
from tests.conftest import ROOT
from tests.net.conftest import NOW, fetch
from tests.net.server import LocalServer, Reply, rss

ARABIC_TITLE = "وزير الخارجية يصل إلى دمشق غداً"


def arabic_feed(encoding: str, declare: bool = True, bom: bytes = b"") -> bytes:
    decl = f'<?xml version="1.0" encoding="{encoding}"?>' if declare else ""
    text = (
        f'{decl}<rss version="2.0"><channel><title>قناة</title><item><title>{ARABIC_TITLE}</title>'
        f"<guid>a1</guid><description>نص الخبر عن الزيارة المرتقبة إلى العاصمة السورية.</description>"
        "</item></channel></rss>"
    )
    return bom + text.encode(encoding)


@pytest.mark.parametrize(
    ("name", "body", "content_type"),
    [
        ("cp1256-declared", arabic_feed("windows-1256"), "application/rss+xml"),
        ("cp1256-wrong-header", arabic_feed("windows-1256"), "text/xml; charset=utf-8"),
        ("cp1256-latin1-header", arabic_feed("windows-1256"), "text/xml; charset=iso-8859-1"),
        ("cp1256-undeclared", arabic_feed("windows-1256", declare=False), "text/xml"),
        ("utf8-bom", arabic_feed("utf-8", bom=b"\xef\xbb\xbf"), "text/xml; charset=iso-8859-1"),
        ("utf8-wrong-header", arabic_feed("utf-8"), "text/xml; charset=windows-1256"),
        ("utf8-no-charset", arabic_feed("utf-8", declare=False), "text/xml"),
        ("utf16", arabic_feed("utf-16"), "application/xml"),
        ("iso-8859-6", arabic_feed("iso-8859-6"), "application/xml"),
    ],
)
def test_charsets_decode_correctly(
    server: LocalServer, store: Store, name: str, body: bytes, content_type: str
) -> None:
    url = server.route(f"/{name}.xml", Reply(200, body, {"Content-Type": content_type}))
    out = fetch(store, [url])
    assert out[url].status == "ok", out[url].error
    [title] = [r[0] for r in store.conn.execute("SELECT title FROM articles")]
    assert title == ARABIC_TITLE


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://127.0.0.1/feed.xml",
        "http://127.0.0.1:9/feed.xml",
        "http://169.254.169.254/latest/meta-data/",
        "http://localhost:9/x",
        "http://[::1]:9/x",
        "http://10.1.2.3/x",
        "http://2130706433/x",
        "gopher://example.com/",
        "/etc/passwd",
    ],
)
def test_list_targets_that_are_local_private_or_not_http_are_refused(store: Store, url: str) -> None:
    out = fetch(store, [FeedSource(url)])
    assert out[url].status == "error" and (out[url].error or "").startswith("refused"), out[url]
    assert "--allow-private" in (out[url].error or "") or "http" in (out[url].error or "")


def test_opt_in_and_direct_feeds_reach_local_servers(
    server: LocalServer, store: Store, tmp_path: Path
) -> None:
    url = server.route("/local.xml", Reply(200, rss("Local")))
    assert fetch(store, [FeedSource(url)])[url].status == "error"
    assert server.requests == []  # refused before any request
    assert fetch(store, [FeedSource(url, allow_private=True)])[url].status == "ok"
    assert fetch(store, [FeedSource(url, trusted=True, manual=True)])[url].status == "ok"
    path = tmp_path / "f.xml"
    path.write_bytes(rss("File"))
    assert fetch(store, [FeedSource(str(path))])[str(path)].status == "error"
    assert fetch(store, [FeedSource(str(path), trusted=True)])[str(path)].status == "ok"


def test_the_connection_goes_to_the_address_the_check_accepted(
    server: LocalServer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: a name that resolves to an accepted address for the check and to another one a moment
    later. The run connects to the checked address and never resolves the name again. (Loopback stands in
    for a public address here: the check is told to accept it, the second answer has no server.)"""
    from briefing.feeds import safety

    answers = iter([["127.0.0.1"], ["127.0.0.2"], ["127.0.0.2"]])
    looked_up: list[str] = []

    async def getaddrinfo(self: object, host: str, *args: object, **kw: object) -> list[tuple[object, ...]]:
        looked_up.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, 0)) for a in next(answers)]

    real_kind = safety._address_kind
    monkeypatch.setattr(safety, "_address_kind", lambda ip: None if str(ip) == "127.0.0.1" else real_kind(ip))
    monkeypatch.setattr(asyncio.BaseEventLoop, "getaddrinfo", getaddrinfo)
    path = urlsplit(server.route("/rebind.xml", Reply(200, rss("Rebind"))))
    url = f"http://rebind.invalid:{path.port}/rebind.xml"
    out = fetch(store, [FeedSource(url)])
    assert out[url].status == "ok", out[url].error
    assert looked_up.count("rebind.invalid") == 1  # (article links on other hosts are checked too)
    assert server.requests[0].headers["host"] == f"rebind.invalid:{path.port}"


def test_reingesting_the_same_feed_changes_no_rows(server: LocalServer, store: Store) -> None:
    url = server.route("/same.xml", Reply(200, rss("Same", 5)))
    fetch(store, [url])
    counts = {t: store.count(t) for t in ("feeds", "articles")}
    changes = store.conn.total_changes
    out = fetch(store, [url], NOW + timedelta(hours=1))
    assert out[url].new == 0 and out[url].updated == 0
    assert {t: store.count(t) for t in ("feeds", "articles")} == counts
    assert store.conn.total_changes - changes <= 2  # feed health only


def teaser_feed(server: LocalServer) -> str:
    """The bundled teaser feed with its links pointing at this server, which serves sample_feeds/pages/."""
    original = (ROOT / "sample_feeds" / "nile_digest_teasers.xml").read_text(encoding="utf-8")
    for page in (ROOT / "sample_feeds" / "pages").glob("*.html"):
        server.route(
            f"/ar/news/{page.stem}",
            Reply(200, page.read_bytes(), {"Content-Type": "text/html; charset=utf-8"}),
        )
    body = original.replace("https://nile-digest.example/", server.url("/"))
    return server.route("/nile.xml", Reply(200, body.encode(), {"Content-Type": "application/rss+xml"}))


def test_teaser_entries_get_the_full_text_of_their_page_once(server: LocalServer, store: Store) -> None:
    url = teaser_feed(server)
    out = fetch(store, [FeedSource(url, full_text=True, trusted=True)])
    assert out[url].status == "ok" and out[url].new == 3
    texts = {r[0].rsplit("/", 1)[-1]: r[1] for r in store.conn.execute("SELECT url, text FROM articles")}
    visit = texts["shoukry-amman-visit-arab-tour"]
    assert "أيمن الصفدي" in visit and "25 مارس" in visit and len(visit) > 600
    for text in texts.values():
        assert "ابحث في موجز النيل" not in text and "عاجل: تابعوا" not in text  # page furniture dropped
        assert not re.search(r"(javascript|file):", text)
    page_hits = [r for r in server.requests if r.path.startswith("/ar/news/")]
    assert len(page_hits) == 3
    again = fetch(store, [FeedSource(url, full_text=True, trusted=True)], NOW + timedelta(hours=1))
    assert again[url].new == 0 and again[url].updated == 0  # cached pages: same text, no re-extraction
    assert len([r for r in server.requests if r.path.startswith("/ar/news/")]) == 3


def test_short_entries_are_extracted_automatically_and_long_ones_are_not(
    server: LocalServer, store: Store
) -> None:
    page = (ROOT / "sample_feeds" / "pages" / "gaza-truce-doha-talks-next-week.html").read_bytes()
    server.route("/p/short-0", Reply(200, page, {"Content-Type": "text/html"}))
    server.route("/p/long-0", Reply(200, page, {"Content-Type": "text/html"}))
    short = server.route("/short.xml", Reply(200, rss("S", 1, prefix="short", link_base=server.url("/p/"))))
    long = server.route(
        "/long.xml", Reply(200, rss("L", 1, prefix="long", text="word " * 200, link_base=server.url("/p/")))
    )
    fetch(store, [short, long])
    assert len(server.hits("/p/short-0")) == 1 and server.hits("/p/long-0") == []
    never = server.route("/never.xml", Reply(200, rss("N", 1, prefix="never", link_base=server.url("/p/"))))
    fetch(store, [FeedSource(never, allow_private=True, full_text=False)])
    assert server.hits("/p/never-0") == []


def test_failed_pages_keep_the_teaser_and_are_not_retried_at_once(server: LocalServer, store: Store) -> None:
    url = server.route("/t.xml", Reply(200, rss("T", 2, prefix="t", link_base=server.url("/missing/"))))
    out = fetch(store, [url])
    assert out[url].status == "ok" and out[url].error is None
    assert {r[0] for r in store.conn.execute("SELECT text FROM articles")} == {
        "Paragraph about T number 0.",
        "Paragraph about T number 1.",
    }
    fetch(store, [url], NOW + timedelta(minutes=5))
    assert len([r for r in server.requests if r.path.startswith("/missing/")]) == 2


def test_pages_on_other_private_hosts_are_refused_without_the_opt_in(
    server: LocalServer, store: Store
) -> None:
    body = rss("X", 1, prefix="x", link_base="http://127.0.0.2:9/")  # another loopback host
    url = server.route("/x.xml", Reply(200, body))
    fetch(store, [FeedSource(url, trusted=True, manual=True)])
    [(status, error)] = store.conn.execute("SELECT status, error FROM pages").fetchall()
    assert status == "error" and error.startswith("refused")


def unusual_rss(i: int) -> bytes:
    """RSS 0.91: not for the lxml fast path, so feedparser parses it (in the pool, with 8+ http feeds)."""
    return rss(f"Old {i}", 2, prefix=f"o{i}").replace(b'version="2.0"', b'version="0.91"')


@pytest.mark.parametrize("in_thread", [False, True])
def test_feeds_for_feedparser_go_through_the_process_pool(
    server: LocalServer, store: Store, in_thread: bool
) -> None:
    import threading

    import briefing.feeds.run as run

    made: list[object] = []
    real = run._pool

    def spy(n: int):  # type: ignore[no-untyped-def]
        pool = real(n)
        made.append(pool)
        return pool

    urls = [server.route(f"/old{i}.xml", Reply(200, unusual_rss(i))) for i in range(9)]
    out: dict[str, object] = {}
    monkey = pytest.MonkeyPatch()
    monkey.setattr(run, "_pool", spy)
    try:
        if in_thread:  # the TUI refreshes from a worker thread: a fork server makes the workers
            t = threading.Thread(target=lambda: out.update(fetch(store, urls)))
            t.start()
            t.join(60)
        else:
            out.update(fetch(store, urls))
    finally:
        monkey.undo()
    assert made and made[0] is not None
    assert all(o.status == "ok" for o in out.values())  # type: ignore[attr-defined]
    assert store.count("articles") == 18
