"""Provides the Arabic title of an event (`compose_ar`): agent, present-tense verb and complement; the event
noun phrase; or the verbal noun of the trigger verb over its subject, never a name guessed from nearby words.
Also the pronouns of a title replaced by what they refer to (`resolve_pronouns`: «بدء العمل بها» ->
«بدء العمل بالتأشيرة»).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.nlp.events.title_agent import (
    agent_after,
    agent_before,
    coordinated_subject,
    definite_np_before,
    noun_subject,
    phrase_between,
    relative_subject,
    subject_after_that,
    visitor,
    with_partner_before,
)
from briefing.nlp.events.title_words import (
    AR_DANGLING,
    AR_DATE_WORDS,
    AR_PREP,
    AR_RELATIVE,
    AR_STOP,
    BOUNDARY,
    Span,
    ar_verb,
    bare_word,
    complement,
    gap_words,
    head_np,
    is_event_noun,
    is_imperfect,
    is_new_verb,
    orig,
    planned_masdar,
    tokens,
    trim,
    with_where,
    word_start,
)
from briefing.nlp.events.trigger import Trigger
from briefing.nlp.text import cues as C
from briefing.nlp.text.arabic import normalize
from briefing.nlp.text.lazy_re import lazy_compile
from briefing.nlp.timex.types import SENTENCE_MARK, Normalized

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
    "شغر": "شغور",
}


# Arabic verbs whose subject is the event itself («تعقد القمة», «تنطلق الدورة»): with no agent the title is
# the event noun phrase, not a person.
_AR_PASSIVE_STEMS = frozenset(
    {"عقد", "نعقد", "جري", "نطلق", "بدا", "نتهي", "قام", "ستانف", "فتتح", "شهد", "شغر"}
)


# Verbs of presence at a place («سيكون في», «سيتواجد في»).
_AR_PRESENCE_STEMS = frozenset({"كون", "تواجد", "وجد"})


_AR_STEM = lazy_compile(r"^(?:سوف\s+)?س?[يتن]")


_AR_PRONOUN_PP = lazy_compile(r"(?<![^\W_])(?P<p>ب|ل|في|علي|عن|من)(?P<g>ها|ه)(?![^\W_])")


_AR_PP_FORM = {"ب": "ب", "ل": "ل", "في": "في ", "علي": "على ", "عن": "عن ", "من": "من "}


_AR_ADJECTIVES = frozenset(
    "الجديده الكبيره الموحده المشتركه المقبله الاولي الثانيه الثالثه الاخيره العامه الخاصه الحاليه".split()
)


def _adjective(word: str) -> bool:
    return word.endswith("يه") or word in _AR_ADJECTIVES


def _antecedent(nt: Normalized, a: int, head: int) -> str | None:
    """The nearest feminine definite noun phrase before `head`: the head noun of «المنصة الجديدة»."""
    toks = tokens(nt, a, head)
    definite = [bare_word(nt.norm[s:e]).startswith("ال") for s, e in toks]
    for i in range(len(toks) - 1, -1, -1):
        w = bare_word(nt.norm[toks[i][0] : toks[i][1]])
        if not re.fullmatch(r"ال[^\W\d_]{2,}ه", w) or w in AR_DANGLING:
            continue
        j = i  # step back over adjectives to their noun: «المنصة الرقمية الجديدة» -> «المنصة»
        while j > 0 and definite[j - 1] and _adjective(bare_word(nt.norm[toks[j][0] : toks[j][1]])):
            j -= 1
        prev = bare_word(nt.norm[toks[j - 1][0] : toks[j - 1][1]]) if j > 0 else ""
        if j == i and definite[j - 1 if j else 0] and prev.startswith("ال") and not prev.endswith("ه"):
            if w.startswith("الم") and prev not in AR_DANGLING:
                j -= 1  # «الوظائف المؤقتة»: a participle agreeing with a plural before it; «ها» is the plural
        return bare_word(orig(nt, *toks[j]))
    return None


def _topic(nt: Normalized, a: int, head: int) -> str | None:
    """The masculine definite noun that opens a reported clause before `head` («قال إن البروتوكول تم التوافق
    عليه»: the topic that a later «عليه» refers to)."""
    toks = tokens(nt, a, head)
    for i in range(len(toks) - 2, -1, -1):
        if bare_word(nt.norm[toks[i][0] : toks[i][1]]) not in _AR_THAT:
            continue
        w = bare_word(nt.norm[toks[i + 1][0] : toks[i + 1][1]])
        if re.fullmatch(r"ال[^\W\d_]{2,}", w) and not w.endswith(("ه", "ات")) and w not in AR_DANGLING:
            return bare_word(orig(nt, *toks[i + 1]))
        return None
    return None


_AR_THAT = frozenset({"ان", "بان", "وان"})


def resolve_pronouns(nt: Normalized, text: str, a: int, head: int) -> str:
    """A title names things: «بدء العمل بها» becomes «بدء العمل بالتأشيرة» with the nearest feminine definite
    noun before it in the sentence (the antecedent of the pronoun ها); «التوقيع عليه» becomes «التوقيع على
    البروتوكول» with the masculine topic of the reported clause («إن البروتوكول ...»)."""

    words = text.split()
    for i, w in enumerate(words):
        m = _AR_PRONOUN_PP.fullmatch(normalize(w))
        if m is None:
            continue
        antecedent = _antecedent(nt, a, head) if m["g"] == "ها" else _topic(nt, a, head)
        if antecedent is None:
            continue
        antecedent = bare_word(antecedent)
        pp = _AR_PP_FORM[m["p"]]
        if pp == "ل":
            antecedent = "ل" + antecedent[1:]  # ل + الـ -> لل
        words[i] = pp + antecedent
    for i in range(len(words) - 2, -1, -1):
        if normalize(words[i]) in _AR_DEMONSTRATIVES and normalize(words[i + 1]).startswith("ال"):
            named = _construct_before(nt, a, head, bare_word(normalize(words[i + 1]))[2:])
            if named is not None:
                words[i : i + 2] = [named]
    return " ".join(words)


_AR_DEMONSTRATIVES = frozenset({"هذا", "هذه", "ذلك", "تلك"})


def _construct_before(nt: Normalized, a: int, head: int, noun: str) -> str | None:
    """The last mention of `noun` before `head` as the head of a construct with a definite genitive («قرار
    الأمم المتحدة», «مشروع قانون الضرائب»): what «هذا القرار» after it refers to."""
    toks = tokens(nt, a, head)
    for k in range(len(toks) - 1, -1, -1):
        if re.sub(r"^[وف]?[بل]?", "", bare_word(nt.norm[toks[k][0] : toks[k][1]]), count=1) != noun:
            continue
        if BOUNDARY.search(nt.norm, toks[k][0], toks[k][1]):
            return None
        end = None
        for s, e in toks[k + 1 : k + 6]:
            w = bare_word(nt.norm[s:e])
            if end is None and (w in AR_PREP or w in AR_DANGLING or is_new_verb(w)):
                return None
            if end is not None and (not w.startswith("ال") or w in AR_DANGLING):
                break
            if w.startswith("ال") or end is not None:
                end = e
            if BOUNDARY.search(nt.norm, s, e):
                break
        if end is None:
            return None
        return bare_word(orig(nt, nt.norm.find(noun, toks[k][0], toks[k][1]), end))
    return None


def compose_ar(
    nt: Normalized,
    trig: Trigger,
    date_spans: Sequence[tuple[int, int]],
    c0: int,
    c1: int,
    spans: Sequence[Span],
    triggers: Sequence[Trigger],
    where: str | None,
    shared: Span | None = None,
    body: Span | None = None,
) -> tuple[str, str | None]:
    """The Arabic title and its agent; `shared` is the agent of the clause before, for a verb joined to it by
    «و» with no subject of its own; `body` the assembly named before a bare session noun, whose session it
    is."""
    if trig.verb:
        stem = " ".join(_AR_STEM.sub("", nt.norm[trig.start : trig.end]).split())
        before_verb = agent_before(nt, spans, trig.start, c0, False)
        agent = (
            agent_after(nt, spans, trig.end, c1, 10, date_spans)
            or (with_partner_before(nt, spans, before_verb) if before_verb else None)
            or shared
        )
        if agent is not None and stem in _AR_PASSIVE_STEMS:
            # «يعقد الوزير اجتماعا» has an agent and an object; «تعقد القمة برعاية الهيئة» has no agent: the
            # event noun after the name is the object the title needs.
            obj = next(
                (t for t in triggers if not t.verb and agent.end <= t.start < c1 and not t.oblique), None
            )
            if obj is None or (
                len(gap_words(nt, agent.end, obj.start)) > 8
                and not _sponsor_then_date(nt, agent.end, obj.start, date_spans)
            ):
                agent = None
            else:
                agent = coordinated_subject(nt, trig.end, agent)
                np = trim(head_np(nt, obj, c1, date_spans, False, governed=True, names=spans), False)
                words = [agent.name, ar_verb(orig(nt, trig.start, trig.end)), *np]
                return " ".join(with_where(words, where, obj.kind, False)), agent.name
        skip = [*date_spans]
        if agent is not None:
            # the agent and, after the verb, the title phrase between them («المبعوث الخاص إلى سورية»)
            skip.append((trig.end, agent.end) if agent.start >= trig.end else (agent.start, agent.end))
        rest = [orig(nt, s, e) for s, e in complement(nt, trig.end, c1, skip, AR_STOP, 6, spans)]
        rest = trim(rest, False)
        if agent is not None:
            words = [agent.name, ar_verb(orig(nt, trig.start, trig.end)), *rest]
            return " ".join(with_where(trim(words, False), where, trig.kind, False)), agent.name
        if stem in _AR_PRESENCE_STEMS and len(rest) > 1 and bare_word(normalize(rest[0])) == "في":
            # «سيكون في المدارس الحدودية» with the subject left in the verb: a visit to the place
            return " ".join(["زيارة", *rest[1:]]), None
        before = (
            (subject_after_that(nt, trig.start, c0) or definite_np_before(nt, trig.start, c0))
            if stem not in _AR_PASSIVE_STEMS
            else None
        )
        if before is not None and not is_event_noun(bare_word(normalize(before.split()[-1]))):
            # SVO: «قال إن رئيسة الوزراء البريطانية ستزور الرياض» -> «رئيسة الوزراء البريطانية تزور الرياض»
            words = [before, ar_verb(orig(nt, trig.start, trig.end)), *rest]
            return " ".join(with_where(trim(words, False), where, trig.kind, False)), None
        subject = noun_subject(nt, trig.end, c1, date_spans) if stem not in _AR_PASSIVE_STEMS else None
        if subject is not None:
            rest = [orig(nt, s, e) for s, e in complement(nt, subject[1], c1, date_spans, AR_STOP, 6)]
            words = [orig(nt, *subject), ar_verb(orig(nt, trig.start, trig.end)), *trim(rest, False)]
            if not trim(rest, False) and _AR_MASDAR.get(stem) and subject[1] - subject[0] == len(words[0]):
                # «وسيصل المدرب نهاية الأسبوع» -> «وصول مدرب الفريق» (a verb alone cannot end the title)
                whole = Trigger(subject[0], subject[1], trig.kind, False, False)
                words = [_AR_MASDAR[stem], *(_fuller_mention(nt, whole, [words[0]]) or [words[0]])]
            return " ".join(with_where(trim(words, False), where, trig.kind, False)), None
        noun = _relative_antecedent(nt, trig, triggers, c0) or _event_noun_near(trig, triggers, c0, c1)
        if noun is not None:
            np = _with_owner(nt, noun, trim(head_np(nt, noun, c1, date_spans, False, names=spans), False), c0)
            if noun.end <= trig.start and not rest and len(np) == 1 and _AR_MASDAR.get(stem):
                # «أن المحادثات يمكن أن تبدأ في الأيام المقبلة» -> «بدء المحادثات …» (no lone verb at the end)
                np = [_AR_MASDAR[stem], *(_fuller_mention(nt, noun, np) or np)]
            elif noun.end <= trig.start:
                # SV with the event as subject: «القمة الثلاثية ستعقد بالعاصمة» -> «القمة الثلاثية تعقد
                # بالعاصمة»
                np = [*np, ar_verb(orig(nt, trig.start, trig.end)), *rest]
            return " ".join(with_where(trim(np, False), where, noun.kind, False)), None
        masdar = _AR_MASDAR.get(stem, "")
        if (
            not rest
            or bare_word(rest[0]) in AR_PREP
            or rest[0][:1].isdigit()
            or rest[0].startswith(("من", "ب"))
        ):
            # SVO: the subject stands before the verb («أن المرحلة الثانية ستبدأ») -> «بدء المرحلة الثانية»,
            # or before a comma and a relative pronoun («المراكز لقيد الناخبين، التي ستبدأ»)
            before = (
                relative_subject(nt, trig.start, c0)
                or _relative_np(nt, trig.start, c0)
                or subject_after_that(nt, trig.start, c0)
                or definite_np_before(nt, trig.start, c0)
                or _antecedent_before_comma(nt, trig.start, c0)
                or _result_clause_subject(nt, trig.start, c0)
            )
            if before is not None and stem == "بدا" and _started_thing(rest):
                # «أن اللجنة ستبدأ غدا، بتجهيز المراكز» -> «اللجنة تبدأ بتجهيز المراكز»: what is started
                words = [before, ar_verb(orig(nt, trig.start, trig.end)), *rest]
                return " ".join(with_where(trim(words, False), where, trig.kind, False)), None
            rest = [before] if before else rest
            if masdar and before is None and stem in _AR_PASSIVE_STEMS:
                # «اجتماعات اللجنة، التي ستنعقد في الكويت» -> «انعقاد اجتماعات اللجنة … في الكويت»
                rest = [*(_dropped_subject(nt, trig, triggers, c0) or []), *trim(list(rest), False)]
        if masdar and len(rest) >= 4 and bare_word(normalize(rest[0])) in AR_PREP:
            rest = [*rest[2:], *rest[:2]]  # «تجري في المغرب أول العمليات» -> «إجراء أول العمليات … في المغرب»
        words = trim([masdar, *rest] if masdar else rest, False)
        return " ".join(with_where(words, where, trig.kind, False)), None
    # An event noun: governed by a verb with an agent («يعقد الوزير اجتماعا», «تستضيف تونس القمة»)?
    gov = _governing_verb(nt, trig, triggers, c0)
    np = trim(head_np(nt, trig, c1, date_spans, False, names=spans), False)
    if gov is not None:
        agent = agent_after(nt, spans, gov.end, trig.start, 10) or agent_before(
            nt, spans, gov.start, c0, False
        )
        if agent is not None:
            np = trim(head_np(nt, trig, c1, date_spans, False, governed=True, names=spans), False)
            words = [agent.name, ar_verb(orig(nt, gov.start, gov.end)), *np]
            return " ".join(with_where(words, where, trig.kind, False)), agent.name
        guest = visitor(nt, spans, c0, gov.start, gov.end)
        if guest is not None:
            # «وصل X إلى القاهرة في زيارة لمصر يشارك خلالها في احتفالات ...»: the visitor takes part; where
            # he landed is not where the event is
            during = re.match(r"\s*خلالها", nt.norm[gov.end :])
            start = gov.end + (during.end() if during else 0)
            rest = [orig(nt, s, e) for s, e in complement(nt, start, c1, date_spans, AR_STOP, 7, spans)]
            words = [guest.name, ar_verb(orig(nt, gov.start, gov.end)), *trim(rest, False)]
            return " ".join(trim(words, False)), guest.name
        vso = phrase_between(nt, gov.end, word_start(nt, trig.start), date_spans)
        if vso:
            # VSO with a common noun: «يقوم وفد من الشركات يوم الأحد بزيارة للوزير» -> «وفد من الشركات يقوم
            # بزيارة للوزير»
            np = trim(head_np(nt, trig, c1, date_spans, False, governed=True, names=spans), False)
            words = [vso, ar_verb(orig(nt, gov.start, gov.end)), *np]
            return " ".join(with_where(words, where, trig.kind, False)), None
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
    prev = tokens(nt, c0, trig.start)[-1:]
    prev_word = bare_word(nt.norm[prev[0][0] : prev[0][1]]) if prev else ""
    if gov is not None and len(np) < 3:
        # no agent: the verbal noun of the governing verb over the event («سيلقي كلمة» -> «إلقاء كلمة»)
        gstem = " ".join(_AR_STEM.sub("", nt.norm[gov.start : gov.end]).split())
        if _AR_MASDAR.get(gstem):
            np = [_AR_MASDAR[gstem], *(_fuller_mention(nt, trig, np) or np)]
    elif (
        len(np) < 3
        and is_imperfect(prev_word)
        and not prev_word.startswith(("ال", "يوم"))
        and prev_word not in _AR_DONE
    ):
        # the event noun is the subject of the verb before it: «وتستكمل المحاكمة غدا» -> «المحاكمة تستكمل»,
        # named by its fuller mention in the article: «محاكمة 29 متهما بالتفجير تستكمل»
        verb = orig(nt, *prev[0])
        np = [*(_fuller_mention(nt, trig, np) or np), ar_verb(re.sub(r"^[وف](?=[سيت])", "", verb))]
    np = _with_owner(nt, trig, np, c0)
    np = _postponed_to_session(nt, trig, np) or np
    planned = planned_masdar(nt, trig.end, c1) if len(np) < 3 else None
    if planned:
        np = [planned, *np]  # «للانتخابات البلدية، المزمع إجراؤها» -> «إجراء الانتخابات البلدية»
    if body is not None and len(np) <= 3 and all(normalize(w).startswith("ال") for w in np):
        # «رحلت البنود إلى الجلسة القادمة» after «مجلس الوزراء» -> «الجلسة القادمة لمجلس الوزراء» («القادمة»
        # says which session: a date word that stays before the owner)
        np = head_np(nt, trig, c1, date_spans, False, 3, names=spans)
        while len(np) > 1 and normalize(bare_word(np[-1])) in AR_DANGLING:
            np.pop()
        np = [*np, ("ل" + body.name[1:]) if normalize(body.name).startswith("ال") else "ل" + body.name]
    if passive is not None and len(gap_words(nt, trig.end, passive.start)) <= 4:
        after = complement(nt, passive.end, c1, date_spans, AR_STOP, 5, spans)
        words = [*np, ar_verb(orig(nt, passive.start, passive.end)), *(orig(nt, s, e) for s, e in after)]
        return " ".join(with_where(trim(words, False), where, trig.kind, False)), None
    return " ".join(with_where(np, where, trig.kind, False)), None


# «سيتم نشر الآلية»: the auxiliary of a passive, not a verb whose subject is the event noun.
_AR_DONE = frozenset({"يتم", "سيتم", "تتم", "ستتم", "ويتم", "وسيتم"})


_AR_POSSESSED = lazy_compile(r"(?:ته|تها|تهم)$")


def _with_owner(nt: Normalized, noun: Trigger, np: list[str], c0: int) -> list[str]:
    """A short event phrase whose noun has a possessive suffix after «في» takes its possessor: «الانتخابات
    البلدية في دورتها الثالثة», not «دورتها الثالثة»."""
    prev = tokens(nt, c0, noun.start)[-1:]
    if len(np) >= 3 or not prev or bare_word(nt.norm[prev[0][0] : prev[0][1]]) != "في":
        return np
    if not _AR_POSSESSED.search(nt.norm, noun.start, noun.end):
        return np
    owner = definite_np_before(nt, prev[0][0], c0)
    return [owner, orig(nt, *prev[0]), *np] if owner else np


def _antecedent_before_comma(nt: Normalized, head: int, c0: int) -> str | None:
    """The antecedent of a relative pronoun that opens the clause after a comma: «... في المراكز الانتخابية
    لقيد الناخبين، التي ستبدأ» -> «المراكز الانتخابية لقيد الناخبين» (up to five words back to a preposition,
    within the sentence)."""
    between = gap_words(nt, c0, head)
    if not between or between[0] not in AR_RELATIVE or c0 < 2 or nt.norm[c0 - 1] not in "،,":
        return None
    floor = max(0, c0 - 100)
    floor = max(floor, nt.sentence_start(c0))
    words: list[tuple[int, int]] = []
    for s, e in reversed(tokens(nt, floor, c0 - 1)):
        w = bare_word(nt.norm[s:e])
        if w in AR_PREP or w in AR_RELATIVE or is_new_verb(w) or BOUNDARY.search(nt.norm, s, e):
            break
        words.insert(0, (s, e))
        if len(words) >= 5:
            break
    if not words or not bare_word(nt.norm[words[0][0] : words[0][1]]).startswith("ال"):
        return None
    return orig(nt, words[0][0], words[-1][1])


_AR_STATUS = frozenset(w for w in (*C.AR_POSTPONED, *C.AR_CANCELLED) if " " not in w)


def _result_clause_subject(nt: Normalized, head: int, c0: int) -> str | None:
    """A result clause «لـ + verb» after a relative clause set off by commas has the relative's antecedent as
    its subject: «تأجيل البطولة العربية، التي كانت مقررة في مايو، لتقام في سبتمبر» -> «البطولة العربية» (up
    to four words back from the comma, to a preposition, «تأجيل» or an event noun, within the sentence)."""
    start = word_start(nt, head)
    if not re.fullmatch(r"[وف]?ل", nt.norm[start:head]) or gap_words(nt, c0, start):
        return None
    floor = max(0, c0 - 250)
    floor = max(floor, nt.sentence_start(c0))
    rel = [s for s, e in tokens(nt, floor, c0) if bare_word(nt.norm[s:e]) in AR_RELATIVE]
    comma = nt.norm[: rel[-1]].rstrip() if rel else ""
    if not comma.endswith(("،", ",")):
        return None
    words: list[tuple[int, int]] = []
    for s, e in reversed(tokens(nt, floor, len(comma) - 1)):
        w = bare_word(nt.norm[s:e])
        if (
            w in AR_PREP
            or w in AR_RELATIVE
            or w in _AR_STATUS
            or is_new_verb(w)
            or BOUNDARY.search(nt.norm, s, e)
        ):
            break
        words.insert(0, (s, e))
        if len(words) >= 4 or is_event_noun(w):
            break  # «مهرجان الربيع»: the event noun heads the phrase
    if not words or bare_word(nt.norm[words[0][0] : words[0][1]]).isdigit():
        return None
    return orig(nt, words[0][0], words[-1][1])


_AR_SPONSOR = lazy_compile(r"\s*(?:برعايه|تحت\s+رعايه|بحضور|بمشاركه|بالتعاون\s+مع|بالشراكه\s+مع)(?![^\W_])")


def _sponsor_then_date(nt: Normalized, a: int, b: int, dates: Sequence[tuple[int, int]]) -> bool:
    """Between the subject and the object stand a patron phrase and the date: «تعقد الجامعة برعاية الأمير
    فلان، رئيس الهيئة، الثلاثاء المقبل الملتقى الأول»."""
    return bool(_AR_SPONSOR.match(nt.norm, a)) and any(
        a < e <= b and not nt.norm[e:b].strip() for _, e in dates
    )


def _dropped_subject(nt: Normalized, trig: Trigger, triggers: Sequence[Trigger], c0: int) -> list[str] | None:
    """The subject left in a verb whose subject is the event itself, with nothing named in its clause
    («…، وتنتهي في عام 2020», «يمكن أن تعقد قبل …»), is the last event noun before the clause, in its
    sentence or the one before, that agrees with the verb's person prefix (ت: a feminine noun or a plural in
    ات; ي: a masculine one): «الدورة الشمسية الرابعة والعشرين، التي بدأت عام 2008، وتنتهي في عام 2020» ->
    «انتهاء الدورة الشمسية الرابعة والعشرين»."""
    verb = re.sub(r"^(?:[وف]?(?:سوف\s+)?)س?", "", nt.norm[word_start(nt, trig.start) : trig.end])
    if verb[:1] not in ("ت", "ي"):
        return None
    marks = [m.end() for m in SENTENCE_MARK.finditer(nt.norm, max(0, c0 - 400), c0)]
    floor = marks[-2] if len(marks) >= 2 else max(0, c0 - 400)
    for t in reversed([t for t in triggers if not t.verb and floor <= t.start and t.end <= c0]):
        head = re.sub(r"^(?:[وفبل]?ال|لل)", "", bare_word(nt.norm[word_start(nt, t.start) : t.end]))
        feminine = head.endswith(("ه", "ات", "تها"))
        if feminine != (verb[0] == "ت"):
            continue
        end = BOUNDARY.search(nt.norm, t.end)
        words = trim(head_np(nt, t, end.start() if end else len(nt.norm), (), False, 4), False)
        return words or None
    return None


def _fuller_mention(nt: Normalized, trig: Trigger, np: Sequence[str]) -> list[str] | None:
    """A bare definite noun («المحاكمة», «المدرب») is named by the article's first mention of the noun in a
    construct with its genitive («محاكمة 29 متهما بالتفجير», «مدرب الفريق»): up to four words, within one
    clause."""
    head = bare_word(nt.norm[trig.start : trig.end])
    if len(np) != 1 or not head.startswith("ال") or len(head) < 5:
        return None
    noun = re.escape(head[2:])
    for m in re.finditer(rf"(?<![^\W_])[وفبل]?(?P<n>{noun})(?=\s)", nt.norm):
        end = BOUNDARY.search(nt.norm, m.end())
        words = head_np(
            nt,
            Trigger(m.start("n"), m.end("n"), trig.kind, False, False),
            end.start() if end else len(nt.norm),
            (),
            False,
            4,
        )
        first = normalize(bare_word(words[1])) if len(words) > 1 else ""
        if first and first not in AR_PREP and first not in AR_DANGLING and first not in AR_DATE_WORDS:
            if len(words) > 2 or first.startswith("ال"):
                return trim(words, False)
    return None


def _relative_np(nt: Normalized, head: int, c0: int) -> str | None:
    """The antecedent of the relative pronoun right before a verb: the noun phrase before the pronoun, with
    one «في» phrase attached to it («منصب رئيس الأركان في الجيش الذي سيشغر» -> «منصب رئيس الأركان في
    الجيش»), up to six words back to another preposition, a verb or a clause boundary."""
    toks = tokens(nt, c0, word_start(nt, head))
    if not toks or bare_word(nt.norm[toks[-1][0] : toks[-1][1]]) not in AR_RELATIVE:
        return None
    run: list[tuple[int, int]] = []
    for s, e in reversed(toks[:-1]):
        w = bare_word(nt.norm[s:e])
        if w == "في" and 1 <= len(run) <= 3 and all(nt.norm[a:b].startswith("ال") for a, b in run):
            run.insert(0, (s, e))
            continue
        if w in AR_PREP or w in AR_DANGLING or is_new_verb(w) or is_imperfect(w) or len(run) >= 6:
            break
        if BOUNDARY.search(nt.norm, s, e) or re.match(r"[وفلب]", w) or re.search(r"(?:ها|هم)$", w):
            break  # a conjunction, a fused preposition or a possessive opens no noun phrase here
        run.insert(0, (s, e))
    words = [bare_word(nt.norm[s:e]) for s, e in run]
    if len(run) < 3 or "في" not in words or words[0] == "في":
        return None  # without a «في» phrase, `definite_np_before` finds the antecedent
    return orig(nt, run[0][0], run[-1][1])


def _relative_antecedent(
    nt: Normalized, trig: Trigger, triggers: Sequence[Trigger], c0: int
) -> Trigger | None:
    """A verb right after a relative pronoun has the pronoun's antecedent as its subject: the last event noun
    before the pronoun, even one governed by a preposition, with no verb between («تمهيدا للاجتماع المشترك
    بين الوزراء الذي سيعقد غدا» -> «الاجتماع المشترك»)."""
    prev = tokens(nt, c0, word_start(nt, trig.start))[-1:]
    if not prev or bare_word(nt.norm[prev[0][0] : prev[0][1]]) not in AR_RELATIVE:
        return None
    nouns = [t for t in triggers if not t.verb and c0 <= t.start and t.end <= prev[0][0]]
    if not nouns:
        return None
    between = [bare_word(nt.norm[s:e]) for s, e in tokens(nt, nouns[-1].end, prev[0][0])]
    return None if any(is_new_verb(w) for w in between) else nouns[-1]


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
        if len(gap_words(nt, t.end, trig.start)) <= 6:
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


_AR_POSTPONED_TO = lazy_compile(
    r"(?<![^\W_])[وف]?(?:تاجيل|ارجاء|رفع)\s+(?:نظر\s+)?(?P<what>[^.!?؟\n]*?)\s(?:الي|حتي)\s+$"
)


def _postponed_to_session(nt: Normalized, trig: Trigger, np: Sequence[str]) -> list[str] | None:
    """A bare session a case is put off to is that case's session: «قررت المحكمة تأجيل محاكمة الوزير
    السابق في قضية الأراضي إلى جلسة 25 مارس» -> «جلسة محاكمة الوزير السابق» (what is put off, «نظر» left
    out, up to five words to a comma, a preposition or a date word, in the same sentence)."""
    if len(np) != 1 or trig.kind != "session" or nt.norm[trig.start : trig.end].startswith("ال"):
        return None
    floor = max(0, trig.start - 300)
    m = _AR_POSTPONED_TO.search(
        nt.norm, max(floor, nt.sentence_start(trig.start)), word_start(nt, trig.start)
    )
    if m is None:
        return None
    words: list[tuple[int, int]] = []
    for s, e in tokens(nt, m.start("what"), m.end("what")):
        w = bare_word(nt.norm[s:e])
        if w in AR_PREP or w in AR_DANGLING or w in AR_DATE_WORDS or len(words) >= 5:
            break
        words.append((s, e))
        if BOUNDARY.search(nt.norm, s, e + 1):
            break
    if not words:
        return None
    return [*np, *(bare_word(orig(nt, s, e)) for s, e in words)]


def _started_thing(rest: Sequence[str]) -> bool:
    """The complement of a verb of starting names what is started: «ب» or «في» and a noun that is no place
    or date («بتجهيز المراكز», «في توزيع الاستمارات»; not «في الرياض», «في 28 سبتمبر»)."""
    words = [bare_word(normalize(w)) for w in rest]
    if len(words) < 2:
        return False
    if words[0] == "في":
        return bool(_AR_VERBAL_NOUN.match(words[1]))
    return words[0].startswith("ب") and bool(_AR_VERBAL_NOUN.match(re.sub("^ب", "", words[0])))


# The common patterns of the Arabic verbal noun: تفعيل, إفعال, افتعال, استفعال, تفاعل, مفاعلة (after «ال»).
_AR_VERBAL_NOUN = lazy_compile(
    r"^(?:ال)?(?:ت[^\W\d_]{2}ي[^\W\d_]|ا[^\W\d_]{2}ا[^\W\d_]|است[^\W\d_]{2}ا[^\W\d_]|ت[^\W\d_]ا[^\W\d_]{2}|م[^\W\d_]ا[^\W\d_]{2}ه|[^\W\d_]{3}ت[^\W\d_]ا[^\W\d_])$"
)
