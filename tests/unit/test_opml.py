"""OPML import/export and the feeds commands (RELIABILITY rows 8, 9): defusedxml, http(s) only, caps,
titles and categories kept, nothing executed."""

from __future__ import annotations

import io
import tracemalloc
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

import briefing.feeds.opml as opml_mod
from briefing.cli import main
from briefing.feeds.opml import MAX_OUTLINES, OpmlError, parse_opml, render_opml
from briefing.feeds.sources import FeedSource, read_feeds_file

GOOD = b"""<?xml version="1.0"?>
<opml version="2.0"><head><title>mine</title></head><body>
  <outline text="Arabic" title="Arabic">
    <outline type="rss" text="Al Jazeera" xmlUrl="https://www.aljazeera.net/aljazeerarss" language="ar"/>
    <outline text="Levant"><outline type="rss" title="Enab" xmlUrl="https://www.enabbaladi.net/feed"/></outline>
  </outline>
  <outline type="rss" text="Top" xmlUrl="http://feeds.example.com/top" category="/News/World"/>
  <outline type="rss" text="pipe" xmlUrl="|touch /tmp/PWNED_BY_OPML"/>
  <outline type="rss" text="filter" xmlUrl="filter:/bin/sh:https://x.example/" />
  <outline type="rss" text="exec" xmlUrl="exec:touch /tmp/PWNED_BY_OPML" />
  <outline type="rss" text="file" xmlUrl="file:///etc/passwd"/>
</body></opml>"""


def test_opml_keeps_titles_and_categories_and_only_http() -> None:
    result = parse_opml(GOOD)
    assert [(f.url, f.title, f.category, f.lang) for f in result.feeds] == [
        ("https://www.aljazeera.net/aljazeerarss", "Al Jazeera", "Arabic", "ar"),
        ("https://www.enabbaladi.net/feed", "Enab", "Arabic / Levant", None),
        ("http://feeds.example.com/top", "Top", "News / World", None),
    ]
    assert len(result.skipped) == 4 and all("not an http(s) feed URL" in s for s in result.skipped)


def test_opml_round_trip() -> None:
    feeds = parse_opml(GOOD).feeds
    again = parse_opml(render_opml(feeds).encode()).feeds
    assert [(f.url, f.title, f.category) for f in again] == [(f.url, f.title, f.category) for f in feeds]
    hostile = FeedSource('https://x.example/?a=1&b="2"<', 'Title "quoted" & <b>', category="a&b")
    [back] = parse_opml(render_opml([hostile]).encode()).feeds
    assert (back.url, back.title, back.category) == (hostile.url, hostile.title, hostile.category)


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<opml><body><outline xmlUrl="https://x.example/&b;"/></body></opml>',
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<opml><body><outline text="&x;" xmlUrl="https://x.example/"/></body></opml>',
        b"<html><body>not opml</body></html>",
        b"<opml><body><outline",
        b"",
    ],
)
def test_hostile_or_broken_opml_is_a_clean_error(data: bytes) -> None:
    with pytest.raises(OpmlError):
        parse_opml(data)


class _CountingBytes(io.BytesIO):
    """The document as the parser reads it, counting what it read."""

    taken = 0

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        _CountingBytes.taken += len(chunk)
        return chunk


def test_100k_outlines_are_refused_quickly_with_bounded_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Quickly" as work, not wall time (which depends on the machine's load): the parser stops reading soon
    after the MAX_OUTLINES-th outline, far before the end of a document ten times longer."""
    outline = b'<outline xmlUrl="https://x.example/f"/>'
    data = b"<opml><body>" + outline * (10 * MAX_OUTLINES) + b"</body></opml>"
    monkeypatch.setattr(opml_mod, "io", types.SimpleNamespace(BytesIO=_CountingBytes))
    _CountingBytes.taken = 0
    tracemalloc.start()
    try:
        with pytest.raises(OpmlError, match=str(MAX_OUTLINES)):
            parse_opml(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    limit_bytes = len(outline) * MAX_OUTLINES
    assert 0 < _CountingBytes.taken < limit_bytes + 256 * 1024, (
        _CountingBytes.taken
    )  # the cap + a read buffer
    assert _CountingBytes.taken < len(data) / 5
    assert peak < 100 * 1024 * 1024


def cli(tmp: Path, *args: str) -> object:
    return CliRunner().invoke(main, ["--db", str(tmp / "c.sqlite3"), *args], catch_exceptions=False)


def test_feeds_import_export_add_remove(tmp_path: Path, isolated_dirs: Path) -> None:
    opml = tmp_path / "in.opml"
    opml.write_bytes(
        GOOD.replace(b"</body>", b'<outline text="meta" xmlUrl="http://169.254.169.254/x"/></body>')
    )
    r = cli(tmp_path, "feeds", "import", str(opml))
    assert r.exit_code == 0, r.output  # type: ignore[attr-defined]
    assert not Path("/tmp/PWNED_BY_OPML").exists()
    feeds_file = isolated_dirs / "config" / "feeds.toml"
    mine = read_feeds_file(feeds_file)
    assert [f.url for f in mine] == [
        "https://www.aljazeera.net/aljazeerarss",
        "https://www.enabbaladi.net/feed",
        "http://feeds.example.com/top",
    ]
    assert not any(f.trusted for f in mine)
    assert "169.254.169.254" in r.stderr and "refused" in r.stderr  # type: ignore[attr-defined]
    r = cli(tmp_path, "feeds", "export")
    assert r.exit_code == 0 and "Enab" in r.stdout and 'text="Arabic"' in r.stdout  # type: ignore[attr-defined]
    local = tmp_path / "local.xml"
    local.write_text("<rss/>")
    assert cli(tmp_path, "feeds", "add", str(local)).exit_code == 0  # type: ignore[attr-defined]
    assert read_feeds_file(feeds_file)[-1].trusted  # typed by hand: the per-feed opt-in is written
    assert cli(tmp_path, "feeds", "remove", "http://feeds.example.com/top").exit_code == 0  # type: ignore[attr-defined]
    r = cli(tmp_path, "feeds", "list")
    assert r.exit_code == 0 and "feeds.example.com" not in r.stdout  # type: ignore[attr-defined]
    assert "category=Arabic / Levant" in r.stdout  # type: ignore[attr-defined]
    bad = tmp_path / "bomb.opml"
    bad.write_bytes(b'<!DOCTYPE opml [<!ENTITY a "x">]><opml/>')
    r = cli(tmp_path, "feeds", "import", str(bad))
    assert r.exit_code == 2 and "not a usable OPML" in r.stderr  # type: ignore[attr-defined]
