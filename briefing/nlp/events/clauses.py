"""Provides the clause patterns that decide whether a dated plan is still to come and whether it is one event
or two, read by the extractor (`extract`):

- `was_planned`: a plan said in the past ("كان من المقرر أن", «التي كانت مقررة», "was scheduled to") with no
  cancellation or postponement in its sentence is the old date of a plan that changed, not an event;
- `reported_earlier`: «وكان المسؤول قد أوضح في وقت سابق أن الوزير سيلتقي اليوم ...» (pluperfect report) tells
  a same-day plan as background to what has since happened;
- `also_marked`: «يعقد كيري أيضاً اليوم اجتماعاً مع ...», "will also meet": another event on the same day, not
  a re-mention of the first;
- `where_follows`: «... في 17 أغسطس، حيث سيتم توقيع الاتفاق», "..., where they will sign": a second event at
  the first one's date and place;
- `planned_after`: «... للانتخابات البلدية، المزمع إجراؤها في 4 سبتمبر»: the date belongs to the event noun
  that the participle phrase after the comma describes;
- `verb_after_opening_date`: «... ويوم غد الخميس سيكون في المدارس»: a date that opens its clause belongs to
  the verb right after it, not to an event noun of the clause before;
- `own_future_verb`: «... ستتبلور في غضون يومين، وهذه الحلول ستعرض ... بحيث تنتهي ...»: a date whose
  nearest trigger lies past a clause boundary belongs to the future verb before it in its own clause;
- `passive_future`: «... وسيبدأ العام ... مؤكدا أنه سيتم نشر الآلية خلال الساعات القادمة»: the verbal noun
  after «سيتم» between the chosen trigger and the date is nearer: the date is for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.nlp.events.tense import Cue
from briefing.nlp.events.title_words import AR_PLAN_PARTICIPLE
from briefing.nlp.events.trigger import Trigger
from briefing.nlp.text import cues as C
from briefing.nlp.text.cues import L, R
from briefing.nlp.timex.types import Mention, Normalized

_WAS = re.compile(rf"(?:{L}[وف]?(?:كان|كانت)\s+(?:\S+\s+){{0,1}}$)|\bwas\s+$")
_WAS_CUE = re.compile(r"^was\s")
_PLUPERFECT = re.compile(
    rf"\s*[وف]?(?:كان|كانت)\s+(?:\S+\s+){{0,8}}?قد\s+(?:{C.alternation(C.AR_REPORTING)}){R}"
    r"|\s*\S*(?:\s+\S+){0,6}?\s+had\s+(?:said|announced|told|stated)\b"
)
_ALSO = re.compile(rf"{L}(?:ايضا|كذلك){R}|\b(?:also|as well)\b")
_WHERE = re.compile(
    r"(?:(?<![^\W_])حيث|\bwhere)\s+(?:(?:سيتم|سوف\s+يتم|ستجري|will(?:\s+be)?|they\s+will)\s+)?$"
)


def was_planned(nt: Normalized, m: Mention, cues: Sequence[Cue]) -> bool:
    """The nearest strong cue before the date is a future cue said in the past («كان من المقرر أن تقام ...»;
    the imperfect «تقام» after it is only a weak cue)."""
    before = [c for c in cues if c.end <= m.start and c.strong]
    if not before or before[-1].tense != "future":
        return False
    c = before[-1]
    return bool(_WAS_CUE.match(nt.norm, c.start) or _WAS.search(nt.norm, max(0, c.start - 16), c.start))


def reported_earlier(nt: Normalized, sentence_start: int, m: Mention) -> bool:
    """The sentence opens with a pluperfect report («وكان ... قد أوضح», "X had said") before the date."""
    hit = _PLUPERFECT.match(nt.norm, sentence_start)
    return hit is not None and hit.end() <= m.start


def also_marked(nt: Normalized, trig: Trigger, sentence: tuple[int, int]) -> bool:
    """«أيضاً» / "also" with the event verb («يعقد كيري أيضاً اليوم اجتماعاً», "will also meet"): the clause adds
    an event. Not «وأكد أيضاً أن الزيارة ستتم الأحد», where "also" goes with the report."""
    if not trig.verb:
        return False
    before = _ALSO.search(nt.norm, max(sentence[0], trig.start - 8), trig.start)
    return bool(before or _ALSO.search(nt.norm, trig.end, min(sentence[1], trig.end + 20)))


def where_follows(nt: Normalized, after: int, triggers: Sequence[Trigger]) -> list[Trigger]:
    """Triggers after `after` (the date) that open a «حيث سيتم ...» / "where ... will" clause."""
    return [
        t for t in triggers if t.start >= after and _WHERE.search(nt.norm, max(after, t.start - 16), t.start)
    ]


# «، المزمع إجراؤها في»: a participle of plan and a verbal noun with the pronoun of the noun before the comma.
_PLANNED = re.compile(AR_PLAN_PARTICIPLE + r"[^\W\d_]{2,}?(?:ها|ه|هما|هم)\s+(?:في\s+|يوم\s+)?$")


def planned_after(nt: Normalized, m: Mention, triggers: Sequence[Trigger]) -> Trigger | None:
    """The event noun before «، المزمع إجراؤها في <date>» (even inside a complement: «لتأكيد جاهزيتها
    للانتخابات البلدية، المزمع إجراؤها في 4 سبتمبر»): the event the date is for."""
    hit = _PLANNED.search(nt.norm, max(0, m.start - 40), m.start)
    if hit is None:
        return None
    before = [t for t in triggers if not t.verb and t.end <= hit.start() and hit.start() - t.end <= 40]
    return before[-1] if before else None


def verb_after_opening_date(nt: Normalized, m: Mention, triggers: Sequence[Trigger]) -> Trigger | None:
    """The trigger verb right after a date that opens a clause (after «و» or a punctuation mark)."""
    nxt = next((t for t in triggers if t.start >= m.end), None)
    if nxt is None or not nxt.verb or nt.norm[m.end : nxt.start].strip():
        return None
    before = nt.norm[max(0, m.start - 2) : m.start]
    lead = nt.norm[: m.start].rstrip()
    return nxt if before.endswith(" و") or not lead or lead[-1] in "،,.؛;:\n" else None


_WILL_BE_DONE = re.compile(r"(?<![^\W_])[وف]?(?:سيتم|ستتم|سوف\s+يتم)\s+(?P<n>[^\W\d_]{3,})")


def passive_future(nt: Normalized, m: Mention, trig: Trigger) -> Trigger:
    """The verbal noun of the last «سيتم + مصدر» between the trigger (before the date) and the date, as the
    head of an event of no known kind («سيتم نشر الآلية»); else the trigger itself."""
    if trig.end > m.start:
        return trig
    hits = [
        h
        for h in _WILL_BE_DONE.finditer(nt.norm, trig.end, m.start)
        if not re.search(r"(?:ه|ها|هم|هما)$", nt.text[slice(*nt.span(h.start("n"), h.end("n")))])
    ]  # «سيتم طرحها»: a pronoun object names nothing
    if not hits:
        return trig
    n = hits[-1]
    return Trigger(n.start("n"), n.end("n"), None, False, False)


_COPULA = frozenset({"كون", "كونون", "كونان", "صبح", "ظل", "بقي", "بقى"})
_FUTURE_VERB = re.compile(r"(?<![^\W_])[وف]?(?P<v>س[يت][^\W\d_]{3,})(?![^\W_])")
_CLAUSE_MARK = re.compile(r"[،,.;؛:!?؟«»\"\n]")


def own_future_verb(nt: Normalized, m: Mention, triggers: Sequence[Trigger]) -> Trigger | None:
    """The future verb («ستتبلور») before the date in the date's own clause, when the clause has no trigger
    before the date and the next trigger lies after the date, near it but past a clause boundary («... في
    غضون يومين، وهذه الحلول ... بحيث تنتهي»): an event of no known kind, headed by that verb. A copula
    («ستكون») heads none."""
    nxt = next((t for t in triggers if t.start >= m.end), None)
    if nxt is None or nxt.start - m.end >= 80 or not _CLAUSE_MARK.search(nt.norm, m.end, nxt.start):
        return None  # only a trigger near enough to be taken for the date's is replaced
    marks = list(_CLAUSE_MARK.finditer(nt.norm, max(0, m.start - 120), m.start))
    start = marks[-1].end() if marks else max(0, m.start - 120)
    if any(start <= t.start and t.end <= m.start for t in triggers):
        return None
    verbs = [v for v in _FUTURE_VERB.finditer(nt.norm, start, m.start) if v["v"][2:] not in _COPULA]
    if not verbs:
        return None  # «الأسعار ستكون في متناول الجميع غدا»: a state or a forecast, no event
    v = verbs[-1]
    return Trigger(v.start("v"), v.end("v"), None, True, True)
