"""Provides `detect_lang`: Arabic, English or other, per article, offline and in microseconds.

The script decides first: an article whose letters are mostly Arabic-script is Arabic unless it carries the
marks of Persian or Urdu (letters Arabic does not use, such as پ چ ژ گ ک ی ے, and their commonest function
words). Latin-script text is English when English function words are frequent in it (they are a third of
running English text, and rare in French, Spanish, German or Turkish); anything else is "other". Only the
first few thousand characters are looked at: a language does not change halfway through a news article.
"""

from __future__ import annotations

from briefing.nlp.text.lazy_re import lazy_compile

_SAMPLE = 4000
_ARABIC_SCRIPT = lazy_compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
# Letters of Persian and Urdu that Arabic does not use. Farsi yeh (ی) and keheh (ک) are left out: Arabic typed
# on a Persian keyboard is full of them.
_NOT_ARABIC_LETTERS = lazy_compile("[پچژگۀےۓٹڈڑں]")
_PERSIAN_URDU_WORDS = frozenset("است این که را می های برای بود شد آن ہے کی کے میں اور سے".split())
_EN_WORDS = frozenset(
    "the of and to in a is that for on with as was by at from his he it an are be has have said will its "
    "were not this but who which their they also after been had would more than over".split()
)
_LATIN_WORD = lazy_compile(r"[A-Za-z]+")
_ARABIC_WORD = lazy_compile(r"[\u0600-\u06ff]+")

ARABIC_SHARE = 0.4
"""Share of letters in Arabic script from which a text is Arabic-script (Latin names are common in it)."""
ENGLISH_SHARE = 0.12
"""Share of Latin words that are English function words above which a text is English (about 0.3-0.4 in
English news, under 0.05 in French, Spanish or German)."""


def detect_lang(text: str) -> str:
    """ "ar", "en" or "other"."""
    sample = text[:_SAMPLE]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return "other"
    arabic = sum(1 for c in letters if _ARABIC_SCRIPT.match(c))
    if arabic / len(letters) >= ARABIC_SHARE:
        return "other" if _persian_or_urdu(sample, arabic) else "ar"
    words = [w.lower() for w in _LATIN_WORD.findall(sample)]
    if words and sum(1 for w in words if w in _EN_WORDS) / len(words) >= ENGLISH_SHARE:
        return "en"
    return "other"


def _persian_or_urdu(sample: str, arabic_letters: int) -> bool:
    # A few such letters occur in Arabic text (a Persian name in its own spelling): a share, not a presence.
    if len(_NOT_ARABIC_LETTERS.findall(sample)) >= max(3, 0.01 * arabic_letters):
        return True
    words = _ARABIC_WORD.findall(sample)
    return bool(words) and sum(1 for w in words if w in _PERSIAN_URDU_WORDS) / len(words) >= 0.04
