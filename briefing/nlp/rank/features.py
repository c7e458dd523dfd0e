"""Provides the features of sentence ranking (`features`): per sentence, position among the news sentences
(furniture does not count), centrality, headline overlap (of what the sentence says outside quotes: a quote
that echoes the headline supports the news), topic weight, density of actors and numbers, length, share
outside quotes, new persons and organisations, a strong future cue (not in a sentence that points back to
an event already told: "خلال زيارته" elaborates the visit's plan), and an upcoming event found by the event
extractor, each scaled to [0, 1] within the article; and the redundancy between
sentences that selection weighs them against, from shared terms and from shared persons and organisations
(`keyed_mentions`).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Collection, Sequence
from functools import cache
from itertools import chain

from briefing.models import Actor, Span
from briefing.nlp.rank.furniture import is_furniture
from briefing.nlp.rank.terms import WORD, fast_normalize, normalize_all, terms, word_terms
from briefing.nlp.text.lazy_re import lazy_compile

_DIGIT = lazy_compile(r"\d")
_SA_CANDIDATE = lazy_compile(r"(?<!\w)[وف]?س[يتن]\w\w")
"""A word that may be an imperfect verb with the future prefix سـ (normalized text)."""
_QUOTED = lazy_compile(r"«[^«»]*»|\"[^\"]*\"|“[^“”]*”")

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
    "event",
)
LONG, LONG_SCALE = 45, 25
"""Words past which a sentence loses length credit, and how fast (exp(-(words - LONG) / LONG_SCALE))."""
SHORT = 8
"""Words below which a sentence is a fragment (credit words / SHORT)."""
POSITION_DECAY = 0.5
"""position = (1 + index) ** -POSITION_DECAY."""
ACTOR_REDUNDANCY = 2.0
"""Redundancy of a restating sentence per share of persons and organisations in common (see `_redundancy`)."""


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
    upcoming: Collection[int] = (),
    furniture: Sequence[bool] | None = None,
) -> tuple[list[dict[str, float]], list[list[float]]]:
    """Each sentence's features (FEATURES, each in [0, 1]) and the redundancy between sentences: their cosine
    similarity, or, when higher, the share of the persons and organisations (`keyed`: mention, identity) they
    have in common. Two sentences about the same people repeat each other even in different words.
    `upcoming`: the indices of the sentences that tell of an upcoming event (found by the event extractor).
    `furniture`: per sentence, whether it is a dateline, credit, caption or boilerplate (`is_furniture`, by
    default); position counts news sentences only, so a dateline never takes the lead's place."""
    n = len(spans)
    if furniture is None:
        furniture = [is_furniture(text[a:b]) for a, b in spans]
    place: list[int] = []
    seen = 0
    for junk in furniture:
        place.append(seen)
        seen += not junk
    chunks = [text[a:b] for a, b in spans]
    normalized = normalize_all(chunks)
    tokens = [WORD.findall(c) for c in normalized]
    term_lists = [word_terms(w) for w in tokens]
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
    _future_prefix(normalized, ahead)
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
            "position": 0.0 if furniture[i] else (1 + place[i]) ** -POSITION_DECAY,
            "first": 1.0 if place[i] == 0 and not furniture[i] else 0.0,
            "centrality": centrality[i],
            "headline": headline[i] * speech[i],
            "topic": topic[i],
            "density": density[i],
            "length": length[i],
            "speech": speech[i],
            "novelty": novelty[i],
            "ahead": ahead[i] * (1.0 - followup[i]),
            "event": 1.0 if i in upcoming else 0.0,
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
    from briefing.nlp.text import cues  # noqa: PLC0415

    index: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
    english = [c for c in cues.EN_FUTURE_CUES if c not in ("would", "'ll")]
    for phrases, back in (
        (cues.AR_FUTURE_CUES, False),
        (english, False),
        (cues.AR_BACK_REFERENCE, True),
        (cues.EN_BACK_REFERENCE, True),
    ):
        for phrase in phrases:
            first, *rest = WORD.findall(phrase)
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


def _future_prefix(normalized: Sequence[str], ahead: list[float]) -> None:
    """Marks (in `ahead`) the Arabic sentences whose only strong future cue is the prefix سـ on an imperfect
    verb ("سيزور", "ستعقد"), the usual way to say that something will happen, as the event extractor's cue
    finder reads it (it knows the nouns that look the same: "سياسة", "سنوات"). Only sentences with a
    candidate word are handed to it, which keeps it off most text."""
    from briefing.nlp.events.tense import find_cues  # noqa: PLC0415
    from briefing.nlp.timex.types import Normalized  # noqa: PLC0415

    for i, chunk in enumerate(normalized):
        if ahead[i] or not _SA_CANDIDATE.search(chunk):
            continue
        if any(c.tense == "future" and c.strong for c in find_cues(Normalized(chunk, chunk, []), "ar")):
            ahead[i] = 1.0


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
        words = WORD.findall(fast_normalize(text[a:b]))
        if words:
            lasts.append(((a, b), words[-1]))
            if len(words) > 1:
                multi.add(words[-1])
    return [(m, k) for m, k in lasts if k in multi]
