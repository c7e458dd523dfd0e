"""Provides `is_furniture`: whether a sentence is page furniture that must never be ranked as news, whatever
its position. Furniture is what `prepare` could not cut because it sits inside a paragraph or on a line of
its own in an unexpected shape: a dateline ("ANKARA", "MOSCOW (Sputnik) —", «واس - الرياض:»), a credit
("Photo: AFP", «تصوير: محمد علي», "Reporting by ...; Editing by ..."), a caption that ends in a credit, and
boilerplate ("All rights reserved", «اقرأ أيضاً», "Follow us on ...", a link to the story with its
newspaper's name: «رابط الخبر بصحيفة ...: <the title>").
"""

from __future__ import annotations

import re

from briefing.nlp.text.lazy_re import lazy_compile
from briefing.nlp.text.prepare import AGENCY as _AGENCY

_AR = "[\u0621-\u0652\u0670 ]"
"""An Arabic letter (diacritics included) or a space."""
# A dateline alone: a capitalised place, an optional date and agency, an optional dash; or the Arabic forms
# "PLACE - (AGENCY):", "AGENCY - PLACE:", "PLACE:" (the last also takes a short heading ending in a colon,
# "في المطبخ:", which is no news sentence either). Case matters: "Leaders meet in Brussels" is no dateline.
_DATELINE = lazy_compile(
    rf"^(?:[A-Z][A-Z .'’-]{{1,40}}(?:,\s*[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}})?"
    rf"\s*(?:\((?:{_AGENCY})\))?\s*[-–—:]*"
    rf"|{_AR}{{2,25}}\s*[-–—ـ]+\s*(?:[(«][^()«»]{{2,20}}[)»]|(?:{_AGENCY}))\s*:?"
    rf"|(?:{_AGENCY})\s*[-–—ـ]+\s*{_AR}{{2,25}}\s*:?"
    rf"|{_AR}{{2,25}}:)$"
)
# A credit: who took the photo, wrote or edited the story, or where the text comes from.
_CREDIT = lazy_compile(
    r"^[(\[]?\s*(?:photo|photos|image|picture|file photo|video|credit|source|reporting|writing|editing|"
    r"additional reporting|compiled|تصوير|الصورة|صورة|الصور|صور|المصدر|إعداد|اعداد|تحرير|ترجمة|كتابة)"
    r"\s*(?:by\b|[:：/]|-\s)"
    r"|^(?:©|\(c\)|copyright\b)"
    r"|\b(?:reporting|writing|editing) by\b",
    re.IGNORECASE,
)
# A caption: a short line that ends in a credit in parentheses ("... in Gaza on Monday (AFP)").
_CAPTION = lazy_compile(
    rf"[(\[](?:[^()\[\]]{{0,30}}[/ ])?(?:{_AGENCY}|getty(?: images)?|أرشيف|archive)[)\]]\s*\.?$",
    re.IGNORECASE,
)
_BOILERPLATE = lazy_compile(
    r"^(?:(?:اقرأ|إقرأ|اقرا) (?:أيضا|أيضاً|ايضا|ايضاً|المزيد)|read (?:more|also)\b|advertisement\b|"
    r"all rights reserved|جميع الحقوق محفوظة|follow us\b|تابعونا\b|click here\b|اضغط هنا|"
    r"(?:رابط|لينك) (?:الخبر|المقال|الموضوع|المادة)|link to (?:the |this )?(?:story|article)\b)",
    re.IGNORECASE,
)
_CAPTION_WORDS = 25
"""Words past which a line ending in a credit is prose that cites its source, not a caption."""


def is_furniture(sentence: str) -> bool:
    """Whether a sentence is a dateline, a credit, a caption ending in a credit, or boilerplate."""
    s = sentence.strip()
    if not s:
        return True
    words = len(s.split())
    if words <= 8 and _DATELINE.match(s):
        return True
    if words <= _CAPTION_WORDS and (_CREDIT.search(s) or _CAPTION.search(s)):
        return True
    return words <= _CAPTION_WORDS and bool(_BOILERPLATE.match(s))
