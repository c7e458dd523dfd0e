"""Provides Arabic normalization for matching and search (never for display), following camel-tools.

The diacritics removed are camel-tools' `AR_DIAC_CHARSET` (the eight harakat and tanween U+064B-U+0652 and
the superscript alef U+0670), written out here: importing `camel_tools.utils.charsets` scans all of Unicode
(0.4 s and more), which every `briefing analyze` would pay; a unit test checks the copy against camel-tools.
The letters are unified as camel-tools' normalizers do (alef forms, alef maksura, teh marbuta) in one
`str.translate` table, built once per process. The table maps character to character (or deletes), which
lets `normalize_with_map` keep an offset map back into the original text.
"""

from __future__ import annotations

from functools import cache

from briefing.nlp.text.lazy_re import lazy_compile

TATWEEL = "\u0640"
AR_DIACRITICS = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670")
"""camel-tools' `AR_DIAC_CHARSET`, without importing it (see the module docstring)."""
# Eastern Arabic and Persian digits, and the Arabic decimal separator.
_DIGITS = {ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")} | {
    ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")
}
_DIGITS[ord("٫")] = "."
_ARABIC_LETTER = lazy_compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


@cache
def _table() -> dict[int, str | None]:
    """The translation table: diacritics and tatweel removed, letter forms and digits unified."""
    table: dict[int, str | None] = {ord(c): None for c in AR_DIACRITICS}
    table[ord(TATWEEL)] = None
    for alef in "أإآٱ":
        table[ord(alef)] = "ا"
    table[ord("ى")] = "ي"
    table[ord("ة")] = "ه"
    table.update(_DIGITS)
    return table


def normalize(text: str) -> str:
    """Normalize for matching: no diacritics or tatweel, one alef, ya for alef maksura, ha for teh marbuta,
    ASCII digits. Latin text is case-folded so that matching is case-insensitive in both scripts."""
    return text.translate(_table()).casefold()


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """`normalize(text)` plus, for each character of the result, its offset in `text` (and one past the
    end)."""
    table = _table()
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        mapped = table.get(ord(ch), ch)
        if mapped is None:
            continue
        for c in mapped.casefold():
            out.append(c)
            offsets.append(i)
    offsets.append(len(text))
    return "".join(out), offsets


def is_arabic(text: str) -> bool:
    return bool(_ARABIC_LETTER.search(text))


def arabic_ratio(text: str) -> float:
    """Share of letters that are Arabic, for language identification."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if _ARABIC_LETTER.match(c)) / len(letters)


def tokenize(text: str) -> list[str]:
    """Words of normalized text, via camel-tools' word tokenizer (punctuation split off)."""
    from camel_tools.tokenizers.word import simple_word_tokenize  # noqa: PLC0415

    return [t for t in simple_word_tokenize(normalize(text)) if any(c.isalnum() for c in t)]
