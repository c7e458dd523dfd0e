"""Provides number words for the date resolver: Arabic ordinal day numbers and cardinal counts in both
languages.

Everything here is written in the normalized form that `briefing.nlp.text.arabic.normalize` produces (no
diacritics, one alef, ya for alef maksura, ha for teh marbuta, case-folded Latin), because the patterns
that use these tables run over normalized text. Each table comes with a regex alternation, longest forms
first, so that "الحادي والعشرين" is never read as "الحادي".
"""

from __future__ import annotations

import re

# Day ordinals as news write dates: "الخامس والعشرين من آذار", "الأول من نيسان". Masculine (يوم), with the
# genitive and nominative tens since both appear in the wild.
_UNITS_ORD = {
    "الاول": 1,
    "الحادي": 1,
    "الواحد": 1,
    "الثاني": 2,
    "الثالث": 3,
    "الرابع": 4,
    "الخامس": 5,
    "السادس": 6,
    "السابع": 7,
    "الثامن": 8,
    "التاسع": 9,
}
_TENS_ORD = {"العشرين": 20, "العشرون": 20, "الثلاثين": 30, "الثلاثون": 30}


def _build_ordinals() -> dict[str, int]:
    table: dict[str, int] = {k: v for k, v in _UNITS_ORD.items() if k not in ("الحادي", "الواحد")}
    table["العاشر"] = 10
    for word, value in _UNITS_ORD.items():
        if word in ("الاول", "الواحد"):
            continue
        table[f"{word} عشر"] = 10 + value
    for tens_word, tens in _TENS_ORD.items():
        table[tens_word] = tens
        for word, value in _UNITS_ORD.items():
            if word == "الاول":
                continue
            if tens + value <= 31:
                table[f"{word} و{tens_word}"] = tens + value
    return table


AR_ORDINAL_DAYS: dict[str, int] = _build_ordinals()
AR_ORDINAL_RE = "|".join(
    sorted((re.escape(k).replace(r"\ ", r"\s+") for k in AR_ORDINAL_DAYS), key=len, reverse=True)
)


def ar_ordinal(word: str) -> int | None:
    """The day number of a normalized Arabic ordinal ("الخامس والعشرين" -> 25), white space tolerated."""
    return AR_ORDINAL_DAYS.get(" ".join(word.split()))


# Cardinal counts that precede a plural unit ("ثلاثة أيام", "خمس سنوات"); both genders, normalized.
AR_COUNTS: dict[str, int] = {
    "واحد": 1,
    "ثلاثه": 3,
    "ثلاث": 3,
    "اربعه": 4,
    "اربع": 4,
    "خمسه": 5,
    "خمس": 5,
    "سته": 6,
    "ست": 6,
    "سبعه": 7,
    "سبع": 7,
    "ثمانيه": 8,
    "ثماني": 8,
    "ثمان": 8,
    "تسعه": 9,
    "تسع": 9,
    "عشره": 10,
    "عشر": 10,
    "بضعه": 3,
    "بضع": 3,
    "عده": 3,
}
AR_COUNT_RE = "|".join(sorted(AR_COUNTS, key=len, reverse=True))

EN_COUNTS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a few": 3,
    "a couple of": 2,
    "several": 3,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
}
EN_COUNT_RE = "|".join(sorted((k.replace(" ", r"\s+") for k in EN_COUNTS), key=len, reverse=True))


def count_value(word: str) -> int | None:
    """A count written as digits, an Arabic cardinal or an English cardinal (normalized), or None."""
    word = " ".join(word.split())
    if word.isdigit():
        return int(word)
    return AR_COUNTS.get(word, EN_COUNTS.get(word))
