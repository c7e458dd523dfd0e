"""Provides `FeedRecord`: what fetching one feed found, for the caller to write to the cache.

`collect.fetch_all` yields one per feed and writes nothing; the caller (`briefing.ingest`) turns each into
`Store` writes (articles and status, a failure, a 304) and a `FeedOutcome`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from briefing.models import ParsedEntry


@dataclass(frozen=True)
class FeedRecord:
    url: str
    """The feed's URL as the source list gives it."""
    feed_id: int
    title: str
    """The name to report: the stored title, else the feed's own (when parsed), the list's, or the URL."""
    status: str
    """"ok" (parsed: `entries`), "not_modified" (a 304), "gone" (410), "error" (network, HTTP or parse),
    "refused" (a target check or a local file in a list said no) or "skipped" (in backoff, or gone)."""
    entries: tuple[ParsedEntry, ...] = ()
    feed_title: str | None = None
    """The title the feed gives itself ("ok" only)."""
    etag: str | None = None
    last_modified: str | None = None
    new_url: str | None = None
    """The feed's new address, when every redirect hop was permanent."""
    retry: datetime | None = None
    """When to try again after a failure (backoff or Retry-After); None for no wait."""
    error: str | None = None
    local: bool = False
    """Read from a local file (written at once, in its own transaction)."""
