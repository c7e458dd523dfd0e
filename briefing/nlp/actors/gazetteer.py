"""Provides the gazetteer of countries, places and organisations, in Arabic and English, with their demonyms.

Country names come from CLDR's territory names (`data/cldr_territories.tsv`), city names from CLDR's
time-zone exemplar cities (`data/cldr_cities.tsv`), both generated from babel by
`briefing.nlp.actors.cldr_cities`;
`data/gazetteer.tsv` adds the spelling variants CLDR lacks (سورية = سوريا), the region's cities and areas
that have no time zone, and organisations; `data/demonyms.tsv` maps nationality adjectives to an entry. Every
table is built once per process (`functools.cache`) and keyed by token tuples in matching form: Arabic tokens
normalized with `briefing.nlp.text.arabic.normalize`, English tokens through `english_key`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from briefing.models import ActorKind
from briefing.nlp.text.arabic import normalize

Phrase = tuple[str, ...]

# CLDR territory codes that are not countries: the world, the EU and the UN (organisations here),
# pseudo-regions.
_NOT_COUNTRIES = {"001", "EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}
_ORG_TERRITORIES = {"EU": "o:eu", "UN": "o:un"}


@dataclass(frozen=True)
class Entry:
    """One country, place or organisation, with its display names in both scripts."""

    id: str
    kind: ActorKind
    ar: str
    en: str


@dataclass(frozen=True)
class Tables:
    """The gazetteer in matching form; `ar_headed` holds every organisation form, including those valid only
    after a head word ("صحيفة", "قناة"), and is what such a head looks up."""

    entries: dict[str, Entry]
    ar_phrases: dict[Phrase, str]
    ar_headed: dict[Phrase, str]
    en_phrases: dict[Phrase, str]
    ar_demonyms: dict[Phrase, str]
    en_demonyms: dict[Phrase, str]
    max_len: int


def english_key(token: str) -> str:
    """English matching form: case-folded, except short all-capital abbreviations ("US" is not "us")."""
    core = token.replace(".", "")
    if core.isupper() and len(core) <= 5:
        return token
    return token.casefold()


def ar_phrase(text: str) -> Phrase:
    return tuple(normalize(w) for w in text.split())


def en_phrase(text: str) -> Phrase:
    return tuple(english_key(w) for w in text.replace("'s ", " 's ").split())


def _rows(name: str) -> Iterator[list[str]]:
    with resources.files("briefing").joinpath("data", name).open(encoding="utf-8") as fh:
        rows = (row for row in csv.reader(fh, delimiter="\t") if row and not row[0].startswith("#"))
        next(rows)  # header
        yield from rows


@cache
def tables() -> Tables:
    """Build every table once: CLDR countries and cities, then the hand-kept rows, which win on conflicts."""
    entries: dict[str, Entry] = {}
    ar_phrases: dict[Phrase, str] = {}
    ar_headed: dict[Phrase, str] = {}
    en_phrases: dict[Phrase, str] = {}

    def add(eid: str, kind: ActorKind, ar_forms: list[str], en_forms: list[str], override: bool) -> None:
        plain_ar = [f for f in ar_forms if not f.startswith("~")]
        plain_en = [f for f in en_forms if not f.startswith("~")]
        old = entries.get(eid)
        ar_name = (plain_ar or [f.lstrip("~") for f in ar_forms] or [old.ar if old else eid])[0]
        en_name = (plain_en or [f.lstrip("~") for f in en_forms] or [old.en if old else eid])[0]
        if old and not override:
            ar_name, en_name = old.ar, old.en
        entries[eid] = Entry(eid, kind, ar_name, en_name)
        for form in ar_forms:
            key = ar_phrase(form.lstrip("~"))
            if kind == "org" and (override or key not in ar_headed):
                ar_headed[key] = eid
            if not form.startswith("~") and (override or key not in ar_phrases):
                ar_phrases[key] = eid
            elif form.startswith("~") and override and ar_phrases.get(key) == eid:
                del ar_phrases[key]
        for form in en_forms:
            key = en_phrase(form.lstrip("~"))
            if not form.startswith("~") and (override or key not in en_phrases):
                en_phrases[key] = eid

    for code, ar_name, en_full in _rows("cldr_territories.tsv"):
        if code in _NOT_COUNTRIES and code not in _ORG_TERRITORIES:
            continue
        en_name = en_full.split(" (")[0]
        if code in _ORG_TERRITORIES:
            add(_ORG_TERRITORIES[code], "org", [ar_name], [en_name], override=False)
        else:
            add(code, "place" if code.isdigit() else "country", [ar_name], [en_name], override=False)
    for eid, ar_city, en_city in _rows("cldr_cities.tsv"):
        if ar_phrase(ar_city) not in ar_phrases:
            add(eid, "place", [ar_city], [en_city], override=False)
    for row in _rows("gazetteer.tsv"):
        eid, kind, ar_forms, en_forms = row[0], row[1], row[2], row[3]
        assert kind in ("country", "place", "org"), row
        add(eid, kind, ar_forms.split("|"), en_forms.split("|"), override=True)  # type: ignore[arg-type]

    ar_dem: dict[Phrase, str] = {}
    en_dem: dict[Phrase, str] = {}
    for eid, ar_forms, en_forms in _rows("demonyms.tsv"):
        for form in ar_forms.split("|"):
            masc = ar_phrase(form)
            ar_dem[masc] = eid
            ar_dem[(*masc[:-1], masc[-1] + "ه")] = eid  # feminine: التركي -> التركية
        for form in en_forms.split("|"):
            en_dem[en_phrase(form)] = eid
    longest = max(len(p) for p in (*ar_headed, *en_phrases))
    return Tables(entries, ar_phrases, ar_headed, en_phrases, ar_dem, en_dem, longest)


def entry(eid: str) -> Entry | None:
    return tables().entries.get(eid)


def display(eid: str, lang: str) -> str:
    """The entry's display name in the article's language (the id itself when unknown)."""
    found = tables().entries.get(eid)
    if found is None:
        return eid
    return found.ar if lang == "ar" else found.en
