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

The parts come from two helpers: who acts (`title_agent`) and the word rules every part follows
(`title_words`: the word classes, `trim`, the complement, the event noun phrase); the title is written by
`title_ar.compose_ar` or `title_en.compose_en`, and this module puts it together (`compose_title`). A
deadline ("X has until <date> to do Y", «أمام X حتى <date> ليفعل Y») is written here: "Deadline for X to do
Y", «مهلة X ليفعل Y».
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.models import Actor
from briefing.nlp.events.title_agent import (
    actor_spans,
    agent_before,
    assembly_before,
    definite_np_before,
    en_subject,
    shared_agent,
)
from briefing.nlp.events.title_ar import compose_ar, resolve_pronouns
from briefing.nlp.events.title_en import compose_en
from briefing.nlp.events.title_words import (
    AR_DANGLING,
    AR_PREP,
    BOUNDARY,
    Span,
    bare_word,
    complement,
    is_event_noun,
    is_new_verb,
    orig,
    tokens,
    trim,
)
from briefing.nlp.events.trigger import Trigger
from briefing.nlp.text import cues as C
from briefing.nlp.text.arabic import normalize
from briefing.nlp.text.lazy_re import lazy_compile
from briefing.nlp.timex.types import Mention, Normalized


@dataclass(frozen=True)
class Title:
    text: str
    clause: str
    agent: str | None


def _clause(nt: Normalized, a: int, b: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause around `[lo, hi)` inside the sentence `[a, b)`: from the boundary before `lo` to the one
    after `hi`."""
    start = a
    for m in BOUNDARY.finditer(nt.norm, a, lo):
        start = m.end()
    m2 = BOUNDARY.search(nt.norm, hi, b)
    return start, (m2.start() if m2 else b)


_DATE_ALTERNATIVE = lazy_compile(
    r"\s*(?:او|or)\s+(?:\S+\s+)?(?:ايام|يوما|اسابيع|ساعات|اشهر|شهور|days|weeks|hours|months)(?![^\W_])"
)


_DURATION = lazy_compile(
    r"(?<![^\W_])(?:(?:و|ف)?لمده\s+(?:\S+\s+)?(?:ايام|يوما|يومين|اسابيع|اسبوع|اسبوعين|ساعات|ساعه|اشهر|شهر|شهرين)"
    r"|(?:ابتداء|اعتبارا|بدءا)\s+من)(?![^\W_])"
)


# a numeric date, or what is left of one whose day went with the date («24 /10 / 1436هـ» -> «/10 / 1436هـ»)
_TOUR_POINT = lazy_compile(
    r"(?<![^\W_])(?:في\s+|و)?(?:نهايه|ختام|مستهل|بدايه|خلال)\s+(?:جولته|جولتها|زيارته|زيارتها|جولاته)(?![^\W_])"
)


_NUMERIC_DATE = lazy_compile(r"\s*(?:\d{1,2}\s*)?/\s*\d{1,2}\s*/\s*\d{2,4}(?:\s*هـ|ه(?![^\W_]))?")


def _predicate_end(nt: Normalized, start: int, c1: int) -> int:
    """Where the event's predicate ends in its clause: at the first word after `start` that opens a new
    predicate («… التي تبدأ في 28 سبتمبر يشير فقط إلى السودان»: Sudan belongs to «يشير»)."""
    for s, e in tokens(nt, start, c1):
        if is_new_verb(bare_word(nt.norm[s:e])):
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
    clause = orig(nt, c0, c1)
    spans = actor_spans(nt, actors, c0, c1)
    alt = _DATE_ALTERNATIVE.match(nt.norm, mention.end)  # «في غضون يومين أو ثلاثة أيام»
    date_spans = [(mention.start, alt.end() if alt else mention.end)]
    date_spans += [(d.start, d.end) for d in dates if c0 <= d.start < c1]
    # a duration and a «starting from» before a date are part of the when, not of the title
    date_spans += [(m.start(), m.end()) for m in _DURATION.finditer(nt.norm, c0, c1)]
    # «في نهاية جولته», «في ختام زيارته»: when in the tour, not what is visited
    date_spans += [(m.start(), m.end()) for m in _TOUR_POINT.finditer(nt.norm, c0, c1)]
    paren = _date_parenthesis(nt, trig, mention, b, c1)
    if paren is not None:
        # the complement goes on past the date set off by commas: «يناقش الوزراء، غدا ولمدة يومين، الخطة»
        date_spans.append(paren)
        nxt = BOUNDARY.search(nt.norm, paren[1], b)
        c1 = nxt.start() if nxt else b
        clause = orig(nt, c0, c1)

    if (
        paren is None
        and trig.verb
        and mention.end <= c1
        and _object_after_comma(nt, trig, mention, c1, b, actor_spans(nt, actors, c0, b))
    ):
        # «يعقد المتحدث باسم اللجنة غدا الثلاثاء، لقاء صحفيا»: the object follows the date and a comma
        nxt = BOUNDARY.search(nt.norm, c1 + 1, b)
        c1 = nxt.start() if nxt else b
        clause = orig(nt, c0, c1)
        spans = actor_spans(nt, actors, c0, c1)
    if where and normalize(where) not in nt.norm[c0 : _predicate_end(nt, max(trig.end, mention.end), c1)]:
        where = None  # a place of another clause, or after a second verb, is not this event's venue
    if where and _opens_quotation(nt.norm, nt.norm.find(normalize(where), c0, trig.start), trig.start):
        where = None  # «قال في ماليزيا "… سيتم التصويت …"»: where the speaker spoke, not the event's venue
    if trig.kind == "deadline" and _HAS_UNTIL.match(nt.norm, trig.start):
        text, agent = _deadline(nt, en, trig, mention, date_spans, c0, c1, spans)
    elif en:
        text, agent = compose_en(nt, trig, date_spans, c0, c1, spans, triggers, where)
    else:
        shared = shared_agent(nt, actors, trig.start, a, c0) if trig.verb else None
        body = (
            assembly_before(nt, actors, a, trig.start) if trig.kind == "session" and not trig.verb else None
        )
        text, agent = compose_ar(nt, trig, date_spans, c0, c1, spans, triggers, where, shared, body)
    if text and len(text.split()) <= 6:
        text = " ".join([text, *_purpose_head(nt, en, trig.end, c1, date_spans)])
    if not en:
        text = resolve_pronouns(nt, text, a, trig.start)
    text = " ".join(trim(_NUMERIC_DATE.sub("", text).split(), en))
    return Title(text or clause, clause, agent)


def _object_after_comma(
    nt: Normalized, trig: Trigger, mention: Mention, c1: int, b: int, names: Sequence[Span]
) -> bool:
    """The date closes its clause at a comma and an event noun follows the comma: the verb's object, set off
    from the subject by the date («يعقد الوزير غدا، اجتماعا مع ...»); or, after a verb of starting, what is
    started, with its «ب» or «في» («ستبدأ اللجنة غدا، بتجهيز المراكز», «ستبدأ غدا، في توزيع …»)."""
    if nt.norm[mention.end : c1].strip() or not _COMMA.match(nt.norm, c1):
        return False
    after = tokens(nt, c1 + 1, b)[:2]
    if not after:
        return False
    first = bare_word(nt.norm[after[0][0] : after[0][1]])
    named = any(n.start <= after[0][0] < n.end for n in names)  # «فيتنام» is no «ف» + verb
    if _AR_VISIT_VERB.search(nt.norm, trig.start, trig.end) and (
        named
        or not (
            first in AR_PREP or first in AR_DANGLING or is_new_verb(first) or _AR_FUTURE_VERB.match(first)
        )
    ):
        return True  # «سيزور الوزير من 6 إلى 8 مايو، اليابان»: what is visited
    if _AR_START_VERB.search(nt.norm, trig.start, trig.end) and (
        _AR_BI_NOUN.match(first) or (first == "في" and len(after) > 1)
    ):
        return True
    return is_event_noun(first)


_AR_VISIT_VERB = lazy_compile(r"(?:يزور|تزور)$")
_AR_START_VERB = lazy_compile(r"(?:بدا|تبدا)$")
_AR_BI_NOUN = lazy_compile(r"^ب(?!ال)[^\W\d_]{3,}$|^بال[^\W\d_]{3,}$")


def _opens_quotation(text: str, a: int, b: int) -> bool:
    """Whether a quotation opens between `a` and `b` and is still open at `b` (-1 for `a`: no)."""
    if a < 0:
        return False
    between = text[a:b]
    return (
        between.count('"') % 2 == 1
        or between.rfind("«") > between.rfind("»")
        or between.rfind("“") > between.rfind("”")
    )


_COMMA = lazy_compile(r"\s*[،,]")
_DATE_PREP = frozenset({"في", "on", "in", "at"})
_AR_FUTURE_VERB = lazy_compile(r"^[وف]?س[يتن][^\W\d_]{2,}$")


def _date_parenthesis(
    nt: Normalized, trig: Trigger, mention: Mention, b: int, c1: int
) -> tuple[int, int] | None:
    """The event's date set off by two commas after its head («يجتمع المسؤولون، غدا ولمدة ثلاثة أيام، في
    ...», "The ministers will, on Monday, sign ..."): the span from the first comma to the second, or None. Up
    to four words may follow the date inside the commas (a duration), none of them a verb."""
    if c1 >= b or not _COMMA.match(nt.norm, c1) or mention.start < trig.end:
        return None
    opens = [m for m in _COMMA.finditer(nt.norm, trig.end, mention.start)]
    lead = nt.norm[opens[-1].end() : mention.start].split() if opens else ["-"]
    if lead and not (len(lead) == 1 and bare_word(lead[0]) in _DATE_PREP):
        return None  # only the date (or «في», "on" and the date) stands after the first comma
    inside = [bare_word(nt.norm[s:e]) for s, e in tokens(nt, mention.end, c1)]
    if len(inside) > 4 or any(is_new_verb(w) for w in inside):
        return None
    after = tokens(nt, c1 + 1, b)[:1]
    first = bare_word(nt.norm[after[0][0] : after[0][1]]) if after else ""
    if not first or is_new_verb(first) or _AR_FUTURE_VERB.match(first):
        return None  # «سيلقي خطابا، بعد غد، سيبث في ...»: a new predicate follows the date
    return opens[-1].end() - 1, c1 + 1


_HAS_UNTIL = lazy_compile(r"امام|لدي|has\b|have\b|given\b")


def _deadline(
    nt: Normalized,
    en: bool,
    trig: Trigger,
    mention: Mention,
    date_spans: Sequence[tuple[int, int]],
    c0: int,
    c1: int,
    spans: Sequence[Span],
) -> tuple[str, str | None]:
    """ "X has until <date> to do Y", «X أمامه حتى <date> ليفعل Y»: "Deadline for X to do Y", «مهلة X ليفعل
    Y»."""
    agent = agent_before(nt, spans, trig.start, c0, en)
    if agent is not None:
        who: str | None = agent.name
    else:
        who = en_subject(nt, c0, trig.start) if en else definite_np_before(nt, trig.start, c0)
    after = [orig(nt, s, e) for s, e in complement(nt, mention.end, c1, date_spans, _NO_STOP, 6, spans)]
    if en:
        return " ".join(["Deadline", *(["for", who] if who else []), *after]), agent.name if agent else None
    return " ".join(["مهلة", *([who] if who else []), *after]), agent.name if agent else None


_NO_STOP = lazy_compile(r"(?!)")


_AR_PURPOSE_RE = lazy_compile(rf"(?<![^\W_])(?:{C.alternation(C.AR_PURPOSE)})")


_EN_PURPOSE_RE = lazy_compile(rf"\b(?:{C.alternation(C.EN_PURPOSE)})\b")


def _purpose_head(
    nt: Normalized, en: bool, start: int, c1: int, skip: Sequence[tuple[int, int]]
) -> list[str]:
    """The first words of the event's purpose phrase («لإجراء مباحثات», "to discuss aid") for a short
    title."""
    m = (_EN_PURPOSE_RE if en else _AR_PURPOSE_RE).search(nt.norm, start, c1)
    if m is None:
        return []
    words = [orig(nt, m.start(), m.end())]
    never = re.compile(r"(?!)")
    words += [orig(nt, s, e) for s, e in complement(nt, m.end(), c1, skip, never, 3 if en else 2)]
    return trim(words, en)
