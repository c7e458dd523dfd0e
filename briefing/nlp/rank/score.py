"""Provides `rank_sentences`: an extractive ranking of an article's sentences, and the `terms` it works on.

Page furniture that `prepare` could not cut (a dateline on a line of its own, "MOSCOW (Sputnik) —", a photo
credit, a caption ending in "(AFP)", "اقرأ أيضاً" lines: `furniture.is_furniture`) is never ranked as news: it
scores zero and ranks after every news sentence. Every news sentence gets a score, a weighted sum of features
scaled to [0, 1] within the article (`WEIGHTS`):

- the lead: position among the news sentences, (1 + i) ** -0.5, and as large a bonus again for the first of
  them. News is written in inverted pyramid: the first sentence is the story (27 of realnews-dev's 36
  articles have it among their key sentences; 70% of EASC's human summaries include it);
- event: the sentence holds an upcoming event found by the event extractor (`analyze` passes them): what is
  coming is the briefing's business, and it is what the lead most often leaves to a later paragraph. About
  as heavy as the lead, so the lead stays first and the announced meeting comes next, over the lead's
  elaboration in sentences 2 and 3;
- ahead: a strong future cue without a resolved date (`من المقرر أن`, the prefix سـ of "سيزور", `is
  scheduled to`), a light nudge in an untitled text, about a step down the lead in a titled one
  (`HEADLINED`); a sentence that points back to an event already told ("خلال زيارته") gets none;
- headline: overlap with the title, of what the sentence says outside quotes; weighed only when there is a
  title (`HEADLINED`): it lifts the sentence that opens a second item the headline names;
- centrality: LexRank-style degree, the sum of a sentence's TF-IDF cosine similarities to the others;
- length: fragments and run-ons past ~45 words score less;
- speech: the share of the sentence outside quotes (a quote supports the news, it is rarely the news);
- topic weight (Luhn's signature words), density of actors and numbers, new persons and organisations:
  computed, weighted zero (each lowered EASC and gained at most one key sentence on realnews-dev).

Ranks are then assigned greedily with maximal marginal relevance (MMR): a sentence's score is traded against
its redundancy with the sentences already chosen, which is their cosine similarity or, for a sentence that
mostly quotes the people of a chosen sentence or points back to its event ("خلال زيارته"), the share of
persons and organisations they have in common. That keeps the ministers' quotes that restate the lead below
the next piece of news. Terms are normalized (camel-tools' character tables, through a faster equivalent)
and lightly stemmed (Larkey's light10 for Arabic, a plural `s` for English). The features and redundancy
are computed in `features`, the terms in `terms`; their public names are importable from here too.
Tuning and results: bench/easc.py and docs/BENCHMARKS.md.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from briefing.models import Actor, Sentence, Span
from briefing.nlp.rank.features import (
    ACTOR_REDUNDANCY,
    FEATURES,
    LONG,
    LONG_SCALE,
    POSITION_DECAY,
    SHORT,
    features,
    keyed_mentions,
)
from briefing.nlp.rank.furniture import is_furniture
from briefing.nlp.rank.terms import fast_normalize, stem, terms

__all__ = [
    "ACTOR_REDUNDANCY",
    "FEATURES",
    "HEADLINED",
    "LONG",
    "LONG_SCALE",
    "MMR_LAMBDA",
    "POSITION_DECAY",
    "SHORT",
    "WEIGHTS",
    "fast_normalize",
    "features",
    "keyed_mentions",
    "mmr_order",
    "rank_sentences",
    "stem",
    "terms",
]

WEIGHTS = {
    "position": 0.8,
    "first": 0.8,
    "centrality": 0.10,
    "headline": 0.0,
    "topic": 0.0,
    "density": 0.0,
    "length": 0.15,
    "speech": 0.15,
    "novelty": 0.0,
    "ahead": 0.05,
    "event": 0.8,
}
"""centrality, length, speech and ahead were tuned on the even-numbered EASC topics (bench/easc.py), under
the constraint that the seed article's three key sentences stay in its top 4; position, first and event on
news (realnews-dev key sentences in the top 3, with EASC required to hold): any event weight from 0.5 to 1.0
gives the same ranking there, and the first-sentence bonus only needs to keep the lead above an event
sentence. Topic, density and novelty came out at zero on both (its annotators favoured the lead over new
actors); headline is zero here because EASC has no titles (see HEADLINED)."""
HEADLINED = {"headline": 0.3, "ahead": 0.25}
"""What changes in WEIGHTS when the article has a headline, as every news item from a feed has: the
headline says what the story is about, so a sentence that shares its terms weighs more (it is what picks
the second item of a two-item story, "... وفي سياق آخر", over the first item's details); and a news
article is about what happens next, so a strong future cue without a resolved date (a plan told with the
prefix سـ) weighs as much as a step down the lead. Set on realnews-dev (key sentences in the top 3; any
headline weight from 0.2 to 0.4 with ahead from 0.2 to 0.3 gives 58-60 of 74). An untitled text (EASC's
encyclopaedia articles) keeps WEIGHTS: there the future cue lowered ROUGE at any weight above 0.05, and
the first sentence is no headline."""
MMR_LAMBDA = 0.7
"""Share of a pick's value that is its score; the rest is the penalty for repeating earlier picks."""


def mmr_order(scores: Sequence[float], sim: Sequence[Sequence[float]], lam: float = MMR_LAMBDA) -> list[int]:
    """Sentence indices, best first: each pick trades its score against its similarity to earlier picks."""
    n = len(scores)
    gain = [lam * s for s in scores]
    redundancy = [0.0] * n
    remaining = list(range(n))
    order: list[int] = []
    keep = 1 - lam
    while remaining:
        best = max(remaining, key=lambda i: gain[i] - keep * redundancy[i])  # ties: the earlier sentence
        order.append(best)
        remaining.remove(best)
        row = sim[best]
        for i in remaining:
            if row[i] > redundancy[i]:
                redundancy[i] = row[i]
    return order


def rank_sentences(
    text: str,
    spans: Sequence[Span],
    title: str = "",
    mentions: Sequence[Span] = (),
    actors: Sequence[Actor] = (),
    upcoming: Collection[int] = (),
) -> list[Sentence]:
    """Every sentence with a score in [0, 1] and a rank (1 is the most important), in document order.
    `mentions` are the actor mentions (all kinds); `actors`, when given, tell persons and organisations apart
    and merge their aliases (otherwise both are guessed from the mentions)."""
    if not spans:
        return []
    if actors and not mentions:
        mentions = [m for a in actors for m in a.mentions]
    furniture = [is_furniture(text[a:b]) for a, b in spans]
    keyed = keyed_mentions(text, mentions, actors)
    feats, sim = features(text, spans, title, mentions, keyed, upcoming, furniture)
    # MMR weighs the raw weighted sums against redundancy (MMR_LAMBDA was tuned on that scale); the reported
    # score is scaled to [0, 1]. Furniture scores zero and ranks after every news sentence, in text order.
    weights = WEIGHTS | HEADLINED if title.strip() else WEIGHTS
    raw = [
        0.0 if junk else sum(weights[k] * f[k] for k in FEATURES)
        for f, junk in zip(feats, furniture, strict=True)
    ]
    total = sum(weights.values())
    news = [i for i, junk in enumerate(furniture) if not junk]
    if len(news) < len(spans):
        sim = [[sim[i][j] for j in news] for i in news]
    order = [news[k] for k in mmr_order([raw[i] for i in news], sim, MMR_LAMBDA)]
    order += [i for i, junk in enumerate(furniture) if junk]
    ranks = [0] * len(spans)
    for r, i in enumerate(order, 1):
        ranks[i] = r
    return [
        Sentence(index=i, start=a, end=b, text=text[a:b], score=round(raw[i] / total, 4), rank=ranks[i])
        for i, (a, b) in enumerate(spans)
    ]
