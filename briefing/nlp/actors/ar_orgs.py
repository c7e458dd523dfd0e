"""Provides the Arabic organisation rules: outlets named after a media head and organisations built on a head.

`صحيفة "الشرق الأوسط"` names the newspaper (not the region), `وكالة سانا` the agency, `موقع Axios` the site:
a media head takes a quoted title, a gazetteer organisation form (including those ambiguous alone, "~" in the
table), Latin words or uncommon words. An organisation head (`وزارة`, `اللجنة`, `مجلس`, `حزب` ...) takes
defining
words after it: definite words, demonyms, gazetteer entries, genitives with ل ("للأمم"): "وزارة الخارجية
التركية", "اللجنة الدستورية", "بلدية نابلس". Media outlets run before the gazetteer so a newspaper's name wins
over the place it is named after; organisation heads run after it, since they build on its entries.
"""

from __future__ import annotations

from briefing.nlp.actors.ar_lexicon import strip_clitic
from briefing.nlp.actors.ar_state import ArabicScan
from briefing.nlp.actors.gazetteer import tables
from briefing.nlp.actors.known import table
from briefing.nlp.actors.tokens import Found, after_clitic

_QUOTES = {'"': '"', "«": "»", "“": "”", "'": "'"}
_NAMED_HEADS = frozenset(
    "حركه حزب تنظيم جماعه جبهه تحالف ائتلاف كتائب سرايا فيلق شركه مؤسسه بنك مركز معهد".split()
)
# A ministry named by its portfolio and a feminine demonym: "الخارجية القطرية" (the masculine "وزير الخارجية
# القطري" is a title, not the ministry).
_PORTFOLIOS = frozenset({"الخارجيه", "الداخليه"})
_MAX_COMPLEMENTS = 5


def _org(scan: ArabicScan, first: int, last: int, k: int) -> None:
    gaz = tables()
    words = tuple(rest for kk, rest in strip_clitic(scan.toks[first].norm) if kk == k)[:1]
    key = (*words, *(t.norm for t in scan.toks[first + 1 : last + 1]))
    eid = gaz.ar_headed.get(key)
    found = Found("org", after_clitic(scan.toks[first], k), scan.toks[last].end, key, eid=eid)
    scan.add(found, first, last - first + 1)
    scan.org_at[first] = last


def _headed_length(scan: ArabicScan, j: int) -> int:
    headed, toks = tables().ar_headed, scan.toks
    for length in range(min(tables().max_len, scan.n - j), 0, -1):
        if (
            toks[j + length - 1].sent == toks[j].sent
            and tuple(t.norm for t in toks[j : j + length]) in headed
        ):
            return length
    return 0


def _known_length(scan: ArabicScan, j: int) -> int:
    """The length of the longest name of the bilingual table (two words or more) starting at token `j`."""
    known, toks = table(), scan.toks
    for length in range(min(known.max_len, scan.n - j), 1, -1):
        span = toks[j : j + length]
        if span[-1].sent == toks[j].sent and tuple(t.norm for t in span) in known.by_arabic:
            return length
    return 0


def scan_media(scan: ArabicScan) -> None:
    """Outlets after a media head; what they name is an organisation even when it spells a place."""
    toks = scan.toks
    for i in range(scan.n - 1):
        if not toks[i].word or not any(
            rest in scan.lex.media_heads for _, rest in strip_clitic(toks[i].norm)
        ):
            continue
        j, sent = i + 1, toks[i].sent
        if toks[j].sent != sent or scan.claimed[j] is not None:
            continue
        if toks[j].text in _QUOTES:
            close = next(
                (
                    c
                    for c in range(j + 1, min(j + 9, scan.n))
                    if toks[c].text == _QUOTES[toks[j].text] or toks[c].sent != sent
                ),
                None,
            )
            if close is not None and close > j + 1 and toks[close].sent == sent:
                _org(scan, j + 1, close - 1, 0)
            continue
        if length := _headed_length(scan, j):
            _org(scan, j, j + length - 1, 0)
            continue
        last = j - 1
        while (
            last + 1 < scan.n
            and last - j < 2
            and toks[last + 1].sent == sent
            and toks[last + 1].word
            and (
                toks[last + 1].text.isascii()
                or not (
                    scan.is_stop(last + 1)
                    or toks[last + 1].norm in scan.common
                    or toks[last + 1].norm[0] == "و"
                )
            )
        ):
            last += 1
        if last >= j:
            _org(scan, j, last, 0)


def scan_orgs(scan: ArabicScan) -> None:
    """Organisations built on a head word, over tokens no earlier layer claimed."""
    toks, lex = scan.toks, scan.lex
    i = 0
    while i < scan.n:
        if not scan.free(i):
            i += 1
            continue
        reading = next(
            (
                (k, rest)
                for k, rest in strip_clitic(toks[i].norm)
                if rest in lex.org_heads or rest in lex.media_heads
            ),
            None,
        )
        if reading is None:
            nxt = toks[i + 1].norm if i + 1 < scan.n else ""
            if (
                toks[i].norm in _PORTFOLIOS
                and nxt.endswith("ه")
                and (nxt,) in tables().ar_demonyms
                and scan.claimed[i + 1] is None
            ):
                _org(scan, i, i + 1, 0)
                i += 2
            else:
                i += 1
            continue
        last = _complements(scan, i, reading[1])
        gaz_next = scan.gaz_at.get(i + 1)
        if gaz_next and i + gaz_next[0] == last and tables().entries[gaz_next[2]].kind == "org":
            last = i  # "منظمة أوبك": the head only describes an organisation the gazetteer names
        if (
            last > i
            and not reading[1].startswith("ال")
            and toks[i + 1].norm.startswith("ل")
            and i + 1 not in scan.gaz_at
        ):
            last = i  # "لجنة للمصالحة": an indefinite head with a ل complement names no organisation
        if last > i:
            _org(scan, i, last, reading[0])
            i = last + 1
        else:
            i += 1


def _complements(scan: ArabicScan, i: int, head: str) -> int:
    """The last token of the organisation whose head is at `i` (`i` itself when nothing defines it)."""
    toks, gaz, lex = scan.toks, tables(), scan.lex
    sent, j, count, last = toks[i].sent, i + 1, 0, i
    while j < scan.n and count < _MAX_COMPLEMENTS and toks[j].sent == sent and toks[j].word:
        norm = toks[j].norm
        if j in scan.gaz_at:
            length, k, _ = scan.gaz_at[j]
            if k > 0 and not norm.startswith("ل"):
                break
            j += length
        elif scan.claimed[j] is not None or scan.is_stop(j) or scan.role_head(j):
            break
        elif norm.startswith("ال") or norm.startswith("لل") or (norm,) in gaz.ar_demonyms:
            if norm in scan.common and norm in lex.stopwords:
                break
            j += 1
        elif head in _NAMED_HEADS and count == 0 and (length := _known_length(scan, j)):
            j += length  # "مؤسسة ياسر عرفات": named after a person of the table
        elif head in _NAMED_HEADS and count == 0 and norm not in scan.common and norm[0] != "و":
            j += 1
        elif norm in lex.role_mods and j + 1 < scan.n and toks[j + 1].norm.startswith("ال"):
            j += 1
        else:
            break
        count += 1
        last = j - 1
    return last
