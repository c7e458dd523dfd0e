"""Provides the Arabic person rules that read a name from its context rather than from a title before it.

- Apposition, name first: "خيرت كابالاري، المدير الإقليمي لليونيسف" and "قال روبرت ويلت، الرئيس التنفيذي
  لشركة ...": a name right before a comma and a title takes that title and its affiliation.
- One word after a verb of saying, before what was said: "وتضيف براون: ...", "وقالت صادق إن ..."; before a
  colon even a word that is also a noun ("وأضاف خطاب: ..."), unless it says who in general ("آخر", "مصدر").
- A lone given name, even one that is also a word ("كريم", "عوض"), where only a person fits: after a kinship
  or companion word ("زوجة فاخر", "صديقه عوض"), as the subject right after an imperfect verb ("يعود عماد إلى
  ..."), or after such a verb and a preposition ("ينظر إلى مهند"); and the name must end there.
"""

from __future__ import annotations

from briefing.nlp.actors.ar_lexicon import strip_clitic, zipf
from briefing.nlp.actors.ar_mentions import after_speech, rare, that_clause
from briefing.nlp.actors.ar_names import read_name
from briefing.nlp.actors.ar_state import ArabicScan
from briefing.nlp.actors.ar_titles import extend_known, read_title, role_text
from briefing.nlp.text.arabic import normalize
from briefing.nlp.text.lazy_re import lazy_compile

_KINSHIP = frozenset(
    normalize(w)
    for w in """زوج زوجة زوجته زوجها ابنه ابنها ابنته ابنتها بنته أخو أخوه أخوها أخي أخت أخته أختها
شقيق شقيقه شقيقها شقيقة شقيقته والد والده والدها والدة والدته عم عمه عمها عمي عمة عمته خال خاله خالي خالة
خالته خالتي جد جده جدة جدته حفيد حفيده حفيدة أرملة نجل نجله نجلها نجلة صديق صديقه صديقها صديقي صديقة
صديقته زميل زميله زميلها زميلة زميلته رفيق رفيقه رفيقة رفيقته خوي خيي اخوي ابوي امي ستي سيدي عمو خالو
تيتا""".split()
)
# Subjects of a verb of saying that are no names, though wordfreq finds them rare enough.
_NOT_SPEAKERS = frozenset(
    normalize(w)
    for w in "مصدر مصادر مسؤول مسؤولون شهود شاهد بيان تقرير ناشطون آخر آخرون أحد بعض مواطن طالب نص".split()
)
# An imperfect verb: "يعود", "يجلس", "تأتي", "ينتفض" (the name after it is its subject).
_IMPERFECT = lazy_compile(r"^[يت].{2,5}$")
# A verbal noun of the تفعيل shape, bare or with a pronoun ("تصنيفه", "تعزيزها"): a noun, no imperfect verb.
_TAFIL = lazy_compile(r"^ت..ي.(ه|ها|هم|نا)?$")
# Copulas take a predicate, and a word that is both an adjective and a given name after one is the adjective
# ("تصبح أكبر", "يبقى سالما").
_COPULAS = frozenset(
    normalize(w) for w in "يصبح تصبح أصبح يبقى تبقى يظل تظل يكون تكون بات يبدو تبدو يعد تعد".split()
)
_AFTER_VERB_PREPS = frozenset({"الي", "علي", "مع", "من", "عن", "ل"})
_CLOSERS = frozenset('،,.:؛;!?؟)("«»')
_MAX_NAME = 4


def scan_appositions(scan: ArabicScan) -> None:
    """A name just before a comma and a title takes the title: "X Y، المدير الإقليمي لليونيسف"."""
    toks = scan.toks
    for c in range(2, scan.n - 1):
        if toks[c].text not in "،," or toks[c + 1].sent != toks[c].sent or scan.claimed[c + 1] is not None:
            continue
        head = scan.role_head(c + 1)
        if head is None or head[1] != 0 or scan.is_honorific(c + 1, 0):
            continue
        name = _name_before(scan, c)
        if name is None:
            continue
        roles, affiliation, end = read_title(scan, c + 1, head)
        if end < scan.n and scan.claimed[end] == "person":
            continue  # "..., المتحدث باسم الوزارة فلان": the title is someone else's
        titles = [role_text(scan, a, b, k) for a, b, k in roles if not scan.is_honorific(a, k)]
        scan.add_person(extend_known(scan, name), titles, affiliation, strong=True)


def _name_before(scan: ArabicScan, comma: int) -> tuple[int, int, int, str] | None:
    """The longest name of two to four words ending right before `comma`, read forward from its start."""
    toks, last = scan.toks, comma - 1
    sent = toks[last].sent
    for start in range(max(0, last - _MAX_NAME + 1), last + 1):
        if any(scan.claimed[t] is not None or toks[t].sent != sent for t in range(start, last + 1)):
            continue
        prev = start - 1
        if prev >= 0 and toks[prev].sent == sent and toks[prev].word and not _boundary(scan, prev):
            continue  # the name must start after a verb, a preposition or punctuation
        name = read_name(scan, start, "role")
        if name is None or name[1] != last:
            continue
        words = [t for t in range(start, last + 1) if toks[t].norm not in scan.lex.connectors]
        if len(words) >= 2 or (rare(toks[start].norm) and zipf(toks[start].norm) < 2.0):
            return name
    return None


def _boundary(scan: ArabicScan, i: int) -> bool:
    norm = scan.toks[i].norm
    return (
        scan.is_stop(i)
        or after_speech(norm)
        or norm in scan.common
        or scan.claimed[i] is not None
        or bool(_IMPERFECT.match(norm) and norm not in scan.names)
    )


def scan_speakers(scan: ArabicScan) -> None:
    """One uncommon word between a verb of saying and what was said: "وتضيف براون: ..."."""
    toks = scan.toks
    for i in range(1, scan.n - 1):
        tok, prev, nxt = toks[i], toks[i - 1], toks[i + 1]
        if not scan.free(i) or prev.sent != tok.sent or nxt.sent != tok.sent:
            continue
        if not after_speech(prev.norm) or tok.norm.startswith("ال") or tok.norm in _NOT_SPEAKERS:
            continue
        if not (nxt.text in (":", "«", '"') or nxt.norm in ("ان", "بان") or that_clause(scan, i + 1)):
            continue
        if scan.blocked(i) or scan.plain_word(i) or tok.norm[0] == "و" or scan.pronominal(tok.norm):
            continue
        labelled = nxt.text == ":" and not tok.norm.endswith("ا") and not scan.verb_shape(tok.norm)
        if (
            not scan.name_like(tok.norm)
            and not labelled
            and (tok.norm in scan.very_common or scan.verb_shape(tok.norm))
        ):
            continue  # before "إن" a name that is also a word must be a rarer one; before a colon it need not
        scan.add_person((i, i, 0, tok.norm), [], None, strong=False)


def scan_lone_given(scan: ArabicScan) -> None:
    """A lone given name where only a person fits: after kinship words, or as a verb's subject."""
    toks, lex = scan.toks, scan.lex
    for i in range(scan.n):
        tok = toks[i]
        if not scan.free(i):
            continue
        reading = next(
            (
                (k, rest)
                for k, rest in strip_clitic(tok.norm)[:2]
                if (k == 0 or tok.norm[0] == "و")
                and (scan.given_at(i, rest) or rest in lex.given_ambiguous)
                and rest not in ("غير", "باسم", "ابو", "ام", "عبد", "علي")
            ),
            None,
        )
        if reading is None or not _person_slot(scan, i):
            continue
        k, rest = reading
        if rest in lex.given_ambiguous and i > 0 and toks[i - 1].norm in _COPULAS:
            continue
        nxt = i + 1
        if nxt < scan.n and toks[nxt].sent == tok.sent and toks[nxt].word and not _ends(scan, nxt):
            continue  # the name must end here: "يجلس كريم مع ...", not "يكون كريم جالس"
        scan.add_person((i, i, k, rest), [], None, strong=False)


def _person_slot(scan: ArabicScan, i: int) -> bool:
    toks = scan.toks
    if i == 0 or toks[i - 1].sent != toks[i].sent or toks[i - 1].text in "(،,":
        # Opening a sentence or a clause before an imperfect verb: "عماد يرتبك ..." (a word this common
        # there is more often the word: "أمل يتجدد").
        nxt = i + 1
        return (
            nxt < scan.n
            and toks[nxt].sent == toks[i].sent
            and _imperfect(scan, nxt)
            and zipf(toks[i].norm) < 5.0
        )
    prev = toks[i - 1]
    if any(rest in _KINSHIP for _, rest in strip_clitic(prev.norm)):
        return True
    if _imperfect(scan, i - 1):
        return True
    return (
        i >= 2
        and toks[i - 2].sent == prev.sent
        and any(rest in _AFTER_VERB_PREPS for _, rest in strip_clitic(prev.norm))
        and _imperfect(scan, i - 2)
    )


def _imperfect(scan: ArabicScan, i: int) -> bool:
    tok = scan.toks[i]
    if not scan.free(i):
        return False
    return any(
        _IMPERFECT.match(rest)
        and not _TAFIL.match(rest)
        and rest not in scan.names
        and rest not in scan.lex.stopwords
        for k, rest in strip_clitic(tok.norm)[:2]
        if k == 0 or tok.norm[0] == "و"
    )


def _ends(scan: ArabicScan, i: int) -> bool:
    """What may follow a lone name: a preposition, a conjunction, a verb, a pronoun."""
    tok = scan.toks[i]
    norm = tok.norm
    return (
        tok.text in _CLOSERS
        or scan.is_stop(i)
        or norm[0] == "و"
        or bool(_IMPERFECT.match(norm))
        or norm in ("معه", "معها", "عليه", "له", "لها")
    )
