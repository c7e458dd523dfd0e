"""Provides `FeedOutcome`: what one feed of a fetch run came to, as the front ends report it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FeedOutcome:
    url: str
    title: str
    status: str
    """"ok", "not_modified", "gone", "error" or "skipped" (in backoff, or gone)."""
    new: int = 0
    updated: int = 0
    error: str | None = None
