"""Hostile feed text and the checks every output must pass (RELIABILITY.md rows 1-4, 7).

`hostile_feed()` is an RSS file written the way an attacker would: raw control bytes (which make it
ill-formed XML, so feedparser falls back to its loose parser, as it would in the wild), the same controls
as numeric character references, double-escaped inside HTML, Rich/Textual markup, bidi overrides inside
Arabic, script and event-handler markup, and `javascript:`/`file:` links in every place a feed can carry a
link. The texts also say something worth analyzing (a visit with a date, named people), so the hostile
strings reach stories, summaries, actors, the agenda and the ICS calendar, not only the article list.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from markdown_it import MarkdownIt

# --- what must never reach an output ------------------------------------------------------------------------

FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")
"""C0 except tab and newline, DEL, C1, bidi embeddings, overrides and isolates."""
FORBIDDEN_CRLF_OK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""The same for formats whose line ends are CRLF (RFC 5545)."""
SGR = re.compile("\x1b\\[[0-9;]*m")
"""The only escape sequence briefing itself writes (colours and styles), and only to a terminal."""
SAFE_LINK = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)

# --- the payloads -------------------------------------------------------------------------------------------

MARKUP_TITLE = "[bold]x[/] [link=file:///etc/passwd]y[/link]"
BROKEN_MARKUP = "[/] and [/ and [b"
RAW_ESCAPES = (
    "\x1b[2J\x1b[H"  # clear the screen, cursor home
    "\x1b]0;pwned-window-title\x07"  # OSC 0: window title
    "\x1b]8;;file:///etc/passwd\x1b\\click\x1b]8;;\x1b\\"  # OSC 8: hyperlink
    "\x1b]52;c;ZXZpbA==\x07"  # OSC 52: write the clipboard
    "\u009b31m\u009d0;c1-title\u009c"  # C1 CSI, OSC and ST (8-bit forms)
    "\x07\x08\x7f\x00"
)
ENTITY_ESCAPES = "&#27;[2J&#x1b;]0;entity-title&#7;&#x1B;]52;c;ZXZpbA==&#x07;&#155;1m&#x9d;8;;file:///x&#x9c;"
DOUBLE_ESCAPED = "&amp;#27;[2J&amp;#x1b;]52;c;ZXZpbA==&amp;#7;&amp;#155;7m"
BIDI_ARABIC = "\u202eوصل المبعوث\u202c إلى \u2066دمشق\u2069\u200f اليوم\u200f \u2067x\u2069\u202b\u202a\u202d"
"""Arabic with RLO/PDF/LRI/PDI/RLI/RLE/LRE/LRO around words, and RLMs that must stay."""
SCRIPTS = (
    '<script>alert(1)</script><img src="x" onerror="alert(2)">'
    '<a href="javascript:alert(3)">js</a> <a href="JaVaScRiPt:alert(4)">js2</a> '
    '<a href="file:///etc/passwd">local</a> <a href=" java&#x09;script:alert(5)">tab</a> '
    '<a href="data:text/html;base64,PHNjcmlwdD4=">data</a> <iframe src="javascript:alert(6)"></iframe>'
    '<svg onload="alert(7)"><a xlink:href="javascript:alert(8)">svg</a></svg>'
    '<style>body{background:url("javascript:alert(9)")}</style>'
)
BAD_LINKS = (
    "javascript:alert(document.cookie)",
    "JAVASCRIPT:alert(1)",
    " javascript:alert(1)",
    "file:///etc/passwd",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
)

ARABIC_TEXT = (
    "قال دبلوماسيون إن المبعوث الأممي غير بيدرسون سيصل إلى دمشق يوم الأحد 17 مارس/آذار 2024 في زيارة "
    "تستمر يومين، يلتقي خلالها وزير الخارجية فيصل المقداد."
)
ENGLISH_TEXT = (
    "U.N. envoy Geir Pedersen will arrive in Damascus on Sunday, March 17, 2024, for a two-day visit, "
    "diplomats said. He is expected to meet Foreign Minister Faisal Mekdad."
)
MARKERS = ("pwned", "entity-title", "c1-title", "ZXZpbA")
"""Words inside the escape sequences: they may survive as plain text, the sequences must not."""


def _item(i: int, title: str, description: str, *, link: str, author: str = "", extra: str = "") -> str:
    return (
        f'<item><title>{title}</title><link>{link}</link><guid isPermaLink="false">hostile-{i}</guid>'
        f"<pubDate>Sat, 16 Mar 2024 1{i % 10}:00:00 +0000</pubDate>"
        f"{f'<author>{author}</author>' if author else ''}"
        f"<description>{description}</description>{extra}</item>"
    )


def hostile_feed(n_items: int = 8) -> bytes:
    """An RSS document carrying every payload in titles, descriptions, authors, links and the feed title."""
    from html import escape  # noqa: PLC0415

    items = [
        _item(
            0,
            RAW_ESCAPES + " Envoy to visit Damascus " + RAW_ESCAPES,
            escape(RAW_ESCAPES + ENGLISH_TEXT + RAW_ESCAPES),
            link=BAD_LINKS[0],
            author="mallory@example.com (" + RAW_ESCAPES + "Mallory)",
        ),
        _item(
            1,
            ENTITY_ESCAPES + " Pedersen heads to Damascus",
            ENTITY_ESCAPES + escape(ENGLISH_TEXT),
            link=BAD_LINKS[1],
            author="&#27;]0;author-title&#7;",
        ),
        _item(
            2,
            escape(MARKUP_TITLE),
            escape(MARKUP_TITLE + " " + ENGLISH_TEXT),
            link=BAD_LINKS[3],
            author=escape("[b]Mallory[/b]"),
        ),
        _item(
            3,
            escape(BROKEN_MARKUP),
            escape(BROKEN_MARKUP + " " + ENGLISH_TEXT) + DOUBLE_ESCAPED,
            link=BAD_LINKS[2],
        ),
        _item(4, BIDI_ARABIC, escape(BIDI_ARABIC + " " + ARABIC_TEXT), link="https://news.example/ar-4"),
        _item(
            5,
            "&lt;script&gt;alert(1)&lt;/script&gt; onerror=alert(2)",
            escape(SCRIPTS + "<p>" + ENGLISH_TEXT + "</p>"),
            link=BAD_LINKS[4],
            extra='<enclosure url="javascript:alert(1)" type="audio/mpeg" length="1"/>',
        ),
        _item(
            6,
            "Plain visit headline",
            f"<![CDATA[{SCRIPTS}<p>{ENGLISH_TEXT}</p>{RAW_ESCAPES}]]>",
            link=BAD_LINKS[5],
            extra="<comments>javascript:alert(1)</comments>",
        ),
        _item(
            7,
            escape(ARABIC_TEXT[:40]) + DOUBLE_ESCAPED,
            escape(ARABIC_TEXT) + DOUBLE_ESCAPED,
            link="https://news.example/ar-7?x=\x1b[2J",
        ),
    ][:n_items]
    channel = (
        f"<title>Evil {RAW_ESCAPES} [red]feed[/red] {ENTITY_ESCAPES}</title>"
        "<link>javascript:alert(0)</link><language>en</language>"
    )
    doc = (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>{channel}{"".join(items)}'
        "</channel></rss>"
    )
    return doc.encode("utf-8")


def hostile_atom() -> bytes:
    """The same payloads in Atom, where titles and summaries may be declared HTML or XHTML."""
    from html import escape  # noqa: PLC0415

    def entry(i: int, title: str, summary: str, href: str) -> str:
        return (
            f'<entry><id>urn:hostile:{i}</id><title type="html">{escape(title)}</title>'
            f'<link rel="alternate" href="{escape(href)}"/><updated>2024-03-16T1{i}:00:00Z</updated>'
            f"<author><name>{escape(RAW_ESCAPES)}Eve</name><uri>javascript:alert(1)</uri></author>"
            f'<summary type="html">{escape(summary)}</summary></entry>'
        )

    entries = [
        entry(0, RAW_ESCAPES + MARKUP_TITLE, SCRIPTS + ENGLISH_TEXT, BAD_LINKS[0]),
        entry(1, BROKEN_MARKUP + ENTITY_ESCAPES, ENTITY_ESCAPES + ENGLISH_TEXT, BAD_LINKS[3]),
        entry(2, BIDI_ARABIC, BIDI_ARABIC + ARABIC_TEXT, "https://news.example/atom-2"),
    ]
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Atom {escape(RAW_ESCAPES)}</title><id>urn:hostile</id>"
        "<updated>2024-03-16T12:00:00Z</updated>"
        f"{''.join(entries)}</feed>"
    ).encode()


# --- the checks ---------------------------------------------------------------------------------------------


def assert_no_controls(text: str, *, where: str, sgr_ok: bool = False, crlf_ok: bool = False) -> None:
    """No ESC, C1, BEL or other forbidden character; with `sgr_ok`, briefing's own colour codes may stay
    (and nothing else that starts with ESC)."""
    if sgr_ok:
        text = SGR.sub("", text)
    found = (FORBIDDEN_CRLF_OK if crlf_ok else FORBIDDEN).findall(text)
    assert not found, f"{where}: forbidden characters {sorted(set(found))!r}"


def assert_no_bad_scheme(text: str, *, where: str) -> None:
    lowered = text.lower()
    for scheme in ("javascript:", "vbscript:", "data:text"):
        assert scheme not in lowered, f"{where}: {scheme} survived"


def markdown_links(md: str) -> list[str]:
    """Every link or image target and raw HTML fragment a CommonMark renderer would produce."""
    found: list[str] = []

    def walk(tokens: Any) -> Iterator[Any]:
        for t in tokens:
            yield t
            if t.children:
                yield from walk(t.children)

    for t in walk(MarkdownIt("commonmark").parse(md)):
        if t.type in ("link_open", "image"):
            found.append(str(t.attrGet("href") or t.attrGet("src") or ""))
        if t.type in ("html_inline", "html_block"):
            found.append("HTML:" + t.content)
    return found


def markdown_text(md: str) -> str:
    """The plain text a CommonMark renderer would show (escapes resolved, markup dropped)."""
    out: list[str] = []

    def walk(tokens: Any) -> None:
        for t in tokens:
            if t.type in ("text", "code_inline"):
                out.append(t.content)
            elif t.type in ("softbreak", "hardbreak"):
                out.append("\n")
            if t.children:
                walk(t.children)
            if t.type.endswith("_close") and t.block:
                out.append("\n")

    walk(MarkdownIt("commonmark").parse(md))
    return "".join(out)


def assert_markdown_safe(md: str, *, where: str = "markdown", text_may_quote_schemes: bool = False) -> None:
    """No control character and no link or raw HTML other than http(s)/mailto links. Unless the feed text
    itself says `javascript:` (which then stays visible as text), the word appears nowhere."""
    assert_no_controls(md, where=where)
    if not text_may_quote_schemes:
        assert_no_bad_scheme(md, where=where)
    for target in markdown_links(md):
        assert SAFE_LINK.match(target), f"{where}: unsafe link or HTML {target!r}"


def json_strings(value: Any, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from json_strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from json_strings(v, key)


def assert_json_safe(text: str, *, where: str = "json", text_may_quote_schemes: bool = False) -> Any:
    assert_no_controls(text, where=where)  # json.dumps escapes controls as \u001b: check the decoded strings
    data = json.loads(text)
    for key, value in json_strings(data):
        assert_no_controls(value, where=f"{where}.{key}")
        if key == "url":  # a link: empty or http(s)/mailto (`http://javascript:x/` is a host name, fine)
            assert not value or SAFE_LINK.match(value), f"{where}: unsafe url {value!r}"
        elif not text_may_quote_schemes:
            assert_no_bad_scheme(value, where=f"{where}.{key}")
    return data
