"""Provides story clustering: which articles, from any outlet and in either language, report the same event.

Algorithm (incremental, never all pairs):

1. `features(analysis)` turns an article into weighted keys that survive translation: the actors it names by
   their cross-script key (a person or place has the same key in Arabic and English), with actors first
   named after the lead weighing less; the dates of the events it announces; the numbers of its lead; plus
   stemmed content terms of the title and lead, which only help within one language. The publication time
   rides along as a metadata key (`@day`), so callers need not pass it separately.
2. `assign(new, existing)` keeps an inverted index from the keys that can link two articles (persons,
   organisations, places, event dates, numbers) to the articles that have them, sorted by publication time.
   A new article is compared only with the articles within `WINDOW_DAYS` that share such a key with it, never
   with the whole cache, and joins the story of the most similar one when the similarity clears `THRESHOLD`;
   otherwise it starts a story. It is then indexed, so later articles of the same batch can join it.
3. The similarity is a cosine over the keys, each weighted by its kind and by how rare it is in the window
   (every article of a war names Gaza; few name Jeddah), then discounted by the gap between publication times
   and by conflicts: two articles that both name event places, or both announce dated events, but share
   none of them are reporting different events of the same story line (the envoy in New York, then in
   Damascus). A match also needs a shared person, organisation, place or event date, or a shared number and
   country: common words alone never make a story.

`assign` can also report why each article joined its story (the keys it shares with its closest match), at
the cost of one set intersection per joined article.
"""

from __future__ import annotations

import hashlib
import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass

from briefing.models import Analysis

WEIGHTS = {"person": 3.0, "org": 1.5, "place": 1.5, "country": 0.5, "date": 2.0, "num": 1.0, "term": 0.7}
LATE_ACTOR = 0.6
"""Weight factor for an actor first named after the lead sentence: the article is less about it."""
THRESHOLD = 0.22
ENTITY_SHARE = 0.7
"""Discount on the similarity computed without terms (see `_score`)."""
DECAY_DAYS = 2.0
"""Similarity is divided by 1 + (days between publications) / DECAY_DAYS."""
CONFLICT = 0.5
"""Similarity factor per conflict (both name places but share none; both date events but share none)."""
DAY = "@day"
"""Metadata key: publication time in days since the epoch (not a feature)."""
_NUM = re.compile(r"(?<![\d.,])(\d+[.,]\d+|\d{2,})(?![\d.,]?\d)")
_LEAD_SENTENCES = 2
_ENTITY = ("person", "org", "place", "date")
_INDEXED = frozenset((*_ENTITY, "num"))
WINDOW_DAYS = 3.0
"""Articles published further apart are never compared (the pipeline also passes only such a window)."""


@dataclass(frozen=True)
class Item:
    """An article as the clusterer sees it."""

    article_id: int
    features: Mapping[str, float]
    story_id: str | None = None


def _kind(key: str) -> str:
    return key.split(":", 1)[0]


def features(analysis: Analysis) -> dict[str, float]:
    """Weighted keys of an article (see the module docstring), plus its publication day under `DAY`."""
    from briefing.nlp.rank.score import terms  # noqa: PLC0415 (normalization loads camel-tools)

    out: dict[str, float] = {}
    sentences = analysis.sentences
    lead_end = sentences[min(len(sentences), _LEAD_SENTENCES) - 1].end if sentences else 0
    for actor in analysis.actors:
        key = actor.key or actor.name
        key = key if key.startswith(f"{actor.kind}:") else f"{actor.kind}:{key}"
        first = min((s for s, _ in actor.mentions), default=0)
        weight = WEIGHTS[actor.kind] * (1.0 if first < lead_end else LATE_ACTOR)
        out[key] = max(out.get(key, 0.0), weight)
    for event in analysis.events:
        if event.precision == "day":  # "in December" names a month, not an event
            out[f"date:{event.start.isoformat()}"] = WEIGHTS["date"]
    lead = " ".join(s.text for s in sentences[:_LEAD_SENTENCES])
    for num in _NUM.findall(f"{analysis.title} {lead}"):
        value = float(num.replace(",", "."))
        if not (1900 <= value <= 2100 and value.is_integer()):  # years say little about the event
            out[f"num:{value:g}"] = WEIGHTS["num"]
    for term in set(terms(f"{analysis.title} {lead}")):
        out.setdefault(f"term:{term}", WEIGHTS["term"])
    out[DAY] = analysis.published.timestamp() / 86400
    return out


def similarity(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine similarity of two weighted feature sets (metadata keys ignored)."""
    dot = sum(w * b[k] for k, w in a.items() if k in b and k[0] != "@")
    if not dot:
        return 0.0
    na = sum(w * w for k, w in a.items() if k[0] != "@")
    nb = sum(w * w for k, w in b.items() if k[0] != "@")
    return dot / math.sqrt(na * nb)


def shared_entities(a: Mapping[str, float], b: Mapping[str, float]) -> int:
    """How many persons, organisations, places and event dates two articles share."""
    return sum(1 for k in a if k in b and _kind(k) in _ENTITY)


def _linked(a: Mapping[str, float], b: Mapping[str, float]) -> bool:
    if shared_entities(a, b):
        return True
    kinds = {_kind(k) for k in a if k in b}
    return "num" in kinds and "country" in kinds


def _score(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine over all keys, or over the language-independent ones (discounted): an Arabic and an English
    report of one event share no terms, which would otherwise dilute what they do share."""
    entities = similarity(
        {k: w for k, w in a.items() if not k.startswith("term:")},
        {k: w for k, w in b.items() if not k.startswith("term:")},
    )
    return max(similarity(a, b), ENTITY_SHARE * entities)


def _conflicts(a: Mapping[str, float], b: Mapping[str, float]) -> int:
    n = 0
    for kind in ("place", "date"):
        ka = {k for k in a if _kind(k) == kind}
        kb = {k for k in b if _kind(k) == kind}
        if ka and kb and not ka & kb:
            n += 1
    return n


def new_story_id(article_id: int, seed: str) -> str:
    return "s" + hashlib.sha1(f"{article_id}:{seed}".encode()).hexdigest()[:10]


class _Window:
    """The items of one `assign` call: key frequencies, and an inverted index from entity keys (what can link
    two articles, see `_linked`) to the items that have them, each list sorted by publication time so that
    only the items within `WINDOW_DAYS` are ever looked at."""

    def __init__(self, items: list[Item]) -> None:
        self.days: dict[str, list[float]] = defaultdict(list)
        self.items: dict[str, list[Item]] = defaultdict(list)
        self.df: dict[str, int] = defaultdict(int)
        self.n = 0
        for item in items:
            self.count(item)
            self.add(item)

    def count(self, item: Item) -> None:
        self.n += 1
        for key in item.features:
            self.df[key] += 1

    def add(self, item: Item) -> None:
        day = item.features.get(DAY, 0.0)
        for key in item.features:
            if _kind(key) in _INDEXED:
                days = self.days[key]
                at = bisect_right(days, day)
                days.insert(at, day)
                self.items[key].insert(at, item)

    def candidates(self, item: Item) -> dict[int, Item]:
        day = item.features.get(DAY, 0.0)
        out: dict[int, Item] = {}
        for key in item.features:
            days = self.days.get(key)
            if days:
                lo, hi = bisect_left(days, day - WINDOW_DAYS), bisect_right(days, day + WINDOW_DAYS)
                for other in self.items[key][lo:hi]:
                    out[other.article_id] = other
        return out

    def weighted(self, feats: Mapping[str, float]) -> dict[str, float]:
        return {k: w * math.log(1 + self.n / self.df.get(k, 1)) for k, w in feats.items() if k[0] != "@"}


def assign(
    new: Iterable[Item],
    existing: Iterable[Item],
    threshold: float = THRESHOLD,
    why: MutableMapping[int, tuple[str, ...]] | None = None,
) -> dict[int, str]:
    """Story ids for the new items (in publication order), joining existing stories where similar enough.
    With `why`, each new item that joined a story gets the keys it shares with its closest match."""
    new = list(new)
    window = _Window(list(existing))
    for item in new:
        window.count(item)
    weighted: dict[int, dict[str, float]] = {}

    def vec(item: Item) -> dict[str, float]:
        if item.article_id not in weighted:
            weighted[item.article_id] = window.weighted(item.features)
        return weighted[item.article_id]

    out: dict[int, str] = {}
    for item in new:
        best: Item | None = None
        best_sim = threshold
        for other in window.candidates(item).values():
            if not _linked(item.features, other.features):
                continue
            sim = _score(vec(item), vec(other)) * CONFLICT ** _conflicts(item.features, other.features)
            gap = abs(item.features.get(DAY, 0.0) - other.features.get(DAY, 0.0))
            sim /= 1 + gap / DECAY_DAYS
            if sim >= best_sim:
                best, best_sim = other, sim
        story = None
        if best is not None:
            story = best.story_id or out.get(best.article_id)
            if why is not None:
                why[item.article_id] = explain(item.features, best.features)
        story = story or new_story_id(item.article_id, ",".join(sorted(item.features)[:3]))
        out[item.article_id] = story
        window.add(Item(item.article_id, item.features, story))
    return out


def explain(a: Mapping[str, float], b: Mapping[str, float], terms: int = 3) -> tuple[str, ...]:
    """The keys two articles share, entities first (heaviest first), then at most `terms` shared terms."""
    shared = [k for k in a if k in b and k[0] != "@"]
    entities = sorted((k for k in shared if _kind(k) != "term"), key=lambda k: (-a[k], k))
    words = sorted(k for k in shared if _kind(k) == "term")[:terms]
    return tuple(entities + words)
