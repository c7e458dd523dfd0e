"""Provides the Arabic rule for names without a title (`scan_untitled`).

Without a title, a name starts with a known given name (or "أبو", "أم", "عبد") and must look like a name
throughout: its second word a known name, a nisba ("الحسيني") or rare in wordfreq; or one definite word
that closes the phrase where no verb can take it as its object ("يوسف القطب خلال ..."). A given name alone
counts when it is no common word, when called out ("يا فاخر", said again and again: "نمر نمر نمر", or as
a whole line after a speaker label: "هبه : كريم .") or as a speaker label ("عماد: ...", "عماد في الاستوديو
: ...", and "منيب: ..." for a word too rare to be a noun); after a verb of saying, uncommon words before
what was said are a name too. No name starts right after a relative ("التي نشأت") or a plural place head
("محافظات عمران"). A Latin given name and the next Latin word are a name when both stand alone between spaces.
"""

from __future__ import annotations

from briefing.nlp.actors.ar_lexicon import strip_clitic, zipf
from briefing.nlp.actors.ar_mentions import after_speech, rare, speech_ends, vocative
from briefing.nlp.actors.ar_names import NEVER_START, RELATIVES, read_name
from briefing.nlp.actors.ar_state import ArabicScan, NameSpan
from briefing.nlp.actors.en_lexicon import given_latin
from briefing.nlp.text.arabic import normalize

# A tribe or clan and the area named after it: "عرب أبو كشك", "عشيرة أبو ...": no person.
_TRIBE = frozenset(normalize(w) for w in "عرب عشيرة عشائر قبيلة قبائل حمولة".split())
# Plural place-type heads: the names after them are places ("محافظات عمران وحجة", "قرى ...").
_PLACES = frozenset(normalize(w) for w in "قرى بلدات مدن مخيمات محافظات مناطق أحياء ولايات أقاليم".split())


def scan_untitled(scan: ArabicScan) -> None:
    lex, toks = scan.lex, scan.toks
    i = 0
    while i < scan.n:
        tok = toks[i]
        if not scan.free(i):
            i += 1
            continue
        prev = toks[i - 1] if i > 0 and toks[i - 1].sent == tok.sent else None
        if (
            prev is None
            and label_colon(scan, i)
            and (tok.norm in lex.given | lex.given_ambiguous or label_name(scan, i))
        ):
            scan.add_person((i, i, 0, tok.norm), [], None, strong=False)  # a speaker label: "عماد: ..."
            i += 1
            continue
        if prev is not None and (
            scan.named_after(i) or prev.norm in _TRIBE or prev.norm in RELATIVES or prev.norm in _PLACES
        ):
            # "مستشفى ...", "عرب أبو كشك": a place or a tribe named after a person; "التي نشأت": after a
            # relative the clause goes on with a verb; "محافظات عمران وحجة": places
            i += 1
            continue
        if (run := repeated(scan, i)) > i:
            for t in range(i, run + 1):  # "نمر نمر نمر": a name called again and again
                scan.add_person((t, t, 0, tok.norm), [], None, strong=False)
            i = run + 1
            continue
        if called(scan, i):
            scan.add_person((i, i, 0, tok.norm), [], None, strong=False)  # "هبه : كريم ."
            i += 1
            continue
        if tok.text.isascii():
            nxt = toks[i + 1] if i + 1 < scan.n else None
            if (
                nxt is not None
                and nxt.word
                and nxt.text.isascii()
                and nxt.sent == tok.sent
                and tok.norm in given_latin()
                and whole_word(scan, i)
                and whole_word(scan, i + 1)
            ):  # a Latin name in Arabic text: "ahmed nasr" (never letters inside an address)
                scan.add_person((i, i + 1, 0, tok.norm), [], None, strong=False)
                i += 2
                continue
            i += 1
            continue
        if (
            prev is not None
            and after_speech(prev.norm)
            and (said := read_name(scan, i, "role"))
            and said[1] > said[0]
            and speech_ends(scan, said[1])
        ):
            scan.add_person(said, [], None, strong=False)  # "وقال كارل هوسهوفر إن ..."
            i = said[1] + 1
            continue
        name: NameSpan | None = None
        bare_name = tok.norm in scan.names
        for k, rest in strip_clitic(tok.norm):
            if k > 0 and (common_whole(scan, tok.norm, rest) or bare_name or tok.norm[0] not in "ول"):
                break  # "لدينا" is "we have", not ل + "دينا"; "كريم" is not ك + "ريم"
            if (
                scan.given_at(i, rest)
                or rest in ("ابو", "ام", "عبد")
                or din_start(scan, i, rest)
                or ambiguous_start(scan, i, rest)
                or coordinated(scan, i, k, rest)
            ):
                name = read_name(scan, i, "given", k, rest)
                if name is not None and name[1] in (i, i + 1) and surname_at_boundary(scan, i, rest):
                    name = (i, i + 1, k, rest)
                    break
                # The first word is read without its clitic: "وعبد" is the particle "عبد".
                content = (
                    [
                        t
                        for t in range(name[0], name[1] + 1)
                        if (rest if t == i else toks[t].norm) not in lex.connectors
                        and toks[t].norm not in ("الله", "الدين")
                    ]
                    if name
                    else []
                )
                if (
                    name
                    and (len(content) >= 2 or (rest in ("ابو", "ام", "عبد") and name[1] > name[0]))
                    and (
                        len(content) < 2
                        or plausible_second(scan, content[1], rest)
                        or coordinated(scan, i, k, rest)
                    )
                ):
                    break
                if name and len(content) == 1 and name[0] == name[1] and coordinated(scan, i, k, rest):
                    break  # "محمد وعلي": a given name joined to a person just named
                if (
                    name
                    and len(content) == 1
                    and name[0] == name[1]
                    and (
                        alone_ok(scan, name[0], rest, prev)
                        or (vocative(scan, i) and (rest in lex.given or rest in lex.given_ambiguous))
                    )
                ):
                    break
                name = None
        if name is None:
            i += 1
            continue
        scan.add_person(name, [], None, strong=False)
        i = name[1] + 1


def repeated(scan: ArabicScan, i: int) -> int:
    """The last token of a given name said again right after itself ("نمر نمر نمر وبس"), each word a call
    of the same person; `i` when there is none, or when a name word follows ("محمد محمد حسين" is one
    name)."""
    norm, sent = scan.toks[i].norm, scan.toks[i].sent
    if scan.is_stop(i) or not (scan.given_at(i, norm) or norm in scan.lex.given_ambiguous):
        return i  # "على على" is a typo, not a call of Ali
    t = i
    while (
        t + 1 < scan.n
        and scan.toks[t + 1].norm == norm
        and scan.toks[t + 1].sent == sent
        and scan.free(t + 1)
    ):
        t += 1
    nxt = t + 1
    if (
        t > i
        and nxt < scan.n
        and scan.toks[nxt].sent == sent
        and scan.toks[nxt].word
        and not scan.is_stop(nxt)
        and scan.name_like(scan.toks[nxt].norm)
        and scan.toks[nxt].norm[0] != "و"
    ):
        return i
    return t


def called(scan: ArabicScan, i: int) -> bool:
    """A given name that is a whole line of dialogue after a speaker label ("هبه : كريم ."): the speaker
    calls someone, even by a name that is also a word."""
    tok, colon, label, nxt = scan.toks[i], i - 1, i - 2, i + 1
    return (
        label >= 0
        and scan.toks[colon].text == ":"
        and scan.claimed[label] == "person"
        and scan.toks[label].sent == tok.sent
        and (tok.norm in scan.lex.given or tok.norm in scan.lex.given_ambiguous)
        and (nxt >= scan.n or scan.toks[nxt].sent != tok.sent or scan.toks[nxt].text in "،,.!؟?")
    )


def din_start(scan: ArabicScan, i: int, rest: str) -> bool:
    """A compound given name in "الدين" ("عز الدين القسام", "نور الدين ..."): the first word is a given
    name only with it, and a name follows."""
    nxt = i + 1
    return (
        rest in scan.lex.din_before
        and nxt + 1 < scan.n
        and scan.toks[nxt].norm == "الدين"
        and scan.toks[nxt + 1].sent == scan.toks[i].sent
    )


def coordinated(scan: ArabicScan, i: int, k: int, rest: str) -> bool:
    """A given name, even one that is also a word ("علي", "أمل"), joined by و to a person named right
    before it: "محمد وعلي", "سليم الخوري وعطا ..." ."""
    prev = i - 1
    return (
        k == 1
        and scan.toks[i].norm[0] == "و"
        and prev >= 0
        and scan.toks[prev].sent == scan.toks[i].sent
        and scan.claimed[prev] == "person"
        and (scan.given_at(i, rest) or rest in scan.lex.given_ambiguous)
        and rest not in NEVER_START
    )


def label_colon(scan: ArabicScan, i: int) -> bool:
    """A colon right after token `i`, after a stage direction in brackets ("ليلى ( تضحك ) : ...") or after
    where a given name speaks from ("عماد في الاستوديو : ...")."""
    j = i + 1
    if (
        j < scan.n
        and scan.toks[j].norm == "في"
        and scan.toks[i].norm in scan.lex.given | scan.lex.given_ambiguous
    ):
        colon = next((t for t in range(j + 2, min(j + 4, scan.n)) if scan.toks[t].text == ":"), None)
        if colon is not None and all(
            scan.toks[t].word and scan.toks[t].sent == scan.toks[i].sent for t in range(j, colon)
        ):
            return True
    if j < scan.n and scan.toks[j].text == "(":
        close = next((t for t in range(j + 1, min(j + 8, scan.n)) if scan.toks[t].text == ")"), None)
        if close is None or any(scan.toks[t].sent != scan.toks[i].sent for t in range(j, close + 1)):
            return False
        j = close + 1
    return j < scan.n and scan.toks[j].text == ":"


def label_name(scan: ArabicScan, i: int) -> bool:
    """A speaker label the lists lack ("منيب: ..."): a word rare in wordfreq, no article, verb or
    pronoun."""
    norm = scan.toks[i].norm
    return (
        rare(norm)
        and not scan.written_common(i)  # "صحافة" is rare only once ة is normalized
        and not norm.endswith(("وه", "وا", "وني", "تم", "ته", "تها"))  # a verb with its object: "سألوه"
        and not norm.startswith("ال")
        and norm not in scan.common
        and not scan.verb_shape(norm)
        and not scan.pronominal(norm)
        and not scan.blocked(i)
        and not scan.plain_word(i)
        and scan.name_like(norm)
    )


def whole_word(scan: ArabicScan, i: int) -> bool:
    """Whether token `i` stands alone between spaces (or the text's ends), not inside "3xi" or a URL."""
    a, b = scan.toks[i].start, scan.toks[i].end
    return (a == 0 or scan.text[a - 1].isspace()) and (b == len(scan.text) or scan.text[b].isspace())


def common_whole(scan: ArabicScan, norm: str, rest: str) -> bool:
    """Whether a clitic word reads as one common word ("لدينا") rather than clitic + name: "لمحمد" and
    "وأبو" are common too, but far less than the name they carry."""
    return norm in scan.common and zipf(rest) < zipf(norm) + 1.0


def plausible_second(scan: ArabicScan, t: int, first: str = "") -> bool:
    """Without a title, a definite second word must look like a family name: a nisba ("الحسيني"), a known
    name, or a word rare in wordfreq ("السكاكيني"), not an ordinary noun ("اللحمة")."""
    norm = scan.toks[t].norm
    if (
        not norm.startswith("ال")
        or norm in scan.names
        or norm[2:] in scan.lex.given
        or (norm.endswith("ي") and not scan.toks[t].text.endswith("ى"))  # a nisba, not "المستشفى"
    ):
        return True
    if t > 0 and (scan.toks[t - 1].norm in scan.lex.connectors or first in scan.lex.connectors):
        return True  # "عبد الفتاح", "أبو العز", "وعبد القادر": a particle makes any word a name
    if t > 0 and scan.toks[t - 1].norm == "الدين":
        return True  # after a compound given name: "عز الدين القسام"
    if norm == "ال" + first:
        return True  # the given name made a family name: "أسعد الأسعد"
    # Rare both as normalized and as written: normalizing "اللحمة" to "اللحمه" hides how common it is.
    return rare(norm) and not scan.written_common(t)


def surname_at_boundary(scan: ArabicScan, i: int, rest: str) -> bool:
    """A plain given name and one definite word that closes the phrase, opening a clause or after a
    preposition ("يوسف القطب خلال ...", "شكوى من مريم العودة إلى ..."): an ordinary noun does not follow
    a given name directly there, so the word is a family name."""
    last, after, prev = i + 1, i + 2, i - 1
    if last >= scan.n or scan.toks[last].sent != scan.toks[i].sent or scan.blocked(last):
        return False
    if (
        prev >= 0
        and scan.toks[prev].sent == scan.toks[i].sent
        and scan.toks[prev].word
        and not scan.is_stop(prev)
    ):
        return False  # after a verb the definite word may be its object: "واستقبل خالد الضيوف في ..."
    return (
        scan.given_at(i, rest)
        and rest != "علي"
        and scan.toks[last].norm.startswith("ال")
        and not scan.plain_word(last)
        and (scan.toks[last].norm,) not in scan.demonyms
        and (
            after >= scan.n
            or scan.toks[after].sent != scan.toks[last].sent
            or scan.is_stop(after)
            or scan.toks[after].text in "،,.:؛;()"
        )
    )


def alone_ok(scan: ArabicScan, i: int, rest: str, prev: object) -> bool:
    """A given name alone is a person when it is no common word ("فاخر", "منيب"; not "كريم", "أمل") and
    the next word does not make it part of something else (a place, an organisation, a title)."""
    nxt = i + 1
    if (
        not scan.given_at(i, rest)
        or rest == "علي"
        or rest in scan.common
        or any(r in scan.common for _, r in strip_clitic(scan.toks[i].norm)[1:])
        or scan.verb_shape(rest)
    ):
        return False  # "وجدي" alone reads "and my grandfather"; "يشار" alone is the verb
    if nxt >= scan.n or scan.toks[nxt].sent != scan.toks[i].sent or not scan.toks[nxt].word:
        return True
    # Before an ordinary definite word the name probably goes on with a surname the lists lack; a definite
    # participle is a state said of the person ("مهند الواقف").
    norm = scan.toks[nxt].norm
    return scan.is_stop(nxt) or not norm.startswith("ال") or scan.participle(norm[2:])


def ambiguous_start(scan: ArabicScan, i: int, rest: str) -> bool:
    """A given name that is also a word ("عادل", "شريف") starts a name before a particle or a plain given
    name ("عادل قاسم نزال", "شريف أبو شمط")."""
    nxt = i + 1
    if rest not in scan.lex.given_ambiguous or rest in NEVER_START or nxt >= scan.n:
        return False
    norm = scan.toks[nxt].norm
    if scan.toks[nxt].sent != scan.toks[i].sent or not scan.toks[nxt].word or scan.claimed[nxt] is not None:
        return False
    if norm in scan.lex.connectors - {"ام"} or norm in scan.lex.given or norm in scan.lex.given_ambiguous:
        return True
    if norm == "ال" + rest:
        return True  # "أسعد الأسعد", "كريم الكريم": a family name made of the given name
    if not norm.startswith("ال") and norm.endswith("ي") and len(norm) >= 4:
        return zipf(norm) < 3.5 and (norm,) not in scan.demonyms  # "صديق مكاوي", not "حكم قضائي"
    if not norm.startswith("ال") and zipf(norm) < 2.0 and norm[0] != "و":
        # A word wordfreq hardly knows is a family name ("عماد فراجين"), unless it is a verb or carries
        # a pronoun.
        return not (scan.verb_like(norm) or scan.pronominal(norm))
    return norm.startswith("ال") and scan.name_like(norm) and plausible_second(scan, nxt)
