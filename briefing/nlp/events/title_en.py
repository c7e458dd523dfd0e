"""Provides the English title of an event (`compose_en`): "agent verb complement" ("Wang Yi visits Seoul")
when the head is a verb with a subject, else the event noun phrase ("Meeting of Arab officials").
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.nlp.events.title_agent import agent_before, en_subject
from briefing.nlp.events.title_words import (
    EN_STOP,
    Span,
    complement,
    gap_words,
    head_np,
    orig,
    trim,
    with_where,
)
from briefing.nlp.events.trigger import Trigger, en_base, en_third_person
from briefing.nlp.timex.types import Normalized


def _en_verb(trig_text: str, plural: bool) -> str:
    return trig_text if plural else en_third_person(trig_text)


def compose_en(
    nt: Normalized,
    trig: Trigger,
    date_spans: Sequence[tuple[int, int]],
    c0: int,
    c1: int,
    spans: Sequence[Span],
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
                and len(gap_words(nt, t.end, trig.start)) <= 2
            ),
            None,
        )
        head = gov or trig
    if head.verb:
        base = " ".join(nt.norm[head.start : head.end].split())

        base = en_base(base)
        agent = agent_before(nt, spans, head.start, c0, True)
        subject = agent.name if agent else en_subject(nt, c0, head.start)
        if subject:
            rest = [orig(nt, s, e) for s, e in complement(nt, head.end, c1, date_spans, EN_STOP, 9)]
            plural = agent is None and subject.split()[-1].endswith("s") and not subject.endswith("ss")
            words = trim([subject, _en_verb(base, plural), *rest], True)
            title = " ".join(with_where(words, where, trig.kind, True))
            return title[:1].upper() + title[1:], agent.name if agent else None
    np = trim(head_np(nt, trig, c1, date_spans, True, 9), True)
    title = " ".join(with_where(np, where, trig.kind, True))
    return title[:1].upper() + title[1:], None
