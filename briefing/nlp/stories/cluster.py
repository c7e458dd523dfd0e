"""Provides story clustering: which articles, from any outlet and in either language, report the same event.

Algorithm (incremental, never all pairs):

1. `features(analysis)` turns an article into weighted keys that survive translation: the actors it names by
   their cross-script key (a person or place has the same key in Arabic and English), with actors first
   named after the lead weighing less; the dates of the events it announces; the numbers of its lead; plus
   stemmed content terms of the title and lead, which only help within one language. The publication time
   rides along as a metadata key (`@day`), so callers need not pass it separately, and so do the words of
   its names and titles (`@name:`: the words a shared name brings with it, see step 3).
2. `assign(new, existing)` keeps one centre per story (`Centre`: the mean of its members' keys) and an
   inverted index from the keys that can link two articles (persons, organisations, places, event dates,
   numbers) to the stories that have them. A new article looks up only its `BLOCK_KEYS` rarest linking keys
   that some story already has (a name no one else gives can find nothing), and for each only the
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
   a story; when the article conflicts with the story it must share two such names. Names alone are not
   enough when the article shares fewer than two different persons or organisations (an authority whose
   every title repeats its name; see `_who`), when all it shares are hubs (names in the core of
   `HUB_STORIES` stories of the window: a busy governor and his region, a minister, each the subject of
   several events a day), or when the story has been quiet for over `REVIVE_DAYS`: the article must then
   also be close to the centre beyond the shared names, the words of those names (and a hub's companions:
   its title and region) left out (`EVENT_SIMILARITY`: the same words in the title and lead); and when
   all it shares are hubs, it must not lead with another party than the story's (`_other_party`: the
   king's call with another president is another story, whatever words the two calls share). Since the
   comparison is with the centre, a chain of members that each resemble only the previous one cannot carry
   a story from one event to the next. A report whose lead announces an event on another date than the
   story's leads do is about another event (two conflicts). When no member of the story is in the
   article's language, names and conflicts are measured on the `identity` keys alone: a name the analysis
   left in Arabic script can never be in an English report, so it neither dilutes the match nor conflicts.

`assign` can also report why each article joined its story (the keys it shares with the story's core).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

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
NAME = "@name:"
"""Metadata key prefix: a word of the name or title of a person, organisation or place the article names in
its title or lead ("@name:امير" for a governor): a shared name already counts once, its words must not
count again."""
_NUM = re.compile(r"(?<![\d.,])(\d+[.,]\d+|\d{2,})(?![\d.,]?\d)")
_LEAD_SENTENCES = 2
_ENTITY = ("person", "org", "place", "date")
_NAMED = frozenset(("person", "org", "place"))
_WHO = frozenset(("person", "org"))
_INDEXED = frozenset((*_ENTITY, "num"))
WINDOW_DAYS = 3.0
"""A story whose newest article is further away is never a candidate (the pipeline passes such a window)."""
BLOCK_KEYS = 6
"""Candidates come from the article's rarest linking keys, at most this many of them..."""
PER_KEY = 24
"""... and from the stories that most recently took each key, at most this many per key."""
HUB_STORIES = 3
"""A name in the core of at least this many stories active around the article is a hub (a busy governor,
a minister, an authority: the subject of several events a day): hubs alone (one, or a governor and his
region) do not link an article to a story; a shared name that is not a hub does..."""
EVENT_SIMILARITY = 0.15
"""... or the article being this close to the story's centre beyond the names they share (see `_beyond`):
its title and lead tell the same event. The same closeness is asked of an article that shares one name
only, and of one reviving a quiet story (`REVIVE_DAYS`)."""
REVIVE_DAYS = 1.0
"""A story whose newest article is older than this is revived only by an article close to it beyond the
names they share (and the words of those names): the same event told again, or its development; a
governor's or an authority's next event, a day later, starts its own story. Only when all the story's
members are in the article's language: across languages the names are all two reports can share."""
COMPANION_SHARE = 0.5
"""A key in the core of at least this share of a hub's stories comes with the hub (see `_companions`)."""


@dataclass(frozen=True)
class Item:
    """An article as the clusterer sees it."""

    article_id: int
    features: Mapping[str, float]
    story_id: str | None = None


def _kind(key: str) -> str:
    return key[: key.find(":")]


def features(analysis: Analysis) -> dict[str, float]:
    """Weighted keys of an article (see the module docstring), plus its publication day under `DAY`, its
    language and the words of the names and titles of the persons, organisations and places of its title and
    lead (`NAME`)."""
    from briefing.nlp.rank.score import terms  # noqa: PLC0415 (normalization loads camel-tools)

    out: dict[str, float] = {}
    sentences = analysis.sentences
    lead_end = sentences[min(len(sentences), _LEAD_SENTENCES) - 1].end if sentences else 0
    named: list[str] = []
    for actor in analysis.actors:
        key = actor.key or actor.name
        key = key if key.startswith(f"{actor.kind}:") else f"{actor.kind}:{key}"
        first = min((s for s, _ in actor.mentions), default=0)
        weight = WEIGHTS[actor.kind] * (1.0 if first < lead_end else LATE_ACTOR)
        out[key] = max(out.get(key, 0.0), weight)
        if actor.kind in _NAMED and first < lead_end:
            named.append(" ".join((actor.name, *actor.aliases, *actor.roles)))
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
    for name in named:  # the names of the title and lead: those whose words the title and lead repeat
        for term in _name_terms(name):
            out[NAME + term] = 1.0
    out[DAY] = analysis.published.timestamp() / 86400
    out[LANG + analysis.lang] = 1.0
    return out


@lru_cache(maxsize=65536)
def _name_terms(name: str) -> tuple[str, ...]:
    from briefing.nlp.rank.score import terms  # noqa: PLC0415 (normalization loads camel-tools)

    return tuple(terms(name))


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


def _score(vec: Vector, centre: Centre, rarity: Rarity) -> float:
    """Cosine of the article with the story's centre, over all keys or over the language-independent ones
    (discounted: an Arabic and an English report of one event share no terms, which would otherwise dilute
    what they do share); then discounted for conflicts and for the time since the story's newest member.
    When no member of the story is in the article's language, the language-independent keys are the
    `identity` ones: a name left in Arabic script can no more be shared with an English report than a word."""
    day, weights, item_norm, item_entity_norm, idf, _, groups, item_same_norm, lang = vec
    norm, entity_norm, same_norm = centre.norms(math.floor(day), rarity.weigher(day))
    if _foreign(lang, centre):
        item_entity_norm, entity_norm = item_same_norm, same_norm
    dot = entity_dot = 0.0
    sums = centre.sums
    for key, w in weights.items():
        total = sums.get(key)
        if total:
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


def _beyond(vec: Vector, centre: Centre, rarity: Rarity, ignore: Collection[str]) -> float:
    """Cosine of the article with the story's centre over the words of their titles and leads, without
    those in `ignore` (the words of the names they share): whether the rest of the title and lead tells
    the same event. Names are left out of both sides, shared or not: an article that names many officials
    no one else names is no further from the event for it."""
    day, weights, _, _, idf, *_ = vec
    weigh = rarity.weigher(day)
    words = [k for k in weights if k.startswith("term:") and k not in ignore]
    item_sq = sum(weights[k] ** 2 for k in words)
    full, entity, _ = centre.norms(math.floor(day), weigh)  # of the mean: all keys, all but terms
    left_out = [centre.sums[k] * weigh(k) for k in ignore if k.startswith("term:") and k in centre.sums]
    centre_sq = (full * full - entity * entity) * centre.n**2 - sum(x * x for x in left_out)
    dot = sum(weights[k] * centre.sums[k] * idf[k] for k in words if k in centre.sums)
    if dot <= 0 or centre_sq <= 0 or item_sq <= 0:
        return 0.0
    return dot / math.sqrt(centre_sq * item_sq)


def _foreign(lang: str, centre: Centre) -> bool:
    """Whether no member of the story is in the article's language (only `identity` keys can match)."""
    return bool(lang and centre.langs and lang not in centre.langs)


def _links(vec: Vector, centre: Centre) -> list[str]:
    """The persons, organisations, places and event dates the article shares with the story's core, among
    those that are not frequent in the window (a country, "the Kingdom" never link)."""
    return [k for k in vec[5] if _kind(k) in _ENTITY and centre.core(k)]


def _who(links: Sequence[str]) -> int:
    """How many different persons and organisations the links name: a given name alone names no one (the
    analysis takes "Faisal" for a person), and a short form of a longer name is that name again (the
    minister named in full and by his first and last names, "the tourism authority" and "the general
    authority for tourism")."""
    names = {(_kind(k), _name_words(k)) for k in links if _kind(k) in _WHO}
    names = {(kind, words) for kind, words in names if kind != "person" or len(words) >= 2}
    return sum(1 for kind, words in names if not any(kind == k and words < w for k, w in names))


_PREFIXES = ("وال", "بال", "لل", "ال")


def _name_words(key: str) -> frozenset[str]:
    """The words of a name key, each without the article and the prepositions fused with it."""
    words = []
    for word in key[key.find(":") + 1 :].split():
        for prefix in _PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                word = word[len(prefix) :]
                break
        words.append(word)
    return frozenset(words)


def _other_party(features: Mapping[str, float], centre: Centre, shared: Collection[str]) -> bool:
    """Whether the article's lead names a person the story's core lacks while the core names one the
    article lacks (besides the names they share): the same kind of event with another party (a call with
    another president, a club's other player). Organisations are no party (a player's illness is reported
    with his old club or his new one), nor is a given name alone."""

    def party(key: str) -> bool:
        return key.startswith("person:") and key not in shared and len(_name_words(key)) >= 2

    theirs = any(party(k) and k not in features for k in centre.core_keys())
    return theirs and any(
        party(k) and w >= WEIGHTS[_kind(k)] and k not in centre.counts for k, w in features.items()
    )


def _hub_stories(
    key: str, day: float, postings: Mapping[str, list[Centre]], memo: MutableMapping[str, list[Centre]]
) -> list[Centre]:
    """The stories active within `WINDOW_DAYS` of `day` that have `key` in their core, when they are
    `HUB_STORIES` or more (`key` is a hub: its story frequency, not its article frequency, makes it one; a
    name all of whose articles report one event is in one story's core however many they are); else none.
    Looked for among the `PER_KEY` stories that took it last, so the cost is bounded; kept in `memo`."""
    if key in memo:
        return memo[key]
    found = [
        centre
        for centre in postings.get(key, [])[-PER_KEY:]
        if abs(centre.newest - day) <= WINDOW_DAYS and centre.core(key)
    ]
    memo[key] = found if len(found) >= HUB_STORIES else []
    return memo[key]


def _companions(stories: Sequence[Centre]) -> set[str]:
    """The keys in the core of at least `COMPANION_SHARE` of a hub's stories: what comes with the name
    whatever the event (the governor's title and region, the words of an authority's name that every
    title repeats). An event's own words are in the core of one of his stories, not of half of them."""
    counts: dict[str, int] = defaultdict(int)
    for centre in stories:
        for key in centre.core_keys():
            counts[key] += 1
    return {k for k, n in counts.items() if n >= COMPANION_SHARE * len(stories)}


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
        hubs: dict[str, list[Centre]] = {}  # the stories of each hub among the links (none: no hub)
        companions: dict[str, set[str]] = {}  # a hub's companions, itself included
        named = {"term:" + k[len(NAME) :] for k in item.features if k.startswith(NAME)}
        for centre in _candidates(vec, postings):
            links = _links(vec, centre)
            if not links:
                continue
            sim = _score(vec, centre, rarity)
            if sim < best_sim:
                continue
            only_hubs = all(
                _hub_stories(link, vec[0], postings, hubs) for link in links
            )  # stops at the first that is none
            same_lang = centre.langs <= {vec[8]}
            quiet = vec[0] - centre.newest > REVIVE_DAYS
            if only_hubs or (same_lang and (quiet or _who(links) < 2)):
                for link in links:
                    if link not in companions and (stories := _hub_stories(link, vec[0], postings, hubs)):
                        companions[link] = {link, *_companions(stories)}
                beyond = named.union(links, *(companions.get(link, ()) for link in links))
                if _beyond(vec, centre, rarity, beyond) < EVENT_SIMILARITY:
                    continue  # only names link it (subjects of many stories, or of a quiet story)
                if only_hubs and _other_party(item.features, centre, beyond):
                    continue  # the same kind of event with someone else: the king's call with another
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
