"""Provides text preparation: page-furniture removal, title/body split, and the sentence splitter.

The splitter works on the body as stored (display text, never normalized) and returns character spans, so every
offset the analyzers report points into `Analysis.text`. Sentences end at `. ! ? ؟ …` followed by white space
and at line breaks; never inside «…» or "…" quotes, inside numbers, URLs or e-mail addresses, or after a known
abbreviation (`د.`, `U.S.`, `Mr.`) or an initial.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- page furniture ---------------------------------------------------------------------------------------

_SKIP_LINES = re.compile(
    r"^(skip to (main )?content|تخط(ى|ي) إلى المحتوى( الرئيسي)?|انتقل إلى المحتوى( الرئيسي)?|"
    r"share( this)?( article)?|شارك(ها)?|تابعونا( على .*)?|follow us( on .*)?|advertisement|إعلان)\s*:?$",
    re.IGNORECASE,
)
_READ_ALSO = re.compile(r"^(اقرأ|إقرأ|اقرا)\s+(أيضا|أيضاً|ايضا|ايضاً)|^(read (more|also)|related)\b", re.IGNORECASE)
# Photo credits and captions: a short line ending in a parenthesised credit.
_CREDIT = re.compile(
    r"\((?:[^()]{0,40}(?:أرشيف|getty|afp|reuters|رويترز|فرانس برس|أ\s?ف\s?ب|الأناضول|anadolu|ap|epa|"
    r"فرانس ?برس|وكالات|سانا|xinhua|شينخوا|إكس|x|فيسبوك|facebook|تويتر|twitter)[^()]{0,40})\)\s*\.?$",
    re.IGNORECASE,
)
# Byline: "NAME ــ PLACE", "NAME - PLACE", "كتب: NAME", "By NAME".
_NAME_WORD = r"[^\s.،,:؟?!ـ–—-]+"
_BYLINE_DASH = re.compile(
    rf"^(?P<author>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})\s*(?:ـ+|–|—|-)\s*(?P<place>[^.،,:؟?!ـ]{{2,30}})$"
)
_BYLINE_WORD = re.compile(r"^(?:كتب|كتبت|بقلم|by)\s*:?\s+(?P<author>[^.،,:؟?!]{3,40})$", re.IGNORECASE)


@dataclass(frozen=True)
class Prepared:
    """An article's text made ready for analysis, with what was cut kept as metadata."""

    title: str
    body: str
    author: str | None = None
    dateline: str | None = None
    removed: tuple[str, ...] = ()


def _is_furniture(line: str) -> bool:
    words = len(line.split())
    if _SKIP_LINES.match(line) or _READ_ALSO.match(line):
        return True
    return words <= 25 and bool(_CREDIT.search(line))


def _byline(line: str) -> tuple[str, str | None] | None:
    if len(line.split()) > 7:
        return None
    if m := _BYLINE_WORD.match(line):
        return m["author"].strip(), None
    if m := _BYLINE_DASH.match(line):
        return m["author"].strip(), m["place"].strip()
    return None


def prepare(raw: str, title: str | None = None, author: str | None = None) -> Prepared:
    """Strip page furniture from a plain-text article. Without `title`, the first line that is not furniture
    is the title. A byline near the top becomes `author` and `dateline` unless `author` is already known."""
    lines = [ln.strip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    removed: list[str] = []
    kept: list[str] = []
    dateline: str | None = None
    for pos, line in enumerate(lines):
        if not line:
            if kept and kept[-1] != "":
                kept.append("")
            continue
        if title is None and not _is_furniture(line):
            title = line
            continue
        if title is not None and line == title.strip():
            continue
        near_top = sum(1 for k in kept if k) < 2 and pos < 12
        if near_top and (by := _byline(line)):
            removed.append(line)
            author = author or by[0]
            dateline = by[1]
            continue
        if _is_furniture(line):
            removed.append(line)
            continue
        kept.append(line)
    body = "\n\n".join(p for p in "\n".join(kept).split("\n\n") if p.strip())
    body = "\n\n".join(_join_lines(p) for p in body.split("\n\n"))
    return Prepared(title=(title or "").strip(), body=body, author=author, dateline=dateline, removed=tuple(removed))


def _join_lines(paragraph: str) -> str:
    return "\n".join(ln for ln in paragraph.split("\n") if ln)


# --- sentence splitting -----------------------------------------------------------------------------------

_TERMINATORS = ".!?؟…"
_CLOSERS = "\"'»”’)]"
_OPEN_CLOSE = {"«": "»", "“": "”", "(": ")"}
_ABBREV = {
    # Arabic: doctor, professor-doctor, engineer, AD/AH, BC, "ص" page
    "د", "أ.د", "ا.د", "م", "هـ", "ه", "ق.م", "ص", "ج", "ت",
    # English
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "sen", "rep", "gov", "pres",
    "st", "jr", "sr", "no", "vs", "etc", "e.g", "i.e", "u.s", "u.n", "u.k", "e.u", "a.m", "p.m", "inc", "ltd",
    "co", "corp", "dept", "fig", "approx", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "mt", "ft", "op", "al",
}
_WORD_BEFORE = re.compile(r"([\w.ـ]+)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, 0, dot)
    if not m:
        return False
    word = m.group(1).strip(".").casefold()
    if word in _ABBREV:
        return True
    # A single letter before the dot is an initial (George W. Bush; ع. محمد).
    return len(word) == 1 and word.isalpha()


def split_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans `[start, end)` over `text`, trimmed of white space, in order, covering every word."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        spans.extend((offset + a, offset + b) for a, b in _split_line(line))
        offset += len(line) + 1
    return spans


def _split_line(line: str) -> list[tuple[int, int]]:
    # A straight quote only protects what it encloses when the line's straight quotes pair up.
    straight = line.count('"') % 2 == 0
    cuts: list[int] = []
    expected: list[str] = []  # closing quotes we are inside of
    in_straight = False
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        if ch in _OPEN_CLOSE:
            expected.append(_OPEN_CLOSE[ch])
        elif expected and ch == expected[-1]:
            expected.pop()
        elif ch == '"' and straight:
            in_straight = not in_straight
        elif ch in _TERMINATORS and not expected and not in_straight:
            j = i
            while j + 1 < n and line[j + 1] in _TERMINATORS:
                j += 1
            k = j + 1
            while k < n and line[k] in _CLOSERS and line[k] != '"':
                k += 1
            if (k >= n or line[k].isspace()) and not (ch == "." and _is_abbreviation(line, i)):
                cuts.append(k)
            i = k
            continue
        elif ch in "»”" or (ch == '"' and straight and not in_straight):
            pass
        i += 1
        # A quoted sentence ending in a terminator ends the sentence at its closing quote: «... .» Next
        if (
            not expected
            and not in_straight
            and 1 < i < n
            and line[i - 1] in '»”"'
            and line[i - 2] in _TERMINATORS
            and line[i].isspace()
        ):
            cuts.append(i)
    spans: list[tuple[int, int]] = []
    prev = 0
    for cut in [*cuts, n]:
        seg = line[prev:cut]
        a = prev + len(seg) - len(seg.lstrip())
        b = prev + len(seg.rstrip())
        if b > a:
            spans.append((a, b))
        prev = cut
    return spans
