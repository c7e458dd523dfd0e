"""Provides the Arabic rule for later mentions (`scan_aliases`) and the speech cues other rules share.

A person found with a title or from the table is met again by surname, by the last two words of a longer
name, or by a table form, with clitics ("وعباس", "لبيدرسون"); a lone surname right after an unclaimed given
name belongs to someone else, and one right after "عائلة" names the family. Names without a title are read
in `ar_untitled`.
"""

from __future__ import annotations

from functools import lru_cache

from briefing.nlp.actors.ar_lexicon import strip_clitic, zipf
from briefing.nlp.actors.ar_names import ORDINALS
from briefing.nlp.actors.ar_state import MARKS, ArabicScan, NameSpan
from briefing.nlp.actors.tokens import Found
from briefing.nlp.text.arabic import normalize

_SPEECH = frozenset(
    normalize(w)
    for w in """قال قالت يقول تقول أضاف أضافت أكد أكدت أوضح أوضحت صرح صرحت أعلن أعلنت
أشار أشارت أفاد أفادت ذكر ذكرت رأى رأت اعتبر اعتبرت شدد شددت لفت لفتت تابع تابعت يضيف تضيف يرى ترى حذر حذرت
كتب كتبت نوه نوهت نفى نفت أعرب أعربت اعترف اعترفت أقر أقرت زعم زعمت يؤكد تؤكد يوضح توضح يشير تشير
يعتبر تعتبر""".split()
)


_SON_OF = frozenset({"بن", "بنت", "ابن", "ولد"})
_FAMILY = frozenset(normalize(w) for w in "عائلة العائلة عائلات أسرة الأسرة عشيرة حمولة".split())


@lru_cache(maxsize=16384)
def rare(norm: str) -> bool:
    """Whether an Arabic word is rare enough in wordfreq (Zipf < 3) to be a family name rather than a noun."""
    return zipf(norm) < 3.0


def alias_table(scan: ArabicScan) -> dict[tuple[str, ...], Found | None]:
    """Forms a person found so far may take later: full name, surname, last two words, table forms."""
    forms: dict[tuple[str, ...], Found | None] = {}
    identity: dict[tuple[str, ...], str] = {}
    for f in scan.found:
        if f.kind != "person":
            continue
        ident = f.known.key if f.known else " ".join(f.tokens)
        toks = f.tokens
        cands = [toks]
        if (
            len(toks) >= 2
            and len(toks[-1]) >= 3
            and toks[-1] not in scan.lex.connectors | {"الله"}
            and toks[-1] not in ORDINALS  # "عبدالله الثاني" is never "الثاني"
        ):
            cands.append(toks[-1:])
        if len(toks) >= 3 and not _nasab_tail(toks):
            cands.append(toks[-2:])
        if f.known:
            cands.extend(tuple(normalize(w) for w in form.split()) for form in f.known.arabic_forms)
        for c in cands:
            if c in identity and identity[c] != ident:
                forms[c] = None
            elif c not in identity:
                identity[c], forms[c] = ident, f
    return forms


def _nasab_tail(toks: tuple[str, ...]) -> bool:
    """Whether a name is a nasab ("محمد بن سلمان بن عبد العزيز"): its last words name the father or the
    grandfather, never the person met again; "أحمد بن حلي" is met again as "بن حلي", its family name."""
    return any(t in _SON_OF for t in toks[1:-2])


def scan_aliases(scan: ArabicScan) -> None:
    forms = alias_table(scan)
    longest = max((len(f) for f in forms), default=0)
    i = 0
    while i < scan.n:
        if not scan.free(i):
            i += 1
            continue
        hit: tuple[NameSpan, Found] | None = None
        for k, first in strip_clitic(scan.toks[i].norm):
            if k > 0 and scan.toks[i].norm in scan.common:
                break
            for length in range(min(longest, scan.n - i), 0, -1):
                span = scan.toks[i : i + length]
                if any(scan.claimed[s.i] is not None or s.sent != span[0].sent for s in span):
                    continue
                target = forms.get((first, *(s.norm for s in span[1:])))
                if target is not None and (hit is None or length > hit[0][1] - i + 1):
                    hit = ((i, i + length - 1, k, first), target)
                    break
        if hit is None or (
            hit[0][1] == i
            and (inside_other_name(scan, i) or after_family(scan, i) or _preposition_ala(scan, i))
        ):
            i += 1
            continue
        if scan.named_after(i):
            i = hit[0][1] + 1  # "شارع عرفات": a street named after the person met before
            continue
        (_, last, _, _), target = hit
        scan.add_person(hit[0], [], None, strong=False, tokens=target.tokens, known=target.known)
        i = last + 1


def _preposition_ala(scan: ArabicScan, i: int) -> bool:
    """ "على" (with a clitic too: "وعلى") is the preposition, never a later mention of a name ending in
    "علي": its written alef maksura tells them apart."""
    return any(rest == "علي" for _, rest in strip_clitic(scan.toks[i].norm)) and scan.toks[i].text.rstrip(
        MARKS
    ).endswith("ى")


def inside_other_name(scan: ArabicScan, i: int) -> bool:
    """A lone surname right after a given name belongs to another person ("محمود عباس" vs "علي عباس")."""
    prev = i - 1
    return (
        prev >= 0
        and scan.toks[prev].sent == scan.toks[i].sent
        and scan.claimed[prev] is None
        and scan.toks[prev].norm in scan.lex.given
    )


def after_family(scan: ArabicScan, i: int) -> bool:
    """A surname right after "عائلة", "أسرة" names the family, not the person met before."""
    prev = i - 1
    return prev >= 0 and scan.toks[prev].sent == scan.toks[i].sent and scan.toks[prev].norm in _FAMILY


def after_speech(norm: str) -> bool:
    return any(rest in _SPEECH for _, rest in strip_clitic(norm))


def speech_ends(scan: ArabicScan, last: int) -> bool:
    """After a verb of saying, a name is followed by what was said: punctuation, "إن", "أن", a quote,
    "إلى أن" ("وأشار عريقات إلى أن ..."), or by whom it was told: "للصحفيين", "لوكالة ..."."""
    nxt = last + 1
    if scan.apposition_ends(last):
        return True
    norm = scan.toks[nxt].norm
    return (
        norm in ("ان", "بان", "لـ")
        or scan.toks[nxt].text in '«"'
        or that_clause(scan, nxt)
        or (norm.startswith("لل") and len(norm) > 4)
        or (norm.startswith("ل") and norm[1:] in scan.lex.media_heads)
    )


def that_clause(scan: ArabicScan, i: int) -> bool:
    """ "إلى أن" opening what was said after "أشار", "لفت", "نوه" and the like."""
    return (
        i + 1 < scan.n
        and scan.toks[i].norm == "الي"
        and scan.toks[i + 1].norm in ("ان", "انه", "انها")
        and scan.toks[i + 1].sent == scan.toks[i].sent
    )


def vocative(scan: ArabicScan, i: int) -> bool:
    """ "يا فاخر": a given name called out."""
    return i > 0 and scan.toks[i - 1].norm == "يا" and scan.toks[i - 1].sent == scan.toks[i].sent
