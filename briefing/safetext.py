"""Provides the text safety shared by ingest and every renderer: `clean_text`, `clean_line`, `safe_url`, and
`is_arabic` (does a string hold Arabic letters, for direction and punctuation choices). A leaf: it imports
nothing of briefing, so the feed readers, the renderers, the view-model and the TUI all use the same rules.

Feed text must never drive the terminal: C0 controls (except tab and newline), DEL, C1 controls and the bidi
embedding/override/isolate controls are removed, and so is U+FEFF (a byte-order mark left inside the text,
invisible, and dropped by some exports: the iCalendar writer); the marks that Arabic text needs (LRM U+200E,
RLM U+200F, ALM U+061C) are kept. Carriage returns become newlines. Links survive only with an http(s) or
mailto scheme.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
"""The Arabic blocks (basic, supplement, extended-A, presentation forms A and B)."""


def clean_text(text: str) -> str:
    """Remove every character that could drive a terminal or reorder text deceptively. Idempotent."""
    if not text:
        return ""
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def clean_line(text: str) -> str:
    """`clean_text` for one-line fields (titles, names): all white space folded to single spaces."""
    return " ".join(clean_text(text).split())


def safe_url(url: str | None) -> str:
    """The URL if its scheme is http, https or mailto (and it has no controls or spaces), else "". An http(s)
    URL must also name a host and, if it has one, a numeric port: "http://javascript:alert(1)" is no link."""
    if not url:
        return ""
    url = clean_text(url).strip()
    if any(c.isspace() for c in url):
        return ""
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme != "mailto" and (not parts.hostname or parts.port == -1):  # .port raises on a bad port
            return ""
    except ValueError:  # also a port that is not a number in 0-65535
        return ""
    return url if scheme in _SAFE_SCHEMES else ""


def is_arabic(text: str) -> bool:
    """Whether `text` holds at least one character of the Arabic blocks."""
    return bool(_ARABIC_LETTER.search(text))
