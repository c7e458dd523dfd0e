"""Provides the tense cues of the event extractor (`events`): future and past cues in normalized text
(`find_cues`: future particles and phrases, the prefix سـ on an imperfect verb, perfect verbs, English
modals and past words, imperfect trigger verbs and, in Arabic, an imperfect verb opening a sentence), the
tense a set of cues gives (`tense_of`, `sentence_tense`) and the tense of one date from the nearest cue in
its sentence (`local_tense`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.nlp.events.parts import find_triggers
from briefing.nlp.events.trigger import Trigger
from briefing.nlp.text import cues as C
from briefing.nlp.text.cues import L, R
from briefing.nlp.timex.types import Mention, Normalized, Tense

# A perfect verb takes و or ف before it, never ب or ل: «لعقد» (to hold) is a verbal noun, not «عقد» (held).
_L_VERB = r"(?:(?<![^\W_])|(?<=(?<![^\W_])[وف]))"


def _ar_cue_re(words: Sequence[str]) -> str:
    # Cues ending in the preposition لـ ("يستعد ل") run into the next word; the others end at a word
    # boundary.
    joined = [w for w in words if w.endswith(" ل")]
    whole = [w for w in words if not w.endswith(" ل")]
    return rf"{L}(?:(?:{C.alternation(whole)}){R}|(?:{C.alternation(joined)}))"


_AR_FUTURE = re.compile(_ar_cue_re(C.AR_FUTURE_CUES))
# The future prefix سـ on an imperfect verb ("سيزور", "ستعقد", "سنعمل"); the exclusions are nouns that
# happen to
# start the same way ("سياسة", "سنوات", "لا سيما").
_AR_SA = re.compile(r"(?<![^\W_])[وف]?(?P<w>س[يتن][^\W\d_]{2,})(?![^\W_])")
_AR_SA_NOT = re.compile(
    r"^(?:سياس|سياق|سياح|ستوديو|سياد|سيار|سيطر|سيناري|سيول|ستين|ستوكهولم|سنغافور|سنجار|سيئ|سيناء|سنتيمتر|سيبيري|سيريلانك|سيمفون|"
    r"سيكولوج|سينما|سيناتور|سناتور|سنوات|سنوي|سندات)"
    r"|^(?:سيد|سيده|سيف|سيما|سيره|سيرا|سير|سيل|سته|ستار|ستائر|سنه|سنين|سنتين|سنت|سنتات|ستون|سنيه|سيرته|سيرتها|"
    r"ستالين|سنده|سنتها|سنته|سيوف|ستيني|سنا|سنان|ستر|ستره|سنن|سنه)$"
)
# A perfect verb may carry an attached object pronoun: «أجراها» (he held it), «التقاه» (he met him); a stem
# that ends in ى spells it ا before the pronoun («ألقى» -> «ألقاها»: the speech he gave).
_AR_DEFECTIVE = C.alternation(w[:-1] + "ا" for w in C.AR_PAST_STEMS if w.endswith("ي") and len(w) > 3)
_AR_PAST = re.compile(
    rf"{_L_VERB}(?:قد\s+)?(?:(?:{C.alternation(C.AR_PAST_STEMS)})(?:ت|وا|ا|تا)?(?:ه|ها|هم|هما|نا)?"
    rf"|(?:{_AR_DEFECTIVE})(?:ه|ها|هم|هما|نا)){R}"
)
_EN_FUTURE_WORDS = C.alternation(c for c in C.EN_FUTURE_CUES if not c.startswith("'"))
_EN_FUTURE = re.compile(rf"(?:\b(?:{_EN_FUTURE_WORDS})\b|'ll\b)")
_EN_TO_VERB = re.compile(
    r"\bto\s+(?:visit|meet|hold|travel|attend|host|arrive|address|sign|vote|launch|open|begin|start|resume|convene)\b"
)
_EN_PAST = re.compile(rf"\b(?:{C.alternation(C.EN_PAST_WORDS)})\b")
_AR_CLITIC = re.compile(r"^(?:[وف]|قد\s+|[وف]قد\s+)")
# «تم تخصيص يوم الاثنين لتدريب ...»: the decision is past, the day it sets aside is ahead.
_AR_SET_ASIDE = re.compile(rf"{_L_VERB}(?:قد\s+)?تم\s+(?:تخصيص|تحديد){R}")
_AR_OPENING_VERB = re.compile(r"\s*[وف]?(?P<w>[يت][^\W\d_]{2,})(?![^\W_])")
_AR_LAM = re.compile(r"(?<![^\W_])لم\s+$")


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    tense: Tense
    strong: bool
    reporting: bool = False


def family(lang: str) -> str:
    """The family of the cue and status patterns for a language code: "en" for English, else "ar"."""
    return "en" if lang.startswith("en") else "ar"


def find_cues(
    nt: Normalized, lang: str, triggers: Sequence[Trigger] = (), starts: Sequence[int] = (0,)
) -> list[Cue]:
    """Future and past cues in normalized text, in order. Imperfect trigger verbs, and in Arabic an imperfect
    verb opening a sentence (`starts`: sentence starts), count as weak future cues: Arabic news announces
    plans in the present ("يصل الرئيس غداً")."""
    norm = nt.norm
    out: list[Cue] = []
    if family(lang) == "ar":
        out += [Cue(m.start(), m.end(), "future", True) for m in _AR_FUTURE.finditer(norm)]
        out += [
            Cue(m.start("w"), m.end(), "future", True)
            for m in _AR_SA.finditer(norm)
            if not _AR_SA_NOT.match(m["w"])
        ]
        if "تخصيص" in norm or "تحديد" in norm:  # a cheap test before the pattern
            out += [Cue(m.start(), m.end(), "future", True) for m in _AR_SET_ASIDE.finditer(norm)]
        for m in _AR_PAST.finditer(norm):
            word = _AR_CLITIC.sub("", m.group())
            out.append(Cue(m.start(), m.end(), "past", True, word in C.AR_REPORTING))
        for a in starts:
            opening = _AR_OPENING_VERB.match(norm, a)
            if opening and opening["w"] not in C.AR_BACKGROUND_VERBS:
                out.append(Cue(opening.start("w"), opening.end("w"), "future", False))
    else:
        out += [Cue(m.start(), m.end(), "future", True) for m in _EN_FUTURE.finditer(norm)]
        out += [Cue(m.start(), m.end(), "future", False) for m in _EN_TO_VERB.finditer(norm)]
        out += [
            Cue(m.start(), m.end(), "past", True, m.group() in C.EN_REPORTING)
            for m in _EN_PAST.finditer(norm)
        ]
    taken = [(c.start, c.end) for c in out]
    for t in triggers:
        if t.verb and t.imperfect and all(t.end <= a or t.start >= b for a, b in taken):
            # "لم يزر" / "did not" turn an imperfect into a past; otherwise it hints at a plan ("يزور
            # غداً").
            past = bool(_AR_LAM.search(norm, max(0, t.start - 4), t.start))
            out.append(Cue(t.start, t.end, "past" if past else "future", past))
    # Where cues overlap, the one that starts first (then the longer) wins.
    out.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[Cue] = []
    for c in out:
        if kept and c.start < kept[-1].end:
            continue
        kept.append(c)
    return kept


def tense_of(cues: Sequence[Cue]) -> Tense:
    if any(c.tense == "future" and c.strong for c in cues):
        return "future"
    if any(c.tense == "past" for c in cues):
        return "past"
    return "future" if cues else "unknown"


def sentence_tense(sentence: str, lang: str) -> Tense:
    """The sentence's tense from its cues: a strong future cue wins (reported plans are future), then past
    markers, then weak future cues (an imperfect event verb); "unknown" when there is no cue."""
    nt = Normalized.of(sentence)
    return tense_of(find_cues(nt, lang, find_triggers(nt, lang)))


def local_tense(m: Mention, cues: Sequence[Cue], fallback: Tense) -> tuple[Tense, bool]:
    """The tense of the nearest cue before the date in its sentence (else the nearest after it)."""
    before = [c for c in cues if c.end <= m.start]
    if before:
        return before[-1].tense, before[-1].strong
    after = [c for c in cues if c.start >= m.end and not c.reporting]
    if after:
        return after[0].tense, after[0].strong
    return fallback, False
