"""Provides the name reader under the Arabic scanner: where a person's name starts and where it ends.

A name is read word by word from its first token. It ends at punctuation, a preposition (`في إلى من على
عن مع خلال لدى` ...), a title, a place or organisation, a word starting with the conjunction و, a common
word (wordfreq) that is no known name, a verb shape, or after four words; "بن", "عبد", "أبو" always take
the next word, and "الله" only completes "عبد الله", "نصر الله" and the like. The false friend "غير"
("not") starts a name only after a title and before an uncommon word ("غير بيدرسون", never "غير
قانوني"). Later mentions and untitled names are read in `actors_ar_mentions`.
"""

from __future__ import annotations

import re
from functools import cache

from briefing.models import Sentence
from briefing.nlp.actors_known import Known, known_single, known_tokens, lookup_arabic
from briefing.nlp.actors_lexicon import common_words, future_verb, lexicon, strip_clitic, zipf
from briefing.nlp.actors_tokens import Found, after_clitic, tokenize
from briefing.nlp.arabic import normalize
from briefing.nlp.gazetteer import tables

NameSpan = tuple[int, int, int, str]
"""(first token, last token, clitic length on the first token, the first token normalized without clitic)"""

_MAX_NAME_WORDS = 4
_MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"
# A clitic on the article ("للسفر", "والبناء", "بالوكالة"): a common noun, never the start of a name.
_CLITIC_ARTICLE = re.compile(r"^(لل|[وفبك]ال|وبال|ولل|فبال|فلل)")
# Verbal nouns (masdars) of derived forms: استفعال, افتعال, انفعال ("استيراد", "اجتماع", "انسحاب").
_VERBAL_NOUN = re.compile(r"^(است..ا.|ا.ت.ا.|ان..ا.|مفاوضات|مباحثات)$")
# Verb shapes that never open a name after a title: an imperfect ("يرجح", "تستمر"), a plural ending
# ("أنقذوا").
_VERB_SHAPE = re.compile(r"^([يت].{3,5}|.{2,}وا)$")
NEVER_START = frozenset({"غير", "باسم"})
# ل on a word starting with alef ("لإغاثة", "لاستئناف"): a preposition and a noun, never a name after a title.
_CLITIC_ALEF = re.compile(r"^ل[اآ]")
_CLOSERS = frozenset("،,.:؛;")
_DIACRITICS = re.compile(f"[{_MARKS}]")


@cache
def name_words() -> frozenset[str]:
    """Words that may continue a name whatever their frequency: given and family names, the table's name
    words,
    less titles and "غير" (which continues nothing: "بايدن غير راضٍ")."""
    lex = lexicon()
    heads = {h[0] for h in lex.role_heads if len(h) == 1}
    words = lex.given | lex.given_ambiguous | known_tokens()
    return frozenset(words - {"غير"} - heads - lex.stopwords - lex.prepositions)


class NameReader:
    """Token-level state of one article's scan and the name rules over it."""

    def __init__(self, text: str, sentences: list[Sentence], author: str | None) -> None:
        self.text = text
        self.toks = tokenize(text, sentences, "ar")
        self.n = len(self.toks)
        self.lex = lexicon()
        self.common = common_words()
        self.very_common = common_words(3000)
        self.names = name_words()
        self.known_single = known_single()
        self.demonyms = tables().ar_demonyms
        self.claimed: list[str | None] = [None] * self.n
        self.gaz_at: dict[int, tuple[int, int, str]] = {}
        self.org_at: dict[int, int] = {}
        self.found: list[Found] = []
        self.author = frozenset(normalize(w) for w in (author or "").split())

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

    # --- word classes ---------------------------------------------------------------------------------------

    def is_preposition_ya(self, i: int) -> bool:
        """ "على" normalizes to "علي" (Ali); the written alef maksura tells the preposition apart."""
        tok = self.toks[i]
        return tok.norm == "علي" and normalize(tok.text.replace("ى", "\x00")).endswith("\x00")

    def is_stop(self, i: int) -> bool:
        norm = self.toks[i].norm
        return norm in self.lex.prepositions or norm in self.lex.stopwords or self.is_preposition_ya(i)

    def role_head(self, i: int) -> tuple[int, int] | None:
        """(length, clitic length) of the title starting at token `i`, longest first, bare reading first."""
        toks, heads = self.toks, self.lex.role_heads
        if not toks[i].word:
            return None
        if toks[i].norm == "د" and i + 1 < self.n and toks[i + 1].text == ".":
            return 2, 0
        best: tuple[int, int] | None = None
        for k, first in strip_clitic(toks[i].norm):
            for length in range(min(self.lex.role_head_max, self.n - i), 0, -1):
                if (first, *(t.norm for t in toks[i + 1 : i + length])) in heads:
                    if best is None or length > best[0]:
                        best = (length, k)
                    break
        return best

    def is_honorific(self, i: int, k: int) -> bool:
        return any(rest in self.lex.honorifics for kk, rest in strip_clitic(self.toks[i].norm) if kk == k)

    def blocked(self, i: int) -> bool:
        """Words that can never be part of a name."""
        tok = self.toks[i]
        norm = tok.norm
        return (
            not tok.word
            or self.claimed[i] is not None
            or self.is_stop(i)
            or i in self.gaz_at
            or norm in self.lex.org_heads
            or norm in self.lex.media_heads
            or norm in self.lex.facility_heads
            or not ("\u0600" <= norm[0] <= "\u06ff")
            or (self.role_head(i) or (0, 1))[1] == 0
        )

    def name_like(self, norm: str) -> bool:
        """A known name, a family name made of the article and a given name ("الحسن"), or an uncommon word
        that
        is not a common word behind a clitic ("لمنحه", "بمنع", "للسفر")."""
        if norm in self.names or (norm.startswith("ال") and norm[2:] in self.lex.given):
            return True
        if norm in self.common or _CLITIC_ARTICLE.match(norm) or _VERBAL_NOUN.match(norm):
            return False
        return not any(rest in self.common or _VERBAL_NOUN.match(rest) for _, rest in strip_clitic(norm)[1:])

    def plain_word(self, i: int) -> bool:
        """Word shapes that are never part of a name: accusative tanween ("اتصالاً", "قراراً"), a future verb
        ("سيزور", "سيعقد"), an abstract noun in -iyya ("أولوية") that is no known name."""
        tok = self.toks[i]
        norm = tok.norm
        if tok.text.endswith(("\u064b", "\u064c", "\u064d")) or tok.text.endswith("اً"):
            return True  # tanween: an indefinite noun ("قراراً", "وقاضٍ")
        if norm in self.names:
            return False
        return future_verb(norm) or (norm.endswith("يه") and len(norm) > 4)

    def given_at(self, i: int, rest: str) -> bool:
        """Whether `rest` (token `i` less its clitic) is a given name as written: "منى", not "مني"."""
        if rest in self.lex.maksura_names and not self.toks[i].text.rstrip(_MARKS).endswith("ى"):
            return False
        if rest == "علي" and self.toks[i].text.rstrip(_MARKS).endswith("ى"):
            return False  # "وعلى" is the preposition, not و + "علي"
        return rest in self.lex.given

    def initial_at(self, t: int, sent: int) -> bool:
        """A one-letter initial and its dot, followed by a word that may be a name (after an initial even a
        common word is one: "جون ك. ستيوارت")."""
        return (
            t + 2 < self.n
            and len(self.toks[t].norm) == 1
            and self.toks[t].word
            and self.toks[t + 1].text == "."
            and self.toks[t + 2].sent == sent
            and self.toks[t + 2].word
            and not self.blocked(t + 2)
            and self.toks[t + 2].norm[0] != "و"
        )

    def written_rare(self, i: int) -> bool:
        """Whether a word is rare as written although its normalized form is common: the hamza or the teh
        marbuta normalization erased told it apart ("ألينا", a name, against "إلينا", "to us")."""
        written = _DIACRITICS.sub("", self.toks[i].text)
        return written != self.toks[i].norm and zipf(written) < 3.0

    def written_common(self, i: int) -> bool:
        """Whether a word as written (without diacritics) is as frequent as an everyday word (Zipf >= 3)."""
        return zipf(_DIACRITICS.sub("", self.toks[i].text)) >= 3.0

    def apposition_ends(self, last: int) -> bool:
        nxt = last + 1
        return (
            nxt >= self.n
            or self.toks[nxt].sent != self.toks[last].sent
            or self.toks[nxt].text in _CLOSERS
            or self.toks[nxt].norm == "قد"
        )

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
                or not (self.name_like(nxt.norm) or self.nisba(nxt.norm))
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
        t = j + 1
        while t < self.n and words < _MAX_NAME_WORDS:
            if self.initial_at(t, sent):
                t += 2  # "تشارلز ك . بارتلز"
                continue
            after_particle = prev in self.lex.connectors
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
            words += prev not in self.lex.connectors and prev not in self.lex.after_name
            t += 1
        while last > j and self.toks[last].norm in self.lex.connectors:
            last -= 1
        if last == j and first in self.lex.connectors:
            return None
        return j, last, k, first

    def verb_like(self, norm: str) -> bool:
        """Without a title, any imperfect shape that is no known name ends the name: "منال تغشل يديها"."""
        return norm not in self.names and not norm.endswith("ه") and bool(_VERB_SHAPE.match(norm))

    @staticmethod
    def pronominal(norm: str) -> bool:
        """A word carrying a pronoun suffix on a frequent stem: "اخوها", "يديها", "بدنا", "باتجاهه"."""
        for suffix in ("هما", "كما", "هم", "ها", "كم", "نا", "ه"):
            stem = norm[: -len(suffix)]
            if norm.endswith(suffix) and len(stem) >= 2:
                if suffix == "ه" and not (stem[0] in "بل" and zipf(stem[1:]) >= 3.5):
                    continue  # a final ه is mostly a feminine ending; "باتجاهه" is ب + اتجاه + ه
                if zipf(stem) >= 3.5 or (stem[0] in "بل" and zipf(stem[1:]) >= 3.5):
                    return True
        return False

    def nisba(self, norm: str) -> bool:
        """A definite adjective in -i that is no demonym: the shape of a family name ("الحسيني")."""
        return (
            len(norm) >= 6
            and norm.startswith("ال")
            and norm.endswith("ي")
            and (norm,) not in self.demonyms
            and norm not in self.lex.stopwords
            and norm not in self.lex.role_mods
        )

    def given_first(self, norm: str) -> bool:
        """A word that can only be a first name here: a listed given name, or a word wordfreq hardly knows
        ("فرزانه"); a surname after a title ("الدكتور قسيس") is not one."""
        if norm in self.lex.given or norm in self.lex.given_ambiguous:
            return True
        return norm not in self.known_single and norm not in self.common and zipf(norm) < 2.0

    def verb_shape(self, norm: str) -> bool:
        """An imperfect or plural verb shape ("يرجح", "تستمر", "أنقذوا") that wordfreq knows as a word; a
        rare word of that shape is a foreign name more often than a verb ("يلدز", "يانيز")."""
        return bool(_VERB_SHAPE.match(norm)) and (norm in self.common or zipf(norm) >= 2.5)

    def foreign_waw(self, norm: str) -> bool:
        """A rare word that opens with و but is no و + word: a transliterated name ("ويلت")."""
        rest = norm[1:]
        return (
            zipf(norm) < 2.5
            and zipf(rest) < 2.5  # "وممثلون" is و + a word
            and len(rest) >= 3
            and rest not in self.common
            and rest not in self.names
            and not self.verb_shape(rest)
            and not _CLITIC_ARTICLE.match(norm)
        )

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
        if self.nisba(norm):
            return True  # "أمين الحسيني": a family name in -i, however common as an adjective
        if lone_given and not self.verb_shape(norm) and not norm.endswith("ا"):
            # After a title and a given name, the family name may be a common word: "ملحم خلف",
            # "يحيى رسول", "نزار بركة" (the title says a name comes; one given name alone is rare in news).
            return True
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
