"""Provides the word-level rules of event titles: tokens and original text of normalized spans, the word
classes a title is built from or must not end on (prepositions, auxiliaries, date words, stop words, bare
verbs), `trim`, the words after a head (`complement`) and the event noun phrase (`head_np`).

Shared by the title's parts: the agent (`title_agent`), the Arabic and English composition (`title_ar`,
`title_en`) and `title.compose_title`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.nlp.events.trigger import Trigger
from briefing.nlp.text import cues as C
from briefing.nlp.text.arabic import normalize
from briefing.nlp.text.lazy_re import lazy_compile
from briefing.nlp.timex.types import Normalized

BOUNDARY = lazy_compile(r"[،,.;؛:!?؟()\[\]\n]|\s[-–—]\s")


_WORD = lazy_compile(r"\S+")


# Words that cannot end an Arabic title (normalized): particles, prepositions, date words, and the
# participles and verbs that announce what follows them.
AR_DANGLING = frozenset(
    "في الي من علي عن مع و او ثم الذي التي الذين ان انه انها بين حول يوم يومي خلال عند لدي نحو منذ حتي "
    "بعد قبل ب ل ك لـ بـ قد لن لم لا ما كان كانت تم سيتم عبر ضمن امام وفق بشان اثناء مطلع منتصف نهايه "
    "اواخر اوائل بدايه مساء صباح ظهر اليوم غدا غد امس الاسبوع الشهر العام الساعه تمام هذا هذه ذلك تلك "
    "وحتي المقرر المقرره مقرر مقرره المزمع المرتقب المرتقبه المنتظر المنتظره المتوقع المتوقعه له لها عقده "
    "عقدها انعقاده اجراؤها اجراؤه موعد موعدها موعده يشهد تشهد المرجح المرجحه مرجح مرجحه ابتداء اعتبارا "
    "بدءا بعنوان بمسمي".split()
)


EN_DANGLING = frozenset(
    "for to in on at of with by from the a an and or but which that who whom whose into about between "
    "during before after until as is are was were be will would shall has have had its their his her "
    "this these those next later scheduled expected due planned set slated also".split()
)


# Auxiliaries that may stand between an agent and its verb: «أعلن الوزير أنه سيزور», "X is due to visit".
AR_AUX = frozenset(
    "انه انها انهم انهما ان بانه بانها قد سوف يعتزم تعتزم يعتزمون ينوي تنوي يزمع تزمع يستعد تستعد يتوقع "
    "يتوقع ان من المقرر المنتظر المتوقع ايضا كذلك".split()
)


EN_AUX = frozenset(
    "will would shall is are was were be to also scheduled expected due set slated planning plans plan "
    "intends intend going poised preparing about later then 'll".split()
)


AR_PREP = frozenset("في الي من علي عن مع ب ل لدي حول خلال عند بين عبر ضد".split())


_AR_FUTURE_PREFIX = lazy_compile(r"^(?:سوف\s+)?س(?=[يتن])")


_AR_DIACRITICS = lazy_compile(r"[\u064b-\u0652\u0670\u0640]")


def orig(nt: Normalized, a: int, b: int) -> str:
    if b <= a:
        return ""
    s, e = nt.span(a, b)
    return nt.text[s:e].strip()


def tokens(nt: Normalized, a: int, b: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(nt.norm, a, b)]


def bare_word(word: str) -> str:
    return word.strip(".,،:;؛\"'«»()")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    name: str


def gap_words(nt: Normalized, a: int, b: int) -> list[str]:
    return [bare_word(w) for w in nt.norm[a:b].split() if bare_word(w)]


def is_event_noun(word: str) -> bool:
    w = re.sub(r"^(?:ال|لل|[وفبل]ال)", "", word)
    return w in C.AR_NOUN_TRIGGERS or w.rstrip("ا") in C.AR_NOUN_TRIGGERS or w in C.EN_NOUN_TRIGGERS


def complement(
    nt: Normalized,
    start: int,
    end: int,
    skip: Sequence[tuple[int, int]],
    stop: re.Pattern[str],
    max_words: int,
    names: Sequence[Span] = (),
) -> list[tuple[int, int]]:
    """Words after the head up to `end` or a stop word (a purpose phrase, a relative clause, a quotation or
    its end, a second verb), skipping the agent and date spans; a name is never cut in two."""
    out: list[tuple[int, int]] = []
    for s, e in tokens(nt, start, end):
        e = _before_parenthesis(nt, skip, s, e)
        if any(a < e and s < b for a, b in skip):
            continue
        nxt = _WORD.search(nt.norm, e)
        bare = bare_word(nt.norm[s:e])
        if (
            (bare in AR_PREP | {"on", "in", "at", "by"} or bare.isdigit())
            and nxt
            and any(
                a < _before_parenthesis(nt, skip, nxt.start(), nxt.end()) and nxt.start() < b for a, b in skip
            )
        ):
            continue  # «تبدأ في 28 سبتمبر»: the preposition (or day number) belongs to the date
        if bare == "الموافق" or _DATE_RESIDUE.match(bare):
            continue  # «الموافق», «الـ7»: the rest of a date
        inside = any(n.start <= s < n.end for n in names)
        if len(out) >= max_words and not inside:
            named = [i for i, (a, _) in enumerate(out) if _NAMING.match(nt.norm, a)]
            if named and named[-1] > 0:
                del out[named[-1] :]  # a name cut in two says nothing: «دورة بعنوان التعامل» -> «دورة»
            break
        word = bare_word(nt.norm[s:e])
        if stop.match(nt.norm, s) or BOUNDARY.match(nt.norm, s) or "«" in nt.norm[s:e]:
            break
        if is_new_verb(word) and not inside:
            break  # a name is no verb: «فيتنام» is not «ف» + «يتنام»
        if out and _relative_verb(nt, word, out[-1], e):
            break
        tail = BOUNDARY.search(nt.norm, s, e) or _QUOTE.search(nt.norm, s, e)
        if tail:
            if tail.start() > s:
                out.append((s, tail.start()))
            break
        out.append((s, e))
    return out


_QUOTE = lazy_compile(r'["»”]')


def _before_parenthesis(nt: Normalized, skip: Sequence[tuple[int, int]], s: int, e: int) -> int:
    """The end of the word `[s, e)` before a skipped parenthesis that opens inside it at its comma
    («الوزراء، غدا،»)."""
    return next((a for a, _ in skip if s < a < e and BOUNDARY.match(nt.norm, a)), e)


# Words that introduce the name of a course, campaign or conference.
_NAMING = lazy_compile(r"(?:بعنوان|بمسمي|تحت عنوان|تحت شعار|تحت اسم|titled|entitled|dubbed)(?![^\W_])")
# An imperfect verb in the feminine (تفعل, تتفعل, تستفعل): not a verbal noun (تفعيل, تفعلة).
_AR_TA_VERB = lazy_compile(r"^ت(?:ست|ت)?[^\W\d_]{3}$")


def _relative_verb(nt: Normalized, word: str, prev: tuple[int, int], end: int) -> bool:
    """An imperfect verb right after an indefinite noun and before a preposition opens a clause describing the
    noun (جملة الصفة): «مبادرة جديدة تهدف إلى دعم ...» -> the title ends at «مبادرة جديدة»."""
    if (
        not _AR_TA_VERB.match(word)
        or word.endswith(("ه", "ا"))
        or bare_word(nt.norm[prev[0] : prev[1]]).startswith("ال")
    ):
        return False
    nxt = _WORD.search(nt.norm, end)
    return nxt is not None and bare_word(nxt.group()) in AR_PREP


# «ف» before a three-letter stem is mostly the word's own letter («فرعي»: two branches, not «ف + رعى»); only a
# reporting verb takes it there («فقال»).
_AR_REPORTED = frozenset(
    f"{p}{w}{x}"
    for w in C.AR_PAST_STEMS
    for p in ("", "و", "ف")
    for x in ("", "ت", "وا")
    if len(w) > 2 and (p != "ف" or len(w) > 3 or w in C.AR_REPORTING)
)


def is_new_verb(word: str) -> bool:
    """A word that opens a new predicate: a trigger verb or a perfect verb of a report («وأعلن», «فقال»)."""
    return (
        is_bare_verb(word)
        or word in _AR_REPORTED
        or _CONTINUATION.match(word) is not None
        or bool(_AR_YA_VERB.match(word) and word not in _AR_YA_NOUNS)
    )


_CONTINUATION = lazy_compile(rf"^[وف]?(?:{C.alternation(C.AR_CONTINUATION)})$")


# Arabic words that start with ي are imperfect verbs but for a handful of nouns (يوم, the months).
_AR_YA_VERB = lazy_compile(r"^[وف]?ي[^\W\d_]{3,}$")


_AR_YA_NOUNS = frozenset("يوم يوما يومي يومين يومها يناير يونيو يونيه يوليو يوليه".split())


AR_STOP = lazy_compile(
    rf"(?:{C.alternation(C.AR_PURPOSE)}|الذي|التي|الذين|وذلك|حيث|بعد ان|قبل ان|فيما|بينما|والتي|والذي|"
    r"المقرر|المقرره|المزمع|المرتقب|المرتقبه|المنتظر|المتوقع|كانت|كان|لمده|ولمده|علي مدي|طيله|"
    r"ان|وان|بان|بانه|وانه|"
    # a reporting participle opens the speaker's next remark: «… بمنطقة جازان مضيفا لقد وقفنا …»
    r"مضيفا|مشيرا|مؤكدا|موضحا|لافتا|منوها|مبينا|معتبرا|متابعا)(?![^\W_])"
)


EN_STOP = lazy_compile(
    rf"(?:{C.alternation(C.EN_PURPOSE)}|which|who|where|while|after|before|as|because|amid|said|says"
    r"|for \w+ days|in less than|is|are|was|were|will|would)\b"
)


AR_DATE_WORDS = frozenset(
    (*C.AR_WEEKDAYS, *C.AR_MONTHS, *C.AR_NEXT, *C.AR_THIS, *C.AR_TIME_OF_DAY, "يوم", "غدا", "اليوم", "ليله")
    + ("يومي", "الموافق", "المقبلين", "القادمين", "المقبلتين", "القادمتين")
)


_EN_DATE_WORDS = frozenset(
    (*C.EN_WEEKDAYS, *C.EN_MONTHS, "today", "tomorrow", "tonight", "next", "week", "month", "year", "later")
)


_DATE_RESIDUE = lazy_compile(r"^الـ?\d{1,2}$")


_NUMERIC_DATE_TAIL = lazy_compile(r"(?:\s*\d{1,4}\s*/)+\s*\d{0,4}\s*$")


def trim(words: list[str], en: bool) -> list[str]:
    if words and _NUMERIC_DATE_TAIL.search(" ".join(words)):
        words = _NUMERIC_DATE_TAIL.sub("", " ".join(words)).split()
    dangling = EN_DANGLING if en else AR_DANGLING
    dates = _EN_DATE_WORDS if en else AR_DATE_WORDS

    while words:
        last = normalize(bare_word(words[-1]))
        if (
            not last
            or last in dangling
            or last in dates
            or re.fullmatch(r"[\d/\-.]*/[\d/\-.]*|/", last)
            or (not en and is_bare_verb(last))
        ):
            words.pop()
            continue
        break
    return words


_AR_VERB_FORM = lazy_compile(
    rf"^(?:س|سوف\s+)?[يت](?:{C.alternation(k for k in C.AR_VERB_TRIGGERS)})(?:ون|ان)?$"
)


def is_bare_verb(word: str) -> bool:
    return bool(_AR_VERB_FORM.match(word))


def ar_verb(trigger_text: str) -> str:
    """The present form of an Arabic trigger verb: no future prefix (سيزور -> يزور)."""
    return _AR_FUTURE_PREFIX.sub("", trigger_text.strip())


def clean_agent(name: str, en: bool) -> str:
    """An actor's display name without a word glued to it by the name finder (an event noun, a purpose
    verb): «جون كيري اجتماعا» -> «جون كيري»."""

    words = name.split()
    while len(words) > 1:
        last = normalize(bare_word(words[-1])).rstrip("ا") if not en else words[-1].lower()
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


def word_start(nt: Normalized, pos: int) -> int:
    """The start of the word holding `pos`: a trigger may start after a clitic («بزيارة»)."""
    while pos > 0 and not nt.norm[pos - 1].isspace():
        pos -= 1
    return pos


def head_np(
    nt: Normalized,
    trig: Trigger,
    c1: int,
    skip: Sequence[tuple[int, int]],
    en: bool,
    max_words: int = 6,
    governed: bool = False,
    names: Sequence[Span] = (),
) -> list[str]:
    """The event noun and its complement («اجتماع مجلس الأمن حول لبنان», "meeting of Arab officials"); a
    noun governed by a verb keeps its case ending («يعقد اجتماعاً»), a title's head loses it."""
    start = word_start(nt, trig.start)
    m = _WORD.match(nt.norm, start)
    end = m.end() if m else trig.end
    head = bare_word(orig(nt, start if governed else trig.start, end))
    if not en and not governed:
        head = re.sub(r"^لل", "ال", re.sub(r"^ل(?=ال)", "", head))
        head = re.sub(r"^[وفب](?=ال)", "", head)
        plain = _AR_DIACRITICS.sub("", head)
        if plain.endswith("ا") and plain[:-1].replace("ة", "ه") in C.AR_NOUN_TRIGGERS:
            head = plain[:-1]
    words = [head]
    stop = EN_STOP if en else AR_STOP
    for s, e in complement(nt, end, c1, skip, stop, max_words, names):
        word = orig(nt, s, e)
        if not en and not governed and word.endswith(("ًا", "اً")):
            word = _AR_DIACRITICS.sub("", word)[:-1]  # «اجتماعاً وزارياً» -> «اجتماع وزاري»
        words.append(word)
    return words


def with_where(words: list[str], where: str | None, kind: str | None, en: bool) -> list[str]:

    if not where or normalize(where) in normalize(" ".join(words)):
        return words
    if en:
        return [*words, "to" if kind == "visit" else "in", where]
    return [*words, "إلى" if kind == "visit" else "في", where]


AR_RELATIVE = frozenset("الذي التي الذين اللذين اللتين اللواتي اللاتي".split())


AR_IMPERFECT = lazy_compile(r"^[وف]?(?:س)?[يت][^\W\d_]{2,}$")


# The verbal noun of form II (تفعيل: «تأجيل», «تنظيم», «تسجيل») looks like an imperfect verb in ت.
_AR_TAFIL = lazy_compile(r"^[وف]?ت[^\W\d_]{2}ي[^\W\d_]$")


def is_imperfect(word: str) -> bool:
    """An imperfect verb («تستكمل», «سيزور»), not a verbal noun of the form تفعيل («تأجيل»)."""
    return bool(AR_IMPERFECT.match(word)) and not _AR_TAFIL.match(word)


# «، المزمع إجراؤها»: a comma, a participle of plan, then the verbal noun of the event noun before the comma.
AR_PLAN_PARTICIPLE = r"[،,]\s*(?:ال)?(?:مزمع|مقرر|مقرره|مرتقب|مرتقبه|منتظر|منتظره|متوقع|متوقعه)\s+"
_PLANNED_AFTER = lazy_compile(
    r"[^،,.]{0,40}?" + AR_PLAN_PARTICIPLE + r"(?P<m>[^\W\d_]{2,}?)(?:ها|ه|هما|هم)(?![^\W_])"
)


def planned_masdar(nt: Normalized, head_end: int, limit: int) -> str | None:
    """The verbal noun of «، المزمع إجراؤها» after the event noun phrase ending at `head_end`, without its
    pronoun and in its plain spelling («إجراؤها» -> «إجراء», «إقامتها» -> «إقامة»)."""
    hit = _PLANNED_AFTER.match(nt.norm, head_end, limit)
    if hit is None:
        return None
    s, e = nt.span(hit.start("m"), hit.end("m"))
    return re.sub(r"[ؤئ]$", "ء", re.sub(r"ت$", "ة", nt.text[s:e])) or None
