"""Provides `Rarity`: how many articles of the days around a given day carry each key (document frequency
per calendar day), and from it each key's weight (IDF over the window) and whether it is too frequent to
link two articles (a country, a league, "the Kingdom")."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable

WINDOW_BEFORE = 2
"""A key's rarity on day d is counted over days d-2 .. d+1 (the articles a story of day d is built from)."""
WINDOW_AFTER = 1
FREQUENT_SHARE = 0.01
"""A key carried by more than this share of the window's articles (and by more than `FREQUENT_MIN`) is
frequent: it weighs what its IDF says but never links two articles or finds candidates on its own."""
FREQUENT_MIN = 12


class Rarity:
    """Document frequencies per calendar day (UTC days since the epoch, as in the `@day` key)."""

    def __init__(self) -> None:
        self._df: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self._n: dict[int, int] = defaultdict(int)
        self._cache: dict[int, tuple[int, dict[str, int], dict[str, float]]] = {}

    def count(self, day: float, keys: Iterable[str]) -> None:
        bucket = math.floor(day)
        counts = self._df[bucket]
        for key in keys:
            if key[0] != "@":
                counts[key] += 1
        self._n[bucket] += 1
        self._cache.clear()

    def _window(self, day: float) -> tuple[int, dict[str, int], dict[str, float]]:
        bucket = math.floor(day)
        cached = self._cache.get(bucket)
        if cached is None:
            days = range(bucket - WINDOW_BEFORE, bucket + WINDOW_AFTER + 1)
            merged: dict[str, int] = defaultdict(int)
            for d in days:
                for key, n in self._df.get(d, {}).items():
                    merged[key] += n
            cached = self._cache[bucket] = (max(1, sum(self._n.get(d, 0) for d in days)), merged, {})
        return cached

    def weight(self, day: float, key: str) -> float:
        """log(1 + N / df) over the window of `day` (a key never counted weighs as if seen once)."""
        return self.weigher(day)(key)

    def weigher(self, day: float) -> Callable[[str], float]:
        """`weight` for the window of `day`, as a function of the key alone."""
        n, df, idf = self._window(day)

        def weight(key: str) -> float:
            value = idf.get(key)
            if value is None:
                value = idf[key] = math.log(1 + n / max(1, df.get(key, 0)))
            return value

        return weight

    def frequent(self, day: float, key: str) -> bool:
        n, df, _ = self._window(day)
        count = df.get(key, 0)
        return count > FREQUENT_MIN and count > FREQUENT_SHARE * n

    def df(self, day: float, key: str) -> int:
        return self._window(day)[1].get(key, 0)
