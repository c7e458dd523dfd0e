"""Provides `parse_feed`: feed bytes in, sanitized `ParsedEntry` records out. Pure: no I/O, no clock.

feedparser always gets `io.BytesIO(body)`: given a `str` or `bytes` it treats the argument as a path or URL
and reads it. Publication dates are parsed from the raw strings so that the article keeps its own UTC
offset (feedparser's `*_parsed` fields are converted to UTC, and relative dates such as "tomorrow" must be
resolved in the outlet's local time).
"""

from __future__ import annotations

import email.utils
import hashlib
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

from briefing.feeds.charset import to_utf8
from briefing.feeds.fastparse import fast_parse
from briefing.feeds.simplehtml import simple_text
from briefing.models import ParsedEntry
from briefing.safetext import clean_line, clean_text, safe_url

_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "table",
    "tr",
    "pre",
    "hr",
}
_TAG = re.compile(r"<[^>]*>")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    lang: str | None
    entries: tuple[ParsedEntry, ...]
    problem: str | None = None
    """Why the body was not a usable feed (bozo with no entries), else None."""


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: one paragraph per block element, separated by blank lines."""
    # Sanitize first: lxml refuses some control characters outright, which would lose the whole item.
    markup = clean_text(markup)
    if "<" not in markup and "&" not in markup:
        return clean_text(markup).strip()
    simple = simple_text(markup)  # <p>, <br> and common entities only: the same text without a tree
    if simple is not None:  # without an entity it is the sanitized markup, split: nothing to clean again
        return _paragraphs(simple, clean="&" in markup)
    return _tree_text(markup)


def _tree_text(markup: str) -> str:
    """`html_to_text` through lxml's HTML parser, for any markup (`markup` is already sanitized)."""
    try:
        import lxml.html  # noqa: PLC0415 (only needed when there is markup)

        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except Exception:  # lxml rejects some fragments outright; fall back to dropping tags
        return clean_text(_TAG.sub(" ", markup)).strip()
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag.lower() in _BLOCK_TAGS:
            parts.append("\n\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag.lower() in _BLOCK_TAGS:
            parts.append("\n\n")

    walk(root)
    return _paragraphs("".join(parts))


def _paragraphs(text: str, *, clean: bool = True) -> str:
    """Sanitized text with blank lines between paragraphs and white space folded inside each one."""
    paragraphs = (" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(clean_text(text) if clean else text))
    return "\n\n".join(p for p in paragraphs if p)


def parse_date(raw: str | None) -> datetime | None:
    """An RFC 822 or ISO 8601 date with its own offset kept; naive dates are taken as UTC."""
    if not raw:
        return None
    raw = raw.strip()
    dt: datetime | None = None
    try:
        dt = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        try:
            dt = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError:
            return None
    if dt is None:
        return None
    return _plausible(dt if dt.tzinfo else dt.replace(tzinfo=UTC))


def _plausible(dt: datetime) -> datetime | None:
    """A publication date outside 1970-2100 is a broken feed, not news: treated as missing (the fetch time
    is used), because date arithmetic near year 9999 overflows in clustering and date resolution."""
    return dt if 1970 <= dt.year <= 2100 else None


def _struct_date(entry: Mapping[str, Any]) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        st = entry.get(key)
        if st:
            try:
                year, month, day, hour, minute, second = (int(x) for x in st[:6])
                found = _plausible(datetime(year, month, day, hour, minute, second, tzinfo=UTC))
                if found is not None:
                    return found
            except (TypeError, ValueError):
                continue
    return None


def _entry_text(entry: Mapping[str, Any]) -> str:
    """The fullest of the entry's contents and summary, as text (each converted once)."""
    candidates = [c.get("value") or "" for c in entry.get("content") or []]
    candidates.append(entry.get("summary") or "")
    best = ""
    for markup in dict.fromkeys(c for c in candidates if c):
        text = html_to_text(markup)
        if len(text) > len(best):
            best = text
    return best


def _lang(code: str | None) -> str | None:
    if not code:
        return None
    return code.strip().lower().replace("_", "-").split("-")[0] or None


_C1_AS_UTF8 = re.compile(rb"\xc2[\x80-\x9f]|&#(?:12[89]|1[3-5][0-9]|[xX]0*[89][0-9a-fA-F]);")
_KEPT_HEADERS = ("content-type", "content-language", "content-location")
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")
_ENTITY_DECL = re.compile(rb"""<!ENTITY(?:[^>"']|"[^"]*"|'[^']*')*>""")
_PLAIN_ENTITY = re.compile(rb"""<!ENTITY\s+\w+\s+"[^"&%<]{0,200}"\s*>""")


def _defuse_entities(body: bytes) -> bytes:
    """Drop the prolog's entity declarations that refer to other entities, files or URLs, so expat has nothing
    to amplify (a billion-laughs feed would otherwise expand about a million characters, through Python
    callbacks, before expat's amplification limit stops it) and nothing external to read."""
    m = _FIRST_ELEMENT.search(body)
    end = m.start() if m else len(body)
    head = body[:end]
    if b"<!ENTITY" not in head:
        return body
    head = _ENTITY_DECL.sub(lambda d: d.group(0) if _PLAIN_ENTITY.fullmatch(d.group(0)) else b"", head)
    return head + body[end:]


def _fast(body: bytes, url: str, kept: Mapping[str, str]) -> dict[str, Any] | None:
    """feedparser-shaped results from `fastparse` (plain RSS 2.0 / Atom 1.0), or None to use feedparser."""
    if not kept.get("content-type", "").endswith("charset=utf-8"):
        return None  # only text that is certainly UTF-8 now (feedparser repairs some legacy encodings)
    if _C1_AS_UTF8.search(body):
        return None  # C1 controls (as UTF-8 or &#146;): feedparser reads them as windows-1252 punctuation
    found = fast_parse(body)
    if found is None:
        return None
    feed, entries = found
    for e in entries:
        if e["published"] and parse_date(e["published"]) is None:
            return None  # feedparser reads more date formats
        if e["link"] and url.startswith(("http://", "https://")):
            e["link"] = urljoin(url, e["link"])
    return {"feed": feed, "entries": entries, "bozo": False}


def _prepare(body: bytes, url: str, headers: Mapping[str, str] | None) -> tuple[bytes, dict[str, str]]:
    kept = {k.lower(): v for k, v in (headers or {}).items() if k.lower() in _KEPT_HEADERS}
    body, kept = to_utf8(body, kept)
    body = _defuse_entities(body)
    if url.startswith(("http://", "https://")):
        kept.setdefault("content-location", url)
    return body, kept


def parse_feed_fast(
    body: bytes, url: str = "", headers: Mapping[str, str] | None = None
) -> ParsedFeed | None:
    """`parse_feed` when the lxml fast path takes the feed (plain RSS 2.0 / Atom 1.0), else None. About 3 ms
    for a 20-item feed: cheap enough to run where the bytes are, without a trip to a worker process."""
    body, kept = _prepare(body, url, headers)
    parsed = _fast(body, url, kept)
    return None if parsed is None else _records(parsed)


def parse_feed(
    body: bytes, url: str = "", headers: Mapping[str, str] | None = None, fast: bool = True
) -> ParsedFeed:
    """Parse a feed body. The body is first re-encoded as UTF-8 (`briefing.feeds.charset`), so a wrong or
    missing charset, a BOM or a windows-1256 feed all decode correctly. Plain RSS 2.0 and Atom 1.0 are read
    with lxml (`fastparse`), everything else by feedparser (`fast=False`: feedparser always). Module-level and
    pure, so a process pool can run it."""
    body, kept = _prepare(body, url, headers)
    parsed = _fast(body, url, kept) if fast else None
    if parsed is None:
        # Only text is kept from HTML content (html_to_text drops scripts and styles and emits no markup, no
        # attribute and no link), so feedparser's URI resolution and HTML sanitizing inside content would be
        # work thrown away: together they are more than half of its time. Entry links go through safe_url.
        import feedparser  # noqa: PLC0415 (80 ms with chardet: only runs that meet an unusual feed pay it)

        try:
            parsed = feedparser.parse(
                io.BytesIO(body), response_headers=kept, resolve_relative_uris=False, sanitize_html=False
            )
        except Exception as exc:  # noqa: BLE001 (feedparser raises on some malformed input; one feed's problem)
            return ParsedFeed("", None, (), problem=f"not a feed (the parser failed: {type(exc).__name__})")
    return _records(parsed)


def _records(parsed: Mapping[str, Any]) -> ParsedFeed:
    """Sanitized `ParsedEntry` records from feedparser's (or the fast path's) result."""
    feed = parsed.get("feed", {})
    entries: list[ParsedEntry] = []
    seen: set[str] = set()
    for entry in parsed.get("entries", []):
        title = clean_line(html_to_text(entry.get("title") or ""))
        text = _entry_text(entry)
        link = safe_url(entry.get("link"))
        raw_date = entry.get("published") or entry.get("updated") or entry.get("created")
        published = parse_date(raw_date) or _struct_date(entry)
        guid = clean_line(str(entry.get("id") or "")) or link
        if not guid:
            digest = hashlib.sha256(f"{title}\x00{raw_date}\x00{text[:200]}".encode()).hexdigest()[:24]
            guid = f"sha256:{digest}"
        if guid in seen or not (title or text):
            continue
        seen.add(guid)
        author = clean_line(entry.get("author") or "")
        tags = tuple(clean_line(t.get("term") or "") for t in entry.get("tags") or [] if t.get("term"))
        entries.append(ParsedEntry(guid, link, title, author, published, text, tags))
    problem = None
    if not entries and parsed.get("bozo"):
        problem = f"not a feed ({clean_line(str(parsed.get('bozo_exception', 'unparseable')))[:160]})"
    return ParsedFeed(
        title=clean_line(feed.get("title") or ""),
        lang=_lang(feed.get("language")),
        entries=tuple(entries),
        problem=problem,
    )
