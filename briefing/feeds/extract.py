"""Provides full-text extraction for teaser-only entries: which entries need it, and the page -> text step.

Pages are fetched by the caller with the same client, caps, deadline and target checks as feeds; this module
turns the bytes into plain text with trafilatura (imported lazily: it costs about half a second). The output
is plain text without links, the strictest form of "links limited to http(s)/mailto", sanitized like any
feed text. `extract_page` is module-level and pure so that a process pool can run it.
"""

from __future__ import annotations

from collections.abc import Mapping

from briefing.feeds.charset import decode
from briefing.safetext import clean_text

SHORT_TEXT = 300
"""An entry with less text than this (characters) is a teaser: its page is extracted when allowed."""
MAX_PAGE_BYTES = 5 * 1024 * 1024
"""Largest article page accepted, after decompression."""


def wants_page(text: str, url: str, mode: bool | None) -> bool:
    """Whether an entry's page should be extracted: `mode` True always, False never, None for teasers."""
    if not url.startswith(("http://", "https://")) or mode is False:
        return False
    return mode is True or len(text) < SHORT_TEXT


def extract_page(body: bytes, headers: Mapping[str, str], url: str) -> str:
    """The main text of an article page as sanitized paragraphs ("" when nothing usable was found)."""
    import trafilatura  # noqa: PLC0415 (heavy; only fetches with teaser feeds pay for it)

    html = decode(body, headers)
    text = trafilatura.extract(
        html,
        url=url,
        output_format="txt",
        include_links=False,
        include_images=False,
        include_tables=False,
        include_comments=False,
        favor_precision=True,
        deduplicate=True,
    )
    if not text:
        return ""
    paragraphs = (" ".join(p.split()) for p in clean_text(text).split("\n"))
    return "\n\n".join(p for p in paragraphs if p)


def better_text(teaser: str, page_text: str) -> str:
    """The extracted text when it adds to the teaser, else the teaser (extraction may find only furniture)."""
    return page_text if len(page_text) > max(len(teaser), 80) else teaser
