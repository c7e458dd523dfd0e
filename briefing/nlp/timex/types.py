"""Provides the data types of the temporal tagger, shared by the scanners (`ar_scan`, `en_scan`), the
resolver (`timex`), the duration finder and the event extractor: `Normalized` (text normalized once, with the
map back to the original), `Mention` (an unresolved date expression found by a scanner), `Resolved` (the
dates a mention resolves to), `Timex` (a resolved expression with its span in the original text) and the
literal types `Direction`, `Tense`, `MentionKind` and `Unit`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Literal

from briefing.models import Precision
from briefing.nlp.text.arabic import normalize_with_map
from briefing.nlp.text.lazy_re import lazy_compile

Direction = Literal["past", "future", "either"]
Tense = Literal["past", "future", "unknown"]
MentionKind = Literal[
    "offset", "window", "vague", "weekday", "date", "month", "unit", "year", "hijri", "hijri_month"
]
Unit = Literal["day", "week", "month", "year"]


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    value: date
    value_end: date | None
    precision: Precision
    confidence: float
    direction: Direction


@dataclass(frozen=True)
class Mention:
    """An unresolved date expression found by a scanner; offsets are into the normalized text."""

    start: int
    end: int
    kind: MentionKind
    direction: Direction = "either"
    confidence: float = 0.9
    days: int = 0
    """offset: days from publication; vague: days from publication of the window's start."""
    unit: Unit = "day"
    count: int = 0
    weekday: int | None = None
    weekday2: int | None = None
    anchor: int | None = None
    """weekday: the day offset of a relative word said with it ("غداً الأحد" -> 1)."""
    rel: int | None = None
    """+1 next, -1 last, 0 this/current, None unmarked."""
    day: int | None = None
    month: int | None = None
    year: int | None = None
    day2: int | None = None
    month2: int | None = None
    year2: int | None = None
    part: str | None = None
    """early / mid / late part of a month, week or year."""
    priority: int = 0
    year_rel: int | None = None
    """A year said relative to now ("20 May next year" -> 1), for a date or month without a year."""
    base: Mention | None = None
    """A relative day said in reported speech: the date it was said on (see `context`)."""
    after: bool = False
    """Said after «بعد» / "after" («بعد عيد الفطر», "after March 25"): a time from the day after it on, not
    that day (see `context`)."""
    week_start: int = 0
    """unit week: the weekday a week begins on (0 Monday; 6 Sunday, the Arab work week: «الأسبوع المقبل» said
    on a Sunday or a Monday is the week from the next Sunday)."""
    hijri: bool = False
    """unit month ("الـ25 من الشهر الجاري", "مطلع الشهر المقبل"): a month of the Hijri calendar, in a text
    that dates by it (see `context`)."""


@dataclass(frozen=True)
class Resolved:
    value: date
    value_end: date | None
    precision: Precision
    confidence: float
    direction: Direction


SENTENCE_MARKS = ".!?؟\n"
"""What ends a sentence in normalized text, for the date and event rules that stay inside one sentence."""
SENTENCE_MARK = lazy_compile(r"[.!?؟\n]")
"""One of `SENTENCE_MARKS`."""


@dataclass(frozen=True)
class Normalized:
    """Text normalized once, with the map back to the original, shared by every scanner and cue finder."""

    text: str
    norm: str
    offsets: list[int]

    @classmethod
    def of(cls, text: str) -> Normalized:
        norm, offsets = normalize_with_map(text)
        return cls(text, norm, offsets)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original `[start, end)` of a normalized span, widened over trailing diacritics and tatweel
        (so "غداً" keeps its tanwin)."""
        a = self.offsets[start]
        b = self.offsets[end - 1] + 1 if end > start else a
        while b < len(self.text) and (unicodedata.category(self.text[b]) == "Mn" or self.text[b] == "\u0640"):
            b += 1
        while b > a and self.text[b - 1].isspace():
            b -= 1
        return a, b

    def sentence_start(self, pos: int) -> int:
        """Where the sentence holding normalized position `pos` starts (after the last mark before it)."""
        return max(self.norm.rfind(c, 0, pos) for c in SENTENCE_MARKS) + 1

    def sentence_end(self, pos: int) -> int:
        """Where the sentence holding normalized position `pos` ends (its next mark, or the text's end)."""
        return min((i for c in SENTENCE_MARKS if (i := self.norm.find(c, pos)) >= 0), default=len(self.norm))
