"""Provides the Arabic name reader (`read_name`): where a person's name starts and where it ends.

A name is read word by word from its first token. It ends at punctuation, a preposition (`في إلى من على
عن مع خلال لدى` ...), a title, a place or organisation, a word starting with the conjunction و, a
preposition on a definite noun ("للإغاثة"), a common word (wordfreq) that is no known name, a verb shape, or
after four words; "بن", "عبد", "أبو" always take
the next word, and "الله" only completes "عبد الله", "نصر الله" and the like. The false friend "غير"
("not") starts a name only after a title and before an uncommon word ("غير بيدرسون", never "غير
قانوني"). Word classes are methods of the scan state (`ar_state`); later mentions are read in
`ar_mentions`, untitled names in `ar_untitled`.
"""

from __future__ import annotations

import re

from briefing.nlp.actors.ar_lexicon import zipf
from briefing.nlp.actors.ar_state import ArabicScan, NameSpan

_MAX_NAME_WORDS = 4
NEVER_START = frozenset({"غير", "باسم"})
# ل on a word starting with alef ("لإغاثة", "لاستئناف"): a preposition and a noun, never a name after a title.
_CLITIC_ALEF = re.compile(r"^ل[اآ]")
# Ordinals after a title belong to it ("النائب الثاني", "السكرتير الأول"); a name never starts with one.
ORDINALS = frozenset(
    {"الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"}
)
# Perfect verbs of the derived stems استفعل and افتعل ("استكمل", "اعتبر"): no name has their shape.
_DERIVED_PERFECT = re.compile(r"^(است...|ا.ت..)$")
# After a relative pronoun the clause goes on with a verb ("الصحفي الذي دعي إليه"), never a name.
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللواتي", "اللاتي"})


def read_name(
    scan: ArabicScan, j: int, context: str, k: int = 0, first_norm: str | None = None
) -> NameSpan | None:
    """The name starting at token `j`: after a title (`role`), or from a given name (`given`)."""
    if j >= scan.n or not scan.toks[j].word or scan.claimed[j] is not None:
        return None
    if k == 0 and (scan.blocked(j) or (scan.toks[j].norm,) in scan.demonyms):
        return None
    first = first_norm or scan.toks[j].norm
    sent = scan.toks[j].sent
    if k == 0 and context != "given" and _not_a_name_after_title(scan, j, first):
        return None
    nxt = scan.toks[j + 1] if j + 1 < scan.n else None
    if (
        context != "given"
        and k == 0
        and first.startswith("ال")
        and first not in scan.names
        and nxt is not None
        and nxt.sent == sent
        and nxt.norm in scan.lex.given
        and scan.claimed[j + 1] is None
    ):
        # A family name never comes before the given name: a definite word there describes the person
        # ("الأسير المحرر خضر عدنان", "الشاعر الكبير محمود درويش"); the name starts after it.
        return read_name(scan, j + 1, context)
    personal = context == "personal"
    if personal:
        context = "role"
    if personal and first not in NEVER_START and after_firm_title(scan, j, first):
        pass  # after "الشيخ", "السيد": "الشيخ عوض.", "السيد رزق خاطر"
    elif first in scan.lex.given_ambiguous and context == "role":
        # "غير بيدرسون" after a title; "غير قانوني" never. (Without a title the caller checked the
        # context.)
        if (
            nxt is None
            or nxt.sent != sent
            or scan.blocked(j + 1)
            or not (scan.name_like(nxt.norm) or scan.nisba(nxt.norm) or closing_surname(scan, j + 1))
            or (first in NEVER_START and (nxt.norm in scan.common or nxt.norm.startswith("ال")))
        ):
            return None
    elif (
        context == "role"
        and (k > 0 or not scan.written_rare(j) or scan.clitic_verbal_noun(first))
        and (
            not scan.name_like(first)
            or (first[0] == "و" and first not in scan.names)
            or (first not in scan.names and (scan.verb_shape(first) or scan.pronominal(first)))
            or (first not in scan.names and _CLITIC_ALEF.match(first))
        )
    ):
        return None
    if k == 0 and scan.plain_word(j):
        return None
    if first == "ام" and (
        nxt is None or (nxt.norm not in scan.lex.given and nxt.norm not in scan.lex.given_ambiguous)
    ):
        return None  # "أم" is "or" unless "mother of" a name: "أم محمد"
    last, words, prev = j, int(first not in scan.lex.connectors), first
    kunya = first in ("ابو", "ام")
    t = j + 1
    while t < scan.n and words < _MAX_NAME_WORDS:
        if scan.initial_at(t, sent):
            t += 2  # "تشارلز ك . بارتلز"
            continue
        after_particle = prev in scan.lex.connectors
        if kunya and t == j + 2:
            words += 1  # "أبو العبد" is a whole name: a bare three-letter word after it is a verb
        lone_given = context == "role" and t == j + 1 and scan.given_first(first)
        if (
            not continues(scan, t, sent, prev, context == "role" and words < 2, lone_given)
            or (context == "given" and scan.verb_like(scan.toks[t].norm))
            or (scan.plain_word(t) and not after_particle)
            or (words >= 2 and not after_particle and scan.derived_definite(scan.toks[t].norm))
            or (words >= 2 and not after_particle and construct_title(scan, t))
            or (words >= 2 and not after_particle and after_definite_surname(scan, t, prev))
            or (
                words >= 2
                and len(scan.toks[t].norm) == 3
                and scan.toks[t].norm not in scan.names
                and not after_particle
            )
        ):
            break  # "... بن غفير هدد": a bare three-letter word after a full name is a verb
        if (
            t + 1 < scan.n
            and scan.toks[t + 1].norm == "الله"
            and scan.toks[t].norm not in scan.lex.allah_before
        ):
            break  # "الملك حسين رحمة الله عليه"
        last, prev = t, scan.toks[t].norm
        if after_particle and prev.startswith("ال"):
            prev = "-"  # a definite word a particle takes is the name itself, even "العبد" ("أبو العبد")
        words += prev not in scan.lex.connectors and prev not in scan.lex.after_name
        t += 1
    while last > j and scan.toks[last].norm in scan.lex.connectors and not taken_particle(scan, last):
        last -= 1
    if last == j and first in scan.lex.connectors:
        return None
    return j, last, k, first


def _not_a_name_after_title(scan: ArabicScan, j: int, first: str) -> bool:
    """Words after a title that never open a name: an ordinal of the title ("النائب الثاني"), the clause
    after a relative ("الصحفي الذي دعي"), a second title on a common noun ("مستشار الملك أمير منطقة
    ..."), a plural noun ("وقال مسؤولون أمريكيون"), or the genitive of a title ending in an indefinite
    common noun ("مدير تعليم المنطقة": the title is not closed yet)."""
    tok = scan.toks[j]
    prev = scan.toks[j - 1] if j > 0 and scan.toks[j - 1].sent == tok.sent else None
    if first in ORDINALS or (prev is not None and prev.norm in RELATIVES):
        return True
    if first not in scan.names and _DERIVED_PERFECT.match(first) and zipf(first) >= 3.0:
        return True  # "اللاعب استكمل البرنامج": a perfect verb of a derived stem, the title its subject
    if first not in scan.names and first.endswith("ون") and zipf(first) >= 3.5:
        return True
    if construct_title(scan, j):
        return True
    return (
        prev is not None
        and prev.word
        and not prev.norm.startswith("ال")
        and prev.norm in scan.common
        and prev.norm not in scan.names
        and scan.role_head(j - 1) is None
        and (prev.norm,) not in scan.demonyms
        and bool(re.match(r"^ت..ي.$", prev.norm))
    )


def construct_title(scan: ArabicScan, j: int) -> bool:
    """An indefinite title governing a common noun ("أمير منطقة ...", "أمير دولة قطر"): a second title,
    never a name nor the end of the name before it."""
    first, nxt = scan.toks[j].norm, j + 1
    return (
        (scan.role_head(j) is not None or ("ال" + first,) in scan.lex.role_heads)
        and not first.startswith("ال")
        and nxt < scan.n
        and scan.toks[nxt].sent == scan.toks[j].sent
        and scan.toks[nxt].norm in scan.common
        and scan.toks[nxt].norm not in scan.names
    )


def after_definite_surname(scan: ArabicScan, t: int, prev: str) -> bool:
    """A frequent indefinite word right after a definite family name is the sentence going on ("سامي
    الصالح متانة العلاقات"): a definite family name closes the name unless a particle or a known name
    follows."""
    norm = scan.toks[t].norm
    return (
        prev.startswith("ال")
        and prev not in ("الدين", "الله")  # "علاء الدين حجازي": the end of a compound given name
        and prev not in scan.lex.connectors
        and not norm.startswith("ال")
        and norm not in scan.names
        and norm not in scan.lex.connectors
        and norm not in scan.lex.after_name
        and (norm,) not in scan.demonyms
        and scan.written_common(t)
    )


def closing_surname(scan: ArabicScan, t: int) -> bool:
    """A definite word right after a title and a given name that closes the phrase (a preposition,
    punctuation or the end follows): a family name even when it is an ordinary adjective ("الحاج نمر
    الطويل مع ...", "السيد عادل الكبير ،"), not a demonym or an accusative."""
    tok, nxt = scan.toks[t], t + 1
    return (
        tok.norm.startswith("ال")
        and not scan.blocked(t)
        and not scan.plain_word(t)
        and (tok.norm,) not in scan.demonyms
        and (
            nxt >= scan.n
            or scan.toks[nxt].sent != tok.sent
            or scan.is_stop(nxt)
            or scan.toks[nxt].text in "،,.:؛;()"
        )
    )


def taken_particle(scan: ArabicScan, t: int) -> bool:
    """A definite particle word taken by the particle before it: "العبد" in "أبو العبد"."""
    return scan.toks[t].norm.startswith("ال") and t > 0 and scan.toks[t - 1].norm in scan.lex.connectors


def after_firm_title(scan: ArabicScan, j: int, first: str) -> bool:
    """After a firm personal title a name may start with a word: an ambiguous given name alone ("الشيخ
    عوض."), or a common word before a name-like one ("السيد رزق خاطر")."""
    nxt = scan.toks[j + 1] if j + 1 < scan.n else None
    if nxt is None or nxt.sent != scan.toks[j].sent or not nxt.word or scan.is_stop(j + 1):
        return first in scan.lex.given_ambiguous
    return (
        first in scan.common
        and not scan.blocked(j + 1)
        and (scan.name_like(nxt.norm) or scan.nisba(nxt.norm))
        and not scan.pronominal(first)
        and not scan.verb_shape(first)
    )


def continues(
    scan: ArabicScan, t: int, sent: int, prev: str, titled: bool = False, lone_given: bool = False
) -> bool:
    tok = scan.toks[t]
    if tok.sent != sent or scan.blocked(t):
        return False
    norm = tok.norm
    if norm == "الله":
        return prev in scan.lex.allah_before
    if norm == "الدين":
        return prev in scan.lex.din_before
    if norm == "ام":
        return False
    if (
        prev in scan.lex.connectors
        or norm in scan.lex.connectors
        or norm in scan.lex.after_name
        or (norm,) in scan.demonyms
    ):
        return True
    if norm[0] == "و" and not (norm in scan.names and norm[1:] not in scan.names):
        return scan.foreign_waw(norm)
    if scan.clitic_article(t):
        return False  # "مركز الملك سلمان للإغاثة": a preposition on a definite noun ends the name
    if norm not in scan.names and scan.pronominal(norm):
        return False  # "يديها", "بدنا", "باتجاهه": a word with a pronoun suffix
    if scan.adverbial(norm):
        return False  # "سعاد لرامي", "مع سامر عالسوق", "ليلى امبارح"
    if scan.nisba(norm):
        return True  # "أمين الحسيني": a family name in -i, however common as an adjective
    if not titled and not lone_given and scan.participle(norm[2:] if norm.startswith("ال") else norm):
        return False  # "عساف نائم", "مهند الواقف": a state, not a family name
    if lone_given and not scan.verb_shape(norm) and not norm.endswith("ا"):
        # After a title and a given name, the family name may be a common word: "ملحم خلف",
        # "يحيى رسول", "نزار بركة" (the title says a name comes; one given name alone is rare in news);
        # not one of the most frequent definite nouns, the verb's object ("وحمّل الرئيس عباس الاحتلال
        # المسؤولية"), unless it closes the phrase ("الحاج نمر الطويل مع ...").
        return not (norm.startswith("ال") and norm in scan.very_common) or closing_surname(scan, t)
    if (
        titled
        and norm not in scan.very_common
        and not scan.verb_shape(norm)
        and not norm.endswith("ا")
        and (norm,) not in scan.demonyms
    ):
        # After a title, foreign surnames that are frequent in news ("جونسون") still continue the name.
        return scan.name_like(norm) or norm not in scan.lex.stopwords
    return scan.name_like(norm)
