"""Provides the Arabic person rules for slots that only a person fills, whatever the words of the name.

- The partner of an interview and the sender of a letter: "مقابلة مع ...", "حوار مع الحاج ...", "رسالة من
  ...", "شكوى من ...", "مذكرات ..." (memoirs). The name there may hold common words ("مريم العودة", "إبراهيم
  الشيخ خليل") and runs to a preposition, punctuation, a title, a place or a verb, five words at most; it must
  open with a given name, a kunya ("أبو", "أم"), "عبد", or a rare word before a known name ("رسالة من
  سكان ..." names nobody); past its first word an indefinite common word ends it ("... موجهة إلى"), while a
  definite one or a demonym is a family name ("محمود المصري"). An honorific may stand before it
  ("مقابلة مع السيدة ...").
- The person an event befalls, and the source of a quote: "اغتيال ...", "استشهاد ...", "اعتقال ...", "وفاة
  ...", "تشييع جثمان ...", "منزل ...", "نجل ...", and "نقلت عن ... قوله"; the name there must open with a
  given name or a kunya (an ambiguous given name needs a second word), since these nouns also take things
  ("اعتقال عشرات", "منزل مهجور"); then its family name may be a common word ("كمال عدوان", "صهيب الطويل").
  A "ل" written apart before a given name marks the same slot in archive captions ("تصريح سفر ل فايز ...").
- A name followed by a formula of blessing: "... رحمه الله", "... عليه السلام", "... رضي الله عنه".
- A word too rare to be a noun before a nasab or a family kunya: "تيماء بنت سالم", "زاهر أبو حمدة".
- A caption's credit: a given name alone after a colon, at the end of the line ("البطل : سهام").
"""

from __future__ import annotations

from briefing.nlp.actors.ar_lexicon import strip_clitic
from briefing.nlp.actors.ar_mentions import rare
from briefing.nlp.actors.ar_names import read_name
from briefing.nlp.actors.ar_state import ArabicScan
from briefing.nlp.text.arabic import normalize

# Nouns whose partner after "مع" is a person: an interview, a meeting, a testimony.
_MEETINGS = frozenset(normalize(w) for w in "مقابلة مقابلات لقاء لقاءات حوار حديث شهادة تسجيل".split())
# Documents whose sender after "من" is a person (or an office, which the title rules read first).
_LETTERS = frozenset(
    normalize(w) for w in "رسالة رسائل شكوى شكاوى استرحام برقية عريضة مذكرة كتاب طلب استدعاء وصية".split()
)
# Nouns whose genitive is a person: "مذكرات ...", "يوميات ...".
_OF_PERSON = frozenset(normalize(w) for w in "مذكرات يوميات ذكريات".split())
# Nouns whose genitive is a person only when a given name follows: what befalls a person, a home, a kin.
_FATES = frozenset(
    normalize(w)
    for w in """اغتيال استشهاد اعتقال إعدام وفاة رحيل تشييع جثمان جنازة مقتل اختطاف تأبين ضريح منزل نجل نجلة
أرملة""".split()
)
# What follows the source of a quote after "عن": "نقلت الوكالة عن ... قوله إن".
_QUOTED = frozenset(normalize(w) for w in "قوله قولها تأكيده تأكيدها تصريحه تصريحها".split())
_KUNYA = frozenset({"ابو", "ام", "عبد"})
_NASAB = frozenset({"بن", "ابن", "بنت", "ابو"})
_MAX_WORDS = 5
# Formulas of blessing written after a person's name.
_BLESSINGS = (
    ("رحمه", "الله"),
    ("رحمها", "الله"),
    ("عليه", "السلام"),
    ("عليها", "السلام"),
    ("رضي", "الله"),
)
# What a credit line names a person as: "البطل : سهام", "إخراج : ...".
_CREDITS = frozenset(
    normalize(w)
    for w in "البطل البطلة بطولة تمثيل إخراج تأليف تصوير إعداد تقديم بقلم كلمات ألحان غناء رسم الراوي".split()
)


def scan_slots(scan: ArabicScan) -> None:
    """Names in the slots of an interview partner, a letter's sender and memoirs' author."""
    toks = scan.toks
    for i in range(scan.n - 1):
        if not scan.free(i):
            continue
        start, cue = _slot_start(scan, i)
        if start is None:
            continue
        if start < scan.n and scan.is_honorific(start, 0) and toks[start].sent == toks[i].sent:
            start += 1
        last = _slot_name(scan, start, toks[i].sent)
        if last is not None and cue and not _cue_holds(scan, start, last, cue):
            continue
        if last is not None:
            scan.add_person((start, last, 0, toks[start].norm), [], None, strong=True)


def _slot_start(scan: ArabicScan, i: int) -> tuple[int | None, str]:
    """Where the name starts when token `i` ends a cue ("مع" after an interview, "من" after a letter), and
    what the name must still show: "given" (a given name first), "quote" ("قوله" after it), "" (nothing)."""
    toks = scan.toks
    norm = toks[i].norm
    if any(rest in _OF_PERSON for _, rest in strip_clitic(norm)):
        return i + 1, ""
    if any(rest in _FATES for _, rest in strip_clitic(norm)) or toks[i].text in ("ل", "لـ"):
        return i + 1, "given"  # "اغتيال ...", and a detached "ل" before a name ("تصريح سفر ل ...")
    if norm == "عن":
        return i + 1, "quote"
    cues = _MEETINGS if norm == "مع" else _LETTERS if norm == "من" else None
    if cues is None:
        return None, ""
    for back in (1, 2):  # "مقابلة مع", "مقابلة شفوية مع"
        b = i - back
        if b >= 0 and toks[b].sent == toks[i].sent and any(r in cues for _, r in strip_clitic(toks[b].norm)):
            return i + 1, ""
    return None, ""


def _cue_holds(scan: ArabicScan, start: int, last: int, cue: str) -> bool:
    """After a fate noun or a detached "ل" the name opens with a given name or a kunya, an ambiguous one only
    before a second word; after "عن" the name is followed by "قوله"."""
    first = scan.toks[start].norm
    if cue == "quote":
        return last + 1 < scan.n and scan.toks[last + 1].norm in _QUOTED
    if first in _KUNYA:
        return True
    return scan.given_at(start, first) or (first in scan.lex.given_ambiguous and last > start)


def _slot_name(scan: ArabicScan, j: int, sent: int) -> int | None:
    """The last token of the name that starts at `j` in a person slot, or None."""
    toks = scan.toks
    if j >= scan.n or toks[j].sent != sent or scan.blocked(j) or scan.plain_word(j):
        return None
    first = toks[j].norm
    if not (
        scan.given_at(j, first)
        or first in scan.lex.given_ambiguous
        or first in _KUNYA
        or (rare(first) and first not in scan.common and _names_on(scan, j + 1, sent))
    ):
        return None
    last, words, t = j, 1, j + 1
    particle = first in scan.lex.connectors
    while t < scan.n and words < _MAX_WORDS and toks[t].sent == sent and toks[t].word:
        norm = toks[t].norm
        title_inside = norm in scan.lex.firm_titles and t + 1 < scan.n and scan.name_like(toks[t + 1].norm)
        if not particle and (
            (scan.blocked(t) and not (title_inside and scan.claimed[t] is None))
            or scan.plain_word(t)
            or scan.verb_like(norm)
            or scan.pronominal(norm)
            or (norm[0] == "و" and norm not in scan.names and not scan.foreign_waw(norm))
            or (norm in scan.common and norm not in scan.names and not norm.startswith("ال"))
        ):
            break
        if particle and scan.blocked(t):
            break
        particle = norm in scan.lex.connectors and not particle
        last, t = t, t + 1
        words += not particle
    while last > j and toks[last].norm in scan.lex.connectors:
        last -= 1
    if last == j and first in _KUNYA:
        return None
    return last


def scan_blessed(scan: ArabicScan) -> None:
    """A name before a formula of blessing: "توفي الحاج أمين رحمه الله"."""
    toks = scan.toks
    for i in range(1, scan.n - 1):
        if (toks[i].norm, toks[i + 1].norm) not in _BLESSINGS or toks[i + 1].sent != toks[i].sent:
            continue
        for start in range(max(0, i - 3), i):
            if toks[start].sent != toks[i].sent or scan.claimed[start] is not None:
                continue
            name = read_name(scan, start, "role")
            if name is not None and name[1] == i - 1 and (name[1] > name[0] or _lone_ok(scan, start)):
                scan.add_person(name, [], None, strong=False)
                break


def scan_credits(scan: ArabicScan) -> None:
    """A given name alone after a colon at the end of a line: a credit or a caption ("البطل : سهام")."""
    toks = scan.toks
    for i in range(2, scan.n):
        tok = toks[i]
        if not scan.free(i) or toks[i - 1].text != ":":
            continue
        nxt = i + 1
        if nxt < scan.n and toks[nxt].sent == tok.sent and (toks[nxt].word or toks[nxt].text == ":"):
            continue
        head = toks[i - 2]
        credit = head.sent == tok.sent and any(r in _CREDITS for _, r in strip_clitic(head.norm))
        if scan.given_at(i, tok.norm) or (credit and tok.norm in scan.lex.given_ambiguous):
            scan.add_person((i, i, 0, tok.norm), [], None, strong=False)


def scan_nasab(scan: ArabicScan) -> None:
    """A given name the lists lack before a nasab or a family kunya: "تيماء بنت سالم", "زاهر أبو حمدة"."""
    toks = scan.toks
    for i in range(scan.n - 2):
        tok, nxt = toks[i], toks[i + 1]
        if not scan.free(i) or nxt.sent != tok.sent or nxt.norm not in _NASAB:
            continue
        norm = tok.norm
        if (
            norm.startswith("ال")
            or norm[0] == "و"
            or norm in scan.common
            or scan.written_common(i)
            or not rare(norm)
            or scan.verb_shape(norm)
            or scan.pronominal(norm)
        ):
            continue
        name = read_name(scan, i, "role")
        if name is not None and name[1] >= i + 2:
            scan.add_person(name, [], None, strong=False)


def _names_on(scan: ArabicScan, t: int, sent: int) -> bool:
    """Whether token `t` goes on a name: a known name word in the same sentence."""
    return t < scan.n and scan.toks[t].sent == sent and scan.toks[t].norm in scan.names


def _lone_ok(scan: ArabicScan, i: int) -> bool:
    norm = scan.toks[i].norm
    return (
        scan.given_at(i, norm) or norm in scan.lex.given_ambiguous or (rare(norm) and norm not in scan.common)
    )
