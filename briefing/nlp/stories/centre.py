"""Provides `Centre`: a story as the clusterer sees it, the mean of its members' weighted keys.

A new article is compared with a story's centre, not with its closest member: a key that one member of ten
names weighs a tenth in the centre, so a story cannot drift from event to event through a chain of members
that each resemble only the previous one. The centre's core keys (those a good share of the members carry)
are what a newcomer must share with the story.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Mapping

CORE_SHARE = 0.3
"""A key is in a story's core when at least this share of its members carry it."""
LANG = "@lang:"
"""Metadata key prefix: the article's language ("@lang:ar"), not a feature."""
_ARABIC = re.compile(r"[\u0600-\u06ff]")


def identity(key: str) -> bool:
    """Whether a key names the same thing in either language: not a term, and not an actor left in Arabic
    script (a name the gazetteer has no latin form for, which an English report can never carry)."""
    return not key.startswith("term:") and not _ARABIC.search(key)


class Centre:
    """The running sum of a story's members' keys (each weighted by its kind, see `features`)."""

    def __init__(self, story_id: str) -> None:
        self.story_id = story_id
        self.n = 0
        self.newest = -math.inf
        self.sums: dict[str, float] = defaultdict(float)
        self.counts: dict[str, int] = defaultdict(int)
        self.langs: set[str] = set()
        """The languages of its members."""
        self._squares: dict[int, tuple[Callable[[str], float], list[float]]] = {}
        """Per day window: its IDF and the squared norms of the IDF-weighted sums (all keys; all but terms;
        identity keys),
        kept up to date as members join."""
        self._core: frozenset[str] | None = None
        self._core_kinds: set[str] | None = None

    def add(self, features: Mapping[str, float], day: float) -> None:
        self.n += 1
        self.newest = max(self.newest, day)
        for key, weight in features.items():
            if key.startswith(LANG):
                self.langs.add(key[len(LANG) :])
            elif key[0] != "@":
                before = self.sums.get(key, 0.0)
                for idf, squares in self._squares.values():
                    grown = (2 * before * weight + weight * weight) * idf(key) ** 2
                    squares[0] += grown
                    if not key.startswith("term:"):
                        squares[1] += grown
                    if identity(key):
                        squares[2] += grown
                self.sums[key] = before + weight
                self.counts[key] += 1
        self._core = None
        self._core_kinds = None

    def core(self, key: str) -> bool:
        return self.counts.get(key, 0) >= max(1.0, CORE_SHARE * self.n)

    def core_keys(self) -> frozenset[str]:
        """The keys a good share of the members carry (see `CORE_SHARE`)."""
        if self._core is None:
            least = max(1.0, CORE_SHARE * self.n)
            self._core = frozenset(k for k, n in self.counts.items() if n >= least)
        return self._core

    def core_kinds(self) -> set[str]:
        """The kinds of the core's keys ("person", "place", ...)."""
        if self._core_kinds is None:
            self._core_kinds = {k[: k.find(":")] for k in self.core_keys()}
        return self._core_kinds

    def norms(self, bucket: int, idf: Callable[[str], float]) -> tuple[float, float, float]:
        """Norms of the centre's IDF-weighted mean vector for one day window (`idf` is that window's):
        over all keys, over all but terms, and over the `identity` keys."""
        cached = self._squares.get(bucket)
        if cached is None:
            full = entity = same = 0.0
            for key, total in self.sums.items():
                w = total * idf(key)
                full += w * w
                if not key.startswith("term:"):
                    entity += w * w
                if identity(key):
                    same += w * w
            cached = self._squares[bucket] = (idf, [full, entity, same])
        full, entity, same = (math.sqrt(max(0.0, x)) / self.n for x in cached[1])
        return full, entity, same

    def mean(self, key: str) -> float:
        return self.sums.get(key, 0.0) / self.n if self.n else 0.0
