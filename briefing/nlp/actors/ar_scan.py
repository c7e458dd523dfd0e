"""Provides the Arabic actor scanner: gazetteer places, organisations, titled persons, known and untitled
names.

One pass per layer over the article's tokens, most certain first, each layer claiming its tokens: countries
and places (gazetteer), organisations (`ar_orgs`), names in slots only a person fills ("مقابلة مع
...", "رسالة من ...", `ar_slots`), persons introduced by a title ("وزير الدفاع الإيراني حميد رضا
أشتياني"), persons of the bilingual table, later mentions of those (surname, last two words, with
clitics), then untitled names that start with a known given name, and names read from their context (a
verb of saying, a kinship word, a blessing, a credit line, a nasab). Titles are read in `ar_titles`,
names in `ar_names` over the word classes of `ar_words`.
"""

from __future__ import annotations

from functools import cache

from briefing.models import Sentence
from briefing.nlp.actors.ar_context import scan_appositions, scan_lone_given, scan_speakers
from briefing.nlp.actors.ar_lexicon import strip_clitic
from briefing.nlp.actors.ar_orgs import scan_media, scan_orgs
from briefing.nlp.actors.ar_places import scan_place_heads
from briefing.nlp.actors.ar_slots import scan_blessed, scan_credits, scan_nasab, scan_slots
from briefing.nlp.actors.ar_titles import TitleReader
from briefing.nlp.actors.gazetteer import tables
from briefing.nlp.actors.known import table
from briefing.nlp.actors.tokens import Found, after_clitic


@cache
def _gaz_firsts() -> frozenset[str]:
    return frozenset(p[0] for p in tables().ar_phrases)


@cache
def _known_firsts() -> frozenset[str]:
    return frozenset(p[0] for p in table().by_arabic)


class ArabicScan(TitleReader):
    """The scan of one Arabic article; `run()` returns its detections."""

    def __init__(self, text: str, sentences: list[Sentence], author: str | None) -> None:
        super().__init__(text, sentences, author)

    def run(self) -> list[Found]:
        scan_media(self)
        self.scan_gazetteer()
        scan_orgs(self)
        scan_place_heads(self)
        scan_slots(self)
        self.scan_roles()
        self.scan_known()
        scan_appositions(self)
        self.scan_aliases()
        scan_nasab(self)
        self.scan_untitled()
        scan_speakers(self)
        scan_lone_given(self)
        scan_blessed(self)
        scan_credits(self)
        self.scan_aliases()
        return self.found

    # --- countries and places -----------------------------------------------------------------------------

    def scan_gazetteer(self) -> None:
        gaz, toks, firsts = tables(), self.toks, _gaz_firsts()
        i = 0
        while i < self.n:
            tok = toks[i]
            best: tuple[int, int, str] | None = None
            if tok.word and self.claimed[i] is None:
                for k, first in strip_clitic(tok.norm):
                    if first not in firsts:
                        continue
                    for length in range(min(gaz.max_len, self.n - i), 0, -1):
                        last = toks[i + length - 1]
                        if last.sent != tok.sent or self.claimed[last.i] is not None:
                            continue
                        key = (first, *(t.norm for t in toks[i + 1 : i + length]))
                        eid = gaz.ar_phrases.get(key)
                        if eid and (best is None or length > best[0]):
                            best = (length, k, eid)
                            break
            if best is None or (i > 0 and toks[i - 1].norm in self.lex.connectors and best[1] == 0):
                i += 1  # "عبد الجليل" is a name, not Galilee
                continue
            length, k, eid = best
            if length == 1 and tok.text.endswith(("اً", "\u064b")):
                i += 1  # "وفداً روسياً": an adjective with tanween, not the country
                continue
            entry = gaz.entries[eid]
            key = tuple(t.norm for t in toks[i : i + length])
            self.gaz_at[i] = (length, k, eid)
            self.add(
                Found(entry.kind, after_clitic(tok, k), toks[i + length - 1].end, key, eid=eid), i, length
            )
            i += length

    # --- the bilingual table --------------------------------------------------------------------------------

    def scan_known(self) -> None:
        known, toks, firsts = table(), self.toks, _known_firsts()
        i = 0
        while i < self.n:
            tok = toks[i]
            if not tok.word or self.claimed[i] is not None:
                i += 1
                continue
            best: tuple[int, int, str] | None = None
            for k, first in strip_clitic(tok.norm):
                if first not in firsts:
                    continue
                for length in range(min(known.max_len, self.n - i), 0, -1):
                    span = toks[i : i + length]
                    if span[-1].sent != tok.sent or any(self.claimed[t.i] is not None for t in span):
                        continue
                    if (first, *(t.norm for t in span[1:])) in known.by_arabic:
                        if best is None or length > best[0]:
                            best = (length, k, first)
                        break
            if best is None:
                i += 1
                continue
            length, k, first = best
            if self.named_after(i):
                for t in range(i, i + length):
                    self.claimed[t] = "skip"  # "مستشفى عبد القادر الحسيني": a facility, not the person
            else:
                self.add_person((i, i + length - 1, k, first), [], None, strong=True)
            i += length
