"""Provides the Arabic rule for persons introduced by a title (`scan_roles`) and the title reader it uses.

A title is a head ("وزير", "المبعوث") continued by modifiers (portfolios, demonyms, "في حكومة ...", "إلى
سورية"); titles may stack ("السفير الروسي في دمشق الممثل الخاص ..."), be compound ("نائب وزير"), or be
shared by a second name ("نائبي وزير الخارجية التركي ...، والروسي ..."). The first demonym gives the
affiliation, else the first country or organisation named other than as a destination. The name after the
title is read by `ar_names` and extended to the longest form of the bilingual table.
"""

from __future__ import annotations

from briefing.nlp.actors.ar_lexicon import strip_clitic, zipf
from briefing.nlp.actors.ar_names import read_name
from briefing.nlp.actors.ar_state import ArabicScan
from briefing.nlp.actors.gazetteer import tables
from briefing.nlp.actors.known import table
from briefing.nlp.actors.tokens import after_clitic

_LOCATIVE = frozenset({"في", "الي", "لدي"})
_GOVERNMENT = frozenset({"حكومه", "الحكومه", "النظام", "نظام"})
_INDEFINITE_PORTFOLIO = frozenset({"خارجيه", "دفاع", "داخليه", "ماليه", "عدل", "صحه", "اقتصاد"})
_MAX_ROLE_TOKENS = 14


def scan_roles(scan: ArabicScan) -> None:
    i = 0
    while i < scan.n:
        if scan.claimed[i] is not None or (head := scan.role_head(i)) is None:
            i += 1
            continue
        i = read_titled(scan, i, head)


def read_titled(scan: ArabicScan, i: int, head: tuple[int, int]) -> int:
    """Read stacked titles from token `i`, then the name they introduce; returns where to continue."""
    roles, affiliation, end = read_title(scan, i, head)
    comma = end < scan.n and scan.toks[end].text in "،," and scan.toks[end].sent == scan.toks[i].sent
    a, b, c = roles[-1]
    personal = a == b and any(
        kk == c and rest in scan.lex.firm_titles for kk, rest in strip_clitic(scan.toks[a].norm)
    )
    start = end + 1 if comma else end
    if start < scan.n and clitic_complement(scan, start):
        return i + head[0]
    name = read_name(scan, start, "personal" if personal and not comma else "role")
    if name is None or (comma and not scan.apposition_ends(name[1])):
        return i + head[0]
    name = extend_known(scan, name)
    if scan.named_after(i, institutions=False):
        for t in range(i, name[1] + 1):
            scan.claimed[t] = "skip"  # "مطار الملك خالد", "مستشفى الشهيد ...": named after a person
        return name[1] + 1
    honorific_only = len(roles) == 1 and scan.is_honorific(roles[0][0], roles[0][2])
    titles = (
        []
        if honorific_only
        else [role_text(scan, a, b, c) for a, b, c in roles if not scan.is_honorific(a, c)]
    )
    person = scan.add_person(name, titles, affiliation, strong=True)
    after = name[1] + 1
    if person is not None and titles:
        after = read_shared(scan, after, titles, person.first)
    return after


def clitic_complement(scan: ArabicScan, j: int) -> bool:
    """ل + a word wordfreq knows, right after a title, is its complement ("الرئيس التنفيذي لبورصة
    فلسطين"), not a name; foreign names opening with ل ("لافروف") are rare once the clitic is taken off."""
    norm = scan.toks[j].norm
    return (
        scan.toks[j].word
        and norm[0] == "ل"
        and len(norm) >= 4
        and norm not in scan.names
        and zipf(norm[1:]) >= 2.0
    )


def read_title(
    scan: ArabicScan, i: int, head: tuple[int, int]
) -> tuple[list[tuple[int, int, int]], str | None, int]:
    """Stacked titles from token `i`: their (first token, last token, clitic length), the affiliation they
    give, and the first token after them."""
    roles: list[tuple[int, int, int]] = []
    affiliation: str | None = None
    start, (length, k) = i, head
    j = i + length
    while True:
        head_last = scan.toks[j - 1].norm
        if j - 1 == start and k:
            head_last = next(rest for kk, rest in strip_clitic(head_last) if kk == k)  # "للفنانة"
        genitive = not head_last.startswith("ال") and head_last != "." and not scan.is_honorific(start, k)
        personal = j - start == 1 and any(
            kk == k and rest in scan.lex.personal_titles for kk, rest in strip_clitic(scan.toks[start].norm)
        )
        end, aff = read_modifiers(scan, j, scan.toks[start].sent, genitive, personal)
        nxt = scan.role_head(end) if end < scan.n and scan.claimed[end] is None else None
        compound = (
            not head_last.startswith("ال")
            and not personal
            and scan.toks[end].norm not in scan.lex.personal_titles
            if end < scan.n
            else False
        )
        if end == j and nxt is not None and nxt[1] == 0 and compound:
            j = end + nxt[0]  # a compound title: "نائب وزير", "مساعد وزير", "نائبي وزير"
            continue
        roles.append((start, end - 1, k))
        affiliation = affiliation or aff
        if nxt is None or len(roles) >= 3 or nxt[1] != 0:
            break
        start, (length, k) = end, nxt
        j = end + length
    return roles, affiliation, end


def read_modifiers(
    scan: ArabicScan, j: int, sent: int, genitive: bool = False, personal: bool = False
) -> tuple[int, str | None]:
    """Extend a title over its modifiers; returns (first token after the title, affiliation id). The
    affiliation is the title's first demonym ("الإيراني", "الأممي"), else the first organisation or
    country
    it names other than as a destination or posting ("إلى سورية", "في دمشق"). After an indefinite word
    ("وزير", "مجلس", "قائمقام") the next word is its complement, never the name: "قائمقام صفد"."""
    toks, gaz, lex = scan.toks, tables(), scan.lex
    named: str | None = None
    locative = False
    begin, count, unknown = j, 0, 0
    while j < scan.n and toks[j].sent == sent and toks[j].word and count < _MAX_ROLE_TOKENS:
        norm = toks[j].norm
        count += 1
        if genitive and (norm in lex.given or (personal and norm in lex.given_ambiguous)):
            break  # "لشيخ صادق عرفات": a given name ends the title, it is no complement
        if (
            genitive
            and j not in scan.gaz_at
            and j not in scan.org_at
            and not scan.is_stop(j)
            and (norm,) not in gaz.ar_demonyms
        ):
            genitive = not norm.startswith("ال") and (norm in lex.role_mods or norm in lex.org_heads)
            j += 1
            continue
        genitive = False
        if j in scan.gaz_at:
            length, k, eid = scan.gaz_at[j]
            posting = locative or (k > 0 and not norm.startswith("ل"))
            if gaz.entries[eid].kind != "place" and not posting and named is None:
                named = eid
            j, locative = j + length, False
            continue
        if j in scan.org_at:
            j, locative = scan.org_at[j] + 1, False
            continue
        if (norm,) in gaz.ar_demonyms:
            j += 1
            continue
        if norm in _LOCATIVE and not scan.is_preposition_ya(j):
            nxt = toks[j + 1].norm if j + 1 < scan.n else ""
            if j + 1 in scan.gaz_at or j + 1 in scan.org_at or nxt in _GOVERNMENT or nxt in lex.role_mods:
                j, locative = j + 1, True
                continue
            break
        if norm == "باسم" or norm in lex.role_mods or norm in lex.org_heads:
            # "باسم الخارجية", "رئيس هيئة الأركان" take a complement; "باسمها" is complete.
            genitive = not norm.startswith("ال") and not norm.startswith("باسم") or norm == "باسم"
            j += 1
            continue
        if (
            norm.startswith("ال")
            and norm not in scan.names
            and not norm.endswith("ا")  # "ألينا", "أليكسا": a foreign name, no Arabic portfolio
            and not scan.is_stop(j)
            and unknown < 2
            and not personal
            and scan.role_head(j) is None
        ):
            unknown += 1  # a portfolio the lists lack: "وزير التموين الأردني"
            j += 1
            continue
        clitic_mod = next(
            (
                rest
                for _, rest in strip_clitic(norm)[1:]
                if rest in lex.role_mods or rest in lex.org_heads or (rest,) in lex.role_heads
            ),
            None,
        )
        if clitic_mod is not None:
            genitive = not clitic_mod.startswith("ال")  # "لإدارة الأزمات", "لشؤون اللاجئين"
            j += 1
            continue
        if conjoined_portfolio(scan, j):
            genitive = not norm.startswith("وال")  # "وزير التجهيز والماء", "الطرق وبناء المدن"
            j += 1
            continue
        if (
            personal
            and norm.startswith("ال")
            and norm.endswith(("ي", "يه"))
            and norm not in scan.names
            and j + 1 < scan.n
            and toks[j + 1].word
            and not scan.is_stop(j + 1)
        ):
            j += 1  # "الناشطة الحقوقية المصرية ماهينور المصري": an adjective, a name follows
            continue
        break
    demonym = next((gaz.ar_demonyms[(t.norm,)] for t in toks[begin:j] if (t.norm,) in gaz.ar_demonyms), None)
    return j, demonym or named


def conjoined_portfolio(scan: ArabicScan, j: int) -> bool:
    """A second portfolio joined by و inside a title: "والماء", "والمغتربين", "وبناء المدن"; never a
    demonym ("والروسي" shares the title with a second name) or a name."""
    norm, toks = scan.toks[j].norm, scan.toks
    rest = norm[1:]
    if norm[0] != "و" or j + 1 >= scan.n or toks[j + 1].sent != toks[j].sent:
        return False
    if rest in scan.names or (rest,) in tables().ar_demonyms or scan.role_head(j) is not None:
        return False
    if rest.startswith("ال"):
        return rest[2:] not in scan.lex.given and not scan.is_stop(j)
    return rest in scan.common and toks[j + 1].norm.startswith("ال")


def role_text(scan: ArabicScan, first: int, last: int, clitic: int) -> str:
    """The title as written, without a trailing demonym or government phrase (they give the affiliation),
    a dual head in the singular, an indefinite portfolio made definite ("وزير خارجية" -> "وزير
    الخارجية")."""
    toks, gaz = scan.toks, tables()
    end = last
    has_basm = any(toks[t].norm == "باسم" for t in range(first, last + 1))
    cut = next(
        (
            t
            for t in range(first + 1, last + 1)
            if toks[t].norm in _GOVERNMENT
            or (toks[t].norm in ("في", "لدي") and t + 1 <= last and toks[t + 1].norm in _GOVERNMENT)
        ),
        None,
    )
    if cut is not None and all(
        toks[t].norm in _GOVERNMENT or toks[t].norm in ("في", "لدي") or (toks[t].norm,) in gaz.ar_demonyms
        for t in range(cut, last + 1)
    ):
        end = cut - 1
    while end > first and (toks[end].norm,) in gaz.ar_demonyms and not has_basm:
        end -= 1
    words = [toks[t].text for t in range(first, end + 1)]
    words[0] = words[0][after_clitic(toks[first], clitic) - toks[first].start :]
    if clitic and toks[first].norm[clitic - 1 : clitic + 1] == "لل":
        words[0] = "ا" + words[0]  # "للأمير" is ل + "الأمير"
    head = scan.lex.duals.get(toks[first].norm[clitic:])
    if head:
        words[0] = head
    if toks[end].norm in _INDEFINITE_PORTFOLIO and end > first:
        words[-1] = "ال" + words[-1]
    return " ".join(words)


def read_shared(scan: ArabicScan, j: int, titles: list[str], first_person: int) -> int:
    """A title shared by a second name:
    "نائبي وزير الخارجية التركي بوراك أكجابار، والروسي ميخائيل غالوزين"."""
    toks, gaz = scan.toks, tables()
    if j < scan.n and toks[j].text in "،,":
        j += 1
    if j >= scan.n or not toks[j].word or not toks[j].norm.startswith("و"):
        return j
    dem = gaz.ar_demonyms.get((toks[j].norm[1:],))
    if dem is None or toks[j].sent != toks[first_person].sent:
        return j
    name = read_name(scan, j + 1, "role")
    if name is None:
        return j
    scan.add_person(name, list(titles), dem, strong=True)
    return name[1] + 1


def extend_known(scan: ArabicScan, name: tuple[int, int, int, str]) -> tuple[int, int, int, str]:
    """A name read after a title, extended to the longest table form from there ("عبد الله الثاني")."""
    first, last, k, first_norm = name
    known = table()
    for length in range(min(known.max_len, scan.n - first), last - first + 1, -1):
        span = scan.toks[first : first + length]
        if (
            span[-1].sent == span[0].sent
            and all(scan.claimed[t.i] is None for t in span)
            and (first_norm, *(t.norm for t in span[1:])) in known.by_arabic
        ):
            return first, first + length - 1, k, first_norm
    return name
