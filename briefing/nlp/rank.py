"""Provides `rank_sentences`: an extractive ranking of an article's sentences, and the `terms` it works on.

Each sentence gets a score, a weighted sum of features scaled to [0, 1] within the article (`WEIGHTS`):

- position, (1 + i) ** -0.5, and a bonus for the first sentence (70% of EASC's human summaries include it);
- centrality: LexRank-style degree, the sum of a sentence's TF-IDF cosine similarities to the others;
- length: fragments (captions, datelines) and run-ons past ~45 words score less;
- speech: the share of the sentence outside quotes (a quote supports the news, it is rarely the news);
- ahead: a strong future cue (`من المقرر أن`, `is scheduled to`): what is coming is the briefing's business;
- headline overlap, topic weight (Luhn's signature words), density of actors and numbers, new persons and
  organisations: computed, weighted zero for now (see `WEIGHTS`).

Ranks are then assigned greedily with maximal marginal relevance (MMR): a sentence's score is traded against
its redundancy with the sentences already chosen, which is their cosine similarity or, for a sentence that
mostly quotes the people of a chosen sentence or points back to its event ("خلال زيارته"), the share of
persons and organisations they have in common. That keeps the ministers' quotes that restate the lead below
the next piece of news. Terms are normalized (camel-tools' character tables, through a faster equivalent)
and lightly stemmed (Larkey's light10 for Arabic, a plural `s` for English). Tuning and results:
bench/easc.py and docs/BENCHMARKS.md.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import cache
from itertools import chain

from briefing.models import Actor, Sentence, Span
from briefing.nlp import stopwords
from briefing.nlp.arabic import normalize

_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_QUOTED = re.compile(r"«[^«»]*»|\"[^\"]*\"|“[^“”]*”")
# light10 (Larkey, Ballesteros & Connell 2002), on normalized text (ة is already ه, so "ية" reads "يه").
_AR_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
_AR_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")

FEATURES = (
    "position",
    "first",
    "centrality",
    "headline",
    "topic",
    "density",
    "length",
    "speech",
    "novelty",
    "ahead",
)
WEIGHTS = {
    "position": 1.0,
    "first": 0.15,
    "centrality": 0.10,
    "headline": 0.0,
    "topic": 0.0,
    "density": 0.0,
    "length": 0.15,
    "speech": 0.15,
    "novelty": 0.0,
    "ahead": 0.05,
}
"""Tuned on the even-numbered EASC topics (bench/easc.py), under the constraint that the seed article's three
key sentences stay in its top 4; headline, topic, density and novelty came out at zero on EASC (its articles
have no titles, and its annotators favoured the lead over new actors); they are kept for tuning on news."""
MMR_LAMBDA = 0.7
"""Share of a pick's value that is its score; the rest is the penalty for repeating earlier picks."""
LONG, LONG_SCALE = 45, 25
"""Words past which a sentence loses length credit, and how fast (exp(-(words - LONG) / LONG_SCALE))."""
SHORT = 8
"""Words below which a sentence is a fragment (credit words / SHORT)."""
POSITION_DECAY = 0.5
"""position = (1 + index) ** -POSITION_DECAY."""
ACTOR_REDUNDANCY = 2.0
"""Redundancy of a restating sentence per share of persons and organisations in common (see `_redundancy`)."""


def stem(word: str) -> str:
    """A light stem of a normalized word: light10 for Arabic, a plural `s` off for English. Unlike light10,
    the conjunction و comes off after the article, so that "وزير", "الوزير" and "والوزير" agree (as "زير":
    consistency is what matching needs)."""
    if word.isascii():
        return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word
    for p in _AR_ARTICLES:
        if word.startswith(p) and len(word) - len(p) > 1:
            word = word[len(p) :]
            break
    if len(word) > 3 and word[0] == "و":
        word = word[1:]
    for s in _AR_SUFFIXES:
        if len(word) - len(s) > 1 and word.endswith(s):
            word = word[: -len(s)]
    return word


@cache
def _normalizer() -> tuple[re.Pattern[str], tuple[tuple[str, str], ...]]:
    """`arabic.normalize` as one regex deletion plus a few `str.replace` calls, about 8x faster than its
    per-character `translate` (ranking normalizes every sentence). Derived by probing `normalize` itself over
    the Arabic block, where all of its changes lie, so the two cannot drift apart (a test checks)."""
    deleted: list[str] = []
    mapped: list[tuple[str, str]] = []
    for cp in range(0x0600, 0x0700):
        c = chr(cp)
        r = normalize(c)
        if r == "":
            deleted.append(c)
        elif r != c:
            mapped.append((c, r))
    return re.compile("[" + re.escape("".join(deleted)) + "]"), tuple(mapped)


def fast_normalize(text: str) -> str:
    """Exactly `briefing.nlp.arabic.normalize(text)`, faster."""
    deleted, mapped = _normalizer()
    text = deleted.sub("", text)
    for a, b in mapped:
        if a in text:
            text = text.replace(a, b)
    return text.casefold()


def _normalize_all(chunks: list[str]) -> list[str]:
    """`fast_normalize` of each chunk, in one pass over their concatenation (the per-call cost dominates for
    sentence-sized strings). NUL is neither changed by normalization nor a word character."""
    joined = "\0".join(chunks)
    if joined.count("\0") != len(chunks) - 1:
        return [fast_normalize(c) for c in chunks]
    return fast_normalize(joined).split("\0") if chunks else []


_TERMS: dict[str, str] = {}
"""word -> its term ("" for a function word): ranking looks up every word of every article, so cache it."""


def _term(word: str) -> str:
    if len(word) < 2 or word.isdigit() or word in stopwords.AR or word in stopwords.EN:
        return ""
    return stem(word)


def terms(text: str) -> list[str]:
    """Content terms of a text: normalized, stemmed, function words, numbers and one-letter tokens dropped."""
    return _terms(_WORD.findall(fast_normalize(text)))


def _terms(words: list[str]) -> list[str]:
    cache = _TERMS
    if len(cache) > 200_000:  # a bound for long sessions; the vocabulary of a day's news is far smaller
        cache.clear()
    out = []
    for w in words:
        t = cache.get(w)
        if t is None:
            t = cache[w] = _term(w)
        if t:
            out.append(t)
    return out


def _norm(v: dict[str, float]) -> dict[str, float]:
    n = math.sqrt(sum(x * x for x in v.values()))
    return {k: x / n for k, x in v.items()} if n else {}


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(k, 0.0) for k, x in a.items())


def _scale(values: list[float]) -> list[float]:
    hi = max(values, default=0.0)
    return [v / hi if hi > 0 else 0.0 for v in values]


def features(
    text: str,
    spans: Sequence[Span],
    title: str = "",
    mentions: Sequence[Span] = (),
    keyed: Sequence[tuple[Span, str]] = (),
) -> tuple[list[dict[str, float]], list[list[float]]]:
    """Each sentence's features (FEATURES, each in [0, 1]) and the redundancy between sentences: their cosine
    similarity, or, when higher, the share of the persons and organisations (`keyed`: mention, identity) they
    have in common. Two sentences about the same people repeat each other even in different words."""
    n = len(spans)
    chunks = [text[a:b] for a, b in spans]
    tokens = [_WORD.findall(c) for c in _normalize_all(chunks)]
    term_lists = [_terms(w) for w in tokens]
    bags = [Counter(ts) for ts in term_lists]
    tf = Counter(chain.from_iterable(term_lists))
    df = Counter(chain.from_iterable(bags))  # a Counter iterates over its keys: one count per sentence
    idf = {t: math.log((n + 1) / c) + 1.0 for t, c in df.items()}
    vectors = [_norm({t: (1 + math.log(c)) * idf[t] for t, c in bag.items()}) for bag in bags]
    # Similarities through an inverted index: only pairs that share a term are ever multiplied.
    sim = [[0.0] * n for _ in range(n)]
    postings: dict[str, list[tuple[int, float]]] = {}
    for i, vec in enumerate(vectors):
        for t, x in vec.items():
            postings.setdefault(t, []).append((i, x))
    for plist in postings.values():
        for k, (i, x) in enumerate(plist):
            row = sim[i]
            for j, y in plist[k + 1 :]:
                row[j] += x * y
    for i in range(n):
        for j in range(i + 1, n):
            sim[j][i] = sim[i][j]
    centrality = _scale([sum(row) for row in sim])
    head = (
        _norm({t: idf.get(t, 1.0) for t in set(terms(title))}) if title.strip() else (vectors[0] if n else {})
    )
    headline = _scale([_dot(head, v) for v in vectors])
    top = max(tf.values(), default=1)
    topic = _scale([sum(tf[t] / top for t in bag) / len(bag) if bag else 0.0 for bag in bags])
    starts = sorted(m[0] for m in mentions)
    people = _people(spans, keyed)
    novelty = _scale(_new_actors(people))
    ahead, followup = _cues(tokens)
    density: list[float] = []
    length: list[float] = []
    speech: list[float] = []
    for (a, b), chunk in zip(spans, chunks, strict=True):
        words = max(1, chunk.count(" ") + 1)
        named = bisect_left(starts, b) - bisect_left(starts, a)
        numbers = 1 if _DIGIT.search(chunk) else 0
        density.append(math.log1p(named + numbers) / math.log1p(words) if words > 1 else 0.0)
        # Sentences that are mostly reported speech make poor summaries: the quote supports the news, it is
        # rarely the news.
        speech.append(1.0 - sum(len(q) for q in _QUOTED.findall(chunk)) / max(1, b - a))
        # Fragments (captions, datelines) and run-ons make poor summary lines too. (EASC also rewards the
        # cut-off: its references truncate every chosen sentence at about 250 characters, ~45 words.)
        run_on = 1.0 if words <= LONG else math.exp((LONG - words) / LONG_SCALE)
        length.append(min(1.0, words / SHORT) * run_on)
    density = _scale(density)
    out = [
        {
            "position": (1 + i) ** -POSITION_DECAY,
            "first": 1.0 if i == 0 else 0.0,
            "centrality": centrality[i],
            "headline": headline[i],
            "topic": topic[i],
            "density": density[i],
            "length": length[i],
            "speech": speech[i],
            "novelty": novelty[i],
            "ahead": ahead[i],
        }
        for i in range(n)
    ]
    # A sentence half made of quotes is all restatement; one that points back to an event is too.
    restating = [max(f, min(1.0, 2.0 * (1.0 - sp))) for sp, f in zip(speech, followup, strict=True)]
    return out, _redundancy(sim, people, restating)


def _redundancy(sim: list[list[float]], people: list[list[str]], restating: list[float]) -> list[list[float]]:
    """Row i, column j: how much sentence j repeats sentence i once i is chosen. Beyond shared words, a
    sentence about the same people repeats it when it mostly quotes them (the quote supports the news, it is
    rarely new news) or when it points back to the same event ("خلال زيارته", "during the visit"):
    `restating` is that share, per sentence. Plain statements about the same people are not penalised: an
    encyclopaedia article, or a profile, names its subject in every sentence."""
    sets = [set(p) for p in people]
    out = [row[:] for row in sim]
    for i, a in enumerate(sets):
        if not a:
            continue
        for j, b in enumerate(sets):
            if i != j and b and (shared := len(a & b)):
                r = ACTOR_REDUNDANCY * restating[j] * shared / min(len(a), len(b))
                if r > out[i][j]:
                    out[i][j] = r
    return out


@cache
def _cue_index() -> dict[str, list[tuple[tuple[str, ...], bool]]]:
    """Strong future cues (ARABIC.md, "Upcoming events": what is coming is the briefing's business) and the
    phrases by which a follow-up sentence points back to an event already told, indexed by their first word:
    first word -> (the words after it, whether it points back). Looked up word by word, which is several
    times faster than a regex alternation of a hundred phrases."""
    from briefing.nlp import cues  # noqa: PLC0415

    index: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
    english = [c for c in cues.EN_FUTURE_CUES if c not in ("would", "'ll")]
    for phrases, back in (
        (cues.AR_FUTURE_CUES, False),
        (english, False),
        (cues.AR_BACK_REFERENCE, True),
        (cues.EN_BACK_REFERENCE, True),
    ):
        for phrase in phrases:
            first, *rest = _WORD.findall(phrase)
            index.setdefault(first, []).append((tuple(rest), back))
    return index


def _cues(sentences: Sequence[list[str]]) -> tuple[list[float], list[float]]:
    """Per sentence (as normalized words), 1.0 where it has a future cue, and where it points back to an
    event. A cue may carry the conjunction و or ف ("وينتظر ان")."""
    index = _cue_index()
    ahead = [0.0] * len(sentences)
    back = [0.0] * len(sentences)
    for i, words in enumerate(sentences):
        for k, word in enumerate(words):
            found = index.get(word)
            if found is None and len(word) > 2 and word[0] in "وف":
                found = index.get(word[1:])
            for rest, is_back in found or ():
                if tuple(words[k + 1 : k + 1 + len(rest)]) == rest:
                    (back if is_back else ahead)[i] = 1.0
    return ahead, back


def _people(spans: Sequence[Span], keyed: Sequence[tuple[Span, str]]) -> list[list[str]]:
    """The identities of the persons and organisations each sentence names, in order of mention."""
    out: list[list[str]] = [[] for _ in spans]
    ends = [b for _, b in spans]
    for (a, _b), key in sorted(keyed):
        i = bisect_right(ends, a)
        if i < len(spans) and spans[i][0] <= a:
            out[i].append(key)
    return out


def _new_actors(people: list[list[str]]) -> list[float]:
    """Per sentence, log(1 + the persons and organisations it names for the first time). A news sentence that
    brings in new people usually carries a new development; one that quotes the people of the lead again
    elaborates."""
    seen: set[str] = set()
    out: list[float] = []
    for keys in people:
        new = {k for k in keys if k not in seen}
        seen.update(new)
        out.append(math.log1p(len(new)))
    return out


def keyed_mentions(
    text: str, mentions: Sequence[Span], actors: Sequence[Actor] = ()
) -> list[tuple[Span, str]]:
    """Mentions of persons and organisations with an identity. From the actor records when given; otherwise
    guessed from bare mentions: a mention is known by its last normalized word ("غير بيدرسون", "بيدرسون"), and
    counts as a person or organisation when one of its mentions has two words or more (countries and cities,
    which every sentence of a story may name, are mostly one word)."""
    if actors:
        return [
            (m, f"{a.kind}:{a.key or a.name}")
            for a in actors
            if a.kind in ("person", "org")
            for m in a.mentions
        ]
    lasts: list[tuple[Span, str]] = []
    multi: set[str] = set()
    for a, b in mentions:
        words = _WORD.findall(fast_normalize(text[a:b]))
        if words:
            lasts.append(((a, b), words[-1]))
            if len(words) > 1:
                multi.add(words[-1])
    return [(m, k) for m, k in lasts if k in multi]


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
) -> list[Sentence]:
    """Every sentence with a score in [0, 1] and a rank (1 is the most important), in document order.
    `mentions` are the actor mentions (all kinds); `actors`, when given, tell persons and organisations apart
    and merge their aliases (otherwise both are guessed from the mentions)."""
    if not spans:
        return []
    if actors and not mentions:
        mentions = [m for a in actors for m in a.mentions]
    feats, sim = features(text, spans, title, mentions, keyed_mentions(text, mentions, actors))
    # MMR weighs the raw weighted sums against redundancy (MMR_LAMBDA was tuned on that scale); the reported
    # score is scaled to [0, 1].
    raw = [sum(WEIGHTS[k] * f[k] for k in FEATURES) for f in feats]
    total = sum(WEIGHTS.values())
    ranks = [0] * len(spans)
    for r, i in enumerate(mmr_order(raw, sim, MMR_LAMBDA), 1):
        ranks[i] = r
    return [
        Sentence(index=i, start=a, end=b, text=text[a:b], score=round(raw[i] / total, 4), rank=ranks[i])
        for i, (a, b) in enumerate(spans)
    ]
