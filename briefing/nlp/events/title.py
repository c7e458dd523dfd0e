"""Provides the title of an event composed from its parts (`compose_title`), never cut out of the sentence.

The parts are found in the trigger's clause: the head (the trigger verb or event noun), the agent (who acts:
the grammatical subject of the verb, or of the verb that governs the event noun), the complement (what
follows the head up to the date, a purpose phrase or the clause's end) and the venue. The title is written
in the article's language from those parts:

- a verb with a known agent: "agent verb complement" («غير بيدرسون يصل إلى دمشق», "Wang Yi visits Seoul");
  in Arabic the verb loses its future prefix (سيزور -> يزور) and the agent moves in front of it (Arabic puts
  the verb first: «يصل المبعوث غير بيدرسون إلى دمشق»);
- an event noun governed by a verb with an agent: "agent verb noun phrase" («تونس تستضيف القمة المغاربية»);
- no agent: a nominal title, the event noun phrase («اجتماع مجلس الأمن حول لبنان») or the verbal noun of
  the trigger verb over its subject («انطلاق الدورة التدريبية»), never a name guessed from nearby words.

A title is trimmed so that it never ends on a word that cannot end a phrase (a preposition, a conjunction,
a date word, a bare future verb or participle); the clause the event comes from is kept whole, cut only at
clause boundaries, for the reader to see under the title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.models import Actor
from briefing.nlp.events.trigger import Trigger, en_base, en_third_person
from briefing.nlp.text import cues as C
from briefing.nlp.text.arabic import normalize
from briefing.nlp.timex.types import Mention, Normalized


@dataclass(frozen=True)
class Title:
    text: str
    clause: str
    agent: str | None


_BOUNDARY = re.compile(r"[،,.;؛:!?؟()\[\]\n]|\s[-–—]\s")
_WORD = re.compile(r"\S+")
_EN_CLAUSE_WORD = re.compile(r"\b(?:that|said|says|while|after|which|who|and|but|as)\b")

# Words that cannot end an Arabic title (normalized): particles, prepositions, date words, and the
# participles and verbs that announce what follows them.
_AR_DANGLING = frozenset(
    "في الي من علي عن مع و او ثم الذي التي الذين ان انه انها بين حول يوم يومي خلال عند لدي نحو منذ حتي "
    "بعد قبل ب ل ك لـ بـ قد لن لم لا ما كان كانت تم سيتم عبر ضمن امام وفق بشان اثناء مطلع منتصف نهايه "
    "اواخر اوائل بدايه مساء صباح ظهر اليوم غدا غد امس الاسبوع الشهر العام الساعه تمام هذا هذه ذلك تلك "
    "وحتي المقرر المقرره مقرر مقرره المزمع المرتقب المرتقبه المنتظر المنتظره المتوقع المتوقعه له لها عقده "
    "عقدها انعقاده اجراؤها اجراؤه موعد موعدها موعده يشهد تشهد".split()
)
_EN_DANGLING = frozenset(
    "for to in on at of with by from the a an and or but which that who whom whose into about between "
    "during before after until as is are was were be will would shall has have had its their his her "
    "this these those next later scheduled expected due planned set slated also".split()
)
# Auxiliaries that may stand between an agent and its verb: «أعلن الوزير أنه سيزور», "X is due to visit".
_AR_AUX = frozenset(
    "انه انها انهم انهما ان بانه بانها قد سوف يعتزم تعتزم يعتزمون ينوي تنوي يزمع تزمع يستعد تستعد يتوقع "
    "يتوقع ان من المقرر المنتظر المتوقع ايضا كذلك".split()
)
_EN_AUX = frozenset(
    "will would shall is are was were be to also scheduled expected due set slated planning plans plan "
    "intends intend going poised preparing about later then 'll".split()
)
_AR_PREP = frozenset("في الي من علي عن مع ب ل لدي حول خلال عند بين عبر ضد".split())
# The verbal noun of an Arabic trigger verb (by stem), for a nominal title when the agent is unknown.
_AR_MASDAR = {
    "زور": "زيارة",
    "صل": "وصول",
    "توجه": "توجه",
    "سافر": "سفر",
    "لتقي": "لقاء",
    "جتمع": "اجتماع",
    "ستقبل": "استقبال",
    "بحث": "بحث",
    "ناقش": "مناقشة",
    "تفاوض": "مفاوضات",
    "تباحث": "مباحثات",
    "لقي": "إلقاء",
    "خاطب": "مخاطبة",
    "صوت": "تصويت",
    "قترع": "اقتراع",
    "نتخب": "انتخاب",
    "وقع": "توقيع",
    "عقد": "عقد",
    "نعقد": "انعقاد",
    "جري": "إجراء",
    "نظم": "تنظيم",
    "ستضيف": "استضافة",
    "شارك": "مشاركة",
    "حضر": "حضور",
    "نطلق": "انطلاق",
    "بدا": "بدء",
    "فتتح": "افتتاح",
    "ستانف": "استئناف",
    "تراس": "ترؤس",
    "نتهي": "انتهاء",
    "قام": "إقامة",
    "شهد": "",
}
# Arabic verbs whose subject is the event itself («تعقد القمة», «تنطلق الدورة»): with no agent the title is
# the event noun phrase, not a person.
_AR_PASSIVE_STEMS = frozenset({"عقد", "نعقد", "جري", "نطلق", "بدا", "نتهي", "قام", "ستانف", "فتتح", "شهد"})
_AR_FUTURE_PREFIX = re.compile(r"^(?:سوف\s+)?س(?=[يتن])")
_AR_STEM = re.compile(r"^(?:سوف\s+)?س?[يتن]")
_AR_DIACRITICS = re.compile(r"[\u064b-\u0652\u0670\u0640]")


def _clause(nt: Normalized, a: int, b: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause around `[lo, hi)` inside the sentence `[a, b)`: from the boundary before `lo` to the one
    after `hi`."""
    start = a
    for m in _BOUNDARY.finditer(nt.norm, a, lo):
        start = m.end()
    m2 = _BOUNDARY.search(nt.norm, hi, b)
    return start, (m2.start() if m2 else b)


def _orig(nt: Normalized, a: int, b: int) -> str:
    if b <= a:
        return ""
    s, e = nt.span(a, b)
    return nt.text[s:e].strip()


def _tokens(nt: Normalized, a: int, b: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(nt.norm, a, b)]


def _bare(word: str) -> str:
    return word.strip(".,،:;؛\"'«»()")


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    name: str


def _actor_spans(nt: Normalized, actors: Sequence[Actor], a: int, b: int) -> list[_Span]:
    from bisect import bisect_left  # noqa: PLC0415

    out: list[_Span] = []
    for actor in actors:
        if actor.kind == "place":
            continue
        en = not any("\u0600" <= ch <= "\u06ff" for ch in actor.name)
        name = _clean_agent(actor.name, en)
        for s, e in actor.mentions:
            ns, ne = bisect_left(nt.offsets, s), bisect_left(nt.offsets, e)
            if not (a <= ns and ne <= b):
                continue
            # The name finder may glue a word to the name («جون كيري اجتماعا») or take the word alone.
            kept = _tokens(nt, ns, ne)
            while kept and _clean_agent("x " + _orig(nt, kept[-1][0], kept[-1][1]), en) == "x":
                kept.pop()
            if kept:
                out.append(_Span(kept[0][0], kept[-1][1], name))
    return sorted(out, key=lambda x: (x.start, -x.end))


def _gap_words(nt: Normalized, a: int, b: int) -> list[str]:
    return [_bare(w) for w in nt.norm[a:b].split() if _bare(w)]


def _agent_after(
    nt: Normalized,
    spans: Sequence[_Span],
    head_end: int,
    limit: int,
    max_gap: int,
    dates: Sequence[tuple[int, int]] = (),
) -> _Span | None:
    """VSO: the name right after the verb, with at most `max_gap` title words between («يصل المبعوث الخاص إلى
    سورية غير بيدرسون»): the words between must open with a noun, not a preposition or a date. A date after
    the first words closes the subject: in «يصل محافظ المدينة خلال النهار إلى ... منذ سيطرة المسلحين» a name
    after the date is no agent."""
    for sp in spans:
        if sp.start < head_end or sp.start >= limit:
            continue
        if any(head_end < a and b <= sp.start and _gap_words(nt, head_end, a) for a, b in dates):
            return None
        gap = [w for w in _gap_words(nt, head_end, sp.start) if w not in _AR_DATE_WORDS and not w.isdigit()]
        if not gap or (
            len(gap) <= max_gap
            and gap[0] not in _AR_PREP
            and gap[-1] not in _AR_PREP
            and not any(_is_bare_verb(w) or _is_event_noun(w) for w in gap)
        ):
            return sp
        if gap and gap[-1] in _AR_PREP and len(gap) <= max_gap:
            continue  # a name after a preposition is part of a title phrase («المبعوث إلى سورية»)
        return None
    return None


def _is_event_noun(word: str) -> bool:
    w = re.sub(r"^(?:ال|لل|[وفبل]ال)", "", word)
    return w in C.AR_NOUN_TRIGGERS or w.rstrip("ا") in C.AR_NOUN_TRIGGERS or w in C.EN_NOUN_TRIGGERS


def _noun_subject(
    nt: Normalized, head_end: int, c1: int, skip: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """VSO with a common noun: the definite noun right after the verb and its definite adjectives («يصل
    الوفد الأمني», «تستضيف الرياض»); an event noun is the event itself, not an agent."""
    toks = [t for t in _tokens(nt, head_end, c1) if not any(a <= t[0] < b for a, b in skip)]
    if not toks:
        return None
    first = _bare(nt.norm[toks[0][0] : toks[0][1]])
    if not first.startswith("ال") or first[2:] in C.AR_NOUN_TRIGGERS or first in C.AR_NOUN_TRIGGERS:
        return None
    if first in _AR_DATE_WORDS or _BOUNDARY.search(nt.norm, toks[0][0], toks[0][1]):
        return None
    end = toks[0][1]
    for s, e in _tokens(nt, end, c1)[:2]:
        w = nt.norm[s:e]
        if not w.startswith("ال") or _bare(w) != w or w in _AR_DATE_WORDS or w in _AR_PREP:
            break
        end = e
    return toks[0][0], end


def _agent_before(
    nt: Normalized, spans: Sequence[_Span], head_start: int, clause_start: int, en: bool
) -> _Span | None:
    """SVO: the name nearest before the head in its clause, with only auxiliaries between."""
    aux = _EN_AUX if en else _AR_AUX
    for sp in reversed(spans):
        if sp.end > head_start or sp.start < clause_start:
            continue
        gap = _gap_words(nt, sp.end, head_start)
        relative = bool(gap) and gap[0] in _AR_RELATIVE | {"who", "which"} and len(gap) <= 8
        if relative or (all(w in aux for w in gap) and len(gap) <= 4):
            return _led_group(nt, sp, clause_start, en)
        return None
    return None


_LED_BY = re.compile(
    r"(?<![^\W_])(?:برئاسه|بقياده|برفقه|يتقدمه|يتقدمهم|led by|headed by|including)\s+(?:\S+\s+){0,3}$"
)


def _led_group(nt: Normalized, sp: _Span, clause_start: int, en: bool) -> _Span:
    """A name inside "a delegation headed by X" is not the agent: the group is («وفد إسرائيلي برئاسة رئيس
    الموساد يتوجه» -> the delegation goes); the title names the whole phrase."""
    m = _LED_BY.search(nt.norm, max(clause_start, sp.start - 60), sp.start)
    if m is None:
        return sp
    before = _tokens(nt, clause_start, m.start())
    group = before[-3:] if len(before) >= 1 else []
    words = [_bare(nt.norm[s:e]) for s, e in group]
    cut = max(
        (i + 1 for i, w in enumerate(words) if w in _AR_DANGLING or w in _AR_AUX or w in _EN_DANGLING),
        default=0,
    )
    group = group[cut:]
    if not group:
        return sp
    return _Span(group[0][0], sp.end, _orig(nt, group[0][0], sp.end))


def _en_subject(nt: Normalized, clause_start: int, head_start: int) -> str | None:
    """English: the words before the auxiliaries, when they are a short subject ("Kuwaitis", "Jordan")."""
    words = nt.norm[clause_start:head_start].split()
    while words and words[-1] in _EN_AUX:
        words.pop()
    if not words or len(words) > 4 or _EN_CLAUSE_WORD.search(" ".join(words)):
        return None
    text = _orig(nt, clause_start, head_start)
    return " ".join(text.split()[: len(words)]) or None


def _complement(
    nt: Normalized,
    start: int,
    end: int,
    skip: Sequence[tuple[int, int]],
    stop: re.Pattern[str],
    max_words: int,
    names: Sequence[_Span] = (),
) -> list[tuple[int, int]]:
    """Words after the head up to `end` or a stop word (a purpose phrase, a relative clause, a quotation, a
    second verb), skipping the agent and date spans; a name is never cut in two."""
    out: list[tuple[int, int]] = []
    for s, e in _tokens(nt, start, end):
        if any(a < e and s < b for a, b in skip):
            continue
        nxt = _WORD.search(nt.norm, e)
        bare = _bare(nt.norm[s:e])
        if (
            (bare in _AR_PREP | {"on", "in", "at", "by"} or bare.isdigit())
            and nxt
            and any(a < nxt.end() and nxt.start() < b for a, b in skip)
        ):
            continue  # «تبدأ في 28 سبتمبر»: the preposition (or day number) belongs to the date
        if bare == "الموافق" or _DATE_RESIDUE.match(bare):
            continue  # «الموافق», «الـ7»: the rest of a date
        inside = any(n.start <= s < n.end for n in names)
        if len(out) >= max_words and not inside:
            break
        word = _bare(nt.norm[s:e])
        if stop.match(nt.norm, s) or _BOUNDARY.match(nt.norm, s) or "«" in nt.norm[s:e] or _is_new_verb(word):
            break
        tail = _BOUNDARY.search(nt.norm, s, e)
        if tail:
            if tail.start() > s:
                out.append((s, tail.start()))
            break
        out.append((s, e))
    return out


_AR_REPORTED = frozenset(
    f"{p}{w}{x}" for w in C.AR_PAST_STEMS for p in ("", "و", "ف") for x in ("", "ت", "وا") if len(w) > 2
)


def _is_new_verb(word: str) -> bool:
    """A word that opens a new predicate: a trigger verb or a perfect verb of a report («وأعلن», «فقال»)."""
    return (
        _is_bare_verb(word)
        or word in _AR_REPORTED
        or _CONTINUATION.match(word) is not None
        or bool(_AR_YA_VERB.match(word) and word not in _AR_YA_NOUNS)
    )


_CONTINUATION = re.compile(rf"^[وف]?(?:{C.alternation(C.AR_CONTINUATION)})$")
# Arabic words that start with ي are imperfect verbs but for a handful of nouns (يوم, the months).
_AR_YA_VERB = re.compile(r"^[وف]?ي[^\W\d_]{3,}$")
_AR_YA_NOUNS = frozenset("يوم يوما يومي يومين يومها يناير يونيو يونيه يوليو يوليه".split())


_AR_STOP = re.compile(
    rf"(?:{C.alternation(C.AR_PURPOSE)}|الذي|التي|الذين|وذلك|حيث|بعد ان|قبل ان|فيما|بينما|والتي|والذي|"
    r"المقرر|المقرره|المزمع|المرتقب|المرتقبه|المنتظر|المتوقع|كانت|كان|لمده|ولمده|علي مدي|طيله|"
    r"ان|وان|بان|بانه|وانه)(?![^\W_])"
)
_EN_STOP = re.compile(
    rf"(?:{C.alternation(C.EN_PURPOSE)}|which|who|where|while|after|before|as|because|amid|said|says"
    r"|for \w+ days|in less than|is|are|was|were|will|would)\b"
)
_AR_DATE_WORDS = frozenset(
    (*C.AR_WEEKDAYS, *C.AR_MONTHS, *C.AR_NEXT, *C.AR_THIS, *C.AR_TIME_OF_DAY, "يوم", "غدا", "اليوم", "ليله")
    + ("يومي", "الموافق", "المقبلين", "القادمين", "المقبلتين", "القادمتين")
)
_EN_DATE_WORDS = frozenset(
    (*C.EN_WEEKDAYS, *C.EN_MONTHS, "today", "tomorrow", "tonight", "next", "week", "month", "year", "later")
)


_DATE_RESIDUE = re.compile(r"^الـ?\d{1,2}$")
_NUMERIC_DATE = re.compile(r"\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}")
_NUMERIC_DATE_TAIL = re.compile(r"(?:\s*\d{1,4}\s*/)+\s*\d{0,4}\s*$")


def _trim(words: list[str], en: bool) -> list[str]:
    if words and _NUMERIC_DATE_TAIL.search(" ".join(words)):
        words = _NUMERIC_DATE_TAIL.sub("", " ".join(words)).split()
    dangling = _EN_DANGLING if en else _AR_DANGLING
    dates = _EN_DATE_WORDS if en else _AR_DATE_WORDS

    while words:
        last = normalize(_bare(words[-1]))
        if (
            not last
            or last in dangling
            or last in dates
            or re.fullmatch(r"[\d/\-.]*/[\d/\-.]*|/", last)
            or (not en and _is_bare_verb(last))
        ):
            words.pop()
            continue
        break
    return words


_AR_VERB_FORM = re.compile(
    rf"^(?:س|سوف\s+)?[يت](?:{C.alternation(k for k in C.AR_VERB_TRIGGERS)})(?:ون|ان)?$"
)


def _is_bare_verb(word: str) -> bool:
    return bool(_AR_VERB_FORM.match(word))


def _ar_verb(trigger_text: str) -> str:
    """The present form of an Arabic trigger verb: no future prefix (سيزور -> يزور)."""
    return _AR_FUTURE_PREFIX.sub("", trigger_text.strip())


def _clean_agent(name: str, en: bool) -> str:
    """An actor's display name without a word glued to it by the name finder (an event noun, a purpose
    verb): «جون كيري اجتماعا» -> «جون كيري»."""

    words = name.split()
    while len(words) > 1:
        last = normalize(_bare(words[-1])).rstrip("ا") if not en else words[-1].lower()
        nouns = C.EN_NOUN_TRIGGERS if en else C.AR_NOUN_TRIGGERS
        if (
            last in nouns
            or (last.startswith("ال") and last[2:] in nouns)
            or (not en and last.startswith("لت"))
        ):
            words.pop()
            continue
        break
    return " ".join(words)


def _predicate_end(nt: Normalized, start: int, c1: int) -> int:
    """Where the event's predicate ends in its clause: at the first word after `start` that opens a new
    predicate («… التي تبدأ في 28 سبتمبر يشير فقط إلى السودان»: Sudan belongs to «يشير»)."""
    for s, e in _tokens(nt, start, c1):
        if _is_new_verb(_bare(nt.norm[s:e])):
            return s
    return c1


def compose_title(
    nt: Normalized,
    lang: str,
    trig: Trigger,
    mention: Mention,
    a: int,
    b: int,
    actors: Sequence[Actor],
    triggers: Sequence[Trigger],
    where: str | None,
    dates: Sequence[Mention] = (),
) -> Title:
    """The title and clause of the event headed by `trig` in the sentence `[a, b)` (normalized offsets)."""
    en = lang.startswith("en")
    c0, c1 = _clause(nt, a, b, min(trig.start, mention.start), max(trig.end, mention.end))
    clause = _orig(nt, c0, c1)
    spans = _actor_spans(nt, actors, c0, c1)
    date_spans = [(mention.start, mention.end)] + [(d.start, d.end) for d in dates if c0 <= d.start < c1]

    if where and normalize(where) not in nt.norm[c0 : _predicate_end(nt, max(trig.end, mention.end), c1)]:
        where = None  # a place of another clause, or after a second verb, is not this event's venue
    if trig.kind == "deadline" and _HAS_UNTIL.match(nt.norm, trig.start):
        text, agent = _deadline(nt, en, trig, mention, date_spans, c0, c1, spans)
    else:
        text, agent = (_compose_en if en else _compose_ar)(
            nt, trig, date_spans, c0, c1, spans, triggers, where
        )
    if text and len(text.split()) <= 6:
        text = " ".join([text, *_purpose_head(nt, en, trig.end, c1, date_spans)])
    if not en:
        text = _resolve_pronouns(nt, text, a, trig.start)
    text = " ".join(_trim(_NUMERIC_DATE.sub("", text).split(), en))
    return Title(text or clause, clause, agent)


_HAS_UNTIL = re.compile(r"امام|لدي|has\b|have\b|given\b")


def _deadline(
    nt: Normalized,
    en: bool,
    trig: Trigger,
    mention: Mention,
    date_spans: Sequence[tuple[int, int]],
    c0: int,
    c1: int,
    spans: Sequence[_Span],
) -> tuple[str, str | None]:
    """ "X has until <date> to do Y", «X أمامه حتى <date> ليفعل Y»: "Deadline for X to do Y", «مهلة X ليفعل
    Y»."""
    agent = _agent_before(nt, spans, trig.start, c0, en)
    if agent is not None:
        who: str | None = agent.name
    else:
        who = _en_subject(nt, c0, trig.start) if en else _definite_np_before(nt, trig.start, c0)
    after = [_orig(nt, s, e) for s, e in _complement(nt, mention.end, c1, date_spans, _NO_STOP, 6, spans)]
    if en:
        return " ".join(["Deadline", *(["for", who] if who else []), *after]), agent.name if agent else None
    return " ".join(["مهلة", *([who] if who else []), *after]), agent.name if agent else None


_NO_STOP = re.compile(r"(?!)")
_AR_PRONOUN_PP = re.compile(r"(?<![^\W_])(?P<p>ب|ل|في|علي|عن|من)(?:ها)(?![^\W_])")
_AR_PP_FORM = {"ب": "ب", "ل": "ل", "في": "في ", "علي": "على ", "عن": "عن ", "من": "من "}


_AR_ADJECTIVES = frozenset(
    "الجديده الكبيره الموحده المشتركه المقبله الاولي الثانيه الثالثه الاخيره العامه الخاصه الحاليه".split()
)


def _adjective(word: str) -> bool:
    return word.endswith("يه") or word in _AR_ADJECTIVES


def _antecedent(nt: Normalized, a: int, head: int) -> str | None:
    """The nearest feminine definite noun phrase before `head`: the head noun of «المنصة الجديدة»."""
    toks = _tokens(nt, a, head)
    definite = [_bare(nt.norm[s:e]).startswith("ال") for s, e in toks]
    for i in range(len(toks) - 1, -1, -1):
        w = _bare(nt.norm[toks[i][0] : toks[i][1]])
        if not re.fullmatch(r"ال[^\W\d_]{2,}ه", w) or w in _AR_DANGLING:
            continue
        j = i  # step back over adjectives to their noun: «المنصة الرقمية الجديدة» -> «المنصة»
        while j > 0 and definite[j - 1] and _adjective(_bare(nt.norm[toks[j][0] : toks[j][1]])):
            j -= 1
        return _bare(_orig(nt, *toks[j]))
    return None


def _resolve_pronouns(nt: Normalized, text: str, a: int, head: int) -> str:
    """A title names things: «بدء العمل بها» becomes «بدء العمل بالتأشيرة» with the nearest feminine definite
    noun before it in the sentence (the antecedent of the pronoun ها)."""

    words = text.split()
    for i, w in enumerate(words):
        m = _AR_PRONOUN_PP.fullmatch(normalize(w))
        if m is None:
            continue
        antecedent = _antecedent(nt, a, head)
        if antecedent is None:
            continue
        antecedent = _bare(antecedent)
        pp = _AR_PP_FORM[m["p"]]
        if pp == "ل":
            antecedent = "ل" + antecedent[1:]  # ل + الـ -> لل
        words[i] = pp + antecedent
    return " ".join(words)


_AR_PURPOSE_RE = re.compile(rf"(?<![^\W_])(?:{C.alternation(C.AR_PURPOSE)})")
_EN_PURPOSE_RE = re.compile(rf"\b(?:{C.alternation(C.EN_PURPOSE)})\b")


def _purpose_head(
    nt: Normalized, en: bool, start: int, c1: int, skip: Sequence[tuple[int, int]]
) -> list[str]:
    """The first words of the event's purpose phrase («لإجراء مباحثات», "to discuss aid") for a short
    title."""
    m = (_EN_PURPOSE_RE if en else _AR_PURPOSE_RE).search(nt.norm, start, c1)
    if m is None:
        return []
    words = [_orig(nt, m.start(), m.end())]
    never = re.compile(r"(?!)")
    words += [_orig(nt, s, e) for s, e in _complement(nt, m.end(), c1, skip, never, 3 if en else 2)]
    return _trim(words, en)


def _word_start(nt: Normalized, pos: int) -> int:
    """The start of the word holding `pos`: a trigger may start after a clitic («بزيارة»)."""
    while pos > 0 and not nt.norm[pos - 1].isspace():
        pos -= 1
    return pos


def _head_np(
    nt: Normalized,
    trig: Trigger,
    c1: int,
    skip: Sequence[tuple[int, int]],
    en: bool,
    max_words: int = 6,
    governed: bool = False,
    names: Sequence[_Span] = (),
) -> list[str]:
    """The event noun and its complement («اجتماع مجلس الأمن حول لبنان», "meeting of Arab officials"); a
    noun governed by a verb keeps its case ending («يعقد اجتماعاً»), a title's head loses it."""
    start = _word_start(nt, trig.start)
    m = _WORD.match(nt.norm, start)
    end = m.end() if m else trig.end
    head = _bare(_orig(nt, start if governed else trig.start, end))
    if not en and not governed:
        head = re.sub(r"^لل", "ال", re.sub(r"^ل(?=ال)", "", head))
        head = re.sub(r"^[وفب](?=ال)", "", head)
        plain = _AR_DIACRITICS.sub("", head)
        if plain.endswith("ا") and plain[:-1].replace("ة", "ه") in C.AR_NOUN_TRIGGERS:
            head = plain[:-1]
    words = [head]
    stop = _EN_STOP if en else _AR_STOP
    for s, e in _complement(nt, end, c1, skip, stop, max_words, names):
        word = _orig(nt, s, e)
        if not en and not governed and word.endswith(("ًا", "اً")):
            word = _AR_DIACRITICS.sub("", word)[:-1]  # «اجتماعاً وزارياً» -> «اجتماع وزاري»
        words.append(word)
    return words


def _with_where(words: list[str], where: str | None, kind: str | None, en: bool) -> list[str]:

    if not where or normalize(where) in normalize(" ".join(words)):
        return words
    if en:
        return [*words, "to" if kind == "visit" else "in", where]
    return [*words, "إلى" if kind == "visit" else "في", where]


def _compose_ar(
    nt: Normalized,
    trig: Trigger,
    date_spans: Sequence[tuple[int, int]],
    c0: int,
    c1: int,
    spans: Sequence[_Span],
    triggers: Sequence[Trigger],
    where: str | None,
) -> tuple[str, str | None]:
    if trig.verb:
        stem = " ".join(_AR_STEM.sub("", nt.norm[trig.start : trig.end]).split())
        agent = _agent_after(nt, spans, trig.end, c1, 10, date_spans) or _agent_before(
            nt, spans, trig.start, c0, False
        )
        if agent is not None and stem in _AR_PASSIVE_STEMS:
            # «يعقد الوزير اجتماعا» has an agent and an object; «تعقد القمة برعاية الهيئة» has no agent: the
            # event noun after the name is the object the title needs.
            obj = next(
                (t for t in triggers if not t.verb and agent.end <= t.start < c1 and not t.oblique), None
            )
            if obj is None or len(_gap_words(nt, agent.end, obj.start)) > 8:
                agent = None
            else:
                np = _trim(_head_np(nt, obj, c1, date_spans, False, governed=True, names=spans), False)
                words = [agent.name, _ar_verb(_orig(nt, trig.start, trig.end)), *np]
                return " ".join(_with_where(words, where, obj.kind, False)), agent.name
        skip = [*date_spans]
        if agent is not None:
            # the agent and, after the verb, the title phrase between them («المبعوث الخاص إلى سورية»)
            skip.append((trig.end, agent.end) if agent.start >= trig.end else (agent.start, agent.end))
        rest = [_orig(nt, s, e) for s, e in _complement(nt, trig.end, c1, skip, _AR_STOP, 6, spans)]
        rest = _trim(rest, False)
        if agent is not None:
            words = [agent.name, _ar_verb(_orig(nt, trig.start, trig.end)), *rest]
            return " ".join(_with_where(_trim(words, False), where, trig.kind, False)), agent.name
        before = _definite_np_before(nt, trig.start, c0) if stem not in _AR_PASSIVE_STEMS else None
        if before is not None and not _is_event_noun(_bare(normalize(before.split()[-1]))):
            # SVO: «قال إن رئيسة الوزراء البريطانية ستزور الرياض» -> «رئيسة الوزراء البريطانية تزور الرياض»
            words = [before, _ar_verb(_orig(nt, trig.start, trig.end)), *rest]
            return " ".join(_with_where(_trim(words, False), where, trig.kind, False)), None
        subject = _noun_subject(nt, trig.end, c1, date_spans) if stem not in _AR_PASSIVE_STEMS else None
        if subject is not None:
            rest = [_orig(nt, s, e) for s, e in _complement(nt, subject[1], c1, date_spans, _AR_STOP, 6)]
            words = [_orig(nt, *subject), _ar_verb(_orig(nt, trig.start, trig.end)), *_trim(rest, False)]
            return " ".join(_with_where(_trim(words, False), where, trig.kind, False)), None
        noun = _event_noun_near(trig, triggers, c0, c1)
        if noun is not None:
            np = _with_owner(
                nt, noun, _trim(_head_np(nt, noun, c1, date_spans, False, names=spans), False), c0
            )
            if noun.end <= trig.start:
                # SV with the event as subject: «القمة الثلاثية ستعقد بالعاصمة» -> «القمة الثلاثية تعقد
                # بالعاصمة»
                np = [*np, _ar_verb(_orig(nt, trig.start, trig.end)), *rest]
            return " ".join(_with_where(_trim(np, False), where, noun.kind, False)), None
        masdar = _AR_MASDAR.get(stem, "")
        if not rest or _bare(rest[0]) in _AR_PREP or rest[0][:1].isdigit() or rest[0].startswith(("من", "ب")):
            # SVO: the subject stands before the verb («أن المرحلة الثانية ستبدأ») -> «بدء المرحلة الثانية»,
            # or before a comma and a relative pronoun («المراكز لقيد الناخبين، التي ستبدأ»)
            before = _definite_np_before(nt, trig.start, c0) or _antecedent_before_comma(nt, trig.start, c0)
            rest = [before] if before else rest
        if masdar and len(rest) >= 4 and _bare(normalize(rest[0])) in _AR_PREP:
            rest = [*rest[2:], *rest[:2]]  # «تجري في المغرب أول العمليات» -> «إجراء أول العمليات … في المغرب»
        words = _trim([masdar, *rest] if masdar else rest, False)
        return " ".join(_with_where(words, where, trig.kind, False)), None
    # An event noun: governed by a verb with an agent («يعقد الوزير اجتماعا», «تستضيف تونس القمة»)?
    gov = _governing_verb(nt, trig, triggers, c0)
    np = _trim(_head_np(nt, trig, c1, date_spans, False, names=spans), False)
    if gov is not None:
        agent = _agent_after(nt, spans, gov.end, trig.start, 10) or _agent_before(
            nt, spans, gov.start, c0, False
        )
        if agent is not None:
            np = _trim(_head_np(nt, trig, c1, date_spans, False, governed=True, names=spans), False)
            words = [agent.name, _ar_verb(_orig(nt, gov.start, gov.end)), *np]
            return " ".join(_with_where(words, where, trig.kind, False)), agent.name
        vso = _phrase_between(nt, gov.end, _word_start(nt, trig.start), date_spans)
        if vso:
            # VSO with a common noun: «يقوم وفد من الشركات يوم الأحد بزيارة للوزير» -> «وفد من الشركات يقوم
            # بزيارة للوزير»
            np = _trim(_head_np(nt, trig, c1, date_spans, False, governed=True, names=spans), False)
            words = [vso, _ar_verb(_orig(nt, gov.start, gov.end)), *np]
            return " ".join(_with_where(words, where, trig.kind, False)), None
    # The event noun as the subject of a passive verb: «القمة الثلاثية ستعقد في تونس» -> «القمة الثلاثية
    # تعقد في تونس».
    passive = next(
        (
            t
            for t in triggers
            if t.verb
            and trig.end <= t.start < c1
            and " ".join(_AR_STEM.sub("", nt.norm[t.start : t.end]).split()) in _AR_PASSIVE_STEMS
        ),
        None,
    )
    prev = _tokens(nt, c0, trig.start)[-1:]
    prev_word = _bare(nt.norm[prev[0][0] : prev[0][1]]) if prev else ""
    if gov is not None and len(np) < 3:
        # no agent: the verbal noun of the governing verb over the event («سيلقي كلمة» -> «إلقاء كلمة»)
        gstem = " ".join(_AR_STEM.sub("", nt.norm[gov.start : gov.end]).split())
        if _AR_MASDAR.get(gstem):
            np = [_AR_MASDAR[gstem], *np]
    elif len(np) < 3 and _AR_IMPERFECT.match(prev_word) and not prev_word.startswith(("ال", "يوم")):
        # the event noun is the subject of the verb before it: «وتستكمل المحاكمة غدا» -> «المحاكمة تستكمل»
        verb = _orig(nt, *prev[0])
        np = [*np, _ar_verb(re.sub(r"^[وف](?=[سيت])", "", verb))]
    np = _with_owner(nt, trig, np, c0)
    if passive is not None and len(_gap_words(nt, trig.end, passive.start)) <= 4:
        after = _complement(nt, passive.end, c1, date_spans, _AR_STOP, 5, spans)
        words = [*np, _ar_verb(_orig(nt, passive.start, passive.end)), *(_orig(nt, s, e) for s, e in after)]
        return " ".join(_with_where(_trim(words, False), where, trig.kind, False)), None
    return " ".join(_with_where(np, where, trig.kind, False)), None


_AR_RELATIVE = frozenset("الذي التي الذين اللذين اللتين اللواتي اللاتي".split())
_AR_IMPERFECT = re.compile(r"^[وف]?(?:س)?[يت][^\W\d_]{2,}$")


_AR_POSSESSED = re.compile(r"(?:ته|تها|تهم)$")
_SENTENCE_MARK = re.compile(r"[.!?؟\n]")


def _with_owner(nt: Normalized, noun: Trigger, np: list[str], c0: int) -> list[str]:
    """A short event phrase whose noun has a possessive suffix after «في» takes its possessor: «الانتخابات
    البلدية في دورتها الثالثة», not «دورتها الثالثة»."""
    prev = _tokens(nt, c0, noun.start)[-1:]
    if len(np) >= 3 or not prev or _bare(nt.norm[prev[0][0] : prev[0][1]]) != "في":
        return np
    if not _AR_POSSESSED.search(nt.norm, noun.start, noun.end):
        return np
    owner = _definite_np_before(nt, prev[0][0], c0)
    return [owner, _orig(nt, *prev[0]), *np] if owner else np


def _antecedent_before_comma(nt: Normalized, head: int, c0: int) -> str | None:
    """The antecedent of a relative pronoun that opens the clause after a comma: «... في المراكز الانتخابية
    لقيد الناخبين، التي ستبدأ» -> «المراكز الانتخابية لقيد الناخبين» (up to five words back to a preposition,
    within the sentence)."""
    between = _gap_words(nt, c0, head)
    if not between or between[0] not in _AR_RELATIVE or c0 < 2 or nt.norm[c0 - 1] not in "،,":
        return None
    floor = max(0, c0 - 100)
    marks = [m.end() for m in _SENTENCE_MARK.finditer(nt.norm, floor, c0)]
    floor = marks[-1] if marks else floor
    words: list[tuple[int, int]] = []
    for s, e in reversed(_tokens(nt, floor, c0 - 1)):
        w = _bare(nt.norm[s:e])
        if w in _AR_PREP or w in _AR_RELATIVE or _is_new_verb(w) or _BOUNDARY.search(nt.norm, s, e):
            break
        words.insert(0, (s, e))
        if len(words) >= 5:
            break
    if not words or not _bare(nt.norm[words[0][0] : words[0][1]]).startswith("ال"):
        return None
    return _orig(nt, words[0][0], words[-1][1])


def _definite_np_before(nt: Normalized, head: int, c0: int) -> str | None:
    """The definite noun phrase right before a verb (its subject in SVO order), up to three words."""
    toks = _tokens(nt, c0, head)
    run: list[tuple[int, int]] = []
    for s, e in reversed(toks):
        w = _bare(nt.norm[s:e])
        if not run and w in _AR_RELATIVE:
            continue  # «المراكز التي ستنطلق»: the antecedent of the relative pronoun is the subject
        if w.startswith("لل") and len(w) > 4:
            run.insert(0, (s, e))  # «للعملية الانتخابية التي تنطلق» -> «العملية الانتخابية»
            text = _orig(nt, run[0][0], run[-1][1])
            return re.sub(r"^لل", "ال", text)
        if (
            not w.startswith("ال")
            or w in _AR_DATE_WORDS
            or w in _AR_PREP
            or w in _AR_RELATIVE
            or len(run) >= 3
        ):
            break
        run.insert(0, (s, e))
    if run:
        # the head of a construct before its definite genitive: «رئيسة الوزراء البريطانية»
        lead = [t for t in toks if t[1] <= run[0][0]][-1:]
        w = _bare(nt.norm[lead[0][0] : lead[0][1]]) if lead else ""
        if w and not (w in _AR_DANGLING or w in _AR_AUX or w in _AR_PREP or _is_new_verb(w)):
            if not _AR_IMPERFECT.match(w) and not w.startswith(("و", "ف")) and not w.isdigit():
                run.insert(0, lead[0])
    return _orig(nt, run[0][0], run[-1][1]) if run else None


def _phrase_between(nt: Normalized, a: int, b: int, skip: Sequence[tuple[int, int]]) -> str | None:
    """The subject between a verb and the event noun it governs: one to five words, dates left out, opening
    with a noun (not a preposition, particle or another verb)."""
    toks = [t for t in _tokens(nt, a, b) if not any(x < t[1] and t[0] < y for x, y in skip)]
    toks = [t for t in toks if _bare(nt.norm[t[0] : t[1]]) not in _AR_DATE_WORDS]
    if not 1 <= len(toks) <= 5:
        return None
    first = _bare(nt.norm[toks[0][0] : toks[0][1]])
    if first in _AR_PREP or first in _AR_DANGLING or first in _AR_AUX or _is_new_verb(first):
        return None
    if any(_BOUNDARY.search(nt.norm, s, e) for s, e in toks):
        return None
    return " ".join(_orig(nt, s, e) for s, e in toks)


def _event_noun_near(trig: Trigger, triggers: Sequence[Trigger], c0: int, c1: int) -> Trigger | None:
    """The event noun that is the subject of a generic verb: right after it, else before it in the clause."""
    nouns = [t for t in triggers if not t.verb and c0 <= t.start and t.end <= c1 and not t.oblique]
    after = [t for t in nouns if t.start >= trig.end and t.start - trig.end <= 12]
    if after:
        return after[0]
    before = [t for t in nouns if t.end <= trig.start]
    return before[-1] if before else None


def _governing_verb(nt: Normalized, trig: Trigger, triggers: Sequence[Trigger], c0: int) -> Trigger | None:
    """The verb trigger before an event noun in its clause with at most a name between them."""
    for t in reversed([t for t in triggers if t.verb and c0 <= t.start and t.end <= trig.start]):
        if len(_gap_words(nt, t.end, trig.start)) <= 6:
            return t
        break
    m = re.search(rf"(?P<v>(?:{_INTENT_AR}))\s+(?:\S+\s+){{0,9}}[وفبل]?$", nt.norm[c0 : trig.start])
    if m:
        s = c0 + m.start("v")
        return Trigger(s, c0 + m.end("v"), trig.kind, True, True)
    return None


_INTENT_AR = C.alternation(
    (
        "يعتزم",
        "تعتزم",
        "ينوي",
        "تنوي",
        "يزمع",
        "تزمع",
        "يعتزمون",
        "يبدا",
        "تبدا",
        "يقوم",
        "تقوم",
        "سيقوم",
        "ستقوم",
    )
)


def _en_verb(trig_text: str, plural: bool) -> str:
    return trig_text if plural else en_third_person(trig_text)


def _compose_en(
    nt: Normalized,
    trig: Trigger,
    date_spans: Sequence[tuple[int, int]],
    c0: int,
    c1: int,
    spans: Sequence[_Span],
    triggers: Sequence[Trigger],
    where: str | None,
) -> tuple[str, str | None]:
    head = trig
    if not trig.verb:
        gov = next(
            (
                t
                for t in reversed(triggers)
                if t.verb
                and c0 <= t.start
                and t.end <= trig.start
                and len(_gap_words(nt, t.end, trig.start)) <= 2
            ),
            None,
        )
        head = gov or trig
    if head.verb:
        base = " ".join(nt.norm[head.start : head.end].split())

        base = en_base(base)
        agent = _agent_before(nt, spans, head.start, c0, True)
        subject = agent.name if agent else _en_subject(nt, c0, head.start)
        if subject:
            rest = [_orig(nt, s, e) for s, e in _complement(nt, head.end, c1, date_spans, _EN_STOP, 9)]
            plural = agent is None and subject.split()[-1].endswith("s") and not subject.endswith("ss")
            words = _trim([subject, _en_verb(base, plural), *rest], True)
            title = " ".join(_with_where(words, where, trig.kind, True))
            return title[:1].upper() + title[1:], agent.name if agent else None
    np = _trim(_head_np(nt, trig, c1, date_spans, True, 9), True)
    title = " ".join(_with_where(np, where, trig.kind, True))
    return title[:1].upper() + title[1:], None
