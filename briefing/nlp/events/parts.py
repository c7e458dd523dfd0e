"""Provides the parts of an event: trigger words (`find_triggers`) and, for one event, its kind,
participants, place, purpose and a one-line summary in the article's language (`build_parts`).

Summaries are cut from the sentence itself, never an English template over Arabic: for Arabic, "who + verb
+ إلى/في + where + purpose head" when the participants are known ("غير بيدرسون يصل إلى دمشق لإجراء
مباحثات"), else the words from the trigger up to the date or the end of the clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from briefing.models import Actor, Sentence
from briefing.nlp.events.title import compose_title
from briefing.nlp.events.trigger import EN_VERB_FORMS, Trigger
from briefing.nlp.text import cues as C
from briefing.nlp.text.cues import L, R
from briefing.nlp.text.lazy_re import lazy_compile
from briefing.nlp.timex.types import Mention, Normalized


def _noun_alternation(nouns: Sequence[str]) -> str:
    # "زيارة" is "زياره" normalized, but "زيارته" (his visit) spells the ta: add the possessive forms.
    forms: list[str] = []
    for n in nouns:
        forms.append(n)
        if n.endswith("ه") and " " not in n:
            forms += [n[:-1] + "ت" + s for s in ("ه", "ها", "هم", "هما", "ي")]
    return C.alternation(forms)


_AR_VERB = lazy_compile(
    rf"{L}(?P<v>(?:سوف\s+)?س?[يتن](?:{C.alternation(C.AR_VERB_TRIGGERS)}))(?:ون|ان|ين|ا)?{R}"
)
# No accusative alif after a taa marbuta (normalized ه): «بدورها» is "in its turn", not «دورة».
_AR_NOUN = lazy_compile(
    rf"{L}(?P<n>(?:ال|لل)?(?P<k>{_noun_alternation([*C.AR_NOUN_TRIGGERS, 'انتخاب'])}))(?:(?<!ه)ا|ان|ين)?{R}"
)


# Future presence at a place: «وسيكون الوزير في كوالالمبور غداً», «سيتواجد الوفد في جنيف» (a visit, unless an
# event noun near it says what is there). Not «سيكون لهما تمثيل في» (a possession), «سيكون هناك», «ستكون
# جاهزة لاستضافة البطولة في» (a state: no word before في may start with لـ/بـ or be a number).
_AR_PRESENCE = lazy_compile(
    rf"{L}(?P<v>(?:سوف\s+)?س[يت](?:كون|تواجد|وجد))(?:ون|ان)?"
    r"(?=\s+(?!هناك|من\s|في\s|علي|بمثابه)[^\s\dلب]\S*(?:\s+[^\s\dلب]\S*){0,6}?\s+في\s)"
)
# Presence right after its date, the subject left in the verb: «ويوم غد الخميس سيكون في المدارس الحدودية».
_AR_PRESENCE_DATED = lazy_compile(
    rf"(?:غد|غدا|اليوم|{C.alternation(C.AR_WEEKDAYS)})\s+(?P<v>(?:سوف\s+)?س[يت](?:كون|تواجد|وجد))(?=\s+في\s+ال)"
)
# A day set aside for something: «تم تخصيص يوم الاثنين 2/11 لتدريب الأعضاء» (the verbal noun after لـ).
_AR_SET_ASIDE_FOR = lazy_compile(
    r"(?<![^\W_])(?:تخصيص|تحديد)\s+(?:يوم|موعد)[^.،,؛\n]{0,40}?\s+ل(?P<n>[^\W\d_]{3,})"
)
# "X has until <date> to ...", «أمامه حتى 17 سبتمبر ليقيم الاتفاق»: a deadline falls on that date.
_DEADLINE = {
    "ar": lazy_compile(rf"{L}(?:امام|لدي)(?:ه|ها|هم|هما|نا|كم)\s+(?:مهله\s+)?(?=حتي\s)"),
    "en": lazy_compile(r"\b(?:has|have|given)\s+(?=until\s)"),
}
_EN_VERB = lazy_compile(rf"\b(?P<v>{C.alternation(EN_VERB_FORMS)})\b")
_EN_NOUN = lazy_compile(rf"\b(?P<n>{C.alternation(C.EN_NOUN_TRIGGERS)})\b")
_AR_AMOUNTS = lazy_compile(
    r"\s+(?:ال)?(?:عدد|تكلفه|قيمه|نسبه|حجم|مجموع|اجمالي|سعر|اسعار|درجه|الحراره|مده|طول)"
    r"|(?:\s+\S+){0,2}?\s+(?:الي|نحو|حوالي|زهاء)\s+(?:نحو\s+|حوالي\s+|اكثر\s+من\s+)?\d"
)
# "the previous session", "الجلسة السابقة": an event noun that points back is not upcoming.
_AR_PAST_NOUN = lazy_compile(rf"(?:ا|ان|ين)?\s+(?:{C.alternation(C.AR_LAST)}|الاخيره|الاخير){R}")
_EN_PAST_NOUN = lazy_compile(r"\b(?:previous|last|past|prior|earlier)\s+$")
_EN_OBLIQUE = lazy_compile(r"\b(?:for|to)\s+$")
_AR_FROM = lazy_compile(r"(?<=ا)\s+من\s")
# «المتحدث باسم الانتخابات» (the elections' spokesman): an event noun inside an office is no event.
_AR_TOUR_POINT = lazy_compile(r"(?<![^\W_])(?:نهايه|ختام|مستهل|بدايه)\s+$")
_AR_ON_BEHALF = lazy_compile(r"(?<![^\W_])باسم\s+$")
_AR_TALKS_AFTER = lazy_compile(r"(?:\s+\S+){0,2}\s+(?:من\s+)?(?:ال)?(?:مفاوضات|محادثات|مباحثات|حوار|مشاورات)")
_EN_VERB_BEFORE = lazy_compile(r"(?:\b(?:will|to|would|shall|and|'ll)\s+)$")


def find_triggers(nt: Normalized, lang: str) -> list[Trigger]:
    """Event triggers in normalized text, in order; a generic verb ("تعقد", "will hold") takes the kind of the
    nearest event noun next to it."""
    norm = nt.norm
    verbs: list[Trigger] = []
    nouns: list[Trigger] = []
    present: set[tuple[int, int]] = set()
    if lang.startswith("en"):
        for m in _EN_VERB.finditer(norm):
            form = " ".join(m["v"].split())
            base = EN_VERB_FORMS.get(form, form)
            is_noun = form in C.EN_NOUN_TRIGGERS and not _EN_VERB_BEFORE.search(
                norm, max(0, m.start() - 12), m.start()
            )
            if not is_noun:
                verbs.append(Trigger(m.start(), m.end(), C.EN_VERB_TRIGGERS[base], True, form != base))
        taken = {(t.start, t.end) for t in verbs}
        for m in _EN_NOUN.finditer(norm):
            if _EN_PAST_NOUN.search(norm, max(0, m.start() - 10), m.start()):
                continue  # "the previous session"
            if (m.start(), m.end()) not in taken:
                oblique = bool(_EN_OBLIQUE.search(norm, max(0, m.start() - 5), m.start()))
                nouns.append(
                    Trigger(
                        m.start(),
                        m.end(),
                        C.EN_NOUN_TRIGGERS[" ".join(m["n"].split())],
                        False,
                        False,
                        oblique,
                    )
                )
    else:
        for m in _AR_VERB.finditer(norm):
            if _AR_AMOUNTS.match(norm, m.end()):
                continue  # "تصل تكلفة المشروع" amounts to: no arrival
            stem = " ".join(re.sub(r"^(?:سوف\s+)?س?[يتن]", "", m["v"]).split())
            verbs.append(Trigger(m.start("v"), m.end("v"), C.AR_VERB_TRIGGERS.get(stem), True, True))
        for m in [*_AR_PRESENCE.finditer(norm), *_AR_PRESENCE_DATED.finditer(norm)]:
            verbs.append(Trigger(m.start("v"), m.end("v"), None, True, True))
            present.add((m.start("v"), m.end("v")))
        for m in _AR_NOUN.finditer(norm):
            key = " ".join(m["k"].split())
            key = key if key in C.AR_NOUN_TRIGGERS else re.sub(r"ت(?:ه|ها|هم|هما|ي)$", "ه", key)
            kind = C.AR_NOUN_TRIGGERS.get(key, "election")
            if kind == "visit" and key.startswith("جول") and _AR_TALKS_AFTER.match(norm, m.end()):
                kind = "talks"  # "جولة جديدة من المفاوضات" is a round of talks, not a tour
            if _AR_PAST_NOUN.match(norm, m.end("n")):
                continue  # «الجلسة السابقة» (the previous session)
            if key == "بدء" and _AR_FROM.match(norm, m.end()):
                continue  # «بدءاً من اليوم» (starting from today) introduces a date
            oblique = (
                m["n"].startswith("لل")
                or (m.start("n") > 0 and norm[m.start("n") - 1] == "ل")
                or bool(_AR_ON_BEHALF.search(norm, max(0, m.start("n") - 6), m.start("n")))
                # «في نهاية جولته», «في ختام زيارته»: when in the tour, not the event
                or bool(_AR_TOUR_POINT.search(norm, max(0, m.start("n") - 8), m.start("n")))
            )
            nouns.append(Trigger(m.start("n"), m.end("n"), kind, False, False, oblique))
        nouns = _editions(norm, nouns)
        if "تخصيص" in norm or "تحديد" in norm:  # a cheap test before the pattern
            nouns += [
                Trigger(m.start("n"), m.end("n"), None, False, False)
                for m in _AR_SET_ASIDE_FOR.finditer(norm)
            ]
    deadline = _DEADLINE["en" if lang.startswith("en") else "ar"]
    nouns += [Trigger(m.start(), m.end(), "deadline", False, False) for m in deadline.finditer(norm)]
    heads = [n for n in nouns if not _AR_ON_BEHALF.search(norm, max(0, n.start - 6), n.start)]
    out = nouns + [_with_kind(v, heads) if v.kind is None else v for v in verbs]
    out = [replace(t, kind="visit") if t.kind is None and (t.start, t.end) in present else t for t in out]
    return sorted(out, key=lambda t: t.start)


_AR_EDITION = lazy_compile(r"(?:ال)?(?:دوره|نسخه)$")
# Up to two words (an ordinal, «العادية») between the edition and «لـ»/«من» and the event.
_AR_EDITION_OF = lazy_compile(r"\s+(?:[^\s،,.]+\s+){0,2}(?:ل|من\s+|(?=لل))")


def _editions(norm: str, nouns: list[Trigger]) -> list[Trigger]:
    """«الدورة التاسعة لمهرجان سوق عكاظ», «النسخة الثالثة من البطولة»: an edition is of the event named
    after it and takes its kind (a festival, not a session)."""
    out = list(nouns)
    for i, t in enumerate(out[:-1]):
        nxt = out[i + 1]
        of = _AR_EDITION_OF.match(norm, t.end, nxt.start + 2)
        if _AR_EDITION.search(norm, t.start, t.end) and of is not None and of.end() >= nxt.start:
            out[i] = replace(t, kind=nxt.kind)
    return out


def _with_kind(v: Trigger, nouns: Sequence[Trigger]) -> Trigger:
    # Passive and relative clauses put the noun first ("القمة التي ستعقد"): look both ways, after first.
    near = [(n.start - v.end if n.start >= v.end else (v.start - n.end) * 1.2, n) for n in nouns]
    near = [(d, n) for d, n in near if d <= 60]
    if not near:
        return v
    return Trigger(v.start, v.end, min(near, key=lambda x: x[0])[1].kind, v.verb, v.imperfect)


# --- the parts of one event ---------------------------------------------------------------------


@dataclass(frozen=True)
class Parts:
    summary: str
    kind: str
    trigger: str
    who: tuple[str, ...]
    where: str | None
    purpose: str | None
    clause: str


_AR_PURPOSE = lazy_compile(rf"{L}(?:{C.alternation(C.AR_PURPOSE)})")
_EN_PURPOSE = lazy_compile(rf"\b(?:{C.alternation(C.EN_PURPOSE)})\b")
_CLAUSE_END = lazy_compile(
    r"[،,.;؛:!?؟\"«»()\n]|\s(?:وخاصه|خاصه|وذلك|فيما|في حين|بينما|while|after|as|which)\s"
)
_AR_PLACE = lazy_compile(rf"(?:الي|في|نحو)\s+(?P<p>{C.alternation(C.AR_PLACES)}){R}")
_EN_PLACE = lazy_compile(rf"\b(?:to|in|at)\s+(?P<p>{C.alternation(C.EN_PLACES)})\b")
_PREP_BEFORE = lazy_compile(r"(?:الي|في|نحو|to|in|at)\s+(?:ال)?$")
_KIND_ORDER = {"person": 0, "org": 1, "country": 2, "place": 3}


def _orig(nt: Normalized, a: int, b: int) -> str:
    s, e = nt.span(a, b)
    return nt.text[s:e]


def _norm_pos(nt: Normalized, orig: int) -> int:
    from bisect import bisect_left  # noqa: PLC0415 (tiny; keeps the module's imports about events)

    return bisect_left(nt.offsets, orig)


def _clause_end(nt: Normalized, start: int, limit: int) -> int:
    m = _CLAUSE_END.search(nt.norm, start, limit)
    return m.start() if m else limit


def _words(text: str, n: int) -> str:
    return " ".join(text.split()[:n])


def build_parts(
    nt: Normalized,
    lang: str,
    trig: Trigger,
    mention: Mention,
    sentence: Sentence,
    follow: Sequence[int],
    sentences: Sequence[Sentence],
    actors: Sequence[Actor],
    triggers: Sequence[Trigger] = (),
    dates: Sequence[Mention] = (),
) -> Parts:

    en = lang.startswith("en")
    a, b = _norm_pos(nt, sentence.start), _norm_pos(nt, sentence.end)
    spans = [(sentence.start, sentence.end)] + [(s.start, s.end) for s in sentences if s.index in follow]
    kind = trig.kind or "event"
    where_actor, where = _where(nt, en, trig, a, b, sentence, actors)
    who = _who(actors, spans, where_actor)
    purpose = None
    if pm := (_EN_PURPOSE if en else _AR_PURPOSE).search(nt.norm, trig.end, b):
        end = _clause_end(nt, pm.end(), b)
        purpose = _words(_orig(nt, pm.start(), end), 14) or None
    trigger_text = _orig(nt, trig.start, trig.end)
    title = compose_title(nt, lang, trig, mention, a, b, actors, triggers, where, dates)
    if title.agent and title.agent in who:
        who = (title.agent, *(w for w in who if w != title.agent))
    return Parts(title.text, kind, trigger_text, who, where, purpose, title.clause)


def _who(actors: Sequence[Actor], spans: Sequence[tuple[int, int]], where: Actor | None) -> tuple[str, ...]:
    found: list[tuple[int, int, str]] = []
    for actor in actors:
        if actor is where or actor.kind == "place":
            continue
        hits = [s for s, e in actor.mentions if any(a <= s and e <= b for a, b in spans)]
        if hits:
            found.append((_KIND_ORDER.get(actor.kind, 9), min(hits), actor.name))
    # Countries are participants only when nobody more specific is named («ممثلين عن روسيا وإيران» next to
    # named envoys is context, not a guest list).
    if any(kind <= _KIND_ORDER["org"] for kind, _, _ in found):
        found = [f for f in found if f[0] != _KIND_ORDER["country"]]
    return tuple(name for _, _, name in sorted(found))


def _where(
    nt: Normalized, en: bool, trig: Trigger, a: int, b: int, sentence: Sentence, actors: Sequence[Actor]
) -> tuple[Actor | None, str | None]:
    best: tuple[tuple[int, int], Actor] | None = None
    trig_orig = nt.span(trig.start, trig.end)[0]
    for actor in actors:
        if actor.kind not in ("place", "country"):
            continue
        for s, e in actor.mentions:
            if not (sentence.start <= s and e <= sentence.end):
                continue
            ns = _norm_pos(nt, s)
            if not _PREP_BEFORE.search(nt.norm, max(a, ns - 8), ns):
                continue
            key = (0 if actor.kind == "place" else 1, 0 if s > trig_orig else 1)
            if best is None or key < best[0]:
                best = (key, actor)
    if best is not None:
        return best[1], best[1].name
    m = (_EN_PLACE if en else _AR_PLACE).search(nt.norm, a, b)
    return None, (_orig(nt, m.start("p"), m.end("p")) if m else None)
