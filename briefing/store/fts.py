"""Provides the text side of full-text search: what goes into the FTS5 index and how a query becomes a MATCH.

Both sides go through the same normalization (`briefing.nlp.text.arabic.normalize`: diacritics, tatweel, alef
forms, ya, ta marbuta, Eastern digits, case), done in Python so SQLite's tokenizer only splits words.
Arabic attaches conjunctions, prepositions and the article to the word (وبغزه، والقاهره), so an Arabic
word that starts with such a proclitic is indexed a second time without it, and a query word is looked up
both as typed and stripped; query words also match as prefixes (القاهر finds القاهره, negotiat finds
negotiations). A query is always a list of quoted words ANDed together: a user's text is never FTS5 syntax.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Normalizer = Callable[[str], str]

_WORD = re.compile(r"\w+")
_ARABIC = re.compile("^[\u0621-\u064a]+$")
# Longest first: proclitic chains that cannot be the start of a real stem of 3+ letters left over.
_PROCLITICS = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل")
MAX_QUERY_WORDS = 12


def strip_proclitic(word: str) -> str:
    """The word without a leading conjunction/preposition/article when at least three letters remain."""
    if not _ARABIC.match(word):
        return word
    for p in _PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 3:
            return word[len(p) :]
    return word


def index_text(text: str, normalize: Normalizer) -> str:
    """The normalized text to index, with the stripped form of each Arabic word that had a proclitic."""
    norm = normalize(text)
    extra = {s for w in _WORD.findall(norm) if (s := strip_proclitic(w)) != w}
    return norm + ("\n" + " ".join(sorted(extra)) if extra else "")


def match_expression(query: str, normalize: Normalizer) -> str | None:
    """An FTS5 MATCH expression for a user's query (every word must match), or None when it has no word."""
    words = _WORD.findall(normalize(query))[:MAX_QUERY_WORDS]
    if not words:
        return None
    terms = []
    for w in words:
        s = strip_proclitic(w)
        forms = dict.fromkeys((w, s))
        terms.append("(" + " OR ".join(f'"{f}"*' for f in forms) + ")")
    return " AND ".join(terms)


def phrase_expression(phrase: str, normalize: Normalizer) -> str | None:
    """An FTS5 MATCH expression for the words of `phrase` next to each other, in order (None: no word)."""
    words = _WORD.findall(normalize(phrase))[:MAX_QUERY_WORDS]
    if not words:
        return None
    return '"' + " ".join(words) + '"'
