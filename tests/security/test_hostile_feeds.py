"""Hostile feed text through the real path (RELIABILITY.md rows 1-4 and 7).

Two hostile feeds (RSS and Atom, `hostile.py`) are fetched with `briefing fetch --feed FILE` in a subprocess,
analyzed and stored; then every front end reads them back: `briefing today` (piped, and in a colour
terminal), `today --json`, `export --format markdown|json|ics` (stdout and `-o FILE`), and the Textual app
driven by Pilot. None may carry an ESC, C1, BEL or bidi override, a `javascript:`/`file:` link or a crash;
markup in titles is shown literally; Arabic keeps its RLMs and stays right-to-left.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from briefing.store import Store
from tests.security.conftest import NOW, run
from tests.security.hostile import (
    BROKEN_MARKUP,
    FORBIDDEN,
    MARKUP_TITLE,
    SAFE_LINK,
    SGR,
    assert_json_safe,
    assert_markdown_safe,
    assert_no_bad_scheme,
    assert_no_controls,
    hostile_atom,
    hostile_feed,
    markdown_text,
)

ARABIC_WORDS = "وصل المبعوث إلى دمشق"


def decoded(raw: bytes, where: str) -> str:
    """Output must be valid UTF-8 (a stray byte is a C1 control to some terminals)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:  # pragma: no cover - the assertion message is the point
        raise AssertionError(f"{where}: not UTF-8 ({exc})") from None


@pytest.fixture(scope="module")
def fed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A cache filled from the hostile feeds by the real command, shared by the read-only tests below."""
    home = tmp_path_factory.mktemp("hostile")
    rss, atom = home / "evil.xml", home / "evil.atom"
    rss.write_bytes(hostile_feed())
    atom.write_bytes(hostile_atom())
    db = home / "cache.sqlite3"
    r = run(["--db", str(db), "--now", NOW, "fetch", "--feed", str(rss), "--feed", str(atom)], home)
    err = decoded(r.stderr, "fetch stderr")
    assert r.returncode == 0, err
    assert "Traceback" not in err
    assert "2/2 feeds fetched" in err, err
    assert_no_controls(err, where="fetch stderr")
    return home, db


def briefing(fed: tuple[Path, Path], *args: str, **env: str) -> str:
    home, db = fed
    r = run(["--db", str(db), "--now", NOW, *args], home, **env)
    err = decoded(r.stderr, f"{args} stderr")
    assert r.returncode == 0, err
    assert "Traceback" not in err
    assert_no_controls(err, where=f"{args} stderr")
    return decoded(r.stdout, f"{args} stdout")


def test_what_is_stored_is_already_clean(fed: tuple[Path, Path]) -> None:
    """Row 1 at ingest: the cache never holds a control character or an unsafe link."""
    _, db = fed
    with Store.open(db) as store:
        articles = store.articles(range(1, 1000))
        feeds = store.feeds.all()
    assert len(articles) == 11
    for a in articles:
        for field in (a.title, a.text, a.author, a.feed_title, a.guid):
            assert_no_controls(field, where=f"article {a.id}")
        assert a.url == "" or SAFE_LINK.match(a.url), a.url
        assert_no_bad_scheme(a.url, where=f"article {a.id} url")
        assert a.analysis is not None  # analyzed like any other article
    for f in feeds:
        assert_no_controls(f.title, where="feed title")
    assert {a.title for a in articles} >= {MARKUP_TITLE, BROKEN_MARKUP}


def test_today_piped_is_plain_literal_text(fed: tuple[Path, Path]) -> None:
    out = briefing(fed, "today", "--width", "500", "--limit", "20")
    assert "\x1b" not in out and "\x07" not in out
    assert_no_controls(out, where="today")
    assert_no_bad_scheme(out, where="today")
    assert MARKUP_TITLE in out  # row 2: shown literally
    assert BROKEN_MARKUP in out  # row 3: no MarkupError
    assert "Upcoming" in out and "Pedersen" in out  # the hostile articles were analyzed and briefed


def test_today_in_a_colour_terminal_writes_only_its_own_colour_codes(fed: tuple[Path, Path]) -> None:
    """With colours forced, briefing's SGR codes are the only escape sequences: no OSC 8 hyperlink, no
    window title, no clipboard write, no screen clear from the feed."""
    out = briefing(fed, "today", "--width", "500", "--limit", "20", FORCE_COLOR="1", TERM="xterm-256color")
    assert SGR.search(out), "colours were expected: the terminal path was not exercised"
    assert "\x1b]" not in out
    assert_no_controls(out, where="today (colour)", sgr_ok=True)
    plain = SGR.sub("", out)
    assert MARKUP_TITLE in plain and BROKEN_MARKUP in plain


def test_arabic_loses_its_overrides_but_keeps_rlm_and_direction(fed: tuple[Path, Path]) -> None:
    """Row 4, in `today` and in the stored title."""
    out = briefing(fed, "today", "--width", "500", "--limit", "20")
    line = next(ln for ln in out.splitlines() if ARABIC_WORDS in ln)
    assert "\u200f" in line
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", out)
    _, db = fed
    with Store.open(db) as store:
        title = next(a.title for a in store.articles(range(1, 1000)) if ARABIC_WORDS in a.title)
    first_strong = next(c for c in title if unicodedata.bidirectional(c) in ("L", "R", "AL"))
    assert unicodedata.bidirectional(first_strong) in ("R", "AL"), title
    assert title.count("\u200f") == 2


def test_today_json(fed: tuple[Path, Path]) -> None:
    data = assert_json_safe(briefing(fed, "today", "--json", "--limit", "20"), where="today --json")
    titles = [a["title"] for s in data["stories"] for a in s["articles"]]
    assert MARKUP_TITLE in titles and BROKEN_MARKUP in titles


@pytest.mark.parametrize("to_file", [False, True], ids=["stdout", "file"])
def test_markdown_export(fed: tuple[Path, Path], tmp_path: Path, to_file: bool) -> None:
    md = export(fed, tmp_path, "markdown", to_file)
    assert_markdown_safe(md)
    shown = markdown_text(md)  # what a Markdown viewer shows: the markup characters, literally
    assert MARKUP_TITLE in shown and BROKEN_MARKUP in shown
    assert "<script" not in md.lower()


@pytest.mark.parametrize("to_file", [False, True], ids=["stdout", "file"])
def test_json_export(fed: tuple[Path, Path], tmp_path: Path, to_file: bool) -> None:
    data = assert_json_safe(export(fed, tmp_path, "json", to_file), where="export json")
    assert data["upcoming"], "the hostile feed's visit should reach the agenda"


@pytest.mark.parametrize("to_file", [False, True], ids=["stdout", "file"])
def test_ics_export(fed: tuple[Path, Path], tmp_path: Path, to_file: bool) -> None:
    text = export(fed, tmp_path, "ics", to_file)
    assert_no_controls(text, where="ics", crlf_ok=True)
    assert_no_bad_scheme(text, where="ics")
    cal = Calendar.from_ical(text)
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    assert events
    for ev in events:
        for key in ("SUMMARY", "DESCRIPTION", "LOCATION"):
            value = str(ev.get(key, ""))
            assert not FORBIDDEN.search(value), (key, value)
        for key in ("URL", "ATTACH", "ORGANIZER", "ATTENDEE"):
            assert key not in ev  # no property that a calendar would open as a link
        for line in str(ev.get("DESCRIPTION", "")).splitlines():
            last = line.rsplit(" ", 1)[-1]  # "- outlet: title URL": the source link ends the line
            if line.startswith("- ") and (":" in last and "/" in last or last.startswith("mailto:")):
                assert SAFE_LINK.match(last) or "[" in last or "]" in last, line


def export(fed: tuple[Path, Path], tmp_path: Path, fmt: str, to_file: bool) -> str:
    if not to_file:
        return briefing(fed, "export", "--format", fmt, "--date", "2024-03-16")
    target = tmp_path / f"out.{fmt}"
    assert briefing(fed, "export", "--format", fmt, "--date", "2024-03-16", "-o", str(target)) == ""
    return target.read_text(encoding="utf-8")


# --- the Textual app ----------------------------------------------------------------------------------------


def _cells(app: object) -> list[tuple[str, str | None]]:
    strips = app.screen._compositor.render_strips()  # type: ignore[attr-defined]
    return [(seg.text, seg.style.link if seg.style else None) for strip in strips for seg in strip]


def _app(source: str, db: Path, bidi: str):  # type: ignore[no-untyped-def]
    """The app as `briefing tui` builds it (`cache`: closures over Store from
    `cli.cache_access.tui_cache`), or fed a `Briefing` from the real view-model (`build`)."""
    from briefing.tui.app import BriefingApp  # noqa: PLC0415
    from briefing.viewmodel import build_briefing  # noqa: PLC0415

    now = datetime.fromisoformat(NOW)
    if source == "cache":
        from briefing.cli.cache_access import tui_cache  # noqa: PLC0415
        from briefing.cli.group import Ctx  # noqa: PLC0415
        from briefing.config import load  # noqa: PLC0415

        return BriefingApp(cache=tui_cache(Ctx(load(None, db=db), now)), bidi=bidi)  # type: ignore[arg-type]

    def build():  # type: ignore[no-untyped-def]
        with Store.open(db) as store:
            return build_briefing(store, now, limit=50)

    return BriefingApp(build, bidi=bidi)  # type: ignore[arg-type]


KEYS = [
    ["j"],
    ["enter"],
    ["j", "o"],
    ["tab"],
    ["j", "o"],
    ["enter"],
    ["escape"],
    ["tab", "j"],
    ["tab"],
    ["question_mark"],
    ["escape"],
    ["k", "o"],
    ["a"],
    ["a"],
    ["m"],
    ["slash", *"Damascus", "enter"],
    ["down", "enter"],
    ["escape"],
    ["escape"],
    ["f"],
    ["tab", "space", "tab", "space"],
    ["escape"],
    ["e"],
    ["escape"],
    ["ctrl+p", *"open"],
    ["escape"],
]
"""Every pane and screen: stories, story and article (full text), actors, agenda, help, search and its
results, filters (the feed list shows feed titles), export (cancelled), the command palette."""


@pytest.mark.parametrize("source,bidi", [("build", "terminal"), ("cache", "terminal"), ("cache", "app")])
async def test_tui_shows_hostile_feeds_without_escapes(
    fed: tuple[Path, Path], source: str, bidi: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Rows 1-4 and 7 in the app, reading the hostile cache the way `briefing tui` does, driven through
    every pane and screen: it keeps running, no cell holds a control character, any hyperlink is
    http(s)/mailto, and the browser is only ever asked to open http(s)."""
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url) or True)
    monkeypatch.chdir(tmp_path)  # an export, if one were written, lands here
    _, db = fed
    app = _app(source, db, bidi)
    seen: list[str] = []
    async with app.run_test(size=(200, 60)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for keys in KEYS:
            await pilot.press(*keys)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.is_running, keys
            cells = _cells(app)
            text = "".join(t for t, _ in cells)
            assert_no_controls(text.replace("\n", ""), where=f"TUI after {keys}")
            for _, link in cells:
                assert not link or SAFE_LINK.match(link), link
            seen.append(text)
        assert app.briefing is not None and app.briefing.stories
    everything = "\n".join(seen)
    assert "Pedersen" in everything
    if bidi == "terminal":
        assert MARKUP_TITLE in everything or "[link=file:///etc/passwd]y[/link]" in everything
    for url in opened:
        assert url.lower().startswith(("http://", "https://")), url
    assert not list(tmp_path.iterdir())  # the export was cancelled: nothing written
