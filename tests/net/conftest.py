"""Fixtures for fetch tests against real local servers (127.0.0.1 only, bounded in requests and time)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefing.feeds.outcome import FeedOutcome
from briefing.feeds.sources import FeedSource
from briefing.pipeline import refresh
from briefing.store import Store
from tests.net.server import LocalServer

NOW = datetime(2024, 3, 16, 12, 0, tzinfo=UTC)


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as s:
        yield s


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "cache.sqlite3") as s:
        yield s


def fetch(store: Store, sources: Sequence[FeedSource | str], now: datetime = NOW) -> dict[str, FeedOutcome]:
    """Fetch (no analysis) and return the outcome per URL. Plain strings are list entries with the opt-in."""
    srcs = [FeedSource(s, allow_private=True) if isinstance(s, str) else s for s in sources]
    report = refresh(store, srcs, now, analyze=False)
    return {o.url: o for o in report.outcomes}
