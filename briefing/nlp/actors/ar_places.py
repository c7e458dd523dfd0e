"""Provides the Arabic rule for places the gazetteer lacks: a place-type head and the name after it.

Villages, camps, quarters and districts are named in news far more often than any table could list: "مخيم
الجلزون", "قرية روجيب", "بلدة بيتا", "حي الشيخ جراح", "قرية كفر عانة". After a place-type head the next one to
three words are the name when they look like one: not claimed by an earlier layer, no preposition or
common word (a definite word counts when it is rare in wordfreq), and a first word such as "كفر", "بيت",
"عين", "دير", "تل" takes the word after it. The place is reported with its head ("مخيم الجلزون"), which
tells what it is. A known place after the head ("مدينة جنين") is left to the gazetteer.
"""

from __future__ import annotations

from briefing.nlp.actors.ar_lexicon import strip_clitic
from briefing.nlp.actors.ar_mentions import rare
from briefing.nlp.actors.ar_state import ArabicScan
from briefing.nlp.actors.tokens import Found, after_clitic
from briefing.nlp.text.arabic import normalize

_PLACE_HEADS = frozenset(
    normalize(w) for w in "قرية بلدة مخيم حي قضاء ناحية خربة عزبة جزيرة مدينة منطقة محافظة".split()
)
# First words of compound place names: they always take the next word.
_COMPOUND = frozenset(normalize(w) for w in "كفر بيت عين دير تل جبل وادي بئر برج خان أبو أم رأس".split())
_MAX_WORDS = 3


def scan_place_heads(scan: ArabicScan) -> None:
    """Places named after a place-type head word, over tokens no earlier layer claimed."""
    toks = scan.toks
    for i in range(scan.n - 1):
        if not scan.free(i):
            continue
        reading = next(((k, r) for k, r in strip_clitic(toks[i].norm) if r in _PLACE_HEADS), None)
        if reading is None or scan.claimed[i + 1] is not None:
            continue
        last = _name_end(scan, i + 1, toks[i].sent)
        if last is None:
            continue
        k = reading[0]
        words = (reading[1], *(t.norm for t in toks[i + 1 : last + 1]))
        scan.add(Found("place", after_clitic(toks[i], k), toks[last].end, words), i, last - i + 1)


def _name_end(scan: ArabicScan, j: int, sent: int) -> int | None:
    toks, last, t = scan.toks, None, j
    while t < scan.n and t - j < _MAX_WORDS and toks[t].sent == sent and toks[t].word:
        norm = toks[t].norm
        compound = last is not None and toks[last].norm in _COMPOUND
        if (
            scan.claimed[t] is not None
            or scan.is_stop(t)
            or scan.plain_word(t)
            or norm[0] == "و"
            or (norm,) in scan.demonyms
            or scan.role_head(t) is not None
            or norm in scan.lex.org_heads
            or (not compound and norm not in _COMPOUND and not _name_word(scan, norm))
        ):
            break
        last = t
        t += 1
    if last is not None and toks[last].norm in _COMPOUND:
        last = last - 1 if last > j else None  # "قرية بيت" alone names nothing
    return last


def _name_word(scan: ArabicScan, norm: str) -> bool:
    if norm.startswith("ال"):
        return rare(norm) or norm not in scan.common
    return norm not in scan.common and not scan.pronominal(norm)
