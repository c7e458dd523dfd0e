"""Provides the Arabic rules that read the tables outright: countries and places of the gazetteer
(`scan_gazetteer`: "عبد الجليل" is a name, not Galilee; "وفداً روسياً" an adjective, not the country) and the
persons of the bilingual table (`scan_known`; "مستشفى عبد القادر الحسيني" is a facility, not the person).
"""

from __future__ import annotations

from functools import cache

from briefing.nlp.actors.ar_lexicon import strip_clitic
from briefing.nlp.actors.ar_state import ArabicScan
from briefing.nlp.actors.gazetteer import tables
from briefing.nlp.actors.known import table
from briefing.nlp.actors.tokens import Found, after_clitic


@cache
def _gaz_firsts() -> frozenset[str]:
    return frozenset(p[0] for p in tables().ar_phrases)


@cache
def _known_firsts() -> frozenset[str]:
    return frozenset(p[0] for p in table().by_arabic)


def scan_gazetteer(scan: ArabicScan) -> None:
    """Countries and places of the gazetteer, longest phrase first, with a clitic or without."""
    gaz, toks, firsts = tables(), scan.toks, _gaz_firsts()
    i = 0
    while i < scan.n:
        tok = toks[i]
        best: tuple[int, int, str] | None = None
        if tok.word and scan.claimed[i] is None:
            for k, first in strip_clitic(tok.norm):
                if first not in firsts:
                    continue
                for length in range(min(gaz.max_len, scan.n - i), 0, -1):
                    last = toks[i + length - 1]
                    if last.sent != tok.sent or scan.claimed[last.i] is not None:
                        continue
                    key = (first, *(t.norm for t in toks[i + 1 : i + length]))
                    eid = gaz.ar_phrases.get(key)
                    if eid and (best is None or length > best[0]):
                        best = (length, k, eid)
                        break
        if best is None or (i > 0 and toks[i - 1].norm in scan.lex.connectors and best[1] == 0):
            i += 1  # "عبد الجليل" is a name, not Galilee
            continue
        length, k, eid = best
        if length == 1 and tok.text.endswith(("اً", "\u064b")):
            i += 1  # "وفداً روسياً": an adjective with tanween, not the country
            continue
        if _longer_person(scan, i, k, length):
            i += 1  # "صلاح الدين الأيوبي": a table person whose name opens with a place's
            continue
        entry = gaz.entries[eid]
        key = tuple(t.norm for t in toks[i : i + length])
        scan.gaz_at[i] = (length, k, eid)
        scan.add(Found(entry.kind, after_clitic(tok, k), toks[i + length - 1].end, key, eid=eid), i, length)
        i += length


def _longer_person(scan: ArabicScan, i: int, k: int, length: int) -> bool:
    """Whether a table person's form longer than `length` tokens starts at token `i` (read without its
    clitic of `k` letters)."""
    known, toks = table(), scan.toks
    first = next((rest for kk, rest in strip_clitic(toks[i].norm) if kk == k), toks[i].norm)
    for size in range(min(known.max_len, scan.n - i), length, -1):
        span = toks[i : i + size]
        if span[-1].sent == span[0].sent and (first, *(t.norm for t in span[1:])) in known.by_arabic:
            return True
    return False


def scan_known(scan: ArabicScan) -> None:
    """Persons of the bilingual table by any of their Arabic forms, longest first."""
    known, toks, firsts = table(), scan.toks, _known_firsts()
    i = 0
    while i < scan.n:
        if not scan.free(i):
            i += 1
            continue
        tok = toks[i]
        best: tuple[int, int, str] | None = None
        for k, first in strip_clitic(tok.norm):
            if first not in firsts:
                continue
            for length in range(min(known.max_len, scan.n - i), 0, -1):
                span = toks[i : i + length]
                if span[-1].sent != tok.sent or any(scan.claimed[t.i] is not None for t in span):
                    continue
                if (first, *(t.norm for t in span[1:])) in known.by_arabic:
                    if best is None or length > best[0]:
                        best = (length, k, first)
                    break
        if best is None:
            i += 1
            continue
        length, k, first = best
        if scan.named_after(i):
            for t in range(i, i + length):
                scan.claimed[t] = "skip"  # "مستشفى عبد القادر الحسيني": a facility, not the person
        elif length == 1 and k == 0 and _given_before(scan, i):
            # "أرييل شارون", a spelling the table lacks, or "عمري شارون", someone else of that family: the
            # given name belongs to the name, and the table's person is kept only when the whole name is his.
            scan.add_person((i - 1, i, 0, toks[i - 1].norm), [], None, strong=True)
        else:
            scan.add_person((i, i + length - 1, k, first), [], None, strong=True)
        i += length


def _given_before(scan: ArabicScan, i: int) -> bool:
    """Whether a free listed given name (no clitic, no common word) comes right before token `i`."""
    prev = i - 1
    return (
        prev >= 0
        and scan.free(prev)
        and scan.toks[prev].sent == scan.toks[i].sent
        and scan.given_at(prev, scan.toks[prev].norm)
        and scan.toks[prev].norm not in scan.common
    )
