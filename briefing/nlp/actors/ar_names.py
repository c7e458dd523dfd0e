"""Provides the name reader under the Arabic scanner: where a person's name starts and where it ends.

A name is read word by word from its first token. It ends at punctuation, a preposition (`في إلى من على
عن مع خلال لدى` ...), a title, a place or organisation, a word starting with the conjunction و, a common
word (wordfreq) that is no known name, a verb shape, or after four words; "بن", "عبد", "أبو" always take
the next word, and "الله" only completes "عبد الله", "نصر الله" and the like. The false friend "غير"
("not") starts a name only after a title and before an uncommon word ("غير بيدرسون", never "غير
قانوني"). Word classes are in `ar_words`; later mentions are read in `ar_mentions`, untitled
names in `ar_untitled`.
"""

from __future__ import annotations

import re

from briefing.nlp.actors.ar_words import WordClasses
from briefing.nlp.actors.gazetteer import tables
from briefing.nlp.actors.known import Known, lookup_arabic
from briefing.nlp.actors.tokens import Found, after_clitic

NameSpan = tuple[int, int, int, str]
"""(first token, last token, clitic length on the first token, the first token normalized without clitic)"""

_MAX_NAME_WORDS = 4
NEVER_START = frozenset({"غير", "باسم"})
# ل on a word starting with alef ("لإغاثة", "لاستئناف"): a preposition and a noun, never a name after a title.
_CLITIC_ALEF = re.compile(r"^ل[اآ]")


class NameReader(WordClasses):
    """The name rules over the state and word classes of one article's scan."""

    # --- bookkeeping ----------------------------------------------------------------------------------------

    def add(self, found: Found, first: int, length: int) -> None:
        found.first, found.last = first, first + length - 1
        for t in range(first, first + length):
            self.claimed[t] = found.kind
        self.found.append(found)

    def add_person(
        self,
        name: NameSpan,
        titles: list[str],
        affiliation: str | None,
        strong: bool,
        tokens: tuple[str, ...] | None = None,
        known: Known | None = None,
    ) -> Found | None:
        first, last, k, first_norm = name
        words = tokens or (first_norm, *(t.norm for t in self.toks[first + 1 : last + 1]))
        length = last - first + 1
        if self.author and set(words) <= self.author or (tuple(words) in tables().ar_phrases):
            for t in range(first, last + 1):
                self.claimed[t] = "skip"
            return None
        found = Found(
            "person",
            after_clitic(self.toks[first], k),
            self.toks[last].end,
            tuple(words),
            roles=titles,
            affiliation=affiliation,
            known=known or lookup_arabic(tuple(words)),
            strong=strong,
        )
        self.add(found, first, length)
        return found

    # --- names
    # ------------------------------------------------------------------------------------------------

    def read_name(self, j: int, context: str, k: int = 0, first_norm: str | None = None) -> NameSpan | None:
        """The name starting at token `j`: after a title (`role`), or from a given name (`given`)."""
        if j >= self.n or not self.toks[j].word or self.claimed[j] is not None:
            return None
        if k == 0 and (self.blocked(j) or (self.toks[j].norm,) in self.demonyms):
            return None
        first = first_norm or self.toks[j].norm
        sent = self.toks[j].sent
        nxt = self.toks[j + 1] if j + 1 < self.n else None
        if (
            context != "given"
            and k == 0
            and first.startswith("ال")
            and first not in self.names
            and nxt is not None
            and nxt.sent == sent
            and nxt.norm in self.lex.given
            and self.claimed[j + 1] is None
        ):
            # A family name never comes before the given name: a definite word there describes the person
            # ("الأسير المحرر خضر عدنان", "الشاعر الكبير محمود درويش"); the name starts after it.
            return self.read_name(j + 1, context)
        personal = context == "personal"
        if personal:
            context = "role"
        if personal and first not in NEVER_START and self.after_firm_title(j, first):
            pass  # after "الشيخ", "السيد": "الشيخ عوض.", "السيد رزق خاطر"
        elif first in self.lex.given_ambiguous and context == "role":
            # "غير بيدرسون" after a title; "غير قانوني" never. (Without a title the caller checked the
            # context.)
            if (
                nxt is None
                or nxt.sent != sent
                or self.blocked(j + 1)
                or not (self.name_like(nxt.norm) or self.nisba(nxt.norm) or self.closing_surname(j + 1))
                or (first in NEVER_START and (nxt.norm in self.common or nxt.norm.startswith("ال")))
            ):
                return None
        elif (
            context == "role"
            and (k > 0 or not self.written_rare(j))
            and (
                not self.name_like(first)
                or (first[0] == "و" and first not in self.names)
                or (first not in self.names and (self.verb_shape(first) or self.pronominal(first)))
                or (first not in self.names and _CLITIC_ALEF.match(first))
            )
        ):
            return None
        if k == 0 and self.plain_word(j):
            return None
        if first == "ام" and (
            nxt is None or (nxt.norm not in self.lex.given and nxt.norm not in self.lex.given_ambiguous)
        ):
            return None  # "أم" is "or" unless "mother of" a name: "أم محمد"
        last, words, prev = j, int(first not in self.lex.connectors), first
        kunya = first in ("ابو", "ام")
        t = j + 1
        while t < self.n and words < _MAX_NAME_WORDS:
            if self.initial_at(t, sent):
                t += 2  # "تشارلز ك . بارتلز"
                continue
            after_particle = prev in self.lex.connectors
            if kunya and t == j + 2:
                words += 1  # "أبو العبد" is a whole name: a bare three-letter word after it is a verb
            lone_given = context == "role" and t == j + 1 and self.given_first(first)
            if (
                not self.continues(t, sent, prev, context == "role" and words < 2, lone_given)
                or (context == "given" and self.verb_like(self.toks[t].norm))
                or (self.plain_word(t) and not after_particle)
                or (
                    words >= 2
                    and len(self.toks[t].norm) == 3
                    and self.toks[t].norm not in self.names
                    and not after_particle
                )
            ):
                break  # "... بن غفير هدد": a bare three-letter word after a full name is a verb
            if (
                t + 1 < self.n
                and self.toks[t + 1].norm == "الله"
                and self.toks[t].norm not in self.lex.allah_before
            ):
                break  # "الملك حسين رحمة الله عليه"
            last, prev = t, self.toks[t].norm
            if after_particle and prev.startswith("ال"):
                prev = "-"  # a definite word a particle takes is the name itself, even "العبد" ("أبو العبد")
            words += prev not in self.lex.connectors and prev not in self.lex.after_name
            t += 1
        while last > j and self.toks[last].norm in self.lex.connectors and not self.taken_particle(last):
            last -= 1
        if last == j and first in self.lex.connectors:
            return None
        return j, last, k, first

    def closing_surname(self, t: int) -> bool:
        """A definite word right after a title and a given name that closes the phrase (a preposition,
        punctuation or the end follows): a family name even when it is an ordinary adjective ("الحاج نمر
        الطويل مع ...", "السيد عادل الكبير ،"), not a demonym or an accusative."""
        tok, nxt = self.toks[t], t + 1
        return (
            tok.norm.startswith("ال")
            and not self.blocked(t)
            and not self.plain_word(t)
            and (tok.norm,) not in self.demonyms
            and (
                nxt >= self.n
                or self.toks[nxt].sent != tok.sent
                or self.is_stop(nxt)
                or self.toks[nxt].text in "،,.:؛;()"
            )
        )

    def taken_particle(self, t: int) -> bool:
        """A definite particle word taken by the particle before it: "العبد" in "أبو العبد"."""
        return self.toks[t].norm.startswith("ال") and t > 0 and self.toks[t - 1].norm in self.lex.connectors

    def after_firm_title(self, j: int, first: str) -> bool:
        """After a firm personal title a name may start with a word: an ambiguous given name alone ("الشيخ
        عوض."), or a common word before a name-like one ("السيد رزق خاطر")."""
        nxt = self.toks[j + 1] if j + 1 < self.n else None
        if nxt is None or nxt.sent != self.toks[j].sent or not nxt.word or self.is_stop(j + 1):
            return first in self.lex.given_ambiguous
        return (
            first in self.common
            and not self.blocked(j + 1)
            and (self.name_like(nxt.norm) or self.nisba(nxt.norm))
            and not self.pronominal(first)
            and not self.verb_shape(first)
        )

    def continues(self, t: int, sent: int, prev: str, titled: bool = False, lone_given: bool = False) -> bool:
        tok = self.toks[t]
        if tok.sent != sent or self.blocked(t):
            return False
        norm = tok.norm
        if norm == "الله":
            return prev in self.lex.allah_before
        if norm == "الدين":
            return prev in self.lex.din_before
        if norm == "ام":
            return False
        if (
            prev in self.lex.connectors
            or norm in self.lex.connectors
            or norm in self.lex.after_name
            or (norm,) in self.demonyms
        ):
            return True
        if norm[0] == "و" and not (norm in self.names and norm[1:] not in self.names):
            return self.foreign_waw(norm)
        if norm not in self.names and self.pronominal(norm):
            return False  # "يديها", "بدنا", "باتجاهه": a word with a pronoun suffix
        if self.adverbial(norm):
            return False  # "سعاد لرامي", "مع سامر عالسوق", "ليلى امبارح"
        if self.nisba(norm):
            return True  # "أمين الحسيني": a family name in -i, however common as an adjective
        if not titled and not lone_given and self.participle(norm[2:] if norm.startswith("ال") else norm):
            return False  # "عساف نائم", "مهند الواقف": a state, not a family name
        if lone_given and not self.verb_shape(norm) and not norm.endswith("ا"):
            # After a title and a given name, the family name may be a common word: "ملحم خلف",
            # "يحيى رسول", "نزار بركة" (the title says a name comes; one given name alone is rare in news);
            # not one of the most frequent definite nouns, the verb's object ("وحمّل الرئيس عباس الاحتلال
            # المسؤولية"), unless it closes the phrase ("الحاج نمر الطويل مع ...").
            return not (norm.startswith("ال") and norm in self.very_common) or self.closing_surname(t)
        if (
            titled
            and norm not in self.very_common
            and not self.verb_shape(norm)
            and not norm.endswith("ا")
            and (norm,) not in self.demonyms
        ):
            # After a title, foreign surnames that are frequent in news ("جونسون") still continue the name.
            return self.name_like(norm) or norm not in self.lex.stopwords
        return self.name_like(norm)
