"""Provides the state of one Arabic article's scan (`ArabicScan`) and the word classes over its tokens.

The state holds the text, its tokens, which tokens are claimed and by what, where the gazetteer and the
organisation rules matched, the detections so far, and the word lists the rules reason with; `add` and
`add_person` claim a span for a detection. The word classes say what a token is, as far as names go: stops
and prepositions ("على" told from "علي" by its written alef maksura), titles and honorifics, words that never
belong to a name (claimed tokens, places, organisation heads, titles), name-like words (a known name, a
family name made of the article and a given name, an uncommon word), plain words (tanween, a future verb, an
abstract noun in -iyya, an accusative participle: "مؤكدا"), verb shapes, pronoun suffixes on a frequent stem,
nisbas ("الحسيني"), initials, and words rare or common as written before normalization. The rules that read
the state are functions in the `ar_*` modules, run in order by `ar_scan`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from briefing.models import Sentence
from briefing.nlp.actors.ar_lexicon import Lexicon, common_words, future_verb, lexicon, strip_clitic, zipf
from briefing.nlp.actors.gazetteer import Phrase, tables
from briefing.nlp.actors.known import Known, known_single, known_tokens, lookup_arabic
from briefing.nlp.actors.tokens import Found, Tok, after_clitic, tokenize
from briefing.nlp.text.arabic import normalize

NameSpan = tuple[int, int, int, str]
"""(first token, last token, clitic length on the first token, the first token normalized without clitic)"""

MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"
# A clitic on the article ("للسفر", "والبناء", "بالوكالة"): a common noun, never the start of a name.
CLITIC_ARTICLE = re.compile(r"^(لل|[وفبك]ال|وبال|ولل|فبال|فلل)")
# Verbal nouns (masdars) of derived forms: استفعال, افتعال, انفعال ("استيراد", "اجتماع", "انسحاب").
_VERBAL_NOUN = re.compile(r"^(است..ا.|ا.ت.ا.|ان..ا.|مفاوضات|مباحثات)$")
# Verbal nouns behind a preposition clitic ("لتجييش", "بإبراز", "للتحاور"): the تفعيل and إفعال shapes too,
# which on a bare word would also match given names ("إكرام").
_CLITIC_VERBAL_NOUN = re.compile(r"^(است..ا.|ا.ت.ا.|ان..ا.|ت..ي.|ا..ا.|ت.ا..)$")
# A definite derived noun after a full name: a verbal noun ("التحاور", "التعزيز") or a participle of the
# derived stems ("المنعقد", "المتحدث", "المستمر"): what the sentence says next, not a family name.
_DEFINITE_DERIVED = re.compile(r"^ال(ت.ا..|ت..ي.|من...|مت...+|مست...+|ا.ت.ا.|است..ا.)$")
# Verb shapes that never open a name after a title: an imperfect ("يرجح", "تستمر"), a plural ending
# ("أنقذوا").
VERB_SHAPE = re.compile(r"^([يت].{3,5}|.{2,}وا)$")
_CLOSERS = frozenset("،,.:؛;")
_DIALECT_ADVERBS = frozenset(
    normalize(w)
    for w in "امبارح مبارح بكرا بكرة هلأ هلق هلا هسا هسه هون هناك هيك لسا لسه بعدين كمان برضو".split()
)
_DIACRITICS = re.compile(f"[{MARKS}]")
# Object pronouns on a verb: "تحضنها", "يسألهم" (not "ني": "ويتني" is Whitney).
_OBJECT_SUFFIXES = ("ها", "هم", "هما", "هن", "كم")


@cache
def name_words() -> frozenset[str]:
    """Words that may continue a name whatever their frequency: given and family names, the table's name
    words,
    less titles and "غير" (which continues nothing: "بايدن غير راضٍ")."""
    lex = lexicon()
    heads = {h[0] for h in lex.role_heads if len(h) == 1}
    words = lex.given | lex.given_ambiguous | known_tokens()
    return frozenset(words - {"غير"} - heads - lex.stopwords - lex.prepositions)


@dataclass(eq=False)
class ArabicScan:
    """The state of one Arabic article's scan, and the word classes over its tokens."""

    text: str
    toks: list[Tok]
    author: frozenset[str]
    """The byline's words, normalized: a name made of them only is the author, never an actor."""
    n: int = field(init=False)
    claimed: list[str | None] = field(init=False)
    """Per token, the kind of the detection that claimed it ("skip": read and left to nobody), else None."""
    gaz_at: dict[int, tuple[int, int, str]] = field(default_factory=dict)
    """Token -> (length, clitic length, gazetteer id) of the country or place starting there."""
    org_at: dict[int, int] = field(default_factory=dict)
    """Token -> last token of the organisation starting there."""
    found: list[Found] = field(default_factory=list)
    lex: Lexicon = field(default_factory=lexicon)
    common: frozenset[str] = field(default_factory=common_words)
    very_common: frozenset[str] = field(default_factory=lambda: common_words(3000))
    names: frozenset[str] = field(default_factory=name_words)
    known_single: frozenset[str] = field(default_factory=known_single)
    demonyms: dict[Phrase, str] = field(default_factory=lambda: tables().ar_demonyms)

    def __post_init__(self) -> None:
        self.n = len(self.toks)
        self.claimed = [None] * self.n

    @classmethod
    def start(cls, text: str, sentences: list[Sentence], author: str | None) -> ArabicScan:
        """The state before any rule: the text tokenized, nothing claimed, nothing found."""
        return cls(
            text, tokenize(text, sentences, "ar"), frozenset(normalize(w) for w in (author or "").split())
        )

    # --- claiming a span ------------------------------------------------------------------------------------

    def free(self, i: int) -> bool:
        """Whether token `i` is a word that no rule has claimed yet."""
        return self.toks[i].word and self.claimed[i] is None

    def add(self, found: Found, first: int, length: int) -> None:
        """Record a detection over tokens `first` .. `first + length - 1` and claim them for its kind."""
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
        """Record a person over `name` (unless it is the author, or a place's name) and claim its tokens."""
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

    def named_after(self, i: int, institutions: bool = True) -> bool:
        """Whether token `i` opens the name of a facility or institution named after a person: it follows an
        indefinite facility head ("مستشفى", "شارع", "بمدرسة") or, with `institutions`, an indefinite
        organisation head ("مؤسسة"). After a definite head the name is in apposition ("المنظمة تيدروس")."""
        prev = i - 1
        if prev < 0 or self.toks[prev].sent != self.toks[i].sent:
            return False
        heads = self.lex.facility_heads | self.lex.org_heads if institutions else self.lex.facility_heads
        return any(
            rest in heads and not rest.startswith("ال") for _, rest in strip_clitic(self.toks[prev].norm)
        )

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
        if norm in self.common or CLITIC_ARTICLE.match(norm) or _VERBAL_NOUN.match(norm):
            return False
        return not any(
            rest in self.common or _CLITIC_VERBAL_NOUN.match(rest) for _, rest in strip_clitic(norm)[1:]
        )

    def clitic_article(self, i: int) -> bool:
        """A preposition on a definite noun ("للإغاثة", "بالعرض", "للنقاش"): never part of a name. A word
        that only looks like one ("فالكي") is a foreign name: the check is on ل + ال, ب + ال, ك + ال, and on
        a definite word that wordfreq knows as written."""
        norm = self.toks[i].norm
        if norm in self.names or not re.match(r"^[وف]?(لل|بال|كال)", norm):
            return False
        written = _DIACRITICS.sub("", self.toks[i].text).lstrip("وف")
        rest = "ال" + written[2:] if written.startswith("لل") else written[1:]
        return zipf(rest) >= 2.5

    def clitic_verbal_noun(self, norm: str) -> bool:
        """A verbal noun behind a preposition clitic ("بإبراز", "لتجييش"): never a name after a title."""
        return any(_CLITIC_VERBAL_NOUN.match(rest) for _, rest in strip_clitic(norm)[1:])

    def plain_word(self, i: int) -> bool:
        """Word shapes that are never part of a name: accusative tanween ("اتصالاً", "قراراً"), a future verb
        ("سيزور", "سيعقد"), an abstract noun in -iyya ("أولوية"), an accusative participle ("مؤكدا"), when
        it is no known name."""
        tok = self.toks[i]
        norm = tok.norm
        if tok.text.endswith(("\u064b", "\u064c", "\u064d", "اً", "\u064bا")):
            return True  # tanween: an indefinite noun ("قراراً", "وقاضٍ", "خطابًا")
        if norm in self.names:
            return False
        return (
            future_verb(norm)
            or (norm.endswith("يه") and len(norm) > 4)
            or self.circumstantial(i)
            or self.accusative(norm)
        )

    def accusative(self, norm: str) -> bool:
        """An indefinite accusative written without its tanween: a frequent noun or participle plus alef
        ("اجتماعا", "قادما"), or a verbal noun of a derived verb plus alef, saying why ("استنكارا",
        "تاييدا"); no known name ("لينا", "ماريا" are listed)."""
        stem = norm[:-1]
        if len(norm) < 4 or not norm.endswith("ا") or stem in self.names:
            return False
        if not stem.startswith("ال") and _CLITIC_VERBAL_NOUN.match(stem) and zipf(stem) >= 2.0:
            return True  # a verbal noun of a derived verb: "استنكارا", "تاييدا", "احتجاجا" ("in protest")
        return not stem.endswith(("ا", "ي", "و")) and zipf(stem) >= 4.0

    def derived_definite(self, norm: str) -> bool:
        """A definite verbal noun or derived participle that is no known name nor nisba ("التحاور",
        "المنعقد"); it ends a name that already has two words."""
        return norm not in self.names and not self.nisba(norm) and bool(_DEFINITE_DERIVED.match(norm))

    def circumstantial(self, i: int) -> bool:
        """A participle in the accusative written without its tanween, saying how the person acted: "مؤكدا",
        "متأثرا", "مشيرا" (frequent as written, and without the alef); "مونيكا", "ميرنا" are no such shape."""
        written = _DIACRITICS.sub("", self.toks[i].text)
        return (
            len(written) >= 5
            and written[0] == "م"
            and written[1] not in "اوي"
            and written.endswith("ا")
            and zipf(written) >= 3.0
            and zipf(written[:-1]) >= 2.5
        )

    def given_at(self, i: int, rest: str) -> bool:
        """Whether `rest` (token `i` less its clitic) is a given name as written: "منى", not "مني"."""
        if rest in self.lex.maksura_names and not self.toks[i].text.rstrip(MARKS).endswith("ى"):
            return False
        if rest == "علي" and self.toks[i].text.rstrip(MARKS).endswith("ى"):
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

    def verb_like(self, norm: str) -> bool:
        """Without a title, any imperfect shape that is no known name ends the name: "منال تغشل يديها", and
        the dialect imperfect with ب before a verb wordfreq knows: "سامر بيعزف" ("Samer plays")."""
        if norm in self.names:
            return False
        if (
            norm[0] == "ب"
            and norm[1:2] in ("ي", "ت", "ن")
            and self.verb_shape(norm[1:])
            and zipf(norm[1:]) >= 3.0
        ):
            return True
        if norm[0] == "ي" and norm.endswith("ين") and not self.verb_shape(norm):
            return False  # no imperfect after ي ends in -ين: "بوريس يلتسين"
        return not norm.endswith("ه") and bool(VERB_SHAPE.match(norm))

    @staticmethod
    def pronominal(norm: str) -> bool:
        """A word carrying a pronoun suffix on a frequent stem: "اخوها", "يديها", "بدنا", "باتجاهه". A stem
        opening with alef is also read with the hamza normalization erased ("اخو" is "أخو")."""
        for suffix in ("هما", "كما", "هم", "ها", "كم", "نا", "ه"):
            stem = norm[: -len(suffix)]
            if norm.endswith(suffix) and len(stem) >= 2:
                stems = [stem, *(h + stem[1:] for h in "أإ" if stem[0] == "ا")]
                clitic = [stem[1:]] if stem[0] in "بلك" else []  # "بشهادتهم": ب + شهادة + هم
                if suffix == "ه":
                    clitic = [c for c in clitic if len(c) >= 4]  # "باتجاهه"; "باباه" is a name
                # A feminine noun keeps its teh marbuta as ت before the suffix ("شهادتهم").
                clitic += [s[:-1] + "ة" for s in clitic if s.endswith("ت") and len(s) >= 4]
                feminine = [s[:-1] + "ة" for s in stems if s.endswith("ت") and len(s) >= 4]  # "رغبته"
                if suffix == "ه":
                    stems = []  # a final ه is mostly a feminine ending; "باتجاهه" is ب + اتجاه + ه
                stems += clitic + feminine
                if any(zipf(s) >= 3.5 for s in stems):
                    return True
        return False

    def adverbial(self, norm: str) -> bool:
        """Words that end a name in dialogue: a preposition clitic on a given name ("لرامي", "بسعاد"), the
        colloquial "ع" + article ("عالسوق"), dialect adverbs of time and place ("امبارح", "هلأ", "هون")."""
        if norm in self.names:
            return False
        if norm in _DIALECT_ADVERBS:
            return True
        if norm[0] in "لب" and (norm[1:] in self.lex.given or norm[1:] in self.lex.given_ambiguous):
            return True
        return len(norm) >= 5 and norm.startswith("عال") and zipf("ال" + norm[3:]) >= 3.5

    def participle(self, norm: str) -> bool:
        """A frequent active participle of the فاعل shape that is no known name: a state said of the person
        named before it ("نائم", "جالس", "واقفة"); names of that shape ("خالد", "سالم") are listed."""
        stem = norm[:-1] if len(norm) == 5 and norm.endswith("ه") else norm
        return (
            len(stem) == 4
            and stem[1] == "ا"
            and stem[3] not in "اي"  # "قاضي", "ماري", "سارا": a defective participle or a foreign name
            and norm not in self.names
            and zipf(stem) >= 3.5
        )

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
        return bool(VERB_SHAPE.match(norm)) and (norm in self.common or zipf(norm) >= 2.5)

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
            and not CLITIC_ARTICLE.match(norm)
            and not (rest[0] in "يتن" and rest.endswith(_OBJECT_SUFFIXES))  # "وتحضنها": و + verb + object
        )
