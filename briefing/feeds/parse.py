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

import feedparser

from briefing.models import ParsedEntry
from briefing.render.sanitize import clean_line, clean_text, safe_url

_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section",
    "article", "header", "footer", "figure", "figcaption", "table", "tr", "pre", "hr",
}
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    lang: str | None
    entries: tuple[ParsedEntry, ...]
    problem: str | None = None
    """Why the body was not a usable feed (bozo with no entries), else None."""


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: one paragraph per block element, separated by blank lines."""
    if "<" not in markup and "&" not in markup:
        return clean_text(markup).strip()
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
    text = clean_text("".join(parts))
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
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
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def _struct_date(entry: Mapping[str, Any]) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        st = entry.get(key)
        if st:
            try:
                return datetime(*st[:6], tzinfo=UTC)
            except (TypeError, ValueError):
                continue
    return None


def _entry_text(entry: Mapping[str, Any]) -> str:
    contents = entry.get("content") or []
    best = ""
    for c in contents:
        value = c.get("value") or ""
        if len(value) > len(best):
            best = value
    summary = entry.get("summary") or ""
    chosen = best if len(html_to_text(best)) >= len(html_to_text(summary)) else summary
    return html_to_text(chosen)


def _lang(code: str | None) -> str | None:
    if not code:
        return None
    return code.strip().lower().replace("_", "-").split("-")[0] or None


def parse_feed(body: bytes, url: str = "", headers: Mapping[str, str] | None = None) -> ParsedFeed:
    parsed = feedparser.parse(io.BytesIO(body), response_headers=dict(headers or {}))
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
