"""Provides `rank_sentences`: an extractive ranking of an article's sentences.

Each sentence is scored from its position (news puts the essentials first), its centrality (LexRank-style:
the sum of its TF-IDF cosine similarities to the other sentences), its overlap with the title, its density
of named actors and numbers, and its length; ranks are then assigned greedily with maximal marginal
relevance, so that two sentences saying the same thing do not both rise to the top.
Terms are normalized (camel-tools) and lightly stemmed (Arabic clitics and plural suffixes).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from briefing.models import Sentence, Span
from briefing.nlp import stopwords
from briefing.nlp.arabic import normalize

_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d")
_QUOTED = re.compile(r"«[^«»]*»|\"[^\"]*\"|“[^“”]*”")
_AR_PREFIXES = ("وبال", "وال", "بال", "كال", "فال", "لل", "ال", "و", "ب", "ل", "ف")
_AR_SUFFIXES = ("يين", "ات", "ون", "ين", "ها", "هم", "ية", "ه", "ي")

WEIGHTS = {"position": 0.30, "centrality": 0.30, "title": 0.15, "density": 0.15, "length": 0.10}
MMR_LAMBDA = 0.75


def stem(word: str) -> str:
    """A light stem: Arabic article/conjunction/preposition prefixes and common suffixes off, English plural s."""
    if word.isascii():
        return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word
    for p in _AR_PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3:
            word = word[len(p) :]
            break
    for s in _AR_SUFFIXES:
        if word.endswith(s) and len(word) - len(s) >= 3:
            return word[: -len(s)]
    return word


def terms(text: str) -> list[str]:
    """Content terms of a text: normalized, stemmed, function words and one-letter tokens dropped."""
    out = []
    for w in _WORD.findall(normalize(text)):
        if len(w) < 2 or w in stopwords.AR or w in stopwords.EN or w.isdigit():
            continue
        out.append(stem(w))
    return out


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _scale(values: list[float]) -> list[float]:
    hi = max(values, default=0.0)
    return [v / hi if hi > 0 else 0.0 for v in values]


def rank_sentences(
    text: str, spans: Sequence[Span], title: str = "", mentions: Sequence[Span] = ()
) -> list[Sentence]:
    """Every sentence with a score in [0, 1] and a rank (1 is the most important), in document order."""
    n = len(spans)
    if n == 0:
        return []
    bags = [Counter(terms(text[a:b])) for a, b in spans]
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    idf = {t: math.log((n + 1) / (c + 0.5)) + 1.0 for t, c in df.items()}
    vectors = [{t: (1 + math.log(c)) * idf[t] for t, c in bag.items()} for bag in bags]
    sim = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            sim[i][j] = sim[j][i] = _cosine(vectors[i], vectors[j])
    centrality = _scale([sum(row) for row in sim])
    title_terms = set(terms(title))
    title_overlap = _scale([len(title_terms & bag.keys()) / (len(title_terms) or 1) for bag in bags])
    starts = sorted(m[0] for m in mentions)
    density: list[float] = []
    lengths: list[float] = []
    for (a, b), bag in zip(spans, bags, strict=True):
        words = max(1, len(text[a:b].split()))
        named = sum(1 for s in starts if a <= s < b)
        numbers = len(_NUMBER.findall(text[a:b])) > 0
        density.append(math.log1p(named + numbers) / math.log1p(words) if words > 1 else 0.0)
        # Very short sentences (captions, fragments) and run-on ones both make poor summaries, and so do
        # sentences that are mostly reported speech: the quote supports the news, it is rarely the news.
        quoted = sum(len(q) for q in _QUOTED.findall(text[a:b])) / max(1, b - a)
        lengths.append(min(1.0, words / 12) * (1.0 if words <= 70 else 70 / words) * (1.0 - 0.6 * quoted))
    density = _scale(density)
    position = [1.0 / math.sqrt(1 + i) for i in range(n)]
    scores = [
        WEIGHTS["position"] * position[i]
        + WEIGHTS["centrality"] * centrality[i]
        + WEIGHTS["title"] * title_overlap[i]
        + WEIGHTS["density"] * density[i]
        + WEIGHTS["length"] * lengths[i]
        for i in range(n)
    ]
    ranks = [0] * n
    chosen: list[int] = []
    remaining = set(range(n))
    while remaining:
        best = max(
            remaining,
            key=lambda i: MMR_LAMBDA * scores[i] - (1 - MMR_LAMBDA) * max((sim[i][j] for j in chosen), default=0.0),
        )
        chosen.append(best)
        remaining.discard(best)
        ranks[best] = len(chosen)
    return [
        Sentence(index=i, start=a, end=b, text=text[a:b], score=round(scores[i], 4), rank=ranks[i])
        for i, (a, b) in enumerate(spans)
    ]
