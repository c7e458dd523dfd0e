"""The ingest fuzz harness: bytes -> `parse_feed` -> `Store.ingest` (twice) -> analysis -> stories ->
`build_briefing` -> every renderer, with the RELIABILITY.md checks after each step.

Used three ways:

- `tests/fuzz/test_ingest_fuzz.py`: the seed corpus and a short Hypothesis run, inside `make test`;
- `bench/fuzz_ingest.py`: a longer run, under atheris (coverage-guided libFuzzer) when it is installed,
  else the same Hypothesis strategies in a time-bounded loop;
- by hand: `Harness().one_input(Path("crash-...").read_bytes())` replays a crash file.

Any exception out of `one_input` is a finding: a crash of the ingest path or a broken promise (an
AssertionError naming the output and the character).
"""

from __future__ import annotations

import io
import random
from collections.abc import Iterator
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from hypothesis import strategies as st
from icalendar import Calendar

from briefing.feeds.parse import parse_feed
from briefing.models import ParsedEntry
from briefing.pipeline import analyze_pending, cluster_new
from briefing.render.console import render_today
from briefing.render.ics import render_ics
from briefing.render.jsonout import briefing_json
from briefing.render.markdown import render_markdown
from briefing.store import Store
from briefing.viewmodel import build_briefing
from tests.security.hostile import (
    FORBIDDEN,
    FORBIDDEN_CRLF_OK,
    SAFE_LINK,
    assert_json_safe,
    assert_markdown_safe,
    assert_no_controls,
    hostile_atom,
    hostile_feed,
)
from tests.security.strategies import hostile_text, urls

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2024, 3, 16, 20, 0, tzinfo=UTC)
MAX_ENTRIES = 12
"""Entries kept per input: analysis is the slow step, and 24 or more would start a process pool."""


class KnownBug(Exception):
    """A crash already reported (each has a strict-xfail test in tests/security/test_poison.py): counted, not
    raised, unless the harness runs with `known_bugs_ok=False`. Remove its handling once it is fixed."""


class Harness:
    """One in-memory cache reused across inputs (a fresh one every `reset_every`), one feed per input."""

    def __init__(
        self, reset_every: int = 100, max_entries: int = MAX_ENTRIES, known_bugs_ok: bool = True
    ) -> None:
        self.reset_every = reset_every
        self.max_entries = max_entries
        self.known_bugs_ok = known_bugs_ok
        self.count = 0
        self.store: Store | None = None

    def _store(self) -> Store:
        if self.store is None or self.count % self.reset_every == 0:  # the count: inputs since the start
            if self.store is not None:
                self.store.close()
            self.store = Store.open(":memory:")
        return self.store

    def one_input(self, data: bytes, content_type: str = "application/xml") -> None:
        store = self._store()
        self.count += 1
        try:
            parsed = parse_feed(
                data, f"https://fuzz.example/{self.count}.xml", {"Content-Type": content_type}
            )
        except Exception as exc:
            if self.known_bugs_ok and raised_inside(exc, "/feedparser/"):
                raise KnownBug(f"feedparser.parse raised {type(exc).__name__} out of parse_feed") from exc
            if self.known_bugs_ok and "XML compatible" in str(exc):
                raise KnownBug(
                    "a control character beside <script>/<style> makes lxml raise in html_to_text"
                ) from exc
            raise
        assert_no_controls(parsed.title, where="feed title")
        assert_no_controls(parsed.problem or "", where="parse problem")
        entries = parsed.entries[: self.max_entries]
        for e in entries:
            check_entry(e)
        feed = store.feeds.ensure(f"https://fuzz.example/{self.count}.xml", parsed.title)
        assert feed.id is not None
        store.ingest(feed.id, entries, NOW)
        again = store.ingest(feed.id, entries, NOW)  # row 19: the same feed twice changes nothing
        assert again.new == 0 and again.updated == 0, again
        try:
            analyzed = analyze_pending(store)
            for a in store.articles(analyzed):
                check_analysis_offsets(a.analysis)
            cluster_new(store, analyzed)
        except OverflowError as exc:
            if not self.known_bugs_ok:
                raise
            store.close()
            self.store = None  # the article stays unanalyzed and would fail every later input too
            raise KnownBug(
                "a far-future publication date crashes analysis or clustering (OverflowError)"
            ) from exc
        check_outputs(build_briefing(store, NOW, limit=20))


def raised_inside(exc: BaseException, path_part: str) -> bool:
    """Whether the innermost frame of the exception's traceback is in a file whose path contains this."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and path_part in tb.tb_frame.f_code.co_filename


def check_entry(e: ParsedEntry) -> None:
    for name, value in (
        ("title", e.title),
        ("text", e.text),
        ("author", e.author),
        ("guid", e.guid),
        *(("category", c) for c in e.categories),
    ):
        assert_no_controls(value, where=f"entry {name}")
    assert e.url == "" or SAFE_LINK.match(e.url), e.url
    assert not FORBIDDEN.search(e.url) and not any(c.isspace() for c in e.url), e.url


def check_analysis_offsets(a: object) -> None:
    if a is None:
        return
    text: str = a.text  # type: ignore[attr-defined]
    for s in a.sentences:  # type: ignore[attr-defined]
        assert 0 <= s.start < s.end <= len(text) and text[s.start : s.end] == s.text
    for actor in a.actors:  # type: ignore[attr-defined]
        for start, end in actor.mentions:
            assert 0 <= start < end <= len(text)


def check_outputs(b: object) -> None:
    out = io.StringIO()
    render_today(b, out, width=100)  # type: ignore[arg-type]
    assert "\x1b" not in out.getvalue()
    assert_no_controls(out.getvalue(), where="today")
    # Feed text may legitimately *say* "javascript:" (shown as text); links are what must be safe.
    assert_markdown_safe(render_markdown(b), text_may_quote_schemes=True)  # type: ignore[arg-type]
    assert_json_safe(briefing_json(b), text_may_quote_schemes=True)  # type: ignore[arg-type]
    ics = render_ics(b)  # type: ignore[arg-type]
    assert not FORBIDDEN_CRLF_OK.search(ics)
    events = [c for c in Calendar.from_ical(ics).walk() if c.name == "VEVENT"]
    assert len(events) == len(b.upcoming)  # type: ignore[attr-defined]


# --- seeds --------------------------------------------------------------------------------------------------


def seeds(corpus_limit: int = 150) -> Iterator[tuple[str, bytes]]:
    """The sample feeds, the hostile feeds, and (when ../shared is there) a spread of feedparser's corpus."""
    yield "hostile.rss", hostile_feed()
    yield "hostile.atom", hostile_atom()
    for path in sorted((ROOT / "sample_feeds").glob("*.xml")) + sorted(
        (ROOT / "sample_feeds").glob("*.atom")
    ):
        yield path.name, path.read_bytes()
    corpus = ROOT.parent / "shared" / "corpora" / "feedparser-tests"
    if corpus.is_dir():
        files = sorted(p for p in corpus.rglob("*.xml") if p.is_file())
        step = max(1, len(files) // corpus_limit)
        for path in files[::step][:corpus_limit]:
            yield str(path.relative_to(corpus)), path.read_bytes()


# --- Hypothesis strategies: feed documents, and mutations of the seeds --------------------------------------

DATES = [
    "Sat, 16 Mar 2024 10:00:00 +0000",
    "2024-03-16T10:00:00Z",
    "2024-03-16",
    "Sun, 31 Dec 9999 23:59:59 +1400",
    "Mon, 01 Jan 0001 00:00:00 -1200",
    "yesterday",
    "",
    "16 مارس 2024",
    "2024-02-30T25:61:61+99:99",
]
ENCODINGS = ["utf-8", "utf-16", "windows-1256", "iso-8859-1", "utf-8-sig"]


@st.composite
def field(draw: st.DrawFn, text: st.SearchStrategy[str] = hostile_text) -> str:
    """A field's XML: escaped text, HTML escaped once more, a CDATA section, or raw (often ill-formed)."""
    value = draw(text)
    how = draw(st.sampled_from(["escaped", "html", "cdata", "raw"]))
    if how == "escaped":
        return escape(value)
    if how == "html":
        return escape(f'<p>{value}</p><a href="{draw(urls)}">x</a><script>{value}</script>')
    if how == "cdata":
        return f"<![CDATA[{value.replace(']]>', '')}]]>"
    return value


@st.composite
def feed_documents(draw: st.DrawFn) -> bytes:
    """An RSS or Atom document whose every field is hostile, in a declared (maybe wrong) encoding."""
    atom = draw(st.booleans())
    items = []
    for i in range(draw(st.integers(0, 6))):
        t, d, a, link = draw(field()), draw(field()), draw(field()), escape(draw(urls), quote=True)
        guid = draw(st.one_of(st.just(f"g{i}"), field(), st.just("")))
        date = escape(draw(st.one_of(st.sampled_from(DATES), hostile_text)))
        if atom:
            items.append(
                f'<entry><id>{guid}</id><title type="html">{t}</title><link href="{link}"/>'
                f"<updated>{date}</updated><author><name>{a}</name></author>"
                f'<summary type="html">{d}</summary></entry>'
            )
        else:
            items.append(
                f"<item><title>{t}</title><link>{link}</link><guid>{guid}</guid>"
                f"<pubDate>{date}</pubDate><author>{a}</author><description>{d}</description>"
                f"<category>{draw(field())}</category></item>"
            )
    title = draw(field())
    body = (
        f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>{"".join(items)}</feed>'
        if atom
        else f'<rss version="2.0"><channel><title>{title}</title>{"".join(items)}</channel></rss>'
    )
    encoding = draw(st.sampled_from(ENCODINGS))
    declared = draw(st.sampled_from([encoding, "utf-8", "windows-1256", "bogus", ""]))
    prolog = f'<?xml version="1.0" encoding="{declared}"?>' if declared else ""
    if draw(st.booleans()):
        prolog += draw(
            st.sampled_from(
                [
                    '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
                    '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
                    '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x">',
                ]
            )
        )
    return (prolog + body).encode(encoding, errors="replace")


@st.composite
def mutated_seeds(draw: st.DrawFn, pool: tuple[bytes, ...]) -> bytes:
    """A seed with a few byte-level edits: flips, inserted fragments, deletions, truncation."""
    data = bytearray(draw(st.sampled_from(pool)))
    for _ in range(draw(st.integers(1, 8))):
        if not data:
            break
        pos = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
        if op == "flip":
            data[pos] = draw(st.integers(0, 255))
        elif op == "insert":
            data[pos:pos] = draw(
                st.one_of(
                    st.binary(max_size=16),
                    hostile_text.map(lambda s: s.encode()),
                    st.sampled_from([b"&#27;", b"<![CDATA[", b"]]>", b"<", b"&", b"\x1b]8;;"]),
                )
            )
        elif op == "delete":
            del data[pos : pos + draw(st.integers(1, 64))]
        else:
            del data[pos:]
    return bytes(data)


def fuzz_inputs(pool: tuple[bytes, ...]) -> st.SearchStrategy[bytes]:
    return st.one_of(feed_documents(), mutated_seeds(pool), st.binary(max_size=512))


def random_pool(seed_items: list[tuple[str, bytes]], size: int, rng: random.Random) -> tuple[bytes, ...]:
    """Seeds small enough to mutate quickly (the largest sample feeds are a few hundred KB)."""
    small = [b for _, b in seed_items if len(b) < 64 * 1024] or [b for _, b in seed_items]
    rng.shuffle(small)
    return tuple(small[:size])
