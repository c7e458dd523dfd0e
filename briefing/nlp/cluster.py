"""Provides story clustering: which articles, from any outlet and in either language, report the same event.

Articles are compared on what survives translation: the actors they name (by their cross-script key), the
dates of the events they announce, the numbers they cite, plus content terms of the title and lead (which
help within one language). Clustering is incremental and never all-pairs: a new article is compared only
with articles of a time window that share at least one feature with it (an inverted index), and joins the
story of the most similar one if the similarity clears a threshold.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from briefing.models import Analysis

WEIGHTS = {"person": 3.0, "org": 1.5, "place": 1.5, "country": 0.4, "date": 2.0, "num": 1.0, "term": 0.7}
THRESHOLD = 0.22
_NUM = re.compile(r"\b\d{2,}(?:[.,]\d+)?\b")
_LEAD_SENTENCES = 3


@dataclass(frozen=True)
class Item:
    """An article as the clusterer sees it."""

    article_id: int
    features: Mapping[str, float]
    story_id: str | None = None


def features(analysis: Analysis) -> dict[str, float]:
    from briefing.nlp.rank import terms  # noqa: PLC0415 (normalization loads camel-tools)

    out: dict[str, float] = {}
    for actor in analysis.actors:
        out[f"{actor.kind}:{actor.key}"] = WEIGHTS[actor.kind]
    for event in analysis.events:
        out[f"date:{event.start.isoformat()}"] = WEIGHTS["date"]
    lead = " ".join(s.text for s in analysis.sentences[:_LEAD_SENTENCES])
    for num in _NUM.findall(lead):
        if not (1900 <= int(float(num.replace(",", "."))) <= 2100):  # years say little about the event
            out[f"num:{num}"] = WEIGHTS["num"]
    for term in set(terms(f"{analysis.title} {lead}")):
        out.setdefault(f"term:{term}", WEIGHTS["term"])
    return out


def similarity(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine similarity of the weighted feature sets."""
    if not a or not b:
        return 0.0
    shared = sum(w * b[k] for k, w in a.items() if k in b)
    return shared / math.sqrt(sum(w * w for w in a.values()) * sum(w * w for w in b.values()))


def shared_entities(a: Mapping[str, float], b: Mapping[str, float]) -> int:
    """How many persons, organisations and places two articles share (terms alone never make a story)."""
    return sum(1 for k in a if k in b and k.split(":", 1)[0] in ("person", "org", "place"))


def new_story_id(article_id: int, seed: str) -> str:
    return "s" + hashlib.sha1(f"{article_id}:{seed}".encode()).hexdigest()[:10]


def assign(new: Iterable[Item], existing: Iterable[Item], threshold: float = THRESHOLD) -> dict[int, str]:
    """Story ids for the new items, joining existing stories where similar enough (items in time order)."""
    index: dict[str, list[Item]] = defaultdict(list)
    for item in existing:
        for key in item.features:
            if not key.startswith("country:"):
                index[key].append(item)
    out: dict[int, str] = {}
    for item in new:
        candidates: dict[int, Item] = {}
        for key in item.features:
            for other in index.get(key, ()):
                candidates[other.article_id] = other
        best: Item | None = None
        best_sim = threshold
        for other in candidates.values():
            sim = similarity(item.features, other.features)
            if sim >= best_sim and shared_entities(item.features, other.features) >= 1:
                best, best_sim = other, sim
        story = best.story_id if best and best.story_id else None
        if best is not None and story is None:
            story = out.get(best.article_id)
        story = story or new_story_id(item.article_id, ",".join(sorted(item.features)[:3]))
        out[item.article_id] = story
        placed = Item(item.article_id, item.features, story)
        for key in item.features:
            if not key.startswith("country:"):
                index[key].append(placed)
    return out
