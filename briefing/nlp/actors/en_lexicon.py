"""Provides the English word lists of the actor extractor: titles, title modifiers, name particles, stop
words.

All entries are case-folded; the scanner compares `token.casefold()`. Titles are single words because English
titles stack freely ("foreign ministry spokesman", "Deputy Prime Minister"): a title is any run of these words
that holds at least one head.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from briefing.nlp.text.word_frequency import zipf as word_zipf


def _words(text: str) -> frozenset[str]:
    return frozenset(text.casefold().split())


@dataclass(frozen=True)
class EnglishLexicon:
    heads: frozenset[str]
    mods: frozenset[str]
    honorifics: frozenset[str]
    honorific_forms: frozenset[str]
    particles: frozenset[str]
    stop: frozenset[str]
    org_heads: frozenset[str]
    speech: frozenset[str]
    org_before: frozenset[str]


_HONORIFICS = "mr. mrs. ms. dr. prof. mr mrs ms dr counterpart"
EN = EnglishLexicon(
    heads=_words(
        """minister president premier chancellor envoy ambassador spokesman spokeswoman spokesperson
        secretary-general secretary king queen prince princess emir sheikh sultan leader chief commander
        general
        gen. ayatollah speaker deputy adviser advisor coordinator representative director director-general
        head
        governor mayor senator sen. rep. lawmaker diplomat negotiator pope patriarch cleric mufti judge
        prosecutor
        colonel col. lt. captain capt. brigadier major maj. admiral adm. analyst researcher journalist
        correspondent official officer chairman chairwoman chair commissioner commissioner-general
        president-elect undersecretary under-secretary ceo founder activist rapporteur emissary mediator
        rabbi imam counterpart"""
    )
    | _words(_HONORIFICS),
    mods=_words(
        """foreign defense defence interior finance justice energy oil health economy economic trade ministry
        state special top senior former acting new vice national security affairs military army political
        bureau office staff joint supreme high humanitarian prime crown grand caretaker outgoing incoming
        interim
        council cabinet war intelligence navy air force forces guard guards revolutionary parliament
        parliamentary opposition government regime presidential nuclear peace process refugees human rights
        relief agency executive committee movement group party militia coalition general assistant permanent
        regional international armed field press media spy deputy principal lead chief-of-staff central
        bank"""
    ),
    honorifics=_words(_HONORIFICS),
    honorific_forms=frozenset({"Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Prof."}),
    particles=_words("bin ibn bint al el de del da di van von der le la abu abdel abd"),
    stop=_words(
        """the a an in on at but and or he she it they we i you this that these those his her their its our
        monday tuesday wednesday thursday friday saturday sunday january february march april may june july
        august september october november december after before when while as if so not no yes also there here
        with without from by to of for about over under between during since until meanwhile however earlier
        later today yesterday tomorrow last next according more most some many several such both each all
        other another who whom whose which what where why how"""
    ),
    org_heads=_words(
        """ministry council committee nations organization organisation agency party movement front forces
        army
        guard guards corps bank fund court parliament authority commission office department union league
        association institute university observatory brigades group company corporation news times post
        journal television network coalition alliance assembly senate congress cabinet foundation programme
        program federation mission directorate service services command"""
    ),
    speech=_words(
        "said says told added stated wrote noted warned announced stressed insisted argued explained"
    ),
    org_before=_words("the"),
)


_ENGLISH_WORDS = frozenset({"said", "israel", "geir", "jordan", "hope", "may", "will", "mark", "rose"})


@lru_cache(maxsize=16384)
def english_zipf(word: str) -> float:
    """wordfreq's Zipf frequency of an English word: ordinary words are frequent, most names are not."""
    return word_zipf(word, "en")


@cache
def given_latin() -> frozenset[str]:
    """Latin given names (case-folded) from the given-name table, for untitled names."""
    with resources.files("briefing").joinpath("data", "given_names.tsv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")][1:]
    # In English only the Arabic ambiguity of a name ("كريم" = generous) does not matter; English words do.
    names = {form.casefold() for row in rows for form in row[1].split("|") if form}
    return frozenset((names | {"muhammed", "mohamed", "mohammad", "ahmad"}) - _ENGLISH_WORDS)
