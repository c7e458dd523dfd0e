"""Provides who acts in an event's clause, for its title: the actors' name spans in the clause, the name
after the verb (VSO) or before it (SVO), a group led by a name («وفد برئاسة ...»), a short English subject,
and the definite noun phrase that is a verb's subject when no actor is named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.models import Actor
from briefing.nlp.events.title_words import (
    AR_AUX,
    AR_DANGLING,
    AR_DATE_WORDS,
    AR_IMPERFECT,
    AR_PREP,
    AR_RELATIVE,
    BOUNDARY,
    EN_AUX,
    EN_DANGLING,
    Span,
    bare_word,
    clean_agent,
    gap_words,
    is_bare_verb,
    is_event_noun,
    is_imperfect,
    is_new_verb,
    orig,
    tokens,
    word_start,
)
from briefing.nlp.text import cues as C
from briefing.nlp.text.arabic import normalize
from briefing.nlp.text.lazy_re import lazy_compile
from briefing.nlp.timex.types import Normalized

# The attached pronouns: «خلالها» is the preposition «خلال» with «ها».
_AR_PRONOUN_SUFFIX = lazy_compile(r"(?:هما|هم|هن|ها|ه)$")
_EN_CLAUSE_WORD = lazy_compile(r"\b(?:that|said|says|while|after|which|who|and|but|as)\b")


def actor_spans(nt: Normalized, actors: Sequence[Actor], a: int, b: int) -> list[Span]:
    from bisect import bisect_left  # noqa: PLC0415

    out: list[Span] = []
    for actor in actors:
        if actor.kind == "place":
            continue
        en = not any("\u0600" <= ch <= "\u06ff" for ch in actor.name)
        name = clean_agent(actor.name, en)
        for s, e in actor.mentions:
            ns, ne = bisect_left(nt.offsets, s), bisect_left(nt.offsets, e)
            if not (a <= ns and ne <= b):
                continue
            # The name finder may glue a word to the name («جون كيري اجتماعا») or take the word alone.
            kept = tokens(nt, ns, ne)
            while kept and clean_agent("x " + orig(nt, kept[-1][0], kept[-1][1]), en) == "x":
                kept.pop()
            if kept:
                out.append(Span(kept[0][0], kept[-1][1], name))
    return sorted(out, key=lambda x: (x.start, -x.end))


def shared_agent(nt: Normalized, actors: Sequence[Actor], head: int, a: int, c0: int) -> Span | None:
    """«يسعى الوزير سامي النجار لحشد الدعم، وسيلقي كلمة»: a verb that opens its clause with «و» after a comma,
    with no subject of its own, shares the agent of the verb that opens the clause before it in the sentence
    (`a`: the sentence's start)."""
    start = word_start(nt, head)
    if not nt.norm[start : head + 1].startswith("و") or gap_words(nt, c0, start) or c0 <= a + 1:
        return None
    if nt.norm[c0 - 1] not in "،,":
        return None
    p0 = a
    for m in BOUNDARY.finditer(nt.norm, a, c0 - 1):
        p0 = m.end()
    first = tokens(nt, p0, c0 - 1)[:1]
    if not first:
        return None
    verb = bare_word(nt.norm[first[0][0] : first[0][1]])
    if not (AR_IMPERFECT.match(verb) or is_new_verb(verb)):
        return None
    return agent_after(nt, actor_spans(nt, actors, p0, c0 - 1), first[0][1], c0 - 1, 10)


def agent_after(
    nt: Normalized,
    spans: Sequence[Span],
    head_end: int,
    limit: int,
    max_gap: int,
    dates: Sequence[tuple[int, int]] = (),
) -> Span | None:
    """VSO: the name right after the verb, with at most `max_gap` title words between («يصل المبعوث الخاص إلى
    سورية غير بيدرسون»): the words between must open with a noun, not a preposition or a date. A date after
    the first words closes the subject: in «يصل محافظ المدينة خلال النهار إلى ... منذ سيطرة المسلحين» a name
    after the date is no agent."""
    for sp in spans:
        if sp.start < head_end or sp.start >= limit:
            continue
        if any(head_end < a and b <= sp.start and gap_words(nt, head_end, a) for a, b in dates):
            return None
        gap = [w for w in gap_words(nt, head_end, sp.start) if w not in AR_DATE_WORDS and not w.isdigit()]
        # «المتحدث الرسمي باسم الانتخابات»: the event noun named in the office is part of the title
        gap = [w for i, w in enumerate(gap) if not (is_event_noun(w) and gap[i - 1 : i] == ["باسم"])]
        if not gap or (
            len(gap) <= max_gap
            and gap[0] not in AR_PREP
            and _AR_PRONOUN_SUFFIX.sub("", gap[0]) not in AR_PREP  # «يشارك خلالها في ...»: an adverbial
            and gap[-1] not in AR_PREP
            and not any(is_bare_verb(w) or is_event_noun(w) for w in gap)
        ):
            return sp
        if gap and gap[-1] in AR_PREP and len(gap) <= max_gap:
            continue  # a name after a preposition is part of a title phrase («المبعوث إلى سورية»)
        return None
    return None


def coordinated_subject(nt: Normalized, head_end: int, agent: Span) -> Span:
    """VSO with a coordinated subject: «تعقد جامعة نايف والمنظمة العربية الملتقى» names both; the name finder
    may know only the second, after «و». Up to six words between the verb and «و», opening with a noun."""
    start = word_start(nt, agent.start)
    if nt.norm[start : agent.start] != "و" or start <= head_end:
        return agent
    toks = tokens(nt, head_end, start)
    first = bare_word(nt.norm[toks[0][0] : toks[0][1]]) if toks else ""
    if not 1 <= len(toks) <= 6 or first in AR_PREP or is_new_verb(first) or first in AR_DATE_WORDS:
        return agent
    if any(BOUNDARY.search(nt.norm, s, e) for s, e in toks):
        return agent
    return Span(toks[0][0], agent.end, f"{orig(nt, toks[0][0], start)} و{agent.name}")


_AR_ASSEMBLY = lazy_compile(r"(?:ال)?(?:مجلس|برلمان|حكومه|لجنه|هيئه|جمعيه|محكمه|مؤتمر)(?![^\W_])")


def assembly_before(nt: Normalized, actors: Sequence[Actor], a: int, head: int) -> Span | None:
    """The assembly (a council, parliament, government, committee or court) named last before `head` in its
    sentence, starting at `a`: whose session «الجلسة القادمة» is when nothing else names it."""
    orgs = [x for x in actors if x.kind == "org"]
    bodies = [sp for sp in actor_spans(nt, orgs, a, head) if _AR_ASSEMBLY.match(normalize(sp.name))]
    return bodies[-1] if bodies else None


_DURING_VISIT = lazy_compile(r"(?<![^\W_])(?:في\s+)?زيار(?:ه|ته|تها)(?:\s+\S+){0,3}\s+$")


def visitor(nt: Normalized, spans: Sequence[Span], c0: int, verb_start: int, verb_end: int) -> Span | None:
    """«وصل الرئيس X إلى القاهرة في زيارة لمصر يشارك خلالها في ...»: a verb that describes a visit («في
    زيارة ... يفعل خلالها») has the visitor as its subject: the first name of the clause not governed by a
    preposition, before the visit."""
    if not _DURING_VISIT.search(nt.norm, max(c0, verb_start - 40), word_start(nt, verb_start)):
        return None
    if not re.match(r"\s*خلال(?:ها|ه)(?![^\W_])", nt.norm[verb_end : verb_end + 12]):
        return None
    for sp in spans:
        if c0 <= sp.start < verb_start and not _after_preposition(nt, sp, c0, False):
            return sp
    return None


def with_partner_before(nt: Normalized, spans: Sequence[Span], agent: Span) -> Span:
    """SVO with two named subjects joined by «و» («أن مصر والولايات المتحدة ستواصلان»): both, not the second
    alone."""
    start = word_start(nt, agent.start)
    if nt.norm[start : agent.start] != "و":
        return agent
    for sp in spans:
        if sp.end <= start and not nt.norm[sp.end : start].strip():
            return Span(sp.start, agent.end, f"{sp.name} و{agent.name}")
    return agent


def noun_subject(
    nt: Normalized, head_end: int, c1: int, skip: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """VSO with a common noun: the definite noun right after the verb and its definite adjectives («يصل
    الوفد الأمني», «تستضيف الرياض»); an event noun is the event itself, not an agent."""
    toks = [t for t in tokens(nt, head_end, c1) if not any(a <= t[0] < b for a, b in skip)]
    if not toks:
        return None
    first = bare_word(nt.norm[toks[0][0] : toks[0][1]])
    if not first.startswith("ال") or first[2:] in C.AR_NOUN_TRIGGERS or first in C.AR_NOUN_TRIGGERS:
        return None
    if first in AR_DATE_WORDS or BOUNDARY.search(nt.norm, toks[0][0], toks[0][1]):
        return None
    end = toks[0][1]
    for s, e in tokens(nt, end, c1)[:2]:
        w = nt.norm[s:e]
        if not w.startswith("ال") or bare_word(w) != w or w in AR_DATE_WORDS or w in AR_PREP:
            break
        end = e
    return toks[0][0], end


def agent_before(
    nt: Normalized, spans: Sequence[Span], head_start: int, clause_start: int, en: bool
) -> Span | None:
    """SVO: the name nearest before the head in its clause, with only auxiliaries between."""
    aux = EN_AUX if en else AR_AUX
    for sp in reversed(spans):
        if sp.end > head_start or sp.start < clause_start:
            continue
        gap = [
            w for w in gap_words(nt, sp.end, head_start) if en or w not in AR_DATE_WORDS
        ]  # «كيري اليوم يزور»
        relative = bool(gap) and gap[0] in AR_RELATIVE | {"who", "which"} and len(gap) <= 8
        if not relative and _after_preposition(nt, sp, clause_start, en):
            return None
        if relative or (all(w in aux for w in gap) and len(gap) <= 4):
            return _led_group(nt, sp, clause_start, en)
        return None
    return None


_AR_PROCLITIC_PREP = lazy_compile(r"^[وف]?(?:ب|ل|ك)$")
_EN_PREP = frozenset("to of in for with from at by on into about against".split())


def _after_preposition(nt: Normalized, sp: Span, clause_start: int, en: bool) -> bool:
    """A name governed by a preposition is its object, never the subject of the verb after it: in «في زيارة
    لليمن يشارك خلالها» or "on a visit to Spain, will attend" the country does not act."""
    start = word_start(nt, sp.start)
    if not en and start < sp.start and _AR_PROCLITIC_PREP.match(nt.norm[start : sp.start]):
        return True  # «لمصر», «بالرئيس»: the preposition is fused to the name
    prev = tokens(nt, clause_start, start)[-1:]
    if not prev:
        return False
    word = bare_word(nt.norm[prev[0][0] : prev[0][1]])
    return word in _EN_PREP if en else word in AR_PREP


_LED_BY = lazy_compile(
    r"(?<![^\W_])(?:برئاسه|بقياده|برفقه|يتقدمه|يتقدمهم|led by|headed by|including)\s+(?:\S+\s+){0,3}$"
)


def _led_group(nt: Normalized, sp: Span, clause_start: int, en: bool) -> Span:
    """A name inside "a delegation headed by X" is not the agent: the group is («وفد إسرائيلي برئاسة رئيس
    الموساد يتوجه» -> the delegation goes); the title names the whole phrase."""
    m = _LED_BY.search(nt.norm, max(clause_start, sp.start - 60), sp.start)
    if m is None:
        return sp
    before = tokens(nt, clause_start, m.start())
    group = before[-3:] if len(before) >= 1 else []
    words = [bare_word(nt.norm[s:e]) for s, e in group]
    cut = max(
        (i + 1 for i, w in enumerate(words) if w in AR_DANGLING or w in AR_AUX or w in EN_DANGLING),
        default=0,
    )
    group = group[cut:]
    if not group:
        return sp
    return Span(group[0][0], sp.end, orig(nt, group[0][0], sp.end))


def en_subject(nt: Normalized, clause_start: int, head_start: int) -> str | None:
    """English: the words before the auxiliaries, when they are a short subject ("Kuwaitis", "Jordan")."""
    words = nt.norm[clause_start:head_start].split()
    while words and words[-1] in EN_AUX:
        words.pop()
    if not words or len(words) > 4 or _EN_CLAUSE_WORD.search(" ".join(words)):
        return None
    text = orig(nt, clause_start, head_start)
    return " ".join(text.split()[: len(words)]) or None


def definite_np_before(nt: Normalized, head: int, c0: int) -> str | None:
    """The definite noun phrase right before a verb (its subject in SVO order), up to three words."""
    toks = tokens(nt, c0, head)
    run: list[tuple[int, int]] = []
    for s, e in reversed(toks):
        w = bare_word(nt.norm[s:e])
        if not run and w in AR_RELATIVE:
            continue  # «المراكز التي ستنطلق»: the antecedent of the relative pronoun is the subject
        if w.startswith("لل") and len(w) > 4:
            run.insert(0, (s, e))  # «للعملية الانتخابية التي تنطلق» -> «العملية الانتخابية»
            text = orig(nt, run[0][0], run[-1][1])
            return re.sub(r"^لل", "ال", text)
        if not w.startswith("ال") or w in AR_DATE_WORDS or w in AR_PREP or w in AR_RELATIVE or len(run) >= 3:
            break
        run.insert(0, (s, e))
    if run:
        # the head of a construct before its definite genitive: «رئيسة الوزراء البريطانية»
        lead = [t for t in toks if t[1] <= run[0][0]][-1:]
        w = bare_word(nt.norm[lead[0][0] : lead[0][1]]) if lead else ""
        if w and not (w in AR_DANGLING or w in AR_AUX or w in AR_PREP or is_new_verb(w)):
            if not is_imperfect(w) and not w.startswith(("و", "ف")) and not w.isdigit():
                run.insert(0, lead[0])
    return orig(nt, run[0][0], run[-1][1]) if run else None


def subject_after_that(nt: Normalized, head: int, c0: int) -> str | None:
    """SVO after «أن»/«إن» or an opening quotation mark: the whole subject between it and the verb, two to
    five words with no verb or preposition among them («أن مصر والولايات المتحدة ستواصلان»), after a quotation
    mark opening with a definite noun («أن «الحلول المرحلية لملف النفايات ستتبلور» -> «الحلول المرحلية لملف
    النفايات»)."""
    toks = tokens(nt, c0, word_start(nt, head))
    for i in range(len(toks) - 1, -1, -1):
        s, e = toks[i]
        word = nt.norm[s:e]
        opened_by_quote = "«" in word
        if opened_by_quote:
            start, run = s + word.index("«") + 1, toks[i:]
            break
        if bare_word(word) in _THAT:
            start, run = e, toks[i + 1 :]
            break
    else:
        return None
    if not 2 <= len(run) <= 5:
        return None
    words = [bare_word(nt.norm[max(s, start) : e]) for s, e in run]
    if (opened_by_quote and not words[0].startswith("ال")) or any(
        w in AR_PREP or w in AR_AUX or w in AR_RELATIVE or is_new_verb(w) or is_imperfect(w) for w in words
    ):
        return None
    return bare_word(orig(nt, max(run[0][0], start), run[-1][1]))


_THAT = frozenset({"ان", "بان", "وان"})


def phrase_between(nt: Normalized, a: int, b: int, skip: Sequence[tuple[int, int]]) -> str | None:
    """The subject between a verb and the event noun it governs: one to five words, dates left out, opening
    with a noun (not a preposition, particle or another verb)."""
    toks = [t for t in tokens(nt, a, b) if not any(x < t[1] and t[0] < y for x, y in skip)]
    toks = [t for t in toks if bare_word(nt.norm[t[0] : t[1]]) not in AR_DATE_WORDS]
    if not 1 <= len(toks) <= 5:
        return None
    first = bare_word(nt.norm[toks[0][0] : toks[0][1]])
    if first in AR_PREP or first in AR_DANGLING or first in AR_AUX or is_new_verb(first):
        return None
    if _AR_PRONOUN_SUFFIX.sub("", first) in AR_PREP:
        return None  # a preposition with a pronoun («خلالها», «فيه») opens an adverbial, not a subject
    if any(BOUNDARY.search(nt.norm, s, e) for s, e in toks):
        return None
    return " ".join(orig(nt, s, e) for s, e in toks)


_AR_LINKED_RELATIVE = frozenset({"والتي", "والذي"})
_AR_PURPOSE_ADVERB = lazy_compile(
    r"^[^\W\d_]{4,}ا$"
)  # «استعدادا», «تمهيدا», «تحضيرا»: an accusative of purpose


def relative_subject(nt: Normalized, head: int, c0: int) -> str | None:
    """The antecedent of the relative pronoun right before a verb, read back as a whole noun phrase with its
    genitives and coordinated adjectives, to the verb, «أن» or clause start before it: «استعدادا لبطولة آسيا
    الخامسة للشباب والثالثة للناشئين التي ستنطلق» -> «بطولة آسيا الخامسة للشباب والثالثة للناشئين» (the
    «ل» of purpose after an accusative adverb dropped); «تحسم اللجنة الدائمة لأمناء الاتحادات، والتي
    ستنعقد» -> «اللجنة الدائمة لأمناء الاتحادات». None when a preposition, a date word or more than ten
    words stand in the way (another rule reads those)."""
    toks = tokens(nt, max(0, c0 - 200), word_start(nt, head))
    if not toks:
        return None
    last = bare_word(nt.norm[toks[-1][0] : toks[-1][1]])
    before = nt.norm[: toks[-1][0]].rstrip()
    if last in _AR_LINKED_RELATIVE and before.endswith(("،", ",")):
        floor = nt.sentence_start(len(before))
        toks = [t for t in toks[:-1] if t[0] >= floor]
        stop = len(before) - 1  # the comma closes the phrase
    elif last in AR_RELATIVE and not before.endswith(("،", ",")):
        toks = [t for t in toks[:-1] if t[0] >= c0]
        stop = toks[-1][1] if toks else 0
    else:
        return None
    run: list[tuple[int, int]] = []
    lead = 0
    for i in range(len(toks) - 1, -1, -1):
        s, e = toks[i]
        w = bare_word(nt.norm[s:e])
        if is_imperfect(w) or is_new_verb(w) or w in _THAT:
            break
        if w in AR_PREP or w in AR_DANGLING or w in AR_DATE_WORDS or w.isdigit() or len(run) >= 10:
            return None
        if BOUNDARY.search(nt.norm, s, min(e, stop)):
            return None
        if w.startswith(("و", "ف")) and not w.startswith(("وال", "فال")):
            return None  # a clause joined by «و» or a noun of another phrase
        if w.startswith(("ب", "ك")):
            return None  # «بهدف اطلاع المواطنين بمواعيد القيد التي تبدأ»: a prepositional phrase before it
        run.insert(0, (s, e))
        prev_w = bare_word(nt.norm[toks[i - 1][0] : toks[i - 1][1]]) if i > 0 else ""
        if w.startswith("لل") and prev_w.startswith("ال") and not prev_w.endswith(("ه", "ي", "يه")):
            # «الاستعداد للمرحلة الانتخابية التي تنطلق»: after a definite noun, «لل» opens the antecedent
            return re.sub(r"^لل", "ال", orig(nt, run[0][0], min(run[-1][1], stop))) if len(run) >= 2 else None
        if w.startswith("ل") and not w.startswith(("ال", "لل")) and i > 0:
            if _AR_PURPOSE_ADVERB.match(prev_w) and not prev_w.startswith("ال"):
                lead = 1  # «استعدادا لبطولة ...»: the phrase starts after the «ل» of purpose
                break
    if len(run) < 2:
        return None
    text = orig(nt, run[0][0] + lead, min(run[-1][1], stop))
    return (
        text if lead or bare_word(nt.norm[run[0][0] : run[0][1]]).startswith("ال") or len(run) > 2 else None
    )
