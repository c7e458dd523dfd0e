"""Provides `detect_lang`: Arabic, English or other, offline and in microseconds.

Script share decides Arabic; English is Latin text in which common English function words are frequent.
"""

from __future__ import annotations

import re

from briefing.nlp.arabic import arabic_ratio

_EN_WORDS = frozenset(
    "the of and to in a is that for on with as was by at from his he it an are be has have said will its "
    "were not this but after who which their they after also".split()
)
_LATIN_WORD = re.compile(r"[A-Za-z]+")


def detect_lang(text: str) -> str:
    sample = text[:4000]
    if arabic_ratio(sample) >= 0.4:
        return "ar"
    words = [w.lower() for w in _LATIN_WORD.findall(sample)]
    if words and sum(1 for w in words if w in _EN_WORDS) / len(words) >= 0.08:
        return "en"
    return "other"
