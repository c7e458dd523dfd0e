"""Provides the upcoming-event extractor: `extract_events`.

An event is a date expression that resolves after the publication date (or to the same day when its clause
is future-cued), tied to the nearest trigger (a verb such as "يزور", "will visit", or a noun such as
"قمة", "talks"). Each date takes the tense of the nearest cue in its own sentence, not the sentence's
overall tense: in "قال أمس إنه سيزور دمشق الأحد" the Sunday belongs to "سيزور". Follow-up sentences that
point back ("خلال زيارته") add their participants and durations to the event instead of making a second
one. The tense cues and `sentence_tense` live in `tense`; the parts (who, where, purpose, summary) in
`parts`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from briefing.models import Actor, Event, EventStatus, Sentence
from briefing.nlp.actors.ar_lexicon import lexicon
from briefing.nlp.events.clauses import (
    also_marked,
    own_future_verb,
    passive_future,
    planned_after,
    reported_earlier,
    verb_after_opening_date,
    was_planned,
    where_follows,
)
from briefing.nlp.events.parts import build_parts, find_triggers
from briefing.nlp.events.tense import Cue, family, find_cues, local_tense, tense_of
from briefing.nlp.events.trigger import Trigger
from briefing.nlp.text import cues as C
from briefing.nlp.text.arabic import normalize
from briefing.nlp.text.cues import L, R
from briefing.nlp.text.lazy_re import lazy_compile
from briefing.nlp.text.sentences import split_spans
from briefing.nlp.timex.durations import durations_ar, durations_en
from briefing.nlp.timex.tagger import local_date, resolve, scan
from briefing.nlp.timex.types import Mention, Normalized, Resolved, Tense

_STATUS = {
    "ar": (
        ("cancelled", lazy_compile(rf"{L}(?:{C.alternation(C.AR_CANCELLED)}){R}")),
        ("postponed", lazy_compile(rf"{L}(?:{C.alternation(C.AR_POSTPONED)})")),
        ("conditional", lazy_compile(rf"{L}(?:{C.alternation(C.AR_CONDITIONAL)}){R}")),
    ),
    "en": (
        ("cancelled", lazy_compile(rf"\b(?:{C.alternation(C.EN_CANCELLED)})\b")),
        ("postponed", lazy_compile(rf"\b(?:{C.alternation(C.EN_POSTPONED)})\b")),
        ("conditional", lazy_compile(rf"\b(?:{C.alternation(C.EN_CONDITIONAL)})\b")),
    ),
}
_BACK_REF = {
    "ar": lazy_compile(C.alternation(C.AR_BACK_REFERENCE)),
    "en": lazy_compile(rf"\b(?:{C.alternation(C.EN_BACK_REFERENCE)})\b"),
}
_NEGATED = lazy_compile(
    r"(?:(?<![^\W_])(?:لن|لم|لا|ليس|لن\s+يتم)|\bnot|n't|\bnever|\bno\s+longer)\s+(?:\S+\s+)?$"
)
_SINCE = lazy_compile(r"(?:(?<![^\W_])منذ|\bsince)\s+(?:[^\s،,.;؛:]+\s+){0,7}$")
_UNTIL = lazy_compile(r"(?:حتي|الي|until|till|through|to|and)\s*$")
_TO = lazy_compile(r"\s(?:الي|to)\s")


@dataclass
class _Draft:
    sentence: int
    mention: Mention
    resolved: Resolved
    trigger: Trigger
    status: EventStatus
    strong: bool
    follow: list[int] = field(default_factory=list)
    end: date | None = None
    weak: bool = False
    also: bool = False
    """The clause adds an event («أيضاً», "also", «حيث سيتم»): not a re-mention of one on the same day."""


_WITHOUT = lazy_compile(
    r"(?:(?<![^\W_])(?:دون|بدون|بلا|لا|لن|لم|عدم|ينفي|نفي)|\b(?:without|no|not|never|denied))\s+(?:\S+\s+)?$"
)


def _status(text: str, lang: str) -> EventStatus:
    """The status a clause gives its event; a negated cue («دون تأجيل», "without delay", «عدم إلغاء») does not
    count."""
    for status, pattern in _STATUS[family(lang)]:
        for m in pattern.finditer(text):
            if not _WITHOUT.search(text, max(0, m.start() - 16), m.start()):
                return status  # type: ignore[return-value]
    return "firm"


# «... الأسبوع المقبل عقب احتفال مصر بافتتاح القناة»: an event after «عقب», "after" is the reference point of
# the date before it, not its event.
_REFERENCE_BEFORE = lazy_compile(r"(?<![^\W_])(?:عقب|اثر|بعد|قبل|following|after|before)\s")
# Not a light verb whose subject points back («، ورجح أن تتم هذه الخطوة في أبريل»: the signing before it).
# So is one before «قبل أن»/«بعد أن» + verb: «تلعب المباراة قبل أن ينهي الفريق معسكره في السادس» (the 6th
# is when the camp ends).
_EMBEDDED_VERB = lazy_compile(
    r"(?:[،,;؛]\s*(?:[^\s،,.]+\s+){0,3}?|(?<![^\W_])(?:قبل|بعد)\s+)(?:ان|أن)\s+"
    r"(?![يت](?:تم|جري|كون)(?![^\W_]))[يتن][^\s،,.]{2,}"
)
_CLAUSE_BREAK = lazy_compile(r"[،,;؛:]\s*(?:و|ف|and\b|but\b)")


def _pick_trigger(m: Mention, triggers: Sequence[Trigger], norm: str) -> Trigger | None:
    """The trigger nearest before the date in its sentence (a head noun or verb over one inside a purpose
    phrase); one after it in its clause when there is none before, or when the only ones before sit inside
    a complement and a head follows the date closely («رئيس اللجنة الإعلامية للانتخابات ... سيتم اليوم عقد
    اللقاء»). A trigger past a new clause («... الجمعة، وقالت إنها بدأت مشاورات») is not the date's."""
    # A deadline («أمامه حتى», "has until") takes only the date after it.
    # Nor is one in a purpose phrase after it («العودة إلى جدة يوم 8 أغسطس استعداداً لانطلاقة الموسم»), or
    # one the date is said relative to («الأسبوع المقبل عقب احتفال ...»).
    after = [
        t
        for t in triggers
        if t.start >= m.end
        and t.kind != "deadline"
        and not t.oblique
        and not _CLAUSE_BREAK.search(norm, m.end, t.start)
        and not _REFERENCE_BEFORE.search(norm, m.end, t.start)
    ]
    # A trigger before a new clause whose own verb the date follows («الانتخابات هي في يد اللجنة، متوقعاً
    # أن تعلن اللجنة مواعيدها الأسبوع المقبل»: the committee announces next week, the vote is later).
    before = [t for t in triggers if t.end <= m.start and not _EMBEDDED_VERB.search(norm, t.end, m.start)]
    head = [t for t in before if not t.oblique]
    if (
        head
        and after
        and after[0].verb
        and after[0].start - m.end < 30
        and _CLAUSE_BREAK.search(norm, head[-1].end, m.start)
    ):
        return after[0]  # «سينطلق البرنامج بمحاضرة، وفي يوم الأربعاء تنظم محاضرتان»: the date's own verb
    if head:
        return head[-1]
    if after and after[0].start - m.end < 30:
        return after[0]
    if before:
        return before[-1]
    return after[0] if after and after[0].start - m.end < 80 else None


def _choose_trigger(nt: Normalized, m: Mention, r: Resolved, triggers: Sequence[Trigger]) -> Trigger | None:
    """The trigger of the date `m`: the event noun a «، المزمع إجراؤها في» phrase describes, the verb right
    after a date that opens its clause, else the nearest (`_pick_trigger`); for a near date (not a plan
    period) the verbal noun after «سيتم» nearer the date, or the future verb of the date's own clause when
    the trigger lies past a clause boundary."""
    trig = (
        planned_after(nt, m, triggers)
        or verb_after_opening_date(nt, m, triggers)
        or _pick_trigger(m, triggers, nt.norm)
    )
    if r.precision not in ("day", "vague") or (r.value_end is not None and (r.value_end - r.value).days > 7):
        return trig
    if trig is None or trig.start >= m.end:
        trig = own_future_verb(nt, m, triggers) or trig
    return passive_future(nt, m, trig) if trig is not None else None


_KIND_FAMILY = C.KIND_FAMILY


def _compatible(a: str | None, b: str | None) -> bool:
    """One real-world event may be named by kinds of one family: a visit and its meetings, a trial and its
    session, a vote and the election."""
    return a == b or (a is not None and _KIND_FAMILY.get(a, a) == _KIND_FAMILY.get(b or "", b))


def _upcoming(r: Resolved, pub: date, tense: Tense) -> bool:
    if r.value > pub:
        return True
    return r.value == pub and (tense == "future" or r.direction == "future")


def _drafts_for(
    idx: int,
    a: int,
    b: int,
    nt: Normalized,
    lang: str,
    pub: date,
    mentions: Sequence[Mention],
    cues: Sequence[Cue],
    triggers: Sequence[Trigger],
) -> list[_Draft]:
    s_mentions = [m for m in mentions if a <= m.start and m.end <= b]
    if not s_mentions:
        return []
    s_cues = [c for c in cues if a <= c.start and c.end <= b]
    s_trig = [t for t in triggers if a <= t.start and t.end <= b]
    status = _status(nt.norm[a:b], lang)
    fallback = tense_of(s_cues)
    # With no cue either way (and no past report), a date that resolves ahead counts, with less confidence.
    unmarked = not any(c.tense == "past" and not c.reporting for c in s_cues)
    drafts: list[_Draft] = []
    for m in s_mentions:
        tense, strong = local_tense(m, s_cues, fallback)
        planned = was_planned(nt, m, s_cues)
        if status in ("cancelled", "postponed") and m.direction == "either":
            tense = "future"
        if _SINCE.search(nt.norm, max(a, m.start - 50), m.start):
            continue  # «منذ سيطرتهم على المدينة في آذار», "since March": a start in the past
        if status == "firm" and planned:
            continue  # «وكان من المقرر أن تقام البطولة في ديسمبر»: the old date of a plan that changed
        if (
            status == "postponed"
            and planned
            and m.weekday2 is not None
            and _TO.search(nt.norm, m.start, m.end)
        ):
            # «أرجئت القمة التي كانت مقررة الخميس إلى الأحد»: moved from Thursday to Sunday.
            m = replace(m, weekday=m.weekday2, weekday2=None)
        elif status == "postponed" and planned and m.kind == "weekday" and m.rel is None and m.anchor is None:
            # «كان من المفترض أن تبدأ المحادثات الجمعة، إلا أنها أرجئت»: the nearest Friday, maybe past.
            old = resolve(m, pub, "unknown")
            if old is None or old.value <= pub:
                continue
        r = resolve(m, pub, tense)
        if r is None or r.direction == "past" or (tense == "past" and r.direction != "future"):
            continue
        weak = tense == "unknown" and unmarked and r.value > pub
        if not (tense == "future" or r.direction == "future" or weak) or not _upcoming(r, pub, tense):
            continue
        if r.value == pub and reported_earlier(nt, a, m):
            continue  # «وكان المسؤول قد أوضح أن الوزير سيلتقي اليوم ...»: said before what has happened since
        trig = _choose_trigger(nt, m, r, s_trig)
        if trig is None or (trig.verb and _NEGATED.search(nt.norm, max(a, trig.start - 14), trig.start)):
            continue
        same = next((d for d in drafts if d.trigger == trig), None)
        if (
            same is not None
            and status == "postponed"
            and (
                _UNTIL.search(nt.norm, max(0, m.start - 8), m.start)
                or (r.value > same.resolved.value and r.precision != "vague")
            )
        ):
            # "postponed to May 2025", «تأجيل البطولة التي كانت مقررة في ديسمبر المقبل لتقام في ديسمبر 2016»:
            # the new date, said after the old one, replaces it.
            same.mention, same.resolved, same.end = m, r, None
            continue
        if same is not None:
            # A second date on the same trigger closes a span: "من الأحد حتى الثلاثاء", "from Sunday until
            # Tuesday". Only a date of the same precision closes it: "غداً ... من 2016 حتى 2030" does not; nor
            # does the end of something else a relative clause describes («يخوض المنتخب مباراته اليوم في
            # البطولة المقامة في عمّان حتى 6 أغسطس»: the championship's end, not the match's).
            if (
                _UNTIL.search(nt.norm, max(0, m.start - 8), m.start)
                and r.value > same.resolved.value
                and r.precision == same.resolved.precision
                and not _describes_another(nt.norm, trig, m)
            ) or _next_day(nt, same, m, r):
                same.end = r.value_end or r.value
            continue
        firm = strong or r.direction == "future"
        also = also_marked(nt, trig, (a, b))
        drafts.append(_Draft(idx, m, r, trig, status, firm, weak=weak, also=also))
        for t in where_follows(nt, m.end, s_trig):
            # «... في 17 أغسطس، حيث سيتم توقيع الاتفاق»: a second event at that date and place.
            if not _compatible(t.kind, trig.kind) and all(d.trigger != t for d in drafts):
                drafts.append(_Draft(idx, m, r, t, status, firm, weak=weak, also=True))
    return drafts


_RELATIVE = lazy_compile(rf"{L}(?:التي|الذي|المقامه|المقام|المنعقده|المنعقد|الجاريه){R}|\b(?:which|that)\b")


def _describes_another(norm: str, trig: Trigger, m: Mention) -> bool:
    """A relative clause or participle between the trigger and the date that hangs on another noun, more
    than two words after the trigger."""
    hits = list(_RELATIVE.finditer(norm, trig.end, m.start))
    return bool(hits) and len(norm[trig.end : hits[-1].start()].split()) > 2


def _next_day(nt: Normalized, d: _Draft, m: Mention, r: Resolved) -> bool:
    """Two days joined by "and" right after each other, the second the day after the first: one two-day
    event («غداً الأربعاء وبعد غد الخميس», "on Monday and Tuesday")."""
    gap = nt.norm[d.mention.end : m.start].strip()
    return (
        gap in ("و", "and")
        and r.precision == d.resolved.precision == "day"
        and (r.value - (d.end or d.resolved.value)).days == 1
    )


def _norm_bounds(nt: Normalized, a: int, b: int) -> tuple[int, int]:
    return bisect_left(nt.offsets, a), bisect_left(nt.offsets, b)


def extract_events(
    text: str, sentences: Sequence[Sentence], actors: Sequence[Actor], published: datetime, lang: str
) -> list[Event]:
    """The upcoming events of one article, one per real-world event, in document order."""
    if not sentences:
        sentences = [Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(split_spans(text))]
    nt = Normalized.of(text)
    pub = local_date(published)
    mentions = _without_surnames(nt, scan(nt, lang), actors)
    if not mentions:
        return []
    triggers = find_triggers(nt, lang)
    bounds = [_norm_bounds(nt, s.start, s.end) for s in sentences]
    cues = find_cues(nt, lang, triggers, [a for a, _ in bounds])
    drafts: list[_Draft] = []
    for s, (a, b) in zip(sentences, bounds, strict=True):
        drafts += _drafts_for(s.index, a, b, nt, lang, pub, mentions, cues, triggers)
    drafts = _attach_and_merge(drafts, sentences, bounds, nt, lang, cues, mentions, pub)
    drafts = _fold_continuations(drafts, nt, lang)
    durations = durations_en(nt) if family(lang) == "en" else durations_ar(nt)
    by_index = {s.index: s for s in sentences}
    events: list[Event] = []
    for d in drafts:
        spans = [bounds[_pos(sentences, i)] for i in (d.sentence, *d.follow)]
        end = d.end or d.resolved.value_end
        if end is None and d.resolved.precision == "day":
            days = next((n for s0, e0, n in durations if any(a <= s0 and e0 <= b for a, b in spans)), None)
            if days and days > 1:
                end = d.resolved.value + timedelta(days=days - 1)
        parts = build_parts(
            nt,
            lang,
            d.trigger,
            d.mention,
            by_index[d.sentence],
            d.follow,
            sentences,
            actors,
            triggers,
            mentions,
        )
        confidence = d.resolved.confidence * (1.0 if d.strong else 0.85) * (1.0 if d.trigger.kind else 0.8)
        confidence *= 0.7 if d.weak else 1.0
        a, b = nt.span(d.mention.start, d.mention.end)
        events.append(
            Event(
                summary=parts.summary,
                kind=parts.kind,
                trigger=parts.trigger,
                date_text=text[a:b],
                start=d.resolved.value,
                end=end,
                precision=d.resolved.precision,
                who=parts.who,
                where=parts.where,
                purpose=parts.purpose,
                sentence_index=d.sentence,
                confidence=round(confidence, 3),
                status=d.status,
                clause=parts.clause,
            )
        )
    return _merge_nested(events)


def _without_surnames(nt: Normalized, mentions: list[Mention], actors: Sequence[Actor]) -> list[Mention]:
    """A bare weekday right after a person's given name alone is the family name («أحمد الخميس», «عبدالله
    الجمعة», «محمد السبت» are common ones), not a day; after a full name or a surname («سامح شكري الخميس»,
    «بيدرسون الخميس») it is the day. After a name ending in a father's name («خالد بن سعد الخميس») it is the
    family name when a title follows it («... الخميس الأمين العام للاتحاد») or when its sentence dates the
    event otherwise («... الخميس في اجتماعات اللجنة التي تعقد غداً»)."""
    lex = lexicon()
    given, nasab = set(), set()
    for a in actors:
        if a.kind != "person":
            continue
        for s, b in a.mentions:
            words = normalize(nt.text[s:b]).split()
            if len(words) == 1 and words[0] in lex.given:
                given.add(b)
            elif len(words) >= 3 and words[-2] in ("بن", "ابن") and words[-1] in lex.given:
                nasab.add(b)
    if not given and not nasab:
        return mentions

    def after(m: Mention, ends: set[int]) -> bool:
        start = nt.offsets[m.start]
        return any(0 < start - b <= 2 and not nt.text[b:start].strip() for b in ends)

    def bare(m: Mention) -> bool:
        return (
            m.kind == "weekday" and m.rel is None and m.anchor is None and " " not in nt.norm[m.start : m.end]
        )

    def titled(m: Mention) -> bool:
        words = nt.norm[m.end : m.end + 60].split()[: lex.role_head_max]
        return any(tuple(words[:n]) in lex.role_heads for n in range(1, len(words) + 1))

    def dated_otherwise(m: Mention) -> bool:
        lo, hi = nt.sentence_start(m.start), nt.sentence_end(m.end)
        return any(o is not m and lo <= o.start and o.end <= hi for o in mentions)

    def surname(m: Mention) -> bool:
        if not bare(m):
            return False
        return after(m, given) or (after(m, nasab) and (titled(m) or dated_otherwise(m)))

    return [m for m in mentions if not surname(m)]


_CONTINUE = {
    "ar": lazy_compile(rf"{L}(?:{C.alternation(C.AR_CONTINUATION)}){R}(?:\s+[^\s،,.;؛:]+){{0,14}}\s*$"),
    "en": lazy_compile(rf"\b(?:{C.alternation(C.EN_CONTINUATION)})\b(?:\s+[^\s,.;:]+){{0,4}}\s*$"),
}


def _fold_continuations(drafts: list[_Draft], nt: Normalized, lang: str) -> list[_Draft]:
    """A date said as the end of something already announced ("تستمر الزيارة حتى الأربعاء", "the talks will
    run until Wednesday") closes the event before it instead of making a second one; the end of something
    else under way («يلتقي الوزير نظيره الخميس، ويستمر المعرض حتى 20 أغسطس») is no event and closes
    nothing."""
    pattern = _CONTINUE[family(lang)]
    out: list[_Draft] = []
    for d in drafts:
        host = next((h for h in reversed(out) if h.resolved.value < d.resolved.value), None)
        ends = bool(
            pattern.search(nt.norm, max(0, d.mention.start - 110), d.mention.start)
            and _UNTIL.search(nt.norm, max(0, d.mention.start - 8), d.mention.start)
        )
        if ends and host is not None and d.trigger != host.trigger and d.trigger.kind is not None:
            if not _compatible(host.trigger.kind, d.trigger.kind):
                host = None
        if ends and host is None and d.trigger.kind != "deadline":
            continue  # «تستمر الجولة حتى 8 أغسطس»: the end of something under way, not an event
        if ends and host is not None and (d.resolved.value - host.resolved.value).days <= 14:
            host.end = max(host.end or d.resolved.value, d.resolved.value_end or d.resolved.value)
            host.follow.extend(
                i for i in (d.sentence, *d.follow) if i != host.sentence and i not in host.follow
            )
            continue
        out.append(d)
    return out


def _merge_nested(events: list[Event]) -> list[Event]:
    """One event, one entry: an event whose dates fall inside another's of the same kind family ("next
    month" and "on April 4" for one election) is one event, kept at its most precise date under the fuller
    title."""
    out: list[Event] = []
    for e in events:
        fam = _KIND_FAMILY.get(e.kind, e.kind)
        host_i = next(
            (
                i
                for i, h in enumerate(out)
                if _KIND_FAMILY.get(h.kind, h.kind) == fam and _nested(h, e) and h.start != e.start
            ),
            None,
        )
        if host_i is None:
            out.append(e)
            continue
        h = out[host_i]
        precise, vague = (e, h) if _span_days(e) < _span_days(h) else (h, e)
        title = max((precise, vague), key=lambda x: (len(x.summary.split()) >= 4, x is precise))
        out[host_i] = replace(
            precise, summary=title.summary, clause=title.clause, who=precise.who or vague.who
        )
    return out


def _span_days(e: Event) -> int:
    return ((e.end or e.start) - e.start).days


def _nested(a: Event, b: Event) -> bool:
    a0, a1, b0, b1 = a.start, a.end or a.start, b.start, b.end or b.start
    vague = a.precision != "day" or b.precision != "day"
    return vague and ((a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1))


def _pos(sentences: Sequence[Sentence], index: int) -> int:
    return next(i for i, s in enumerate(sentences) if s.index == index)


def _attach_and_merge(
    drafts: list[_Draft],
    sentences: Sequence[Sentence],
    bounds: Sequence[tuple[int, int]],
    nt: Normalized,
    lang: str,
    cues: Sequence[Cue],
    mentions: Sequence[Mention],
    pub: date,
) -> list[_Draft]:
    """Attach follow-up sentences to the event they point back to; merge drafts of one real-world event."""
    back = _BACK_REF[family(lang)]
    with_event = {d.sentence for d in drafts}
    for d in drafts:
        pos = _pos(sentences, d.sentence)
        for nxt in range(pos + 1, min(pos + 3, len(sentences))):
            idx = sentences[nxt].index
            a, b = bounds[nxt]
            refers = bool(back.search(nt.norm, a, b))
            plain_future = nxt == pos + 1 and any(c.tense == "future" and a <= c.start < b for c in cues)
            if idx in with_event and not refers:
                break
            if refers or (plain_future and not any(a <= m.start < b for m in mentions)):
                d.follow.append(idx)
            else:
                break
    merged: list[_Draft] = []
    for d in drafts:
        host = next((h for h in merged if _same_event(h, d)), None)
        if host is None:
            merged.append(d)
            continue
        host.follow.extend(i for i in (d.sentence, *d.follow) if i != host.sentence and i not in host.follow)
        host.end = host.end or d.end or d.resolved.value_end
    return merged


def _same_event(h: _Draft, d: _Draft) -> bool:
    if not _compatible(h.trigger.kind, d.trigger.kind) or (d.also and d.sentence != h.sentence):
        return False
    if h.resolved.value == d.resolved.value:
        return True
    # A meeting inside a visit's span, in a sentence that follows it up, belongs to the visit.
    last = h.end or h.resolved.value_end
    return d.sentence in h.follow and last is not None and h.resolved.value <= d.resolved.value <= last
