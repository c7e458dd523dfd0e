"""Provides duration phrases, which the event extractor turns into end dates: "زيارته التي تستغرق يومين",
"لمدة ثلاثة أيام", "على مدى يومين", "for three days", "a two-day visit", "three days of talks".

Each finder returns `(start, end, days)` over normalized text, weeks counted as seven days; hours are left out
(a six-hour meeting ends the day it starts).
"""

from __future__ import annotations

from briefing.nlp.text.cues import L, R
from briefing.nlp.text.lazy_re import lazy_compile
from briefing.nlp.text.numbers import AR_COUNT_RE, EN_COUNT_RE, count_value
from briefing.nlp.timex.ar_patterns import UNIT_WORDS, unit_of
from briefing.nlp.timex.types import Normalized

_AR_DURATION = lazy_compile(
    rf"{L}(?:ت|ي|ست|سي)?(?:ستغرق|ستمر|متد|دوم)\s+(?:ل)?(?:مده\s+)?(?P<n>[0-9]{{1,2}}|{AR_COUNT_RE})?\s*(?P<u>{UNIT_WORDS}){R}"
    rf"|{L}(?:لمده|علي\s+مدي|علي\s+مدار|طيله|طوال|مدتها|ومدتها)\s+(?P<n2>[0-9]{{1,2}}|{AR_COUNT_RE})?\s*(?P<u2>{UNIT_WORDS}){R}"
)


def durations_ar(nt: Normalized) -> list[tuple[int, int, int]]:
    """(start, end, days) of duration phrases in normalized text: "تستغرق يومين", "لمدة ثلاثة أيام"."""
    out: list[tuple[int, int, int]] = []
    for m in _AR_DURATION.finditer(nt.norm):
        word, num = m["u"] or m["u2"], m["n"] or m["n2"]
        unit, implied = unit_of(word)
        n = count_value(num) if num else implied
        if n and unit in ("day", "week") and not word.startswith("سا"):
            out.append((m.start(), m.end(), n * (7 if unit == "week" else 1)))
    return out


_EN_DURATION = lazy_compile(
    rf"\b(?:for|lasting|lasts|last|over|spanning)\s+(?:the\s+next\s+)?(?P<n>[0-9]{{1,2}}|{EN_COUNT_RE})\s+(?P<u>days?|weeks?)\b"
    rf"|\b(?P<n2>[0-9]{{1,2}}|{EN_COUNT_RE})[-\s](?P<u2>day|week)\b(?!s)"
    rf"|\b(?P<n3>[0-9]{{1,2}}|{EN_COUNT_RE})\s+(?P<u3>days|weeks)\s+of\b"
)


def durations_en(nt: Normalized) -> list[tuple[int, int, int]]:
    """(start, end, days) of duration phrases in case-folded text: "for three days", "a two-day visit"."""
    out: list[tuple[int, int, int]] = []
    for m in _EN_DURATION.finditer(nt.norm):
        n = count_value(m["n"] or m["n2"] or m["n3"])
        word = m["u"] or m["u2"] or m["u3"]
        if n:
            out.append((m.start(), m.end(), n * (7 if word.startswith("week") else 1)))
    return out
