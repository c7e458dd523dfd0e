"""Provides story clustering: which articles, from any outlet and in either language, report the same event.

Algorithm (incremental, never all pairs):

1. `features(analysis)` turns an article into weighted keys that survive translation: the actors it names by
   their cross-script key (a person or place has the same key in Arabic and English), with actors first
   named after the lead weighing less; the dates of the events it announces; the numbers of its lead; plus
   stemmed content terms of the title and lead, which only help within one language. The publication time
   rides along as a metadata key (`@day`), so callers need not pass it separately.
2. `assign(new, existing)` keeps one centre per story (`Centre`: the mean of its members' keys) and an
   inverted index from the keys that can link two articles (persons, organisations, places, event dates,
   numbers) to the stories that have them. A new article looks up only its `BLOCK_KEYS` rarest linking keys
   that some other article carries (a name no one else gives can find nothing), and for each only the
   `PER_KEY` stories that took it last, active within `WINDOW_DAYS`: its cost does not grow with the window,
   and a key that a good share of the window carries (a country, a league, "the Kingdom": see
   `Rarity.frequent`) finds no candidates at all. The article joins the story whose centre is most similar
   when the similarity clears `THRESHOLD`, otherwise it starts a story; later articles of the same batch can
   join it.
3. The similarity is a cosine between the article and the story's centre, each key weighted by its kind and
   by its rarity over the days around the article (IDF per day window: every article of a war names Gaza;
   few name Jeddah), then discounted by the time since the story's newest article and by conflicts: the
   article names event places (or dates events) and the story has core ones, but none of them match: a
   different event of the same story line (the envoy in New York, then in Damascus). A match also needs a
   person, organisation, place or event date that the story's core carries (a good share of its members, see
   `CORE_SHARE`) and that is not frequent in the window: common words, numbers and frequent names never make
   a story; when the article conflicts with the story it must share two such names. A name in the core of
   several stories of the window (`HUB_STORIES`: a busy governor, a minister, an authority, each the subject
   of several events a day) does not link alone either: the article needs a second shared name, or to be
   close to the centre without that name (`HUB_SIMILARITY`: the same words in the title and lead). Since
   the comparison is with the centre, a chain of members that each resemble only the previous one cannot
   carry a story from one event to the next. A report whose lead announces an event on another date than
   the story's leads do is about another event (two conflicts). When no member of the story is in the
   article's language, names and conflicts are measured on the `identity` keys alone: a name the analysis
   left in Arabic script can never be in an English report, so it neither dilutes the match nor conflicts.

`assign` can also report why each article joined its story (the keys it shares with the story's core).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass

from briefing.models import Analysis
from briefing.nlp.stories.centre import LANG, Centre, identity
from briefing.nlp.stories.rarity import Rarity
from briefing.nlp.stories.spelling import fold_spellings

WEIGHTS = {
    "person": 3.0,
    "org": 1.5,
    "place": 1.5,
    "country": 0.5,
    "date": 2.0,
    "num": 1.0,
    "term": 0.7,
    "lead": 0.0,
}
"""Per kind of key. A `lead` key (the date of an event the title or lead announces) weighs nothing: it is
there for `_conflicts` alone, the date it names already counts as a `date` key."""
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
"""A story whose newest article is further away is never a candidate (the pipeline passes such a window)."""
BLOCK_KEYS = 6
"""Candidates come from the article's rarest linking keys, at most this many of them..."""
PER_KEY = 24
"""... and from the stories that most recently took each key, at most this many per key."""
HUB_STORIES = 3
"""A name in the core of at least this many stories active around the article is a hub (a busy governor,
a minister, an authority: the subject of several events a day): alone it does not link an article to a
story; a second shared name does..."""
HUB_SIMILARITY = 0.15
"""... or the article being this close to the story's centre without that name (its title and lead tell the
same event)."""


@dataclass(frozen=True)
class Item:
    """An article as the clusterer sees it."""

    article_id: int
    features: Mapping[str, float]
    story_id: str | None = None


def _kind(key: str) -> str:
    return key[: key.find(":")]


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
            if event.sentence_index < _LEAD_SENTENCES:
                out[f"lead:{event.start.isoformat()}"] = WEIGHTS["lead"]
    lead = " ".join(s.text for s in sentences[:_LEAD_SENTENCES])
    for num in _NUM.findall(f"{analysis.title} {lead}"):
        value = float(num.replace(",", "."))
        if not (1900 <= value <= 2100 and value.is_integer()):  # years say little about the event
            out[f"num:{value:g}"] = WEIGHTS["num"]
    for term in set(terms(f"{analysis.title} {lead}")):
        out.setdefault(f"term:{term}", WEIGHTS["term"])
    out[DAY] = analysis.published.timestamp() / 86400
    out[LANG + analysis.lang] = 1.0
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


_CONFLICTING = (("place",), ("date",), ("lead",), ("person", "org"))


def _conflicts(groups: Sequence[list[str]], centre: Centre, foreign: bool = False) -> int:
    """For each of places, event dates, the dates of the events the leads announce and actors (persons and
    organisations): the article names some, the story's core has some, and the article shares none with the
    story: another event of the same story line (the envoy in New York, then in Damascus), another club's
    training camp in the same town, or a report leading with another event that mentions the story's
    further down (the minister's visit to Amman next Thursday, and the meeting in Cairo he will attend). A
    lead conflict counts twice (the report is about another event, however many names it shares with the
    story), with the conflict on all dates if there is one. With `foreign` (no member of the story is in the
    article's language), only `identity` keys count: a name left in Arabic script is no sign of another
    event, an English report could not have carried it."""
    found: list[str] = []
    core_kinds = centre.core_kinds()
    for kinds, keys in zip(_CONFLICTING, groups, strict=True):
        mine = [k for k in keys if identity(k)] if foreign else keys
        if mine and not any(k in centre.counts for k in mine) and any(k in core_kinds for k in kinds):
            found.append(kinds[0])
    n = len(found)
    if "lead" in found:  # the report is about another dated event: two conflicts, the dates' one included
        n += 1 - ("date" in found)
    return n


def new_story_id(article_id: int, seed: str) -> str:
    return "s" + hashlib.sha1(f"{article_id}:{seed}".encode()).hexdigest()[:10]


Vector = tuple[
    float, dict[str, float], float, float, dict[str, float], list[str], list[list[str]], float, str
]
"""A new article prepared for its day: (day, IDF-weighted keys, their norm, the norm of all but terms, the
IDF of each key, its linking keys that are not frequent (rarest first), its keys in each `_CONFLICTING`
group, the norm of its `identity` keys, its language)."""


def _vector(item: Item, rarity: Rarity) -> Vector:
    day = item.features.get(DAY, 0.0)
    weight = rarity.weigher(day)
    idf = {k: weight(k) for k in item.features if k[0] != "@"}
    weights = {k: item.features[k] * w for k, w in idf.items()}
    full = math.sqrt(sum(w * w for w in weights.values()))
    entity = math.sqrt(sum(w * w for k, w in weights.items() if not k.startswith("term:")))
    kinds = {k: _kind(k) for k in idf}
    links = [k for k in idf if kinds[k] in _INDEXED and not rarity.frequent(day, k)]
    links.sort(key=lambda k: rarity.df(day, k))
    groups = [[k for k in idf if kinds[k] in group] for group in _CONFLICTING]
    same = math.sqrt(sum(w * w for k, w in weights.items() if identity(k)))
    lang = next((k[len(LANG) :] for k in item.features if k.startswith(LANG)), "")
    return day, weights, full, entity, idf, links, groups, same, lang


def _score(vec: Vector, centre: Centre, rarity: Rarity, ignore: str = "") -> float:
    """Cosine of the article with the story's centre, over all keys or over the language-independent ones
    (discounted: an Arabic and an English report of one event share no terms, which would otherwise dilute
    what they do share); then discounted for conflicts and for the time since the story's newest member.
    When no member of the story is in the article's language, the language-independent keys are the
    `identity` ones: a name left in Arabic script can no more be shared with an English report than a word.
    With `ignore`, that key adds nothing to the dot product: how close the two are beyond it."""
    day, weights, item_norm, item_entity_norm, idf, _, groups, item_same_norm, lang = vec
    norm, entity_norm, same_norm = centre.norms(math.floor(day), rarity.weigher(day))
    if _foreign(lang, centre):
        item_entity_norm, entity_norm = item_same_norm, same_norm
    dot = entity_dot = 0.0
    sums = centre.sums
    for key, w in weights.items():
        total = sums.get(key)
        if total and key != ignore:
            x = w * total * idf[key]
            dot += x
            if key[0] != "t":  # not a term
                entity_dot += x
    if not dot:
        return 0.0
    dot, entity_dot = dot / centre.n, entity_dot / centre.n
    score = dot / (item_norm * norm) if item_norm and norm else 0.0
    if entity_dot and item_entity_norm and entity_norm:
        score = max(score, ENTITY_SHARE * entity_dot / (item_entity_norm * entity_norm))
    conflicts = _conflicts(groups, centre, _foreign(lang, centre))
    if conflicts and len(_links(vec, centre)) < 2:
        return 0.0  # one shared name and a conflict: two events that happen to share a town or a club
    score *= CONFLICT**conflicts
    return score / (1 + abs(day - centre.newest) / DECAY_DAYS)


def _foreign(lang: str, centre: Centre) -> bool:
    """Whether no member of the story is in the article's language (only `identity` keys can match)."""
    return bool(lang and centre.langs and lang not in centre.langs)


def _links(vec: Vector, centre: Centre) -> list[str]:
    """The persons, organisations, places and event dates the article shares with the story's core, among
    those that are not frequent in the window (a country, "the Kingdom" never link)."""
    return [k for k in vec[5] if _kind(k) in _ENTITY and centre.core(k)]


def _hub(key: str, day: float, postings: Mapping[str, list[Centre]]) -> bool:
    """Whether `key` is in the core of `HUB_STORIES` or more stories active within `WINDOW_DAYS` of `day`:
    its story frequency, not its article frequency (a name all of whose articles report one event is in
    one story's core however many they are). Counted over the `PER_KEY` stories that took it last, so the
    cost is bounded."""
    n = 0
    for centre in postings.get(key, [])[-PER_KEY:]:
        if abs(centre.newest - day) <= WINDOW_DAYS and centre.core(key):
            n += 1
            if n >= HUB_STORIES:
                return True
    return False


def _candidates(vec: Vector, postings: Mapping[str, list[Centre]]) -> list[Centre]:
    """The stories that share one of the article's rarest linking keys that some story already has (at most
    `BLOCK_KEYS` keys, the `PER_KEY` stories that took each most recently), active within `WINDOW_DAYS`:
    never the whole window. A name no story has finds nothing and does not count towards `BLOCK_KEYS`: a
    report naming many officials no one else names still looks up the place and date it shares."""
    day = vec[0]
    out: dict[str, Centre] = {}
    used = 0
    for key in vec[5]:
        posted = postings.get(key)
        if not posted:
            continue  # no story has it yet (a name only this article gives): it finds nothing
        for centre in reversed(posted[-PER_KEY:]):
            if abs(centre.newest - day) <= WINDOW_DAYS:
                out[centre.story_id] = centre
        used += 1
        if used == BLOCK_KEYS:
            break
    return list(out.values())


def assign(
    new: Iterable[Item],
    existing: Iterable[Item],
    threshold: float = THRESHOLD,
    why: MutableMapping[int, tuple[str, ...]] | None = None,
) -> dict[int, str]:
    """Story ids for the new items (in publication order), joining existing stories where similar enough.
    With `why`, each new item that joined a story gets the keys it shares with the story's core."""
    existing = sorted(existing, key=lambda x: x.features.get(DAY, 0.0))
    folded = list(fold_spellings((*existing, *new)))  # one key for a name's latin spellings
    existing, new = folded[: len(existing)], folded[len(existing) :]
    rarity = Rarity()
    for item in (*existing, *new):
        rarity.count(item.features.get(DAY, 0.0), item.features)
    centres: dict[str, Centre] = {}
    postings: dict[str, list[Centre]] = defaultdict(list)

    def join(item: Item, story: str) -> None:
        centre = centres.get(story)
        if centre is None:
            centre = centres[story] = Centre(story)
        for key in item.features:
            if key not in centre.counts and _kind(key) in _INDEXED:
                postings[key].append(centre)
        centre.add(item.features, item.features.get(DAY, 0.0))

    for item in existing:
        join(item, item.story_id or new_story_id(item.article_id, "existing"))
    out: dict[int, str] = {}
    for item in new:
        vec = _vector(item, rarity)
        best: Centre | None = None
        best_sim = threshold
        hubs: dict[str, bool] = {}
        for centre in _candidates(vec, postings):
            links = _links(vec, centre)
            if not links:
                continue
            sim = _score(vec, centre, rarity)
            if sim < best_sim:
                continue
            if len(links) == 1:
                if links[0] not in hubs:
                    hubs[links[0]] = _hub(links[0], vec[0], postings)
                if hubs[links[0]] and _score(vec, centre, rarity, ignore=links[0]) < HUB_SIMILARITY:
                    continue  # its one shared name is the subject of many stories: another event of his
            best, best_sim = centre, sim
        if best is not None:
            story = best.story_id
            if why is not None:
                core = {k: best.mean(k) for k in best.counts if best.core(k)}
                why[item.article_id] = explain(item.features, core)
        else:
            story = new_story_id(item.article_id, ",".join(sorted(item.features)[:3]))
        out[item.article_id] = story
        join(item, story)
    return out


def explain(a: Mapping[str, float], b: Mapping[str, float], terms: int = 3) -> tuple[str, ...]:
    """The keys two articles share, entities first (heaviest first), then at most `terms` shared terms."""
    shared = [k for k in a if k in b and k[0] != "@" and a[k]]
    entities = sorted((k for k in shared if _kind(k) != "term"), key=lambda k: (-a[k], k))
    words = sorted(k for k in shared if _kind(k) == "term")[:terms]
    return tuple(entities + words)
