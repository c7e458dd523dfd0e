"""Provides OPML import and export of the feed list: defusedxml in, plain escaped XML out.

An OPML file comes from elsewhere (another reader, a web page), so it is parsed with defusedxml (no DTD, no
entities: a billion-laughs or XXE file is a clean error), within a size cap and an outline cap, streaming
so 100,000 outlines are refused without building them all. Only http(s) feed URLs are taken; anything else
(`|command`, `filter:`, `exec:`, `file:`, `javascript:`) is skipped and reported, never run. Titles and
categories (the enclosing folder outline, or a `category` attribute) are kept.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from xml.etree.ElementTree import Element, ParseError
from xml.sax.saxutils import quoteattr

from briefing.feeds.sources import FeedSource
from briefing.safetext import clean_line

MAX_BYTES = 5 * 1024 * 1024
MAX_OUTLINES = 10_000


class OpmlError(Exception):
    """An OPML file that cannot be used at all."""


@dataclass(frozen=True)
class OpmlImport:
    feeds: tuple[FeedSource, ...]
    skipped: tuple[str, ...]
    """One line per outline that was not taken, saying why."""


def _attr(el: Element, *names: str) -> str:
    lowered = {k.lower(): v for k, v in el.attrib.items()}
    for name in names:
        value = lowered.get(name.lower())
        if value:
            return clean_line(value)
    return ""


def parse_opml(data: bytes) -> OpmlImport:
    """The feeds of an OPML document (raises OpmlError for a file that is too big, hostile or not OPML)."""
    from defusedxml import DefusedXmlException  # noqa: PLC0415
    from defusedxml.ElementTree import iterparse  # noqa: PLC0415

    if len(data) > MAX_BYTES:
        raise OpmlError(f"the OPML file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    feeds: dict[str, FeedSource] = {}
    skipped: list[str] = []
    folders: list[str] = []
    outlines = 0
    root_seen = False
    try:
        for event, el in iterparse(io.BytesIO(data), events=("start", "end"), forbid_dtd=True):
            tag = el.tag.rsplit("}", 1)[-1].lower() if isinstance(el.tag, str) else ""
            if event == "start" and not root_seen:
                root_seen = True
                if tag != "opml":
                    raise OpmlError(f"not an OPML file (the root element is <{tag[:40]}>)")
            if tag != "outline":
                continue
            if event == "end":
                if not _attr(el, "xmlUrl") and folders:
                    folders.pop()
                el.clear()
                continue
            outlines += 1
            if outlines > MAX_OUTLINES:
                raise OpmlError(f"more than {MAX_OUTLINES} outlines: refusing to import")
            url = _attr(el, "xmlUrl")
            title = _attr(el, "title", "text")
            if not url:
                folders.append(title)  # a folder: its title is the category of what it holds
                continue
            if not url.lower().startswith(("http://", "https://")):
                skipped.append(f"{title or '(untitled)'}: not an http(s) feed URL: {url[:80]}")
                continue
            declared = _attr(el, "category").split(",")[0].split("/")
            category = " / ".join(p.strip() for p in declared if p.strip())
            category = category or " / ".join(f for f in folders if f)
            lang = _attr(el, "language", "lang")[:2].lower() or None
            feeds.setdefault(
                url, FeedSource(url, title, lang if lang in ("ar", "en") else None, None, category)
            )
    except (ParseError, DefusedXmlException) as exc:
        raise OpmlError(f"not a usable OPML file ({clean_line(str(exc))[:160]})") from None
    except ValueError as exc:  # defusedxml's EntitiesForbidden etc. subclass ValueError
        raise OpmlError(f"not a usable OPML file ({clean_line(str(exc))[:160]})") from None
    if not root_seen:
        raise OpmlError("not an OPML file (empty)")
    return OpmlImport(tuple(feeds.values()), tuple(skipped))


def render_opml(feeds: Iterable[FeedSource], title: str = "briefing feeds") -> str:
    """An OPML 2.0 document of the feeds, grouped in one folder outline per category."""
    by_category: dict[str, list[FeedSource]] = {}
    for f in feeds:
        by_category.setdefault(f.category, []).append(f)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        f"  <head><title>{_esc(title)}</title></head>",
        "  <body>",
    ]

    def outline(f: FeedSource, indent: str) -> str:
        name = _esc_attr(f.title or f.url)
        lang = f" language={quoteattr(f.lang)}" if f.lang else ""
        return f'{indent}<outline type="rss" text={name} title={name} xmlUrl={_esc_attr(f.url)}{lang}/>'

    for category, items in by_category.items():
        if category:
            lines.append(f"    <outline text={_esc_attr(category)} title={_esc_attr(category)}>")
            lines.extend(outline(f, "      ") for f in items)
            lines.append("    </outline>")
        else:
            lines.extend(outline(f, "    ") for f in items)
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _esc(text: str) -> str:
    return clean_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _esc_attr(text: str) -> str:
    return quoteattr(clean_line(text), {"\n": "&#10;", "\t": "&#9;"})
