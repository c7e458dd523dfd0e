"""Every file of feedparser's own test corpus through parse -> store -> export (RELIABILITY row 21).

No exception anywhere; no control character (C0 but tab/newline, DEL, C1, bidi overrides) in what is stored or
exported; only http(s)/mailto links stored; a second ingest of the same file changes no row. The headers a
corpus file declares in its opening comment (`Header: Content-Type: ...`) are passed along, as a server would
send them. The compressed bodies go through the real capped decoder of `fetch_http`.
"""

from __future__ import annotations

import asyncio
import io
import json
import re
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path

import httpx
import pytest

from briefing.feeds.fetch import fetch_http
from briefing.feeds.parse import parse_feed
from briefing.models import Briefing
from briefing.render.console import render_today
from briefing.render.ics import render_ics
from briefing.render.jsonout import briefing_json
from briefing.render.markdown import render_markdown
from briefing.store import Store
from briefing.viewmodel import build_briefing
from tests.conftest import need_shared

NOW = datetime(2024, 3, 16, 12, 0, tzinfo=UTC)
BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HEADER = re.compile(r"^Header:\s*([A-Za-z-]+):\s*(.+?)\s*$", re.M)


def declared_headers(body: bytes) -> dict[str, str]:
    head = body[:2000].decode("latin-1")
    if not head.lstrip().startswith("<!--"):
        return {}
    comment = head.split("-->", 1)[0]
    return {
        k: v
        for k, v in HEADER.findall(comment)
        if k.lower() in ("content-type", "content-language", "content-location")
    }


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


async def _served(body: bytes, encoding: str) -> bytes | None:
    async def chunks() -> AsyncIterator[bytes]:
        yield body

    def handler(req: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=chunks(), headers={"Content-Encoding": encoding})

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        r = await fetch_http(client, "https://corpus.example/f", now=NOW)
    return r.body if r.status == "ok" else None


@pytest.mark.slow
def test_every_corpus_file_goes_through_parse_store_and_export(tmp_path: Path) -> None:
    root = need_shared("corpora", "feedparser-tests")
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".xml", ".gz", ".z"))
    assert len([f for f in files if f.suffix == ".xml"]) >= 2242
    failures: list[str] = []
    with Store.open(tmp_path / "corpus.sqlite3") as store:
        for path in files:
            rel = str(path.relative_to(root))
            try:
                body = path.read_bytes()
                headers = declared_headers(body)
                if path.suffix in (".gz", ".z"):
                    decoded = asyncio.run(_served(body, "gzip" if path.suffix == ".gz" else "deflate"))
                    if decoded is None:
                        continue  # a clean fetch error ("corrupt compressed body"): nothing to store
                    body = decoded
                parsed = parse_feed(body, "", headers)
                feed = store.feeds.ensure(rel, parsed.title)
                assert feed.id is not None
                store.ingest(feed.id, parsed.entries, NOW)
                counts = (store.count("articles"), store.conn.total_changes)
                again = store.ingest(feed.id, parse_feed(body, "", headers).entries, NOW)
                if (again.new, again.updated) != (0, 0) or (
                    store.count("articles"),
                    store.conn.total_changes,
                ) != counts:
                    failures.append(f"{rel}: re-ingest changed rows ({again})")
            except Exception as exc:  # collect them all, then fail once with the list
                failures.append(f"{rel}: {type(exc).__name__}: {exc}")
        assert not failures, "\n".join(failures[:30])

        rows = store.conn.execute("SELECT title, text, url, author FROM articles").fetchall()
        assert len(rows) > 400
        for title, text, url, author in rows:
            assert not BAD.search(title + text + author), (title, url)
            assert url == "" or url.split(":", 1)[0].lower() in ("http", "https", "mailto"), url
        far = date(2100, 1, 1)
        b = build_briefing(store, NOW, day=far, since=date(1900, 1, 1), limit=100_000)
        assert len(b.stories) > 300
        markdown = render_markdown(b)
        data = json.loads(briefing_json(b))
        assert not BAD.search(markdown)
        assert not [s for s in strings(data) if BAD.search(s)]
        assert "javascript:" not in markdown.lower() and "file:" not in markdown.lower()
        console = io.StringIO()
        render_today(b, console, width=120, color=True)
        assert not BAD.search(ESCAPES.sub("", console.getvalue()))  # only Rich's own colour codes
        calendar = render_ics(b)
        assert not BAD.search(calendar.replace("\r\n", "\n")) and "javascript:" not in calendar.lower()
        asyncio.run(_through_the_app(b))  # the TUI widgets, on every story


# The renderer's own SGR colour codes are the only escape sequences a colour terminal may receive.
ESCAPES = re.compile(r"\x1b\[[0-9;]*m")


SELECTED = 60


async def _through_the_app(b: Briefing) -> None:
    """The corpus briefing in the Textual app: every headline is drawn in the stories list, the first
    SELECTED stories are selected in turn (their story, actors and agenda panes drawn; each key press
    redraws three panes, so all 300+ would take minutes), and no cell of the screen holds a control."""
    from briefing.tui.app import BriefingApp

    app = BriefingApp(lambda: b)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        for _ in range(min(SELECTED, len(b.stories))):
            await pilot.press("j")
        await pilot.pause()
        strips = app.screen._compositor.render_strips()
        text = "".join(seg.text for strip in strips for seg in strip)
        assert not BAD.search(text)
        assert app.is_running


def _fast_taken(body: bytes, headers: dict[str, str]) -> bool:
    from briefing.feeds.charset import to_utf8
    from briefing.feeds.fastparse import fast_parse
    from briefing.feeds.parse import _defuse_entities

    utf8, _ = to_utf8(body, headers)
    return fast_parse(_defuse_entities(utf8)) is not None


def test_the_lxml_fast_path_agrees_with_feedparser_on_every_file_it_takes() -> None:
    root = need_shared("corpora", "feedparser-tests")
    taken, differ = 0, []
    for path in sorted(root.rglob("*.xml")):
        body = path.read_bytes()
        headers = declared_headers(body)
        if not _fast_taken(body, headers):
            continue
        taken += 1
        url = "https://feeds.example/dir/feed.xml"
        if parse_feed(body, url, headers, fast=True) != parse_feed(body, url, headers, fast=False):
            differ.append(str(path.relative_to(root)))
    assert taken > 500  # plain RSS 2.0 and Atom 1.0 files
    assert differ == []
