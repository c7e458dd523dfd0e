"""Provides `Centre`: a story as the clusterer sees it, the mean of its members' weighted keys.

A new article is compared with a story's centre, not with its closest member: a key that one member of ten
names weighs a tenth in the centre, so a story cannot drift from event to event through a chain of members
that each resemble only the previous one. The centre's core keys (those a good share of the members carry)
are what a newcomer must share with the story.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Mapping

CORE_SHARE = 0.3
"""A key is in a story's core when at least this share of its members carry it."""


class Centre:
    """The running sum of a story's members' keys (each weighted by its kind, see `features`)."""

    def __init__(self, story_id: str) -> None:
        self.story_id = story_id
        self.n = 0
        self.newest = -math.inf
        self.sums: dict[str, float] = defaultdict(float)
        self.counts: dict[str, int] = defaultdict(int)
        self._norms: dict[int, tuple[float, float]] = {}

    def add(self, features: Mapping[str, float], day: float) -> None:
        self.n += 1
        self.newest = max(self.newest, day)
        for key, weight in features.items():
            if key[0] != "@":
                self.sums[key] += weight
                self.counts[key] += 1
        self._norms.clear()

    def core(self, key: str) -> bool:
        return self.counts.get(key, 0) >= max(1.0, CORE_SHARE * self.n)

    def norms(self, bucket: int, idf: Callable[[str], float]) -> tuple[float, float]:
        """Norms of the centre's IDF-weighted mean vector: over all keys, and over all but terms."""
        cached = self._norms.get(bucket)
        if cached is None:
            full = entity = 0.0
            for key, total in self.sums.items():
                w = total / self.n * idf(key)
                full += w * w
                if not key.startswith("term:"):
                    entity += w * w
            cached = self._norms[bucket] = (math.sqrt(full), math.sqrt(entity))
        return cached

    def mean(self, key: str) -> float:
        return self.sums.get(key, 0.0) / self.n if self.n else 0.0
