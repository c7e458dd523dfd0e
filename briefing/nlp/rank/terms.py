"""Provides the terms that sentence ranking works on: words normalized (camel-tools' character tables,
through a faster equivalent, `fast_normalize`) and lightly stemmed (`stem`: Larkey's light10 for Arabic, a
plural `s` for English), with function words, numbers and one-letter tokens dropped (`terms`).
"""

from __future__ import annotations

import re
from functools import cache

from briefing.nlp.text import stopwords
from briefing.nlp.text.arabic import normalize
from briefing.nlp.text.lazy_re import lazy_compile

WORD = lazy_compile(r"\w+")
# light10 (Larkey, Ballesteros & Connell 2002), on normalized text (ة is already ه, so "ية" reads "يه").
_AR_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
_AR_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")


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
    """Exactly `briefing.nlp.text.arabic.normalize(text)`, faster."""
    deleted, mapped = _normalizer()
    text = deleted.sub("", text)
    for a, b in mapped:
        if a in text:
            text = text.replace(a, b)
    return text.casefold()


def normalize_all(chunks: list[str]) -> list[str]:
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
    return word_terms(WORD.findall(fast_normalize(text)))


def word_terms(words: list[str]) -> list[str]:
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
