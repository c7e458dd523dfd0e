"""Provides `count`, a number with its noun in the right number (`1 feed`, `3 feeds`), for every message."""

from __future__ import annotations


def count(n: int, word: str, plural: str | None = None) -> str:
    """`1 outlet`, `3 outlets`; `count(2, "story", "stories")`."""
    return f"{n} {word}" if n == 1 else f"{n} {plural or word + 's'}"
