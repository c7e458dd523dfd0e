"""Provides `fold_spellings`: one key for the latin spellings of one person's name that differ by a vowel.

An Arabic name comes to the clusterer in latin letters from two places: an English report's own spelling
and the analysis' romanization of the Arabic one. The two often differ only in the short vowels Arabic does
not write (Meshal and Mishal, Ahmed and Ahmad) or in a doubled letter (Mohammed and Mohamed), so two reports
of one event would name different persons. Keys that agree word for word, each word at most one vowel apart
with the same consonants, fold into the spelling seen first. One vowel a word keeps different names apart
(Hassan and Hussein differ by three); a vowel added at a word's end is a letter Arabic writes (Abbas and
Abbasi).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.nlp.stories.cluster import Item

_PERSON = "person:"
_VOWELS = re.compile(r"[aeiouy]")
_LATIN = re.compile(r"[a-z' -]+")
_DOUBLED = re.compile(r"(.)\1+")


def _words(key: str) -> tuple[str, ...] | None:
    """The words of a latin person key with doubled letters made single, or None when it is not one (a name
    in Arabic script, a single word: too little to tell two persons apart)."""
    name = key[len(_PERSON) :]
    if not _LATIN.fullmatch(name):
        return None
    words = tuple(_DOUBLED.sub(r"\1", w) for w in name.split())
    return words if len(words) >= 2 else None


def _one_vowel_apart(a: str, b: str) -> bool:
    """Whether two words with the same consonants differ by at most one vowel (changed, or added or dropped
    inside the word)."""
    if a == b:
        return True
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    if len(long) - len(short) != 1:
        return False
    i = next((i for i, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    # a vowel added inside the word; at its end it is a written letter (Abbas and Abbasi are two names)
    return 0 < i < len(short) and short[i:] == long[i + 1 :]


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return len(a) == len(b) and all(_one_vowel_apart(x, y) for x, y in zip(a, b, strict=True))


def _skeleton(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_VOWELS.sub("", w) for w in words)


def fold_spellings(items: Iterable[Item]) -> Iterator[Item]:
    """The items in the same order, each person key that is a vowel variant of one seen before (in this
    order) replaced by that one (the heavier weight kept when an article has both)."""
    seen: dict[tuple[str, ...], list[tuple[tuple[str, ...], str]]] = {}
    for item in items:
        renamed: dict[str, str] = {}
        for key in item.features:
            words = _words(key) if key.startswith(_PERSON) else None
            if words is None:
                continue
            bucket = seen.setdefault(_skeleton(words), [])
            first = next((k for w, k in bucket if _same_person(w, words)), None)
            if first is None:
                bucket.append((words, key))
            elif first != key:
                renamed[key] = first
        if not renamed:
            yield item
            continue
        folded: dict[str, float] = {}
        for key, weight in item.features.items():
            key = renamed.get(key, key)
            folded[key] = max(folded.get(key, weight), weight)
        yield replace(item, features=folded)
