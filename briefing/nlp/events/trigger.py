"""Provides `Trigger`: a word that names an event (a verb such as «يزور», "will visit", or a noun such as
«قمة», "talks"), as found by `parts.find_triggers` and read by the title composer and the tense cues; and the
forms of the English trigger verbs (`EN_VERB_FORMS`, `en_base`, `en_third_person`)."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.nlp.text import cues as C


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    kind: str | None
    verb: bool
    imperfect: bool
    oblique: bool = False
    """A noun inside a purpose or complement phrase ("للتصويت", "for talks"): the head of the event only when
    nothing else is."""


def _en_forms(verb: str) -> list[tuple[str, str]]:
    """(form, base) for a verb: base, -s, -ing; a multiword verb inflects its first word."""
    head, _, rest = verb.partition(" ")
    tail = f" {rest}" if rest else ""
    stem = head[:-1] if head.endswith("e") and head not in ("see",) else head
    third = head + ("es" if head.endswith(("s", "sh", "ch", "x")) else "s")
    if head.endswith("y") and head not in ("say",):
        third = head[:-1] + "ies"
    ing = ("begin" if head == "begin" else stem) + ("ning" if head in ("begin", "run") else "ing")
    if head == "run":
        ing = "running"
    return [(f + tail, verb) for f in (head, third, ing)]


EN_VERB_FORMS = {form: base for v in C.EN_VERB_TRIGGERS for form, base in _en_forms(v)}


def en_base(form: str) -> str:
    """The base form of an English trigger verb form ("visits" -> "visit")."""
    return EN_VERB_FORMS.get(form, form)


def en_third_person(base: str) -> str:
    """The third person singular of an English trigger verb ("visit" -> "visits", "take place" -> "takes
    place")."""
    return _en_forms(base)[1][0]
